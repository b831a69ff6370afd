// The typed news document model: what every reader produces and every writer consumes.
//
// A Document holds an article's metadata as typed fields, its body as a list of
// blocks made of inlines, and the notes: every repair the reader made on the way
// from raw bytes to this model. Writers only ever see `const Document&`.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "briefkit/export.hpp"
#include "briefkit/overloaded.hpp"

namespace briefkit {

/// A proleptic Gregorian calendar day; only valid days are ever stored.
struct BRIEFKIT_API CalendarDay {
    int year = 0;   ///< Four-digit year.
    int month = 0;  ///< Month, 1 to 12.
    int day = 0;    ///< Day of the month, 1 to 31 and valid for the month.
    auto operator<=>(const CalendarDay&) const = default;

    /// True when this is a real day of a four-digit year (30 February is not).
    [[nodiscard]] bool valid() const noexcept;
};

/// A time of day, to the second.
struct TimeOfDay {
    int hour = 0;    ///< Hour, 0 to 23.
    int minute = 0;  ///< Minute, 0 to 59.
    int second = 0;  ///< Second, 0 to 59.
    auto operator<=>(const TimeOfDay&) const = default;
};

/// The largest UTC offset a date may carry, in minutes (UTC+14:00 and UTC-14:00 bound real zones).
inline constexpr int kMaxUtcOffsetMinutes = 14 * 60;

/// A date read from the article: the calendar day, an optional time, and the text it came from.
struct BRIEFKIT_API Date {
    CalendarDay day;                ///< The calendar day.
    std::optional<TimeOfDay> time;  ///< The time of day, when the text gave one.
    /// The time's offset from UTC in minutes (+360 for UTC+06:00), only when the input stated a
    /// zone for the time; never guessed, never set without `time`.
    std::optional<int> utc_offset;
    std::string text;        ///< The text the date was read from, exactly as cleaned.
    bool ambiguous = false;  ///< True when day and month order was guessed, not known.
    bool operator==(const Date&) const = default;

    /// ISO 8601 form: `2020-05-27`, `1987-03-09T04:58:41` or `2020-05-27T09:30:00+06:00`.
    [[nodiscard]] std::string iso() const;

