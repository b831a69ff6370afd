// The YAML files a user writes for a digest (the sources file, topic rules), read strictly:
// every key known and given once, every error naming the file, the line and the key.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <string>
#include <vector>

namespace briefkit::brief {

/// One YAML file of a digest, loaded, with the checks its readers make of its nodes.
class YamlFile {
public:
    /// Parses `text`, read from `origin`; `kind` names the file in errors (`sources`). Throws
    /// UsageError naming `origin`, and the line where the YAML breaks.
    YamlFile(const std::string& text, std::string origin, std::string kind);

    /// The text of the regular file `path` (at most 1 MiB); throws UsageError naming it.
    [[nodiscard]] static std::string read(const std::string& path, const std::string& kind);

    /// The document's top node.
    [[nodiscard]] const YAML::Node& root() const { return root_; }

    /// Throws UsageError naming the file, `node`'s line and `key`, saying `problem`.
    [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& problem) const;

    /// Calls `take(key, value, full_key)` for each key of the mapping `node` (named `path`),
    /// refusing a key not in `known` and a key given twice.
    void each(const YAML::Node& node, const std::string& path, const std::vector<std::string>& known,
              const std::function<void(const std::string&, const YAML::Node&, const std::string&)>& take) const;

    /// `node` as a string.
    [[nodiscard]] std::string text(const YAML::Node& node, const std::string& key) const;

    /// `node` as a list of strings (one string alone is a list of one).
    [[nodiscard]] std::vector<std::string> texts(const YAML::Node& node, const std::string& key) const;

    /// Calls `take(item, full_key)` for each item of the list `node`.
    void items(const YAML::Node& node, const std::string& key,
               const std::function<void(const YAML::Node&, const std::string&)>& take) const;

private:
    std::string path_;
    std::string kind_;
    YAML::Node root_;
};

}  // namespace briefkit::brief
