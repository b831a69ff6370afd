#include "formats/brief/arrangement.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "formats/brief/same_story.hpp"
#include "pipeline/model/handling.hpp"

namespace briefkit::brief {

namespace {

constexpr const char* kOtherTopics = "Other topics";
constexpr const char* kNoDateline = "No dateline";
constexpr const char* kUnknownAgency = "Agency not named";
constexpr const char* kUnknownLanguage = "Language not known";

/// A sortable form of an article's date: undated articles first, so newest-first puts them last.
std::tuple<bool, CalendarDay, TimeOfDay> date_key(const Document& doc) {
    if (!doc.meta.date) return {false, {}, {}};
    return {true, doc.meta.date->day, doc.meta.date->time.value_or(TimeOfDay{})};
}

std::string language_name(const std::string& tag) {
    static const std::map<std::string, std::string, std::less<>> kNames = {
        {"ar", "Arabic"},  {"de", "German"},  {"en", "English"},   {"es", "Spanish"}, {"fr", "French"},
        {"he", "Hebrew"},  {"hi", "Hindi"},   {"it", "Italian"},   {"ja", "Japanese"}, {"ko", "Korean"},
        {"ky", "Kyrgyz"},  {"kk", "Kazakh"},  {"nl", "Dutch"},     {"no", "Norwegian"}, {"pl", "Polish"},
        {"pt", "Portuguese"}, {"ru", "Russian"}, {"sv", "Swedish"}, {"tr", "Turkish"}, {"uk", "Ukrainian"},
        {"zh", "Chinese"}, {"da", "Danish"},  {"fi", "Finnish"}};
    if (tag.empty()) return kUnknownLanguage;
    const std::string primary = tag.substr(0, tag.find('-'));
    const auto it = kNames.find(primary);
    return it != kNames.end() ? it->second : tag;
}

/// The section `doc` belongs in under `settings`.
std::string section_of(const Document& doc, const SourceEntry* source, const BriefSettings& settings) {
    switch (settings.group_by) {
        case Grouping::topic: {
            std::string topic = settings.topics.topic_of(doc);
            return topic.empty() ? kOtherTopics : topic;
        }
        case Grouping::place: return doc.meta.place.empty() ? kNoDateline : doc.meta.place;
        case Grouping::agency:
            if (source != nullptr) return source->name;
            return doc.meta.source.name.empty() ? kUnknownAgency : doc.meta.source.name;
        case Grouping::language: return language_name(doc.meta.language);
        case Grouping::none: return {};
    }
    return {};
}

/// Where section `name` goes: the configured order, then the topic rules' order, then by name,
/// the catch-all sections last.
std::tuple<int, std::size_t, std::string> section_rank(const std::string& name, const BriefSettings& settings) {
    const auto at = [&](const std::vector<std::string>& list) {
        return static_cast<std::size_t>(std::find(list.begin(), list.end(), name) - list.begin());
    };
    if (const std::size_t i = at(settings.section_order); i < settings.section_order.size()) return {0, i, name};
    const std::vector<std::string> topics = settings.topics.names();
    if (const std::size_t i = at(topics); i < topics.size()) return {1, i, name};
    const bool catch_all = name == kOtherTopics || name == kNoDateline || name == kUnknownAgency || name == kUnknownLanguage;
    return {catch_all ? 3 : 2, 0, name};
}

/// The item a group of versions of one story makes: the most complete version printed.
BriefItem item_of(std::span<const Document> docs, std::vector<std::size_t> versions, const std::vector<std::size_t>& words,
                  const BriefSettings& settings) {
    // Most words, then the newest (an update), then the id: the same choice in any input order.
    const auto printed = std::max_element(versions.begin(), versions.end(), [&](std::size_t a, std::size_t b) {
        return std::tuple(words[a], date_key(docs[a]), docs[b].id) < std::tuple(words[b], date_key(docs[b]), docs[a].id);
    });
    BriefItem item;
    item.doc = *printed;
    versions.erase(printed);
    std::sort(versions.begin(), versions.end(), [&](std::size_t a, std::size_t b) {
        return std::tuple(date_key(docs[a]), docs[a].meta.source.name, docs[a].id) <
               std::tuple(date_key(docs[b]), docs[b].meta.source.name, docs[b].id);
    });
    item.also = std::move(versions);
    item.words = words[item.doc];
    item.source = settings.sources.find(docs[item.doc].meta.source.name);
    std::string label = docs[item.doc].meta.handling;
    if (item.source != nullptr) handling::keep_most_restrictive(label, item.source->handling);
    item.label = handling::printed_label(settings.style_label, label);
    return item;
}

bool briefed_before(std::span<const Document> docs, const BriefItem& item, const BriefSettings& settings) {
    const auto briefed = [&](std::size_t d) {
        const Document& doc = docs[d];
        return settings.briefed.contains(doc.id) || (settings.since && doc.meta.date && doc.meta.date->day < *settings.since);
    };
    return briefed(item.doc) || std::any_of(item.also.begin(), item.also.end(), briefed);
}

void count_agencies(std::span<const Document> docs, const BriefSettings& settings, Brief& brief) {
    std::map<std::string, std::size_t> agencies;
    std::set<std::string> unknown;
    for (const BriefSection& section : brief.sections) {
        for (const BriefItem& item : section.items) {
            std::vector<std::size_t> all = item.also;
            all.push_back(item.doc);
            for (const std::size_t d : all) {
                const std::string& name = docs[d].meta.source.name;
                if (name.empty()) continue;
                const SourceEntry* known = settings.sources.find(name);
                ++agencies[known != nullptr ? known->name : name];
                if (known == nullptr && !settings.sources.entries().empty()) unknown.insert(name);
            }
        }
    }
    brief.agencies = agencies.size();
    brief.agency_articles.assign(agencies.begin(), agencies.end());
    brief.unknown_agencies.assign(unknown.begin(), unknown.end());
}

/// Words of `doc`'s paragraphs: its prose, without the figures of its tables.
std::size_t prose_words(const Document& doc) {
    std::size_t n = 0;
    for (const Block& block : doc.body) {
        if (const auto* p = std::get_if<Paragraph>(&block)) n += folded_words(plain_text(p->content)).size();
    }
    return n;
}

void choose_top_stories(std::span<const Document> docs, const BriefSettings& settings, Brief& brief) {
    // The stories most agencies carried, then those of the latest day, then the longest in prose.
    std::vector<ItemPlace> all;
    for (std::size_t s = 0; s < brief.sections.size(); ++s) {
        for (std::size_t i = 0; i < brief.sections[s].items.size(); ++i) all.push_back({s, i});
    }
    // Each story's key computed once: the prose is counted word by word.
    std::vector<std::tuple<std::size_t, CalendarDay, std::size_t>> keys;
    for (const ItemPlace& p : all) {
        const BriefItem& item = brief.sections[p.section].items[p.item];
        const std::optional<Date>& date = docs[item.doc].meta.date;
        keys.emplace_back(item.also.size(), date ? date->day : CalendarDay{}, prose_words(docs[item.doc]));
    }
    std::vector<std::size_t> order(all.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[b] < keys[a]; });
    std::vector<ItemPlace> ranked;
    for (const std::size_t i : order) ranked.push_back(all[i]);
    all = std::move(ranked);
    all.resize(std::min(all.size(), settings.top_stories));
    brief.top = std::move(all);
}

}  // namespace

