#include "pipeline/manifest.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "briefkit/error.hpp"
#include "pipeline/model/json_text.hpp"
#include "pipeline/model/utf8.hpp"
#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

/// The status spelled `name`; a json::exception (reported as a bad record) for any other word.
InputStatus parse_status(const std::string& name) {
    for (const InputStatus status : {InputStatus::converted, InputStatus::skipped, InputStatus::failed}) {
        if (status_name(status) == name) return status;
    }
    throw nlohmann::json::other_error::create(501, fmt::format("unknown status '{}'", name), nullptr);
}

/// A manifest is read back whole and rewritten by rename, so it must be a regular file (or
/// not exist yet): a device such as /dev/full would be read for ever, a FIFO would block.
/// A symbolic link is not followed either: it could point anywhere outside the output folder.
void refuse_if_not_a_file(const std::filesystem::path& path) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::symlink_status(path, ec);
    if (!ec && std::filesystem::is_symlink(status)) {
        throw OutputError("the manifest must be a regular file; Briefkit does not write through a symbolic link "
                          "(remove it, or name the file it points to with --manifest)",
                          path.string());
    }
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw OutputError("the manifest must be a regular file", path.string());
    }
}

using nlohmann::json;

// Calls `each(line, offset, number, cut_short)` for every line of the manifest at `path`;
// `cut_short` is true for a last line without its newline (a write a kill interrupted).
template <typename Each>
void for_each_line(const std::filesystem::path& path, Each each) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return;
    std::string line;
    std::uint64_t offset = 0;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        each(line, offset, number, in.eof());
        offset += line.size() + 1;
    }
}

}  // namespace

std::string_view status_name(InputStatus status) {
    switch (status) {
        case InputStatus::converted: return "converted";
        case InputStatus::skipped: return "skipped";
        case InputStatus::failed: return "failed";
    }
    return "failed";
}

std::string to_json_line(const ManifestRecord& r) {
    // Written by hand, keys in a fixed order: this runs once per input, on the batch's hot path.
    std::string out;
    out.reserve(512);
    out += "{\"input\":";
    append_json_string(out, r.input);
    out += ",\"status\":";
    append_json_string(out, status_name(r.status));
    out += ",\"id\":";
    append_json_string(out, r.id);
    out += ",\"input_sha256\":";
    append_json_string(out, r.input_sha256);
    out += ",\"options\":";
    append_json_string(out, r.options);
    out += ",\"outputs\":[";
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
        const ManifestOutput& o = r.outputs[i];
        out += i == 0 ? "{\"format\":" : ",{\"format\":";
        append_json_string(out, o.format);
        out += ",\"path\":";
        append_json_string(out, o.path);
        out += fmt::format(",\"bytes\":{},\"sha256\":", o.bytes);
        append_json_string(out, o.sha256);
        out += "}";
    }
    out += fmt::format("],\"notes\":{},\"error\":", r.notes);
    if (r.status == InputStatus::failed) {
        out += "{\"code\":";
        append_json_string(out, r.error_code);
        out += ",\"message\":";
        append_json_string(out, r.error);
        out += "}";
    } else {
        out += "null";
    }
    out += "}";
    return out;
}

ManifestRecord parse_manifest_line(const std::string& text, const std::string& file, int line) {
    try {
        const json j = json::parse(text);
        ManifestRecord r;
        r.input = j.at("input").get<std::string>();
        r.input_sha256 = j.value("input_sha256", "");
        r.options = j.value("options", "");
        r.id = j.value("id", "");
        r.status = parse_status(j.at("status").get<std::string>());
        for (const json& o : j.value("outputs", json::array())) {
            r.outputs.push_back({o.at("format").get<std::string>(), o.at("path").get<std::string>(),
                                 o.at("bytes").get<std::size_t>(), o.at("sha256").get<std::string>()});
        }
        r.notes = j.value("notes", std::size_t{0});
        if (const auto e = j.find("error"); e != j.end() && e->is_object()) {
            r.error_code = e->value("code", "");
            r.error = e->value("message", "");
        }
        return r;
    } catch (const json::exception& e) {
        throw InputError(fmt::format("not a manifest record: {}", e.what()), file, line);
    }
}

