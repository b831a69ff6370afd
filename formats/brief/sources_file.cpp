#include "formats/brief/sources_file.hpp"

#include <fmt/format.h>

#include "formats/brief/yaml_file.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::brief {

namespace {

/// A name compared as a reader would: case folded, runs of spaces as one.
std::string name_key(std::string_view name) {
    std::string out;
    for (const char c : unicode::fold_case(name)) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

SourceEntry read_entry(const YamlFile& file, const YAML::Node& node, const std::string& path) {
    SourceEntry e;
    file.each(node, path, {"name", "aliases", "country", "language", "ownership", "reliability", "credit", "handling"},
              [&](const std::string& key, const YAML::Node& v, const std::string& full) {
                  if (key == "name") e.name = file.text(v, full);
                  if (key == "aliases") e.aliases = file.texts(v, full);
                  if (key == "country") e.country = file.text(v, full);
                  if (key == "language") e.language = file.text(v, full);
                  if (key == "ownership") e.ownership = file.text(v, full);
                  if (key == "credit") e.credit = file.text(v, full);
                  if (key == "reliability") {
                      const std::string grade = file.text(v, full);
                      if (grade.size() != 1 || reliability_meaning(grade[0]).empty()) {
                          file.fail(v, full, fmt::format("expected an Admiralty grade, one of A, B, C, D, E, F; got '{}'", grade));
                      }
                      e.reliability = grade[0];
                  }
                  if (key == "handling") {
                      const std::optional<std::string> label = handling::stated_label(file.text(v, full));
                      if (!label) file.fail(v, full, std::string(handling::kNotALabel));
                      e.handling = *label;
                  }
              });
    if (name_key(e.name).empty()) file.fail(node, path + ".name", "every source needs a name");
    return e;
}

}  // namespace

SourceList SourceList::load(const std::string& path) { return parse(YamlFile::read(path, "sources"), path); }

SourceList SourceList::parse(const std::string& text, const std::string& origin) {
    const YamlFile file(text, origin, "sources");
    SourceList out;
    file.each(file.root(), "", {"sources"}, [&](const std::string&, const YAML::Node& list, const std::string& full) {
        file.items(list, full, [&](const YAML::Node& item, const std::string& at) {
            SourceEntry e = read_entry(file, item, at);
            if (out.find(e.name) != nullptr) file.fail(item["name"], at + ".name", fmt::format("'{}' names another source too", e.name));
            for (const std::string& alias : e.aliases) {
                if (out.find(alias) != nullptr || name_key(alias) == name_key(e.name)) {
                    file.fail(item["aliases"], at + ".aliases", fmt::format("'{}' names another source too", alias));
                }
            }
            out.entries_.push_back(std::move(e));
        });
    });
    return out;
}

const SourceEntry* SourceList::find(std::string_view agency) const {
    const std::string key = name_key(agency);
    if (key.empty()) return nullptr;
    for (const SourceEntry& e : entries_) {
        if (name_key(e.name) == key) return &e;
        for (const std::string& alias : e.aliases) {
            if (name_key(alias) == key) return &e;
        }
    }
    return nullptr;
}

std::string_view reliability_meaning(char grade) {
    switch (grade) {
        case 'A': return "completely reliable";
        case 'B': return "usually reliable";
        case 'C': return "fairly reliable";
        case 'D': return "not usually reliable";
        case 'E': return "unreliable";
        case 'F': return "reliability cannot be judged";
        default: return {};
    }
}

}  // namespace briefkit::brief
