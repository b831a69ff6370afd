// Sharding a batch across independent processes: a stable subset of the inputs per shard.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace briefkit {

/// Shard `index` (1-based) of `count`.
struct Shard {
    std::size_t index = 1;  ///< Which shard, 1 to count.
    std::size_t count = 1;  ///< How many shards there are.
};

/// Parses `K/N` (1 <= K <= N); throws UsageError otherwise.
[[nodiscard]] Shard parse_shard(const std::string& text);

/// The shard chosen by Slurm's SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, when both are
/// set: task id modulo the count, plus one, so arrays numbered from 0 or from 1 both cover
/// every shard. Throws UsageError when they are set but are not numbers.
[[nodiscard]] std::optional<Shard> shard_from_slurm();

/// True when the input whose output path (relative to the output folder, without extension)
/// is `relative` belongs to `shard`: a hash of that path, the same on every machine, picks it.
[[nodiscard]] bool in_shard(const std::string& relative, const Shard& shard);

}  // namespace briefkit
