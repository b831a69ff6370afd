#include "pipeline/shard.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "briefkit/error.hpp"
#include "pipeline/model/hash.hpp"

namespace briefkit {

namespace {

std::optional<std::size_t> number(std::string_view text) {
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

Shard parse_shard(const std::string& text) {
    const std::size_t slash = text.find('/');
    const auto k = slash == std::string::npos ? std::nullopt : number(std::string_view(text).substr(0, slash));
    const auto n = slash == std::string::npos ? std::nullopt : number(std::string_view(text).substr(slash + 1));
    if (!k || !n || *n == 0 || *k == 0 || *k > *n) {
        throw UsageError(fmt::format("--shard '{}': expected K/N with 1 <= K <= N, such as 2/8", text));
    }
    return {*k, *n};
}

std::optional<Shard> shard_from_slurm() {
    const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
    const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
    if (id == nullptr || count == nullptr) return std::nullopt;
    const auto i = number(id);
    const auto n = number(count);
    if (!i || !n || *n == 0) {
        throw UsageError(fmt::format("SLURM_ARRAY_TASK_ID='{}' and SLURM_ARRAY_TASK_COUNT='{}' do not name a shard", id, count));
    }
    return Shard{*i % *n + 1, *n};
}

bool in_shard(const std::string& relative, const Shard& shard) {
    // The first 64 bits of a SHA-256: stable across machines, compilers and releases.
    const std::uint64_t h = std::stoull(sha256_hex(relative).substr(0, 16), nullptr, 16);
    return h % shard.count == shard.index - 1;
}

}  // namespace briefkit
