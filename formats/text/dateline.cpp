// The dateline glued to the first paragraph of wire copy: `LONDON, March 9 - The Bank...`
// gives place `LONDON`; `MOSCOW, May 27 (Reuters) - ...` also names the agency.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <regex>

#include "formats/text/article_parts.hpp"

namespace briefkit::formats::text {

namespace {

/// Where `text`'s trailing `Month Day` begins, with the spaces or commas before it; npos when it
/// has none. `LONDON, March 9` gives 6, `Sept. 3rd,` gives 0. The same as the start of the first
/// match of `(?:^|[\s,]+)([^\s\d.,]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?$`: read from the end,
/// each piece has only one place it can begin.
std::size_t trailing_month_day(std::string_view text) {
    const auto separator = [](char c) { return regex_space(c) || c == ','; };
    std::size_t end = text.size();
    if (end > 0 && text[end - 1] == ',') --end;
    for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (text.substr(0, end).ends_with(suffix)) {
            end -= 2;
            break;
        }
    }
    std::size_t day_start = end;
    while (day_start > 0 && ascii_digit(text[day_start - 1])) --day_start;
    if (end - day_start < 1 || end - day_start > 2) return std::string_view::npos;
    std::size_t word_end = day_start;
    while (word_end > 0 && regex_space(text[word_end - 1])) --word_end;
    if (word_end == day_start) return std::string_view::npos;
    if (word_end > 0 && text[word_end - 1] == '.') --word_end;
    std::size_t word_start = word_end;
    while (word_start > 0 && !separator(text[word_start - 1]) && !ascii_digit(text[word_start - 1]) &&
           text[word_start - 1] != '.') {
        --word_start;
    }
    if (word_start == word_end) return std::string_view::npos;
    std::size_t start = word_start;
    while (start > 0 && separator(text[start - 1])) --start;
    // A digit or `.` just before the month joins it to a word, unless the `.` ends an
    // abbreviation glued to it (`Calif.March 3`).
    const bool glued_abbreviation = start == word_start && start > 1 && text[start - 1] == '.' &&
                                    std::isalpha(static_cast<unsigned char>(text[start - 2])) != 0;
    if (start == word_start && start > 0 && !glued_abbreviation) return std::string_view::npos;
    int day = 0;
    for (std::size_t i = day_start; i < end; ++i) day = day * 10 + (text[i] - '0');
    if (month_number_lenient(text.substr(word_start, word_end - word_start)) == 0 || day < 1 || day > 31) {
        return std::string_view::npos;
    }
    return start;
}

/// Where a paragraph splits as `PREFIX - rest`.
struct DashSplit {
    std::size_t prefix = 0;  ///< Length of PREFIX.
    std::size_t rest = 0;    ///< Where the rest begins.
};

/// Splits `text` at its first free-standing dash (`-`, `--`, en or em dash, with spaces on both
/// sides, or only after it when a day's digits come just before: `Oct 20- The`, and text after)
/// whose prefix starts with a non-space and is 1 to 100 bytes on one line. In one pass and no
/// backtracking.
std::optional<DashSplit> split_at_dash(std::string_view text) {
    if (text.empty() || regex_space(text[0])) return std::nullopt;
    for (std::size_t length = 1; length <= 100 && length < text.size(); ++length) {
        if (text[length - 1] == '\n' || text[length - 1] == '\r') return std::nullopt;  // `.` stops at a line end
        std::size_t at = length;
        while (at < text.size() && regex_space(text[at])) ++at;
        if (at == length && !ascii_digit(text[length - 1])) continue;
        if (text.substr(at).starts_with("--")) {
            at += 2;
        } else if (text.substr(at).starts_with("-")) {
            at += 1;
        } else if (text.substr(at).starts_with("\u2013") || text.substr(at).starts_with("\u2014")) {
            at += 3;
        } else {
            continue;
        }
        const std::size_t after_dash = at;
        while (at < text.size() && regex_space(text[at])) ++at;
        if (at == after_dash || at == text.size()) continue;
        return DashSplit{length, at};
    }
    return std::nullopt;
}

/// Notes a dateline date (`March 3`) more than a day from the article's own date: the wire's
/// timestamp and the dateline's local day may differ by one, and no more.
void check_dateline_date(const Draft& d, std::string_view date, NoteLog& notes) {
    if (!d.meta.date || date.empty()) return;
    std::size_t letters = 0;
    while (letters < date.size() && std::isalpha(static_cast<unsigned char>(date[letters])) != 0) ++letters;
    std::size_t digits = date.find_first_of("0123456789");
    if (digits == std::string_view::npos) return;
    const int month = month_number_lenient(date.substr(0, letters));
    const int day = std::atoi(std::string(date.substr(digits, 2)).c_str());
    const CalendarDay article = d.meta.date->day;
    // The year is the article's, or the one before for a December dateline on a January story.
    const int year = month == 12 && article.month == 1 ? article.year - 1 : article.year;
    if (month == 0 || !valid_day(year, month, day)) return;
    const long apart = days_between(article, CalendarDay{year, month, day});
    if (apart >= -1 && apart <= 1) return;
    notes.add(d.block_lines.front(), "dateline-date-differs",
              fmt::format("the dateline's date '{}' is {} days from the article's date {}", date, apart < 0 ? -apart : apart,
                          d.meta.date->iso().substr(0, 10)));
}

/// True for a short place written all in lower case: `omaha`, `fort worth, texas`.
bool lower_case_place(std::string_view place) {
    if (place.empty() || length(place) > 40 || !starts_lower(place)) return false;
    return std::all_of(place.begin(), place.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b >= 'a' && b <= 'z') || c == ' ' || c == ',' || c == '.' || c == '-' || c == '/' || b >= 0x80;
    });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
    return s;
}

}  // namespace

