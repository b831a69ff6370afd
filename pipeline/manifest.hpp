// The batch manifest: one JSON object per input and line (NDJSON), written as inputs finish.
//
// A run appends each input's record and flushes it, so after a kill the file is complete up
// to the last finished input; a normal end (or SIGINT/SIGTERM) rewrites it compacted, one
// record per input. Readers take the last record for an input, so a manifest left by a
// killed run still reads correctly. The next run uses it to skip inputs already done.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit {

/// One output file of an input.
struct ManifestOutput {
    std::string format;     ///< Format name, such as `xml`.
    std::string path;       ///< The file written.
    std::size_t bytes = 0;  ///< Its size.
    std::string sha256;     ///< SHA-256 of its content, lower-case hex.
    bool operator==(const ManifestOutput&) const = default;
};

/// What became of one input.
struct ManifestRecord {
    std::string input;         ///< The input's path as given (its display name).
    std::string input_sha256;  ///< SHA-256 of the input's bytes; empty when it could not be read.
    std::string options;       ///< Fingerprint of the version, formats and options it was converted with.
    std::string id;            ///< The document id; empty when it failed before one was known.
    std::string status;        ///< `converted`, `skipped` or `failed`.
    std::vector<ManifestOutput> outputs;  ///< The outputs, in format order.
    std::size_t notes = 0;     ///< How many notes the reader made.
    std::string error_code;    ///< For a failure: `input`, `output` or `usage`.
    std::string error;         ///< For a failure: the message, as printed.
    bool operator==(const ManifestRecord&) const = default;
};

/// The record as one line of JSON, without the newline.
[[nodiscard]] std::string to_json_line(const ManifestRecord& record);

/// Parses one line of a manifest; throws InputError naming `file` and `line` when it is not a record.
[[nodiscard]] ManifestRecord parse_manifest_line(const std::string& text, const std::string& file, int line);

/// The records of the manifest at `path`, the last one for each input winning; empty when the
/// file does not exist. A last line cut short by a kill is ignored; any other bad line throws.
[[nodiscard]] std::map<std::string, ManifestRecord> read_manifest(const std::filesystem::path& path);

/// What merging shard manifests found.
struct MergeResult {
    std::vector<ManifestRecord> records;   ///< One record per input, sorted by input.
    std::vector<std::string> duplicates;   ///< Inputs found in more than one manifest.
    std::vector<std::string> missing;      ///< Expected inputs found in no manifest.
    std::size_t failed = 0;                ///< Records whose status is `failed`.
};

/// Joins the manifests at `paths`; every input of `expected` (when not empty) must appear.
[[nodiscard]] MergeResult merge_manifests(const std::vector<std::filesystem::path>& paths,
                                          const std::vector<std::string>& expected);

/// Appends records to a manifest as inputs finish; thread-safe.
class ManifestWriter {
public:
    /// Opens `path` for appending (creating its folder), keeping what it holds; throws OutputError.
    explicit ManifestWriter(std::filesystem::path path);

    /// Appends `line` (a record made by to_json_line) and a newline, and flushes them to the file.
    void append(std::string_view line);

    /// Rewrites the manifest atomically as `records` (one per input, in the order given),
    /// then keeps appending to the new file.
    void compact(const std::vector<ManifestRecord>& records);

private:
    std::filesystem::path path_;
    std::mutex mutex_;
    std::ofstream out_;
};

}  // namespace briefkit
