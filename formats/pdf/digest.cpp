#include "formats/pdf/digest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>

#include "formats/pdf/digest_flow.hpp"
#include "pipeline/model/deadline.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr double kColumnGap = 16;        // between two columns
constexpr double kRunningHeader = 26;    // the running header's depth, above the columns of a later page
constexpr double kBandHeight = 36;       // the front page's band
constexpr double kTitleSize = 28;        // the brief's title
constexpr double kIssueSize = 11;        // the issue line under it
constexpr double kMastheadSpace = 22;    // below the masthead's last line, down to the columns
constexpr double kLeaderGap = 4;         // between a contents row's text, its leaders and its number
constexpr std::size_t kNone = SIZE_MAX;

std::string weekday_date(const CalendarDay& day) {
    std::tm tm{};
    tm.tm_year = day.year - 1900;
    tm.tm_mon = day.month - 1;
    tm.tm_mday = day.day;
    tm.tm_hour = 12;
    timegm(&tm);  // fills in the weekday
    static const char* const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return fmt::format("{}, {}", kDays[tm.tm_wday], BriefingComposer::format_day(day));
}

std::string compiled_line(std::int64_t at) {
    if (at == 0) return {};
    const auto t = static_cast<std::time_t>(at);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return "Compiled " + BriefingComposer::format_date(Date{{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday},
                                                            TimeOfDay{tm.tm_hour, tm.tm_min, 0}, 0, {}, false});
}

/// `n` as English prints a count: `1,000`.
std::string count(std::size_t n) {
    std::string digits = std::to_string(n);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}


/// `style` with the measure of one of its digest's columns: two share the width between the
/// margins; one has the style's measure.
Style column_style(const Style& style) {
    Style out = style;
    const double width = style.page_width - style.margin_left - style.margin_right;
    if (style.digest.columns >= 2) {
        out.measure = (width - kColumnGap) / 2;
    } else if (out.measure <= 0) {
        out.measure = width;
    }
    return out;
}

}  // namespace

DigestComposer::DigestComposer(const Style& style, FontSet& fonts, std::function<const Hyphenator*(const Document&)> hyphenator)
    : style_(style),
      column_style_(column_style(style)),
      composer_(column_style_, fonts, nullptr),
      fonts_(fonts),
      hyphenator_(std::move(hyphenator)),
      column_width_(column_style_.measure),
      gap_(kColumnGap),
      columns_(static_cast<std::size_t>(std::clamp(style.digest.columns, 1, 2))) {}

std::string DigestComposer::summary(const brief::Brief& brief) {
    std::string line = fmt::format("{} stor{}", count(brief.stories), brief.stories == 1 ? "y" : "ies");
    if (brief.articles != brief.stories + brief.omitted || brief.omitted > 0) {
        line += fmt::format(" from {} article{}", count(brief.articles), brief.articles == 1 ? "" : "s");
    }
    if (brief.agencies > 0) line += fmt::format(" by {} agenc{}", count(brief.agencies), brief.agencies == 1 ? "y" : "ies");
    if (brief.earliest) {
        line += ", " + BriefingComposer::format_day(brief.earliest->day);
        if (brief.latest->day != brief.earliest->day) line += " to " + BriefingComposer::format_day(brief.latest->day);
    }
    return line;
}

double DigestComposer::column_x(std::size_t column) const {
    if (columns_ == 1) return style_.margin_left;
    return style_.margin_left + static_cast<double>(column) * (column_width_ + gap_);
}

