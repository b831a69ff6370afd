// The batch manifest: one JSON object per input and line (NDJSON), written as inputs finish.
//
// A run appends each input's record and flushes it, so after a kill the file is complete up
// to the last finished input; a normal end (or SIGINT/SIGTERM) rewrites it compacted, one
// record per input. Readers take the last record for an input, so a manifest left by a
// killed run still reads correctly. The next run uses it to skip inputs already done.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit {

/// What became of one input.
enum class InputStatus {
    converted,  ///< Every output was written (or already held those bytes).
    skipped,    ///< An earlier run converted it with the same input and options; its outputs are intact.
    failed,     ///< It failed; the record holds the error.
};

/// The status as the manifest spells it: `converted`, `skipped` or `failed`.
[[nodiscard]] std::string_view status_name(InputStatus status);

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
    InputStatus status = InputStatus::failed;  ///< What became of it.
    std::vector<ManifestOutput> outputs;  ///< The outputs, in format order.
    std::size_t notes = 0;     ///< How many notes the reader made.
    std::string error_code;    ///< For a failure: its class, one of error_classes() (`input`, `limit`, `output`, `usage`, `error`).
    std::string error;         ///< For a failure: the message, as printed.
    bool operator==(const ManifestRecord&) const = default;
};

/// The record as one line of JSON, without the newline.
[[nodiscard]] std::string to_json_line(const ManifestRecord& record);

/// Parses one line of a manifest; throws InputError naming `file` and `line` when it is not a record.
[[nodiscard]] ManifestRecord parse_manifest_line(const std::string& text, const std::string& file, int line);

/// The records of a finished manifest at `path`, the last one for each input winning; empty when
/// the file does not exist. Throws InputError for a path that is not a regular file and for any
/// line that is not a record, a last line cut short by a kill included.
[[nodiscard]] std::map<std::string, ManifestRecord> read_manifest(const std::filesystem::path& path);

/// A manifest's records found by input without holding them in memory (16 bytes per input):
/// the file is scanned once for where each input's last record lies, and a record is read
/// back from the file when asked for.
class ManifestIndex {
public:
    /// Scans the manifest at `path` (none: an empty index). A last line cut short by a kill is
    /// ignored; any other line that is not a record throws InputError naming the file and line.
    explicit ManifestIndex(std::filesystem::path path);
    ~ManifestIndex();
    ManifestIndex(const ManifestIndex&) = delete;
    ManifestIndex& operator=(const ManifestIndex&) = delete;

    /// The last record for `input`, if the manifest has one; safe to call from many threads.
    [[nodiscard]] std::optional<ManifestRecord> find(const std::string& input) const;

    /// How many inputs the manifest has records for.
    [[nodiscard]] std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint64_t key;     // hash of the input
        std::uint64_t offset;  // where its last record starts
    };
    std::filesystem::path path_;
    std::vector<Entry> entries_;  // sorted by key
    int fd_ = -1;                 // the manifest as it was when scanned, read with pread
};

/// A 64-bit hash of an input name, the same on every machine.
[[nodiscard]] std::uint64_t input_key(std::string_view input);

/// The `input` of a manifest line; nullopt when the line is not a record.
[[nodiscard]] std::optional<std::string> manifest_line_input(std::string_view line);

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

/// Appends records to a manifest as inputs finish; thread-safe. While it is open it holds a lock
/// on the manifest (a `.lock` file beside it), so that two runs never write one manifest at once.
class ManifestWriter {
public:
    /// Locks and opens `path` for appending (creating its folder), keeping what it holds. A symbolic
    /// link in its place is not followed. Throws UsageError when another run holds the lock, and
    /// OutputError when the manifest cannot be opened.
    explicit ManifestWriter(std::filesystem::path path);
    ~ManifestWriter();
    ManifestWriter(const ManifestWriter&) = delete;
    ManifestWriter& operator=(const ManifestWriter&) = delete;

    /// Appends `line` (one or more records made by to_json_line, a newline between each) and a
    /// newline. A write that fails (a full disk) is undone, so the file never ends in part of a
    /// record, and throws OutputError with the reason.
    void append(std::string_view line);

    /// Rewrites the manifest atomically with only the last record of each input, in the order
    /// those records were written, streaming through the file; then keeps appending to the new file.
    void compact();

private:
    /// Opens the manifest for appending and learns its size.
    void open_for_append();

    std::filesystem::path path_;
    std::mutex mutex_;
    int fd_ = -1;            // the manifest, opened for appending
    int lock_fd_ = -1;       // the lock file, holding an exclusive flock
    std::uint64_t size_ = 0; // bytes of whole records in the manifest
};

/// One run's manifest: the previous run's records, the locked file this run appends to, and a
/// `.running` marker beside it that tells a later run this one may have been killed before it
/// swept its temporary files.
class ManifestSession {
public:
    /// Locks and opens the manifest at `path` (UsageError when another run holds it), reads the
    /// previous run's records, sweeps the temporary files a killed run left under `output_dir`,
    /// and sets the marker.
    ManifestSession(const std::filesystem::path& path, const std::filesystem::path& output_dir);

    /// The previous run's last record of `input`; nullopt when it has none.
    [[nodiscard]] std::optional<ManifestRecord> previous(const std::string& input) const { return previous_.find(input); }

    /// Appends records; see ManifestWriter::append().
    void append(std::string_view lines) { writer_.append(lines); }

    /// Ends the run: compacts the manifest to one record per input (unless a write failed,
    /// `compact` false) and removes the marker. The manifest ends in whole records either way.
    void finish(bool compact);

private:
    ManifestWriter writer_;  // locked before the previous manifest is read
    ManifestIndex previous_;
    std::filesystem::path running_;
};

}  // namespace briefkit
