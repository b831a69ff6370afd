// What the hostile-input suites share: a bounded run of the real executable (killed after two
// minutes, its wall time and peak memory recorded in hostile-report.tsv), and a batch of one
// hostile input beside a good article, with the checks every case makes.
#pragma once

#include <sys/resource.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.hpp"

namespace briefkit::test {

/// An article of our own, to sit beside each hostile input and show the batch goes on.
extern const std::string kGood;

/// The first lines of an article YAML file, and an XML declaration.
extern const std::string kYamlHead;
extern const std::string kXmlHead;

/// What one bounded run of briefkit gave.
struct Bounded {
    int exit_code = -1;   ///< The exit code, or 128 + the signal that ended it.
    std::string err;      ///< Its standard error.
    double seconds = 0;   ///< Wall time.
    double peak_mib = 0;  ///< Peak resident memory.
};

/// Limits a run is started under.
struct RunLimits {
    rlim_t file_size = RLIM_INFINITY;     ///< ulimit -f, in bytes.
    std::filesystem::path stdin_file = "/dev/null";  ///< What the run reads on standard input.
    rlim_t address_space = RLIM_INFINITY; ///< ulimit -v (prlimit --as), in bytes.
};

/// Runs briefkit with `args` in `dir`, killing it after two minutes; requires it to end and to
/// stay under 1 GiB, and records its wall time and peak memory in hostile-report.tsv.
Bounded run_bounded(const std::vector<std::string>& args, const std::filesystem::path& dir, const RunLimits& limits = {});

/// The manifest record of `input` in the batch written to `out` (null when it has none).
nlohmann::json record_of(const std::filesystem::path& out, const std::string& input);

/// Every regular file under `root` outside .briefkit/, relative, sorted.
std::vector<std::string> files_under(const std::filesystem::path& root);

/// `piece` repeated `times` times.
std::string repeat(std::string_view piece, std::size_t times);

/// A batch of one hostile input and one good article in a temporary folder, converted with
/// every check the hostile cases make.
struct Batch {
    TempDir dir;  ///< The folder the batch runs in.

    /// Converts `bad` (a path under the folder) beside good.txt to every format with `extra`.
    Bounded convert(const std::string& bad, const std::vector<std::string>& extra = {});

    /// Checks that `bad` failed with `error_class` and `message`, left no output, and good.txt converted.
    void expect_failed(const Bounded& r, const std::string& bad, const std::string& error_class,
                       const std::string& message);

    /// Checks that `bad` converted after all, with its repairs in notes, and good.txt too.
    void expect_converted(const Bounded& r, const std::string& bad);

    /// Writes `bytes` to `name` in the folder.
    void file(const std::string& name, std::string_view bytes) const;
};

}  // namespace briefkit::test