DigestComposer::Plan DigestComposer::plan(std::span<const Document> docs, const brief::Brief& brief, const Masthead& masthead) {
    const Style& s = style_;
    Plan out;
    out.label = brief.label;
    out.summary = summary(brief);
    // The stories, section by section; the short ones wait for "In brief".
    std::vector<std::pair<std::size_t, std::size_t>> short_items;
    out.story_blocks.resize(brief.sections.size());
    for (std::size_t si = 0; si < brief.sections.size(); ++si) {
        const brief::BriefSection& section = brief.sections[si];
        out.story_blocks[si].assign(section.items.size(), kNone);
        bool first = true;
        for (std::size_t ii = 0; ii < section.items.size(); ++ii) {
            check_deadline();
            const brief::BriefItem& item = section.items[ii];
            if (item.words < static_cast<std::size_t>(s.digest.in_brief_words)) {
                short_items.emplace_back(si, ii);
                continue;
            }
            if (first && !section.name.empty()) add_section_head(out.body, section.name, out.body.blocks.empty());
            out.story_blocks[si][ii] = out.body.blocks.size();
            add_story(out.body, docs[item.doc], item, docs, first);
            first = false;
        }
    }
    if (!short_items.empty()) add_section_head(out.body, "In brief", out.body.blocks.empty());
    for (const auto& [si, ii] : short_items) {
        out.story_blocks[si][ii] = out.body.blocks.size();
        add_in_brief(out.body, docs[brief.sections[si].items[ii].doc], brief.sections[si].items[ii], brief.sections[si].name);
    }
    add_appendix(out.body, docs, brief);
    const Frame body_frame{s.margin_top + kRunningHeader, s.margin_top + kRunningHeader, s.page_height - s.margin_bottom, 0, columns_};
    out.body_columns = paginate(out.body.blocks, body_frame);
    balance_last_sheet(out.body_columns, out.body.blocks, body_frame);
    out.column_of_block.assign(out.body.blocks.size(), kNone);
    out.top_of_block.assign(out.body.blocks.size(), 0);
    for (std::size_t c = 0; c < out.body_columns.size(); ++c) {
        for (const Slice& slice : out.body_columns[c]) {
            if (out.column_of_block[slice.block] != kNone) continue;
            out.column_of_block[slice.block] = c;
            out.top_of_block[slice.block] = slice.top - out.body.blocks[slice.block].space_before;
        }
    }
    // The front page: the top stories, then the contents, each row naming a story block.
    const auto add_front = [&](FlowBlock block, std::size_t target, bool leaders) {
        out.front.blocks.push_back(std::move(block));
        out.front_targets.push_back(target);
        out.leaders.push_back(leaders);
    };
    if (!brief.top.empty()) {
        add_section_head(out.front, "Top stories", true);
        out.front_targets.push_back(kNone);
        out.leaders.push_back(false);
        for (const brief::ItemPlace& p : brief.top) {
            const Document& doc = docs[brief.sections[p.section].items[p.item].doc];
            const std::size_t target = out.story_blocks[p.section][p.item];
            const auto mark = std::find_if(out.body.marks.begin(), out.body.marks.end(),
                                           [&](const Flow::Mark& m) { return m.block == target; });
            add_front(top_story(doc, mark->title), target, false);
        }
    }
    add_section_head(out.front, "Contents", out.front.blocks.empty());
    out.front_targets.push_back(kNone);
    out.leaders.push_back(false);
    for (const Flow::Mark& mark : out.body.marks) add_front(contents_row(mark.title, mark.level == 0), mark.block, true);
    out.masthead = masthead_lines(out.summary, brief, masthead);
    out.masthead_bottom = out.masthead.empty() ? s.margin_top + kBandHeight : out.masthead.back().second + kMastheadSpace;
    const Frame front_frame{out.masthead_bottom, s.margin_top + kRunningHeader, s.page_height - s.margin_bottom, columns_, columns_};
    out.front_columns = paginate(out.front.blocks, front_frame);
    balance_last_sheet(out.front_columns, out.front.blocks, front_frame);
    out.front_pages = (out.front_columns.size() + columns_ - 1) / columns_;
    out.total = out.front_pages + (out.body_columns.size() + columns_ - 1) / columns_;
    return out;
}