std::optional<Grouping> grouping_named(std::string_view name) {
    static constexpr std::pair<std::string_view, Grouping> kNames[] = {{"topic", Grouping::topic},
                                                                       {"place", Grouping::place},
                                                                       {"agency", Grouping::agency},
                                                                       {"language", Grouping::language},
                                                                       {"none", Grouping::none}};
    for (const auto& [n, g] : kNames) {
        if (n == name) return g;
    }
    return std::nullopt;
}

std::size_t body_words(const Document& doc) {
    std::size_t n = 0;
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& content) { n += folded_words(plain_text(content)).size(); });
    }
    return n;
}

Brief arrange(std::span<const Document> docs, const BriefSettings& settings) {
    Brief brief;
    brief.articles = docs.size();
    brief.sources_file = !settings.sources.entries().empty();
    brief.sources = &settings.sources;
    // The canonical order: by id, so that the input order changes nothing.
    std::vector<std::size_t> order(docs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return docs[a].id < docs[b].id; });
    std::vector<Shingles> shingles;
    std::vector<std::size_t> words(docs.size());
    for (const std::size_t d : order) {
        shingles.push_back(shingles_of(docs[d]));
        words[d] = body_words(docs[d]);
    }
    std::map<std::string, std::vector<BriefItem>> sections;
    for (std::vector<std::size_t>& group : story_groups(shingles)) {
        for (std::size_t& g : group) g = order[g];
        BriefItem item = item_of(docs, std::move(group), words, settings);
        item.previously_reported = briefed_before(docs, item, settings);
        if (item.previously_reported && settings.omit_briefed) {
            brief.omitted += 1 + item.also.size();
            continue;
        }
        sections[section_of(docs[item.doc], item.source, settings)].push_back(std::move(item));
    }
    for (auto& [name, items] : sections) {
        std::sort(items.begin(), items.end(), [&](const BriefItem& a, const BriefItem& b) {
            return std::tuple(date_key(docs[b.doc]), docs[a.doc].meta.title, docs[a.doc].id) <
                   std::tuple(date_key(docs[a.doc]), docs[b.doc].meta.title, docs[b.doc].id);
        });
        brief.stories += items.size();
        brief.sections.push_back({name, std::move(items)});
    }
    std::sort(brief.sections.begin(), brief.sections.end(), [&](const BriefSection& a, const BriefSection& b) {
        return section_rank(a.name, settings) < section_rank(b.name, settings);
    });
    brief.label = settings.style_label;
    for (const BriefSection& section : brief.sections) {
        for (const BriefItem& item : section.items) {
            handling::keep_most_restrictive(brief.label, item.label);
            for (const std::size_t d : [&] { auto all = item.also; all.push_back(item.doc); return all; }()) {
                const std::optional<Date>& date = docs[d].meta.date;
                if (!date) continue;
                if (!brief.earliest || date->day < brief.earliest->day) brief.earliest = date;
                if (!brief.latest || brief.latest->day < date->day) brief.latest = date;
            }
        }
    }
    count_agencies(docs, settings, brief);
    choose_top_stories(docs, settings, brief);
    return brief;
}

}  // namespace briefkit::brief