std::map<std::string, ManifestRecord> read_manifest(const std::filesystem::path& path) {
    refuse_if_not_a_file(path);
    std::map<std::string, ManifestRecord> records;
    for_each_line(path, [&](const std::string& line, std::uint64_t, int number, bool cut_short) {
        if (line.empty()) return;
        try {
            ManifestRecord r = parse_manifest_line(line, path.string(), number);
            records[r.input] = std::move(r);
        } catch (const InputError&) {
            if (!cut_short) throw;
            throw InputError("the last record is cut short (the run that wrote it was killed?); rerun it to finish "
                             "the manifest",
                             path.string(), number);
        }
    });
    return records;
}

std::uint64_t input_key(std::string_view input) {
    // FNV-1a: stable, fast, and only a lookup key (a match is confirmed on the record itself).
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : input) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

std::optional<std::string> manifest_line_input(std::string_view line) {
    // Fast path: the lines to_json_line writes start with the input, a string without escapes.
    constexpr std::string_view kStart = "{\"input\":\"";
    if (line.starts_with(kStart)) {
        const std::size_t end = line.find('"', kStart.size());
        if (end != std::string_view::npos && line.substr(kStart.size(), end - kStart.size()).find('\\') == std::string_view::npos) {
            return std::string(line.substr(kStart.size(), end - kStart.size()));
        }
    }
    try {
        const json j = json::parse(line);
        if (j.is_object() && j.contains("input") && j["input"].is_string()) return j["input"].get<std::string>();
    } catch (const json::exception&) {
    }
    return std::nullopt;
}


ManifestIndex::ManifestIndex(std::filesystem::path path) : path_(std::move(path)) {
    refuse_if_not_a_file(path_);
    for_each_line(path_, [&](const std::string& line, std::uint64_t offset, int number, bool cut_short) {
        if (line.empty()) return;
        const std::optional<std::string> input = manifest_line_input(line);
        if (!input) {
            if (cut_short) return;  // a write a kill interrupted: that input is simply redone
            throw InputError("not a manifest record", path_.string(), number);
        }
        entries_.push_back({input_key(*input), offset});
    });
    // Keep the last record of each input: sort by key, later offsets winning.
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    std::vector<Entry> last;
    for (const Entry& e : entries_) {
        if (!last.empty() && last.back().key == e.key) {
            last.back() = e;
        } else {
            last.push_back(e);
        }
    }
    entries_ = std::move(last);
    entries_.shrink_to_fit();
    // Open now: the writer appends to this file, but never moves what the index points at.
    if (!entries_.empty()) fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
}

ManifestIndex::~ManifestIndex() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<ManifestRecord> ManifestIndex::find(const std::string& input) const {
    const std::uint64_t key = input_key(input);
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                     [](const Entry& e, std::uint64_t k) { return e.key < k; });
    if (it == entries_.end() || it->key != key) return std::nullopt;
    if (fd_ < 0) return std::nullopt;
    std::string line;
    char buffer[4096];
    for (auto at = static_cast<off_t>(it->offset);;) {
        const ssize_t n = ::pread(fd_, buffer, sizeof buffer, at);
        if (n <= 0) break;
        const std::string_view got(buffer, static_cast<std::size_t>(n));
        const std::size_t newline = got.find('\n');
        line.append(got.substr(0, newline));
        if (newline != std::string_view::npos) break;
        at += n;
    }
    try {
        ManifestRecord r = parse_manifest_line(line, path_.string(), 0);
        if (r.input == input) return r;
    } catch (const InputError&) {
    }
    return std::nullopt;
}

MergeResult merge_manifests(const std::vector<std::filesystem::path>& paths, const std::vector<std::string>& expected) {
    MergeResult result;
    std::map<std::string, ManifestRecord> all;
    for (const std::filesystem::path& path : paths) {
        if (!std::filesystem::exists(path)) throw InputError("no such manifest", path.string());
        for (auto& [input, record] : read_manifest(path)) {
            if (!all.emplace(input, record).second) result.duplicates.push_back(input);
        }
    }
    for (const std::string& input : expected) {
        if (all.count(input) == 0) result.missing.push_back(input);
    }
    for (auto& [input, record] : all) {
        if (record.status == InputStatus::failed) ++result.failed;
        result.records.push_back(std::move(record));
    }
    return result;
}

