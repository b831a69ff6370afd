#include "pipeline/manifest.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/error.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/utf8.hpp"

namespace briefkit {

namespace {

using nlohmann::json;

// A JSON string: quotes, backslashes and control characters escaped; invalid UTF-8 becomes U+FFFD.
void json_string(std::string& out, std::string_view value) {
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < value.size()) {
        const auto byte = static_cast<unsigned char>(value[pos]);
        if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
            out.push_back(static_cast<char>(byte));
            ++pos;
            continue;
        }
        const char32_t cp = utf8::next(value, pos);
        if (cp == '"') {
            out += "\\\"";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (cp < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            utf8::append(out, cp);
        }
    }
    out.push_back('"');
}

}  // namespace

std::string to_json_line(const ManifestRecord& r) {
    // Written by hand, keys in a fixed order: this runs once per input, on the batch's hot path.
    std::string out;
    out.reserve(512);
    out += "{\"input\":";
    json_string(out, r.input);
    out += ",\"status\":";
    json_string(out, r.status);
    out += ",\"id\":";
    json_string(out, r.id);
    out += ",\"input_sha256\":";
    json_string(out, r.input_sha256);
    out += ",\"options\":";
    json_string(out, r.options);
    out += ",\"outputs\":[";
    for (std::size_t i = 0; i < r.outputs.size(); ++i) {
        const ManifestOutput& o = r.outputs[i];
        out += i == 0 ? "{\"format\":" : ",{\"format\":";
        json_string(out, o.format);
        out += ",\"path\":";
        json_string(out, o.path);
        out += fmt::format(",\"bytes\":{},\"sha256\":", o.bytes);
        json_string(out, o.sha256);
        out += "}";
    }
    out += fmt::format("],\"notes\":{},\"error\":", r.notes);
    if (r.status == "failed") {
        out += "{\"code\":";
        json_string(out, r.error_code);
        out += ",\"message\":";
        json_string(out, r.error);
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
        r.status = j.at("status").get<std::string>();
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
    std::map<std::string, ManifestRecord> records;
    std::ifstream in(path, std::ios::binary);
    if (!in) return records;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    std::size_t consumed = 0;
    while (std::getline(lines, line)) {
        ++number;
        consumed += line.size() + 1;
        if (line.empty()) continue;
        const bool last_unterminated = consumed > text.size();
        try {
            ManifestRecord r = parse_manifest_line(line, path.string(), number);
            records[r.input] = std::move(r);
        } catch (const InputError&) {
            if (!last_unterminated) throw;  // a line cut short by a kill: the input is simply redone
        }
    }
    return records;
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
        if (record.status == "failed") ++result.failed;
        result.records.push_back(std::move(record));
    }
    return result;
}

ManifestWriter::ManifestWriter(std::filesystem::path path) : path_(std::move(path)) {
    std::error_code ec;
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
    out_.open(path_, std::ios::binary | std::ios::app);
    if (!out_) throw OutputError("cannot open the manifest for writing", path_.string());
}

void ManifestWriter::append(std::string_view line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.put('\n');
    out_.flush();
    if (!out_) throw OutputError("cannot write the manifest", path_.string());
}

void ManifestWriter::compact(const std::vector<ManifestRecord>& records) {
    std::string all;
    for (const ManifestRecord& r : records) all += to_json_line(r) + "\n";
    const std::lock_guard<std::mutex> lock(mutex_);
    out_.close();
    write_file_atomically(path_, all);
    out_.open(path_, std::ios::binary | std::ios::app);
    if (!out_) throw OutputError("cannot reopen the manifest", path_.string());
}

}  // namespace briefkit
