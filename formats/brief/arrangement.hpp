// A brief's arrangement: the articles of a digest folded by story, sorted into sections and
// ranked for the front page, before any format prints it.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "briefkit/model.hpp"
#include "formats/brief/sources_file.hpp"
#include "formats/brief/topic_rules.hpp"

namespace briefkit::brief {

/// The field a brief's sections are made by.
enum class Grouping {
    topic,     ///< The topic rules' sections; articles that match none under "Other topics".
    place,     ///< The dateline place.
    agency,    ///< The agency (by the sources file's name for it).
    language,  ///< The article's language.
    none,      ///< One section without a heading.
};

/// The grouping named `name` (`topic`, `place`, `agency`, `language`, `none`); nullopt for any other.
[[nodiscard]] std::optional<Grouping> grouping_named(std::string_view name);

/// What a brief is arranged by.
struct BriefSettings {
    Grouping group_by = Grouping::agency;          ///< The field of the sections.
    std::vector<std::string> section_order;        ///< Sections printed first, in this order, when present.
    TopicRules topics;                             ///< The topic rules (for Grouping::topic).
    SourceList sources;                            ///< The sources file's agencies.
    std::set<std::string, std::less<>> briefed;    ///< Ids of articles already briefed.
    std::optional<CalendarDay> since;               ///< Articles dated before this day count as briefed.
    bool omit_briefed = false;                     ///< Leave stories already briefed out (else mark them).
    std::size_t top_stories = 4;                   ///< Stories on the front page.
    std::string style_label;                       ///< The style's handling label (the default of every item).
};

/// One story of the brief: the version printed and the others folded into it.
struct BriefItem {
    std::size_t doc = 0;                 ///< The printed version: the most complete.
    std::vector<std::size_t> also;       ///< The other versions, by date then agency.
    bool previously_reported = false;    ///< A version of it was briefed before.
    const SourceEntry* source = nullptr;  ///< The printed version's agency in the sources file; null when unknown.
    std::string label;                   ///< The item's handling label; empty for none.
    std::size_t words = 0;               ///< Words of the printed version's body.
};

/// One section: its heading and its stories, newest first.
struct BriefSection {
    std::string name;              ///< The heading; empty for Grouping::none.
    std::vector<BriefItem> items;  ///< The stories.
};

/// Where a story stands in the brief.
struct ItemPlace {
    std::size_t section = 0;  ///< Index of its section.
    std::size_t item = 0;     ///< Index of the item in it.
};

/// A brief, arranged.
struct Brief {
    std::vector<BriefSection> sections;         ///< The sections, in print order.
    std::vector<ItemPlace> top;                 ///< The front page's stories, most covered first.
    std::vector<std::string> unknown_agencies;  ///< Agencies of the articles the sources file lacks, sorted (none without one).
    bool sources_file = false;                  ///< A sources file was given (with at least one agency).
    const SourceList* sources = nullptr;        ///< Its agencies (those of the settings arranged by).
    std::size_t articles = 0;                   ///< Articles given (every version).
    std::size_t stories = 0;                    ///< Items printed.
    std::size_t agencies = 0;                   ///< Distinct agencies of the articles printed or folded.
    /// Each of those agencies (by the sources file's name where it has one) and its articles, by name.
    std::vector<std::pair<std::string, std::size_t>> agency_articles;
    std::size_t omitted = 0;                    ///< Articles left out as already briefed.
    std::optional<Date> earliest;               ///< The oldest article's date.
    std::optional<Date> latest;                 ///< The newest article's date.
    std::string label;                          ///< The most restrictive label of the items and the style.
};

/// Arranges `docs`: versions of one story folded into one item (see same_story.hpp), items put
/// in sections and sorted, the top stories chosen. The same articles in any order give the
/// same brief; items point into `docs` and `settings.sources`, which must outlive it.
[[nodiscard]] Brief arrange(std::span<const Document> docs, const BriefSettings& settings);

/// The number of words of `doc`'s body.
[[nodiscard]] std::size_t body_words(const Document& doc);

}  // namespace briefkit::brief
