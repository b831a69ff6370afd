// Topic rules: the sections a desk sorts its brief into, each named by the words and places
// that put an article in it (YAML, in the order the sections are printed).
//
//     sections:
//       - name: Energy
//         keywords: [oil, crude, OPEC, natural gas]
//       - name: Central Asia
//         places: [Bishkek, Almaty, Tashkent]
//         keywords: [Kyrgyzstan, Kazakhstan]
#pragma once

#include <string>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit::brief {

/// One section of the rules.
struct TopicRule {
    std::string name;                               ///< The section's heading.
    std::vector<std::vector<std::string>> keywords;  ///< Words and phrases, each as its case-folded words.
    std::vector<std::string> places;                ///< Dateline places, case-folded.
};

/// The rules of a topics file, in order.
class TopicRules {
public:
    /// No rules: every article in no topic.
    TopicRules() = default;

    /// Reads the topics file at `path`; throws UsageError naming the file, line and key.
    [[nodiscard]] static TopicRules load(const std::string& path);

    /// Reads a topics file's `text`, read from `origin`; throws as load() does.
    [[nodiscard]] static TopicRules parse(const std::string& text, const std::string& origin);

    /// The name of the section `doc` belongs in: the one whose keywords it names most (a word of
    /// the title counts three times, a dateline place of the section three), the earlier on a
    /// tie; empty when it names none.
    [[nodiscard]] std::string topic_of(const Document& doc) const;

    /// The sections' names, in order.
    [[nodiscard]] std::vector<std::string> names() const;

    /// The rules, in order.
    [[nodiscard]] const std::vector<TopicRule>& rules() const { return rules_; }

private:
    std::vector<TopicRule> rules_;
};

/// The words of `text`, case-folded, in order (letters and digits; anything else parts them).
[[nodiscard]] std::vector<std::string> folded_words(const std::string& text);

}  // namespace briefkit::brief
