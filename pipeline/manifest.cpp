#include "pipeline/manifest.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/error.hpp"
#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

using nlohmann::json;

json to_json(const ManifestRecord& r) {
    json j;
    j["input"] = r.input;
    j["input_sha256"] = r.input_sha256;
    j["options"] = r.options;
    j["id"] = r.id;
    j["status"] = r.status;
    json outputs = json::array();
    for (const ManifestOutput& o : r.outputs) {
        outputs.push_back({{"format", o.format}, {"path", o.path}, {"bytes", o.bytes}, {"sha256", o.sha256}});
    }
    j["outputs"] = std::move(outputs);
    j["notes"] = r.notes;
    if (r.status == "failed") {
        j["error"] = {{"code", r.error_code}, {"message", r.error}};
    } else {
        j["error"] = nullptr;
    }
    return j;
}

}  // namespace

std::string to_json_line(const ManifestRecord& record) {
    // Invalid UTF-8 in a path or message becomes U+FFFD rather than an exception.
    return to_json(record).dump(-1, ' ', false, json::error_handler_t::replace);
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

void ManifestWriter::append(const ManifestRecord& record) {
    const std::string line = to_json_line(record) + "\n";
    const std::lock_guard<std::mutex> lock(mutex_);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
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