    /// Reads the form iso() writes (a `Z` zone too); nullopt for anything else, a day that does
    /// not exist or an offset beyond 14 hours. The result's `text` is empty.
    [[nodiscard]] static std::optional<Date> from_iso(std::string_view iso);
};

/// The agency or outlet an article came from, with the date it gave.
struct Source {
    std::string name;          ///< Agency name, such as `Kabar` or `Reuters`; empty when unknown.
    std::optional<Date> date;  ///< The agency's own date, when it gave one.
    bool operator==(const Source&) const = default;
};

/// Plain text inside a block.
struct Text {
    std::string text;  ///< UTF-8 text, never empty in reader output.
    bool operator==(const Text&) const = default;
};

/// The longest URL or link target a document may hold, in bytes: the longest string PDF readers
/// must accept (ISO 32000-1, Annex C), so that every writer can carry every address a reader takes.
inline constexpr std::size_t kMaxUrlLength = 32767;

/// A hyperlink inside a block.
struct Link {
    std::string text;  ///< The visible text.
    std::string href;  ///< The target address.
    bool operator==(const Link&) const = default;
};

/// One inline element of a block.
using Inline = std::variant<Text, Link>;

/// A run of inline elements: the content of a paragraph, heading or list item.
using Inlines = std::vector<Inline>;

/// A body paragraph.
struct Paragraph {
    Inlines content;  ///< The paragraph's text and links.
    bool operator==(const Paragraph&) const = default;
};

/// A section heading inside the body.
struct Heading {
    int level = 1;    ///< Heading level, 1 (top) to 6.
    Inlines content;  ///< The heading's text and links.
    bool operator==(const Heading&) const = default;
};

/// A bulleted or numbered list.
struct List {
    bool ordered = false;        ///< True for a numbered list.
    std::vector<Inlines> items;  ///< One entry per list item.
    bool operator==(const List&) const = default;
};

/// A block quotation made of one or more paragraphs.
struct Quote {
    std::vector<Inlines> paragraphs;  ///< The quoted paragraphs.
    bool operator==(const Quote&) const = default;
};

/// How a table column's cells sit in their column.
enum class Alignment { left, right, center };

/// A table: an optional caption, header rows over body rows of cells, and each column's alignment.
/// Every row has one cell per column; a missing cell is an empty run.
struct Table {
    Inlines caption;                             ///< The caption (a units line); empty for none.
    std::vector<Alignment> columns;              ///< One alignment per column; numeric columns are right.
    std::vector<std::vector<Inlines>> head;      ///< Header rows, each one cell per column.
    std::vector<std::vector<Inlines>> rows;      ///< Body rows, each one cell per column.
    bool operator==(const Table&) const = default;
};

/// Text whose spacing and line breaks are the content (a fixed-width listing or layout), set in
/// a monospace face and never reflowed.
struct Preformatted {
    std::string text;  ///< The lines, joined by `\n`, without a final newline.
    bool operator==(const Preformatted&) const = default;
};

/// One body block. Writers visit it with std::visit and no catch-all.
using Block = std::variant<Paragraph, Heading, List, Quote, Table, Preformatted>;

/// The name of an alignment as every format writes it: `left`, `right` or `center`.
[[nodiscard]] BRIEFKIT_API std::string_view alignment_name(Alignment alignment);

/// The alignment named `name`, or nullopt for any other word.
[[nodiscard]] BRIEFKIT_API std::optional<Alignment> alignment_from_name(std::string_view name);

/// One repair the reader made, tied to the input line it concerns.
struct Note {
    int line = 0;         ///< 1-based input line number; 0 when the note concerns the whole file.
    std::string rule;     ///< Stable rule name, such as `paragraph-rejoined`.
    std::string message;  ///< A short human-readable account of the repair.
    bool operator==(const Note&) const = default;
};

/// The article's metadata as typed fields.
struct Metadata {
    std::string title;                 ///< The headline; empty when the article has none.
    std::optional<Date> date;          ///< The publication date.
    Source source;                     ///< The agency and its date.
    std::string place;                 ///< The dateline place, such as `Bishkek`.
    std::string url;                   ///< The original address of the article.
    std::vector<std::string> authors;  ///< Bylined authors, in order.
    std::string language;              ///< BCP 47 language tag, such as `en`; empty when unknown.
    /// The article's handling label as FIRST's TLP 2.0 writes it (`TLP:AMBER`); empty when the
    /// article states none.
    std::string handling;
    bool operator==(const Metadata&) const = default;
};

/// A whole article: identity, metadata, body and the reader's notes.
struct Document {
    std::string id;             ///< Stable hash of the normalized content (see document_id()).
    Metadata meta;              ///< Typed metadata.
    std::vector<Block> body;    ///< Body blocks in reading order.
    std::vector<Note> notes;    ///< Every repair the reader made, in input order.
    bool operator==(const Document&) const = default;
};

namespace detail {
/// `T`, const when `B` is.
template <class B, class T>
using like = std::conditional_t<std::is_const_v<B>, const T, T>;
}  // namespace detail

/// Calls `f` with each run of inlines `block` holds, in reading order: a paragraph's or a heading's
/// content, each list item, each quoted paragraph, a table's caption and cells row by row, and a
/// preformatted block's text as one run of one Text. Given a block it may change, `f` may change
/// each run; a preformatted block's run must stay one Text, whose text becomes the block's.
template <class B, class F>
    requires std::is_same_v<std::remove_const_t<B>, Block>
void for_each_run(B& block, F&& f) {
    using detail::like;
    std::visit(overloaded{[&](like<B, Paragraph>& p) { f(p.content); }, [&](like<B, Heading>& h) { f(h.content); },
                          [&](like<B, List>& l) {
                              for (auto& item : l.items) f(item);
                          },
                          [&](like<B, Quote>& q) {
                              for (auto& p : q.paragraphs) f(p);
                          },
                          [&](like<B, Table>& t) {
                              if (!t.caption.empty()) f(t.caption);
                              for (auto* rows : {&t.head, &t.rows}) {
                                  for (auto& row : *rows) {
                                      for (auto& cell : row) f(cell);
                                  }
                              }
                          },
                          [&](like<B, Preformatted>& p) {
                              if constexpr (std::is_const_v<B>) {
                                  f(Inlines{Text{p.text}});
                              } else {
                                  Inlines run{Text{std::move(p.text)}};
                                  f(run);
                                  p.text = std::move(std::get<Text>(run.front()).text);
                              }
                          }},
               block);
}

/// True when `rule` can name a note's rule in every format: an XML name without a colon
/// (xs:NCName) in ASCII, a letter or `_` followed by letters, digits, `-`, `_` and `.`.
[[nodiscard]] BRIEFKIT_API bool is_note_rule(std::string_view rule);

/// True when `tag` is a language tag as XML Schema's xs:language takes it: 1 to 8 letters, then
/// any number of `-` and 1 to 8 letters or digits (`en`, `pt-BR`, `zh-Hant-TW`).
[[nodiscard]] BRIEFKIT_API bool is_language_tag(std::string_view tag);

/// The text of a run of inlines with links reduced to their visible text.
[[nodiscard]] BRIEFKIT_API std::string plain_text(const Inlines& content);

/// Appends the text of a run of inlines, links reduced to their visible text, to `out`.
BRIEFKIT_API void append_plain_text(std::string& out, const Inlines& content);

/// The plain text of every paragraph, heading, list item and quoted paragraph of `doc`, each
/// followed by a newline, in reading order.
[[nodiscard]] BRIEFKIT_API std::string body_text(const Document& doc);

}  // namespace briefkit