ManifestWriter::ManifestWriter(std::filesystem::path path) : path_(std::move(path)) {
    refuse_if_not_a_file(path_);
    std::error_code ec;
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
    std::filesystem::path lock = path_;
    lock += ".lock";
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) {
        throw OutputError(fmt::format("cannot open the manifest's lock file {}: {}", lock.string(), std::strerror(errno)),
                          path_.string());
    }
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(lock_fd_);
        lock_fd_ = -1;
        if (error == EWOULDBLOCK) {
            throw UsageError("another briefkit run is writing this manifest; wait for it to end, or give this run "
                             "another -o (or --manifest)",
                             path_.string());
        }
        throw OutputError(fmt::format("cannot lock the manifest: {}", std::strerror(error)), path_.string());
    }
    // A record a kill cut short has no newline: cut it off, or the next record would join it.
    const auto size = std::filesystem::file_size(path_, ec);
    if (!ec && size > 0) {
        std::ifstream in(path_, std::ios::binary);
        std::uintmax_t keep = size;
        char c = 0;
        while (keep > 0) {
            in.seekg(static_cast<std::streamoff>(keep - 1));
            in.get(c);
            if (c == '\n') break;
            --keep;
        }
        if (keep < size) std::filesystem::resize_file(path_, keep, ec);
    }
    open_for_append();
}

ManifestWriter::~ManifestWriter() {
    if (fd_ >= 0) ::close(fd_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock; the empty lock file stays for the next run
}

void ManifestWriter::open_for_append() {
    fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    struct stat st {};
    if (fd_ < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int error = errno;
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        throw OutputError(fmt::format("cannot open the manifest for writing: {}",
                                      error == ELOOP ? "it is a symbolic link" : std::strerror(error)),
                          path_.string());
    }
    size_ = static_cast<std::uint64_t>(st.st_size);
}

void ManifestWriter::append(std::string_view line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::string bytes;
    bytes.reserve(line.size() + 1);
    bytes.append(line);
    bytes += '\n';
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            // Undo the part written, so the manifest ends with a whole record.
            if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0) {
                // Nothing more can be done; the next run cuts the partial line off as after a kill.
            }
            throw OutputError(fmt::format("cannot write the manifest: {}", std::strerror(error)), path_.string());
        }
        done += static_cast<std::size_t>(n);
    }
    size_ += bytes.size();
}

void ManifestWriter::compact() {
    const std::lock_guard<std::mutex> lock(mutex_);
    ::close(fd_);
    fd_ = -1;
    // Which lines to keep: the last one of each input.
    std::vector<std::pair<std::uint64_t, std::size_t>> keys;
    for_each_line(path_, [&](const std::string& line, std::uint64_t, int, bool) {
        const std::optional<std::string> input = line.empty() ? std::nullopt : manifest_line_input(line);
        keys.emplace_back(input ? input_key(*input) : 0, keys.size());
    });
    std::vector<bool> keep(keys.size(), false);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].first != 0 && (i + 1 == keys.size() || keys[i + 1].first != keys[i].first)) keep[keys[i].second] = true;
    }
    keys.clear();
    keys.shrink_to_fit();
    std::filesystem::path temporary = path_;
    temporary += fmt::format(".compact-{}", ::getpid());
    std::error_code gone;
    std::filesystem::remove(temporary, gone);  // never written through: a link planted here goes
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        std::size_t index = 0;
        for_each_line(path_, [&](const std::string& line, std::uint64_t, int, bool) {
            if (keep[index++]) out << line << '\n';
        });
        out.flush();
        if (!out) throw OutputError("cannot rewrite the manifest", path_.string());
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path_, ec);
    if (ec) throw OutputError(fmt::format("cannot replace the manifest: {}", ec.message()), path_.string());
    open_for_append();
}

namespace {

std::filesystem::path running_marker(const std::filesystem::path& manifest) {
    std::filesystem::path running = manifest;
    running += ".running";
    return running;
}

}  // namespace

ManifestSession::ManifestSession(const std::filesystem::path& path, const std::filesystem::path& output_dir)
    : writer_(path), previous_(path), running_(running_marker(path)) {
    // A marker left by a run that was killed: sweep the temporary files it may have left.
    if (std::filesystem::exists(running_)) remove_stale_temporaries(output_dir);
    write_file_atomically(running_, fmt::format("{}\n", ::getpid()));
}

void ManifestSession::finish(bool compact) {
    // Without a previous manifest every input has one record already, and nothing is rewritten.
    if (compact && previous_.size() > 0) writer_.compact();
    std::error_code ec;
    std::filesystem::remove(running_, ec);
}

}  // namespace briefkit