std::vector<std::pair<TextLine, double>> DigestComposer::masthead_lines(const std::string& summary, const brief::Brief& brief,
                                                                       const Masthead& masthead) {
    // The title, the issue's number and date, then when it was compiled and what it holds.
    const Style& s = style_;
    const double width = s.page_width - s.margin_left - s.margin_right;
    std::vector<std::pair<TextLine, double>> out;
    double baseline = s.margin_top + kBandHeight + 14 + kTitleSize;
    for (TextLine& l : composer_.set({{masthead.title, Face::body_bold, kTitleSize, s.text, {}}}, width, false)) {
        out.emplace_back(std::move(l), baseline);
        baseline += kTitleSize * 1.1;
    }
    std::string issue = masthead.issue > 0 ? fmt::format("No. {}", masthead.issue) : std::string();
    if (masthead.issued) issue += (issue.empty() ? "" : " \u00B7 ") + weekday_date(*masthead.issued);
    baseline += kIssueSize * 0.4;
    if (!issue.empty()) {
        for (TextLine& l : composer_.set({{issue, Face::sans_bold, kIssueSize, s.accent, {}}}, width, false)) {
            out.emplace_back(std::move(l), baseline);
            baseline += kIssueSize * 1.4;
        }
    }
    std::string numbers = compiled_line(masthead.compiled_at);
    numbers += (numbers.empty() ? "" : " \u00B7 ") + summary;
    if (!brief.label.empty()) numbers += " \u00B7 Handling: " + brief.label;
    for (TextLine& l : composer_.set({{numbers, Face::sans, s.size_meta, s.muted, {}}}, width, false)) {
        out.emplace_back(std::move(l), baseline);
        baseline += s.size_meta * 1.4;
    }
    return out;
}

void DigestComposer::compose(PdfFile& pdf, std::span<const Document> docs, const brief::Brief& brief, const Masthead& masthead) {
    const Style& s = style_;
    running_title_ = masthead.title;
    sources_file_ = brief.sources_file;
    if (masthead.issue > 0) running_title_ += fmt::format(" No. {}", masthead.issue);
    if (masthead.issued) running_title_ += " \u00B7 " + BriefingComposer::format_day(*masthead.issued);
    const Plan laid_out = plan(docs, brief, masthead);
    // Every page first, so that the contents can link forward.
    std::vector<int> pages;
    for (std::size_t p = 0; p < laid_out.total; ++p) pages.push_back(pdf.add_page(s.page_width, s.page_height));
    draw_front(pdf, laid_out, pages);
    draw_body(pdf, laid_out, pages);
    add_bookmarks(pdf, laid_out, pages);
}

StoryPlace DigestComposer::place_of(const Plan& plan, std::size_t block, const std::vector<int>& pages) const {
    const std::size_t column = plan.column_of_block.at(block);
    return {pages.at(plan.front_pages + column / columns_), plan.top_of_block.at(block)};
}

void DigestComposer::draw_columns(Canvas& canvas, const std::vector<FlowBlock>& blocks, const std::vector<std::vector<Slice>>& columns,
                                  std::size_t first_column) {
    for (std::size_t c = first_column; c < first_column + columns_ && c < columns.size(); ++c) {
        for (const Slice& slice : columns[c]) composer_.draw_block(canvas, blocks[slice.block], slice, column_x(c - first_column));
    }
}

void DigestComposer::draw_front(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages) {
    const Style& s = style_;
    for (std::size_t p = 0; p < plan.front_pages; ++p) {
        Canvas canvas(s.page_height);
        if (p == 0) {
            composer_.header_band(canvas, style_.digest.title);
            for (const auto& [line, baseline] : plan.masthead) canvas.text_line(line, s.margin_left, baseline);
            canvas.rule(s.margin_left, s.page_width - s.margin_right, plan.masthead_bottom - kMastheadSpace / 2, 1.2, s.accent);
        } else {
            composer_.running_header(canvas, running_title_);
        }
        draw_columns(canvas, plan.front.blocks, plan.front_columns, p * columns_);
        draw_page_numbers(pdf, canvas, plan, p, pages);
        composer_.draw_furniture(canvas, running_title_, static_cast<int>(p) + 1, static_cast<int>(plan.total), plan.label);
        pdf.append_content(pages[p], canvas.operators());
    }
}

