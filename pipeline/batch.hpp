// The batch engine: read each input, convert it to every chosen format, write the files.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/shard.hpp"

namespace briefkit {

/// What to do with every input of a batch.
struct BatchOptions {
    ConversionOptions convert;                 ///< Reader and writer options, formats (each written once per input) and time limit.
    std::filesystem::path output_dir = "out";  ///< Folder outputs go under, mirroring the inputs.
    bool to_stdout = false;                    ///< Write the one output to standard output instead.
    unsigned jobs = 1;                         ///< Inputs converted at once (worker threads).
    std::filesystem::path manifest;            ///< The manifest; empty: `<output_dir>/.briefkit/manifest.ndjson`.
    bool force = false;                        ///< Convert inputs the manifest says are done (unchanged files are still not rewritten).
    std::optional<Shard> shard;                ///< Only this shard of the inputs.
    bool sync = false;                         ///< fsync() each output and its folder (--sync).
    bool follow_links = false;                 ///< Read links in input folders that lead outside them (--follow-links).
};

/// How a batch went.
struct BatchResult {
    std::size_t total = 0;      ///< Inputs in the batch (in this shard).
    std::size_t converted = 0;  ///< Inputs whose every output was written (or already held those bytes).
    std::size_t skipped = 0;    ///< Inputs the manifest showed done, with their outputs intact.
    std::size_t failed = 0;     ///< Inputs that failed; each was reported.
    bool interrupted = false;   ///< True when a stop was requested and inputs were left undone.
    double seconds = 0;         ///< Wall-clock time of the batch.
    std::optional<Error> manifest_error;  ///< The failed manifest write that stopped the batch early, if one did.
};

/// Where the batch engine reports what happens; it never calls two of these at once.
struct BatchEvents {
    std::function<void(const Error&)> error;                                          ///< A failed input.
    std::function<void(const std::string& file, const std::string& message)> warning;  ///< A writer's warning.
    std::function<void(const BatchResult& so_far)> progress;  ///< After each input finishes.
};

/// Converts every input with `options.jobs` workers; a failed input is reported and the batch
/// goes on. Outputs are the same bytes whatever the number of workers, and the manifest lists
/// inputs in input order. Returns early, after the inputs in flight, when request_stop() is called.
BatchResult run_batch(const std::vector<Input>& inputs, const BatchOptions& options, const BatchEvents& events);

/// Converts the inputs `arguments` name (files, folders, `-`; see InputWalker), walking the
/// folders as the batch goes so that memory does not grow with the batch; `total` is what
/// count_inputs() gave, for progress.
BatchResult run_batch(const std::vector<std::string>& arguments, const std::string& glob, std::size_t total,
                      const BatchOptions& options, const BatchEvents& events);

/// How many inputs a batch's arguments hold.
struct InputCount {
    std::size_t all = 0;       ///< Every input.
    std::size_t in_shard = 0;  ///< Those of the shard (all of them without one).
};

/// Counts the inputs `arguments` hold, in one walk of the folders, leaving out `output_dir`
/// as run_batch() does.
[[nodiscard]] InputCount count_inputs(const std::vector<std::string>& arguments, const std::string& glob,
                                      const std::optional<Shard>& shard, const std::filesystem::path& output_dir = {});

/// Asks running batches to stop after the inputs in flight; safe to call from a signal handler.
void request_stop() noexcept;

/// The fingerprint of what decides an input's outputs: the Briefkit version, the formats, the
/// reader options and the writer options (with each format's settings_key(): a style file's content).
[[nodiscard]] std::string options_fingerprint(const BatchOptions& options);

}  // namespace briefkit
