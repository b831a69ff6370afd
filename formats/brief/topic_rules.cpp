#include "formats/brief/topic_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "formats/brief/yaml_file.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::brief {

namespace {

constexpr int kTitleWeight = 3;  // a keyword of the headline counts this many times one of the body
constexpr int kPlaceWeight = 3;  // so does a dateline place the section names

/// How many times the phrase `words` occurs in `text`.
int occurrences(const std::vector<std::string>& text, const std::vector<std::string>& words) {
    if (words.empty() || words.size() > text.size()) return 0;
    int n = 0;
    for (std::size_t i = 0; i + words.size() <= text.size(); ++i) {
        if (std::equal(words.begin(), words.end(), text.begin() + static_cast<std::ptrdiff_t>(i))) ++n;
    }
    return n;
}

TopicRule read_rule(const YamlFile& file, const YAML::Node& node, const std::string& path) {
    TopicRule rule;
    file.each(node, path, {"name", "keywords", "places"}, [&](const std::string& key, const YAML::Node& v, const std::string& full) {
        if (key == "name") rule.name = file.text(v, full);
        if (key == "keywords") {
            for (const std::string& k : file.texts(v, full)) {
                std::vector<std::string> words = folded_words(k);
                if (words.empty()) file.fail(v, full, fmt::format("keyword '{}' holds no word", k));
                rule.keywords.push_back(std::move(words));
            }
        }
        if (key == "places") {
            for (const std::string& p : file.texts(v, full)) rule.places.push_back(unicode::fold_case(p));
        }
    });
    if (rule.name.empty()) file.fail(node, path + ".name", "every section needs a name");
    if (rule.keywords.empty() && rule.places.empty()) file.fail(node, path, "a section needs keywords or places to match");
    return rule;
}

}  // namespace

std::vector<std::string> folded_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8::next(text, pos);
        if ((cp >= U'0' && cp <= U'9') || unicode::is_letter(cp)) {
            utf8::append(word, cp);
        } else if (!word.empty()) {
            out.push_back(unicode::fold_case(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(unicode::fold_case(word));
    return out;
}

TopicRules TopicRules::load(const std::string& path) { return parse(YamlFile::read(path, "topics"), path); }

TopicRules TopicRules::parse(const std::string& text, const std::string& origin) {
    const YamlFile file(text, origin, "topics");
    TopicRules out;
    file.each(file.root(), "", {"sections"}, [&](const std::string&, const YAML::Node& list, const std::string& full) {
        file.items(list, full, [&](const YAML::Node& item, const std::string& at) {
            TopicRule rule = read_rule(file, item, at);
            for (const TopicRule& r : out.rules_) {
                if (r.name == rule.name) file.fail(item, at + ".name", fmt::format("section '{}' is named twice", rule.name));
            }
            out.rules_.push_back(std::move(rule));
        });
    });
    return out;
}

std::string TopicRules::topic_of(const Document& doc) const {
    if (rules_.empty()) return {};
    const std::vector<std::string> title = folded_words(doc.meta.title);
    const std::vector<std::string> body = folded_words(body_text(doc));
    const std::string place = unicode::fold_case(doc.meta.place);
    int best = 0;
    const TopicRule* chosen = nullptr;
    for (const TopicRule& rule : rules_) {
        int score = 0;
        for (const std::vector<std::string>& k : rule.keywords) score += kTitleWeight * occurrences(title, k) + occurrences(body, k);
        if (!place.empty() && std::find(rule.places.begin(), rule.places.end(), place) != rule.places.end()) score += kPlaceWeight;
        if (score > best) {
            best = score;
            chosen = &rule;
        }
    }
    return chosen != nullptr ? chosen->name : std::string();
}

std::vector<std::string> TopicRules::names() const {
    std::vector<std::string> out;
    for (const TopicRule& r : rules_) out.push_back(r.name);
    return out;
}

}  // namespace briefkit::brief