PlaceAndDate split_dateline_date(std::string_view text) {
    const std::size_t cut = trailing_month_day(text);
    if (cut == std::string_view::npos) return {trim(text), {}};
    return {trim(text.substr(0, cut)), trim(text.substr(cut))};
}

void extract_dateline(Draft& d, NoteLog& notes) {
    if (d.body.empty()) return;
    auto* para = std::get_if<Paragraph>(&d.body.front());
    if (para == nullptr || para->content.empty()) return;
    auto* first = std::get_if<Text>(&para->content.front());
    if (first == nullptr) return;

    const std::optional<DashSplit> split = split_at_dash(first->text);
    if (!split) return;
    std::string prefix = first->text.substr(0, split->prefix);
    std::string agency;
    static const std::regex agency_re(R"(^(.*?)\s*\(([^()]{2,40})\)$)");
    std::smatch am;
    if (!prefix.empty() && prefix.back() == ')' && std::regex_match(prefix, am, agency_re)) {
        agency = am[2].str();
        prefix = am[1].str();
    }
    // The agency may close the dateline after the date: `TAUPO, New Zealand, March 23, Reuter`.
    if (const std::size_t comma = prefix.rfind(", "); agency.empty() && comma != std::string::npos) {
        if (const auto named = known_agency(std::string_view(prefix).substr(comma + 2))) {
            agency = std::string(*named);
            prefix.erase(comma);
        }
    }
    const PlaceAndDate parts = split_dateline_date(prefix);
    const bool has_place = !parts.place.empty();
    // A dateline typed all in lower case (`omaha, april 7 -`) is one when its date is read.
    const bool lower_case_dateline = !parts.date.empty() && lower_case_place(parts.place);
    if (has_place && !place_like(parts.place) && !lower_case_dateline) return;
    if (!has_place && parts.date.empty()) return;
    // Outside wire copy, a bare capitalized phrase before a dash is too weak a sign; ask for more.
    if (!d.wire && parts.date.empty() && agency.empty() && !all_caps(parts.place)) return;
    if (!d.meta.place.empty() && fold_case(parts.place) != fold_case(d.meta.place)) return;

    const std::string removed = first->text.substr(0, split->rest);
    const std::string place(parts.place);
    first->text.erase(0, split->rest);
    if (d.meta.place.empty()) d.meta.place = place;
    if (!agency.empty() && d.meta.source.name.empty()) d.meta.source.name = agency;
    notes.add(d.block_lines.front(), "dateline-moved",
              fmt::format("dateline '{}' moved out of the first paragraph{}", removed,
                          place.empty() ? std::string(" (it names no place)") : fmt::format("; place is '{}'", place)));
    check_dateline_date(d, parts.date, notes);
}

}  // namespace briefkit::formats::text
