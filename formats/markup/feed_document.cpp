#include "formats/markup/feed_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

#include "briefkit/error.hpp"
#include "briefkit/overloaded.hpp"
#include "formats/markup/body_markup.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/language.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/swar.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::markup {

namespace {

std::string_view trim(std::string_view s) {
    const std::size_t first = s.find_first_not_of(" \t,.;:");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t,;:") + 1 - first);
}

/// What a dateline's text names first, before it is checked for being a place.
std::string dateline_start(std::string_view dateline) {
    const std::string text = collapse_space(dateline);
    if (const std::size_t comma = text.find(','); comma != std::string::npos) return std::string(trim(text.substr(0, comma)));
    // Leading words written in capitals: the place of a wire dateline.
    std::size_t end = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t word_end = text.find(' ', pos);
        if (word_end == std::string::npos) word_end = text.size();
        const std::string_view word = std::string_view(text).substr(pos, word_end - pos);
        const bool capitals = std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                              std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!capitals) break;
        end = word_end;
        pos = word_end + 1;
    }
    if (end > 0 && end < text.size()) return std::string(trim(std::string_view(text).substr(0, end)));
    std::string_view rest = trim(text);
    while (!rest.empty() && (rest.back() == '-' || rest.back() == ' ')) rest.remove_suffix(1);
    return std::string(rest);
}

/// An agency credited in the byline (`By The Associated Press`, `by: Reuters`) is the source,
/// not an author: it names the source when none is known, and leaves the authors with a note.
void credit_agency_byline(Document& doc) {
    Metadata& m = doc.meta;
    const auto is_agency = [&](const std::string& a) {
        return (!m.source.name.empty() && unicode::fold_case(a) == unicode::fold_case(m.source.name)) || is_byline_title(a);
    };
    for (const std::string& a : m.authors) {
        if (!is_agency(a)) continue;
        if (m.source.name.empty()) m.source.name = a;
        doc.notes.push_back(Note{0, "byline-credits-agency",
                                 fmt::format("the byline '{}' credits the agency, not an author", a)});
    }
    std::erase_if(m.authors, is_agency);
}


/// Removes from `text` the characters no article text may hold (C0 controls but tab and line
/// breaks, U+FFFE, U+FFFF: XML 1.0 cannot carry them), which HTML bodies and JSON strings can;
/// returns how many it removed. The text is valid UTF-8 (the parsers see to that).
std::size_t scrub(std::string& text) {
    // Most text holds no byte that could start one: nothing to do past the first scan, which
    // passes eight bytes at a time.
    const std::size_t words =
        swar::skip_words(text, [](std::uint64_t w) { return swar::has_below(w, 0x20) || swar::has_byte(w, 0xEF); });
    const std::size_t first = static_cast<std::size_t>(
        std::find_if(text.begin() + static_cast<std::ptrdiff_t>(words), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0xEF; }) -
        text.begin());
    if (first == text.size()) return 0;
    std::size_t removed = 0;
    std::size_t out = first;
    for (std::size_t i = first; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const bool control = b < 0x20 && b != '\t' && b != '\n' && b != '\r';
        const bool non_character = b == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                                   static_cast<unsigned char>(text[i + 2]) >= 0xBE;
        if (control || non_character) {
            i += control ? 1 : 3;
            ++removed;
            continue;
        }
        text[out++] = text[i++];
    }
    text.resize(out);
    return removed;
}

std::size_t scrub_run(Inlines& run) {
    std::size_t removed = 0;
    for (Inline& node : run) {
        std::visit(overloaded{[&](Text& t) { removed += scrub(t.text); },
                              [&](Link& l) { removed += scrub(l.text) + scrub(l.href); }},
                   node);
    }
    return removed;
}

/// Scrubs every string of `doc` with scrub(), noting once how many characters went.
void scrub_document(Document& doc) {
    std::size_t removed = 0;
    Metadata& m = doc.meta;
    for (std::string* field : {&m.title, &m.source.name, &m.place, &m.url, &m.language}) removed += scrub(*field);
    for (std::string& author : m.authors) removed += scrub(author);
    for (std::optional<Date>* date : {&m.date, &m.source.date}) {
        if (*date) removed += scrub((*date)->text);  // the text a date was read from is quoted as it was
    }
    for (Block& block : doc.body) for_each_run(block, [&](Inlines& run) { removed += scrub_run(run); });
    for (Note& note : doc.notes) removed += scrub(note.message);
    if (removed > 0) {
        doc.notes.push_back(Note{0, "control-characters-removed",
                                 fmt::format("{} control character{} (or U+FFFE, U+FFFF), which article text cannot "
                                             "hold, removed",
                                             removed, removed == 1 ? "" : "s")});
    }
}

}  // namespace

