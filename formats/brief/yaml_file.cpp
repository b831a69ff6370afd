#include "formats/brief/yaml_file.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "briefkit/error.hpp"
#include "pipeline/model/keys.hpp"

namespace briefkit::brief {

namespace {

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{1} << 20;

}  // namespace

YamlFile::YamlFile(const std::string& text, std::string origin, std::string kind) : path_(std::move(origin)), kind_(std::move(kind)) {
    try {
        root_ = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw UsageError(fmt::format("{} file is not YAML: {}", kind_, e.msg), path_, e.mark.is_null() ? 0 : e.mark.line + 1);
    }
}

std::string YamlFile::read(const std::string& path, const std::string& kind) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw UsageError(fmt::format("cannot read {} file: it does not exist or is not a regular file", kind), path);
    }
    if (std::filesystem::file_size(path, ec) > kMaxFileBytes) {
        throw UsageError(fmt::format("{} file is over {} KiB", kind, kMaxFileBytes >> 10), path);
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in) throw UsageError(fmt::format("cannot read {} file", kind), path);
    return buffer.str();
}

void YamlFile::fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
    const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    throw UsageError(fmt::format("{} key '{}': {}", kind_, key, problem), path_, line);
}

void YamlFile::each(const YAML::Node& node, const std::string& path, const std::vector<std::string>& known,
                    const std::function<void(const std::string&, const YAML::Node&, const std::string&)>& take) const {
    const std::string where = path.empty() ? "(top level)" : path;
    if (!node.IsMap()) fail(node, where, "expected a mapping of keys to values");
    const std::vector<std::string_view> names(known.begin(), known.end());
    KeyCheck check(names);
    for (const auto& entry : node) {
        if (!entry.first.IsScalar()) fail(entry.first, where, "expected plain keys");
        const std::string key = entry.first.Scalar();
        const std::string full = path.empty() ? key : path + "." + key;
        if (const std::string problem = check.problem(key); !problem.empty()) fail(entry.first, full, problem);
        take(key, entry.second, full);
    }
}

std::string YamlFile::text(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar()) fail(node, key, "expected a string");
    return node.Scalar();
}

std::vector<std::string> YamlFile::texts(const YAML::Node& node, const std::string& key) const {
    if (node.IsScalar()) return {node.Scalar()};
    std::vector<std::string> out;
    items(node, key, [&](const YAML::Node& item, const std::string& full) { out.push_back(text(item, full)); });
    return out;
}

void YamlFile::items(const YAML::Node& node, const std::string& key,
                     const std::function<void(const YAML::Node&, const std::string&)>& take) const {
    if (!node.IsSequence()) fail(node, key, "expected a list");
    for (std::size_t i = 0; i < node.size(); ++i) take(node[i], fmt::format("{}[{}]", key, i + 1));
}

}  // namespace briefkit::brief
