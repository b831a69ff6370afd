// The blocks of a brief: section heads, stories, "In brief" items, the appendix, the front
// page's top stories and contents rows. digest.cpp lays them out and draws them.
#include <fmt/format.h>

#include "formats/pdf/digest.hpp"
#include "formats/pdf/digest_flow.hpp"
#include "formats/pdf/key_points.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kSectionSizeStep = 2;      // a section head is this much larger than a body heading
constexpr double kHeadlineLeading = 1.2;    // a story's headline leading, times its size
constexpr double kStorySpace = 1.4;         // space above a story, times the body leading
constexpr double kSectionSpace = 2.0;       // space above a section head, times the body leading
constexpr double kSmallLeading = 1.35;      // credit and meta lines' leading, times their size
constexpr std::size_t kTopStorySentences = 2;
constexpr std::size_t kLeadLimit = 300;     // a top story's summary, at most, in bytes, where no key points are found

}  // namespace

FlowBlock DigestComposer::small_block(std::vector<Span> spans, double space_before) {
    const Style& s = style_;
    FlowBlock b;
    b.lines = composer_.set(spans, column_width_, false);
    b.size = s.size_small;
    b.leading = s.size_small * kSmallLeading;
    b.space_before = space_before;
    return b;
}

void DigestComposer::add_section_head(Flow& flow, const std::string& name, bool first) {
    const Style& s = style_;
    const double size = s.size_heading + kSectionSizeStep;
    FlowBlock head;
    head.lines = composer_.set({{name, Face::sans_bold, size, s.accent, {}}}, column_width_, false);
    head.size = size;
    head.leading = size * kHeadlineLeading;
    head.space_before = first ? 0 : s.leading * kSectionSpace;
    head.rule_above = s.accent;
    head.role = Role::heading;
    head.keep_with_next = true;
    head.splittable = false;
    head.new_page = s.digest.new_page && !first;
    flow.marks.push_back({name, flow.blocks.size(), 0});
    flow.blocks.push_back(std::move(head));
}

std::string DigestComposer::meta_line(const Document& doc, const brief::BriefItem& item) const {
    std::vector<std::string> parts;
    parts.push_back(item.source != nullptr ? item.source->name : doc.meta.source.name);
    if (doc.meta.date) parts.push_back(BriefingComposer::format_date(*doc.meta.date));
    parts.push_back(doc.meta.place);
    if (item.source != nullptr && item.source->reliability != 0) parts.push_back(fmt::format("Source grade {}", item.source->reliability));
    if (!item.label.empty() && item.label != style_.handling_label) parts.push_back(item.label);
    std::string line;
    for (const std::string& p : parts) {
        if (!p.empty()) line += (line.empty() ? "" : " \u00B7 ") + p;
    }
    return line;
}

std::string DigestComposer::credit_line(const Document& doc, const brief::BriefItem& item) const {
    std::string credit = "Source: ";
    if (item.source != nullptr) {
        credit += item.source->credit.empty() ? item.source->name : item.source->credit;
        if (item.source->reliability != 0) {
            credit += fmt::format(" (grade {}: {})", item.source->reliability, brief::reliability_meaning(item.source->reliability));
        }
    } else {
        credit += doc.meta.source.name.empty() ? std::string("agency not named") : doc.meta.source.name;
        if (sources_file_ && !doc.meta.source.name.empty()) credit += " (not in the sources file)";
    }
    const std::optional<Date>& date = doc.meta.source.date ? doc.meta.source.date : doc.meta.date;
    if (date) credit += ", " + BriefingComposer::format_date(*date);
    return credit + ".";
}

std::string DigestComposer::printed_title(const Document& doc) {
    return BriefingComposer(column_style_, fonts_, nullptr).printed_title(doc);
}