void DigestComposer::draw_page_numbers(PdfFile& pdf, Canvas& canvas, const Plan& plan, std::size_t p, const std::vector<int>& pages) {
    // Each row's page number at the column's right (after dot leaders in the contents), and the
    // row a link to its story.
    const Style& s = style_;
    for (std::size_t c = p * columns_; c < (p + 1) * columns_ && c < plan.front_columns.size(); ++c) {
        const double x = column_x(c - p * columns_);
        for (const Slice& slice : plan.front_columns[c]) {
            const std::size_t target = plan.front_targets[slice.block];
            if (target == kNone || slice.first != 0) continue;
            const FlowBlock& block = plan.front.blocks[slice.block];
            const StoryPlace place = place_of(plan, target, pages);
            const std::size_t on_line = plan.leaders[slice.block] ? block.lines.size() - 1 : 0;
            const double line_top = slice.top + block.padding + static_cast<double>(on_line) * block.leading;
            const double baseline = line_baseline(block, line_top);
            const TextLine number = composer_.set({{fmt::format("{}", place.page + 1), Face::sans, block.size, s.text, {}}}, kNumberColumn, false).front();
            const double number_x = x + column_width_ - number.width;
            canvas.text_line(number, number_x, baseline);
            if (plan.leaders[slice.block]) draw_leaders(canvas, block, x + block.lines.back().width + kLeaderGap, number_x - kLeaderGap, baseline);
            const double bottom = plan.leaders[slice.block] ? slice.top + slice_height(block, slice) : line_top + block.leading;
            pdf.link_to_page(pages[p], {x, s.page_height - bottom, x + column_width_, s.page_height - slice.top}, place.page,
                             s.page_height - place.top);
        }
    }
}

void DigestComposer::draw_leaders(Canvas& canvas, const FlowBlock& block, double from, double to, double baseline) {
    const TextLine dot = composer_.set({{".", Face::sans, block.size, style_.muted, {}}}, kNumberColumn, false).front();
    const double pitch = dot.width * 2.5;
    // Dots on a grid from the column's right, so that the leaders of all rows line up.
    for (double x = to - dot.width; x >= from; x -= pitch) canvas.text_line(dot, x, baseline);
}

void DigestComposer::draw_body(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages) {
    const Style& s = style_;
    const std::size_t body_pages = plan.total - plan.front_pages;
    for (std::size_t p = 0; p < body_pages; ++p) {
        check_deadline();
        const std::size_t number = plan.front_pages + p;
        Canvas canvas(s.page_height);
        composer_.running_header(canvas, running_title_);
        draw_columns(canvas, plan.body.blocks, plan.body_columns, p * columns_);
        composer_.draw_furniture(canvas, running_title_, static_cast<int>(number) + 1, static_cast<int>(plan.total), plan.label);
        pdf.append_content(pages[number], canvas.operators());
        BriefingComposer::add_links(pdf, pages[number], canvas);
    }
}

void DigestComposer::add_bookmarks(PdfFile& pdf, const Plan& plan, const std::vector<int>& pages) {
    // The front page, then each section with its stories under it.
    const double height = style_.page_height;
    pdf.bookmark("Front page and contents", pages.front());
    int section = -1;
    for (const Flow::Mark& mark : plan.body.marks) {
        const StoryPlace place = place_of(plan, mark.block, pages);
        if (mark.level == 0) {
            section = pdf.bookmark(mark.title, place.page, -1, height - place.top);
        } else {
            pdf.bookmark(mark.title, place.page, section, height - place.top);
        }
    }
}

}  // namespace briefkit::formats::pdf
