#include "formats/text/text_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "briefkit/error.hpp"
#include "formats/text/article_parts.hpp"
#include "formats/text/decode.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/language.hpp"
#include "pipeline/model/limits.hpp"

namespace briefkit::formats {

namespace {

using text::Draft;
using text::NoteLog;

/// Settles an ambiguous numeric date by the other date in the article: the reading
/// within a week of the agency's date (or the publication date) wins.
void settle_ambiguous(std::optional<Date>& date, const std::optional<CalendarDay>& alternative,
                      const std::optional<Date>& other, std::string_view what, int line, NoteLog& notes) {
    if (!date || !date->ambiguous || !alternative || !other || other->ambiguous) return;
    const long chosen = std::labs(text::days_between(date->day, other->day));
    const long swapped = std::labs(text::days_between(*alternative, other->day));
    if (std::min(chosen, swapped) > 7 || chosen == swapped) return;
    if (swapped < chosen) date->day = *alternative;
    date->ambiguous = false;
    notes.add(line, "date-order-inferred",
              fmt::format("{} '{}' read as {}: the only reading within a week of {}", what, date->text, date->iso(),
                          other->iso()));
}

void settle_source(Draft& d, NoteLog& notes) {
    Source& source = d.meta.source;
    if (source.name.empty() && d.trailer_source.empty() && d.wire) {
        source.name = "Reuters";
        notes.add(0, "source-inferred",
                  "no agency named; source set to Reuters, whose wire layout this is (timestamp line, indented "
                  "paragraphs)");
        return;
    }
    if (d.trailer_source.empty()) return;
    if (source.name.empty()) {
        source.name = d.trailer_source;
    } else if (text::fold_case(source.name) != text::fold_case(d.trailer_source)) {
        notes.add(0, "source-conflict",
                  fmt::format("the trailer names the source '{}' but the header names '{}'; kept '{}'",
                              d.trailer_source, source.name, source.name));
    }
}

/// Refuses, before the structure is read, input that is only whitespace, has a line over
/// --max-line-length, or has more blank-line-separated runs than --max-paragraphs allows.
void check_line_limits(const std::vector<text::Line>& lines, std::string_view name, const ReadOptions& options) {
    std::size_t runs = 0;
    bool in_run = false;
    for (const text::Line& line : lines) {
        if (line.text.size() > options.max_line_length) {
            throw LimitError(fmt::format("line is {} bytes, over the {}-byte limit (--max-line-length)",
                                         line.text.size(), options.max_line_length),
                             std::string(name), line.number);
        }
        if (!line.blank() && !in_run) ++runs;
        in_run = !line.blank();
    }
    if (runs == 0) throw InputError("file holds only whitespace: no article to read", std::string(name));
    // Each run of lines is at least one paragraph, but for the header's and trailer's few.
    constexpr std::size_t kHeaderAndTrailerRuns = 64;
    if (runs > kHeaderAndTrailerRuns) check_paragraph_count(runs - kHeaderAndTrailerRuns, name, options);
}

}  // namespace

Document read_text(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    if (bytes.empty()) throw InputError("empty file: no article to read", std::string(name));

    NoteLog notes;
    const text::Decoded decoded = text::decode(bytes, options.encoding, name, notes);
    Draft d;
    check_deadline();
    d.lines = text::split_lines(decoded.text, notes);
    check_line_limits(d.lines, name, options);
    check_deadline();

    text::read_handling_label(d, notes);
    text::read_trailer(d, notes);
    text::read_header(d, options, notes);
    check_deadline();
    text::read_body(d, notes);
    check_deadline();
    text::extract_dateline(d, notes);
    text::gather_figure_rows(d, notes);
    settle_source(d, notes);
    settle_ambiguous(d.meta.date, d.date_alternative, d.meta.source.date, "date", d.date_line, notes);
    settle_ambiguous(d.meta.source.date, d.source_date_alternative, d.meta.date, "agency date", d.source_date_line, notes);

    Document doc;
    doc.meta = std::move(d.meta);
    doc.body = std::move(d.body);
    check_document_limits(doc, name, options);
    doc.meta.language = guess_language(doc);
    doc.notes = notes.finish();
    doc.id = document_id(doc);
    return doc;
}

}  // namespace briefkit::formats