void DigestComposer::add_story(Flow& flow, const Document& doc, const brief::BriefItem& item, std::span<const Document> docs,
                               bool first) {
    const Style& s = style_;
    BriefingComposer story(column_style_, fonts_, hyphenator_(doc));
    const std::string title = printed_title(doc);
    FlowBlock headline;
    headline.lines = composer_.set({{title, Face::body_bold, s.size_heading, s.text, {}}}, column_width_, false);
    headline.size = s.size_heading;
    headline.leading = s.size_heading * kHeadlineLeading;
    headline.space_before = first ? s.leading * 0.5 : s.leading * kStorySpace;
    if (!first) headline.rule_above = s.muted;
    headline.role = Role::title;
    headline.keep_with_next = true;
    headline.splittable = false;
    // The byline under the headline, in the same block, so that no column ends between them.
    std::vector<Span> meta{{meta_line(doc, item), Face::sans, s.size_meta, s.muted, {}}};
    if (item.previously_reported) meta.insert(meta.begin(), Span{"Previously reported \u00B7 ", Face::sans_bold, s.size_meta, s.label, {}});
    for (TextLine& l : composer_.set(meta, column_width_, false)) headline.lines.push_back(std::move(l));
    flow.marks.push_back({title, flow.blocks.size(), 1});
    flow.blocks.push_back(std::move(headline));
    std::vector<FlowBlock> body = story.body_blocks(doc);
    if (!body.empty()) body.front().space_before = s.leading * 0.4;
    for (FlowBlock& b : body) flow.blocks.push_back(std::move(b));
    std::vector<Span> credit{{credit_line(doc, item), Face::sans, s.size_small, s.muted, {}}};
    if (!item.also.empty()) {
        std::string also = " Also reported by: ";
        for (std::size_t i = 0; i < item.also.size(); ++i) {
            const Document& other = docs[item.also[i]];
            also += (i == 0 ? "" : "; ") + (other.meta.source.name.empty() ? std::string("agency not named") : other.meta.source.name);
            if (other.meta.date) also += ", " + BriefingComposer::format_day(other.meta.date->day);
        }
        credit.push_back({also + ".", Face::sans_bold, s.size_small, s.muted, {}});
    }
    if (!doc.meta.url.empty()) {
        credit.push_back({" Original: ", Face::sans, s.size_small, s.muted, {}});
        credit.push_back({doc.meta.url, Face::sans, s.size_small, s.accent, doc.meta.url});
    }
    flow.blocks.back().keep_with_next = true;  // the credit stays with the story's last lines
    flow.blocks.push_back(small_block(std::move(credit), s.size_small));
}

void DigestComposer::add_in_brief(Flow& flow, const Document& doc, const brief::BriefItem& item, const std::string& section) {
    // One paragraph: the headline run in, the text, and the credit.
    const Style& s = style_;
    BriefingComposer story(column_style_, fonts_, hyphenator_(doc));
    const std::string title = story.printed_title(doc);
    std::vector<Span> spans{{title + ". ", Face::body_bold, s.size_body, s.text, {}}};
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& run) {
            std::vector<Span> more = story.spans_of(run, s.size_body, Face::body, s.text);
            if (!more.empty() && spans.size() > 1) more.front().text = " " + more.front().text;
            spans.insert(spans.end(), more.begin(), more.end());
        });
    }
    std::string credit = " \u2014 " + meta_line(doc, item);
    if (!section.empty() && credit.find(section) == std::string::npos) credit += " \u00B7 " + section;
    if (item.previously_reported) credit += " \u00B7 previously reported";
    spans.push_back({credit + ".", Face::sans, s.size_meta, s.muted, {}});
    FlowBlock b;
    b.lines = story.set(spans, column_width_, s.justify);
    b.size = s.size_body;
    b.leading = s.leading;
    b.space_before = s.leading * 0.6;
    flow.marks.push_back({title, flow.blocks.size(), 1});
    flow.blocks.push_back(std::move(b));
}

void DigestComposer::add_appendix(Flow& flow, std::span<const Document> docs, const brief::Brief& brief) {
    const Style& s = style_;
    std::vector<FlowBlock> rows;
    for (const brief::BriefSection& section : brief.sections) {
        for (const brief::BriefItem& item : section.items) {
            if (item.also.empty()) continue;
            std::string versions;
            for (const std::size_t d : item.also) {
                const Document& other = docs[d];
                versions += fmt::format("{}{} ({}{}, {})", versions.empty() ? "" : "; ", printed_title(other),
                                        other.meta.source.name.empty() ? "agency not named" : other.meta.source.name,
                                        other.meta.date ? ", " + BriefingComposer::format_day(other.meta.date->day) : std::string(), other.id);
            }
            rows.push_back(small_block({{printed_title(docs[item.doc]) + ": ", Face::sans_bold, s.size_small, s.text, {}},
                                        {versions + ".", Face::sans, s.size_small, s.text, {}}},
                                       s.size_small * 0.6));
        }
    }
    if (rows.empty() && brief.agency_articles.empty() && brief.omitted == 0) return;
    add_section_head(flow, "Appendix", false);
    flow.blocks.back().new_page = true;
    if (!rows.empty()) {
        flow.blocks.push_back(small_block({{"Versions folded into the stories above", Face::sans_bold, s.size_meta, s.accent, {}}}, s.leading * 0.5));
        flow.blocks.back().keep_with_next = true;
        for (FlowBlock& r : rows) flow.blocks.push_back(std::move(r));
    }
    if (brief.omitted > 0) {
        flow.blocks.push_back(small_block({{fmt::format("{} article{} left out as briefed before.", brief.omitted, brief.omitted == 1 ? "" : "s"),
                                            Face::sans, s.size_small, s.text, {}}},
                                          s.leading * 0.5));
    }
    if (!brief.agency_articles.empty()) add_agency_list(flow, brief);
    if (!brief.unknown_agencies.empty()) {
        std::string names;
        for (const std::string& n : brief.unknown_agencies) names += (names.empty() ? "" : ", ") + n;
        flow.blocks.push_back(small_block({{"Agencies not in the sources file", Face::sans_bold, s.size_meta, s.accent, {}}}, s.leading * 0.5));
        flow.blocks.back().keep_with_next = true;
        flow.blocks.push_back(small_block({{names + ".", Face::sans, s.size_small, s.text, {}}}, s.size_small * 0.6));
    }
}