std::vector<std::string_view> split(std::string_view text, std::span<const std::string_view> separators) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const std::string_view sep : separators) {
            if (text.substr(i).starts_with(sep)) {
                parts.push_back(text.substr(start, i - start));
                start = i + sep.size();
                i = start - 1;
                break;
            }
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

bool is_byline_title(std::string_view part) {
    static constexpr std::array<std::string_view, 19> kWords{
        "writer",  "correspondent", "reporter", "editor",     "press",    "staff",    "news",
        "agency",  "service",       "bureau",   "chief",      "columnist", "university", "institute",
        "college", "leiter",        "korrespond", "sprecher", "referent"};
    const std::string folded = unicode::fold_case(part);
    return std::any_of(kWords.begin(), kWords.end(),
                       [&](std::string_view w) { return folded.find(w) != std::string::npos; });
}

namespace {

/// True when a word of `piece` starts with a digit: a date or a code (`Reuters, MAR 04`), not a
/// name. A digit inside a word is a user's name (`Hafenkatze7`, `Kai3ko`).
bool opens_number(std::string_view piece) {
    for (std::size_t i = 0; i < piece.size(); ++i) {
        const bool word_start = i == 0 || piece[i - 1] == ' ';
        if (word_start && piece[i] >= '0' && piece[i] <= '9') return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> authors_from_byline(std::string_view byline) {
    const std::string text = collapse_space(byline);
    std::string_view rest = text;
    const std::string folded = unicode::fold_case(rest.substr(0, 3));
    if (folded == "by " || folded == "by:") rest.remove_prefix(3);
    static constexpr std::array<std::string_view, 5> kSeparators{" and ", " AND ", " & ", ";", " und "};
    std::vector<std::string> authors;
    for (std::string_view part : split(rest, kSeparators)) {
        // "A, B" is two names; "A, Associated Press Writer" one name and a title.
        static constexpr std::array<std::string_view, 1> kComma{","};
        const std::vector<std::string_view> pieces = split(part, kComma);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const std::string_view name = trim(pieces[i]);
            if (!name.empty() && !opens_number(name) && (i == 0 || !is_byline_title(name))) authors.emplace_back(name);
        }
    }
    return authors;
}

std::string dateline_place(std::string_view dateline) {
    const std::string place = dateline_start(dateline);
    // A dateline that starts with a date or a time names no place.
    const bool digits = std::any_of(place.begin(), place.end(), [](char c) { return c >= '0' && c <= '9'; });
    return digits ? std::string() : place;
}

void finish_feed_document(Document& doc, std::string_view format, std::string_view lacks, std::string_view name,
                          const ReadOptions& options) {
    if (doc.meta.title.empty() && doc.body.empty()) {
        throw InputError(fmt::format("holds no text: the {} item has neither a headline nor body text", format),
                         std::string(name));
    }
    scrub_document(doc);
    credit_agency_byline(doc);
    if (doc.meta.title.empty()) {
        doc.notes.push_back(Note{0, "headline-missing", fmt::format("the {} item has no headline", format)});
    }
    if (doc.body.empty()) {
        doc.notes.push_back(Note{0, "body-missing", fmt::format("the {} item has no body text", format)});
    }
    if (doc.meta.language.empty()) {
        doc.meta.language = guess_language(doc);
        if (!doc.meta.language.empty()) {
            doc.notes.push_back(Note{0, "language-guessed",
                                     fmt::format("the {} item states no language; '{}' was guessed from its words",
                                                 format, doc.meta.language)});
        }
    }
    if (!lacks.empty()) doc.notes.push_back(Note{0, "format-lacks", std::string(lacks)});
    check_document_limits(doc, name, options);
    doc.id = document_id(doc);
}

}  // namespace briefkit::formats::markup