void DigestComposer::add_agency_list(Flow& flow, const brief::Brief& brief) {
    // Each agency, its articles, and what the sources file says of it.
    const Style& s = style_;
    flow.blocks.push_back(small_block({{"Agencies", Face::sans_bold, s.size_meta, s.accent, {}}}, s.leading * 0.5));
    flow.blocks.back().keep_with_next = true;
    for (const auto& [name, articles] : brief.agency_articles) {
        std::string about = fmt::format("{} article{}", articles, articles == 1 ? "" : "s");
        if (const brief::SourceEntry* e = brief.sources != nullptr ? brief.sources->find(name) : nullptr) {
            for (const std::string* part : {&e->country, &e->language, &e->ownership}) {
                if (!part->empty()) about += " \u00B7 " + *part;
            }
            if (e->reliability != 0) about += fmt::format(" \u00B7 grade {}: {}", e->reliability, brief::reliability_meaning(e->reliability));
            if (!e->credit.empty()) about += " \u00B7 " + e->credit;
            if (!e->handling.empty()) about += " \u00B7 " + e->handling;
        }
        flow.blocks.push_back(small_block({{name + ": ", Face::sans_bold, s.size_small, s.text, {}}, {about + ".", Face::sans, s.size_small, s.text, {}}},
                                          s.size_small * 0.4));
    }
}

FlowBlock DigestComposer::contents_row(const std::string& title, bool section) {
    const Style& s = style_;
    FlowBlock row;
    const double size = section ? s.size_body : s.size_meta + 0.5;
    row.lines = composer_.set({{title, section ? Face::sans_bold : Face::body, size, section ? s.accent : s.text, {}}},
                              column_width_ - kNumberColumn - kLeaderRoom, false);
    row.size = size;
    row.leading = size * 1.3;
    row.space_before = section ? s.leading * 0.6 : size * 0.25;
    row.splittable = false;
    row.keep_with_next = section;
    return row;
}

FlowBlock DigestComposer::top_story(const Document& doc, const std::string& title) {
    const Style& s = style_;
    std::vector<std::string> paragraphs;
    for (const Block& block : doc.body) {
        if (const auto* p = std::get_if<Paragraph>(&block)) paragraphs.push_back(plain_text(p->content));
    }
    std::vector<std::string> points = key_points(paragraphs, kTopStorySentences);
    std::string summary;
    for (const std::string& p : points) summary += (summary.empty() ? "" : " ") + p;
    if (summary.empty() && !paragraphs.empty()) summary = unicode::shortened(paragraphs.front(), kLeadLimit);
    FlowBlock b;
    b.lines = composer_.set({{title, Face::body_bold, s.size_body + 0.5, s.text, {}}}, column_width_ - kNumberColumn, false);
    BriefingComposer story(column_style_, fonts_, hyphenator_(doc));
    for (TextLine& l : story.set({{composer_.printed_text(summary, doc.meta.language), Face::body, s.size_body - 0.5, s.text, {}}},
                                 column_width_, s.justify)) {
        b.lines.push_back(std::move(l));
    }
    b.size = s.size_body;
    b.leading = s.leading;
    b.space_before = s.leading * 0.6;
    b.splittable = false;
    return b;
}

}  // namespace briefkit::formats::pdf
