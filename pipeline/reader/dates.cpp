#include "pipeline/reader/dates.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <regex>

#include "pipeline/reader/article_parts.hpp"
#include "pipeline/utf8.hpp"

namespace briefkit::reader {

namespace {

struct MonthName {
    std::string_view name;
    int month;
};

// Full names, abbreviations and grammatical forms, already case-folded.
constexpr std::array<MonthName, 60> kMonths{{
    {"january", 1},    {"jan", 1},       {"february", 2}, {"feb", 2},       {"march", 3},    {"mar", 3},
    {"april", 4},      {"apr", 4},       {"may", 5},      {"june", 6},      {"jun", 6},      {"july", 7},
    {"jul", 7},        {"august", 8},    {"aug", 8},      {"september", 9}, {"sep", 9},      {"sept", 9},
    {"october", 10},   {"oct", 10},      {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12},
    {"января", 1},     {"февраля", 2},   {"марта", 3},    {"апреля", 4},    {"мая", 5},      {"июня", 6},
    {"июля", 7},       {"августа", 8},   {"сентября", 9}, {"октября", 10},  {"ноября", 11},  {"декабря", 12},
    {"январь", 1},     {"февраль", 2},   {"март", 3},     {"апрель", 4},    {"май", 5},      {"июнь", 6},
    {"июль", 7},       {"август", 8},    {"сентябрь", 9}, {"октябрь", 10},  {"ноябрь", 11},  {"декабрь", 12},
    {"ocak", 1},       {"şubat", 2},     {"mart", 3},     {"nisan", 4},     {"mayıs", 5},    {"haziran", 6},
    {"temmuz", 7},     {"ağustos", 8},   {"eylül", 9},    {"ekim", 10},     {"kasım", 11},   {"aralık", 12},
}};

constexpr std::array<std::string_view, 14> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun",
};

// Time after the date: 04:58, 04:58:41, 04:58:41.12, optional am/pm and zone.
#define BK_TIME R"((?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp][Mm]))?(?:\s*(?:GMT|UTC|Z))?)?)"
#define BK_WORD R"(([^\s\d.,/-]+))"

const std::regex& numeric_form() {
    static const std::regex re(R"(^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4}))" BK_TIME R"(\s*$)");
    return re;
}
const std::regex& day_month_form() {
    static const std::regex re(R"(^(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|[-./]))" BK_WORD
                               R"(\.?(?:\s*,?\s*|[-./])(\d{4}))" BK_TIME R"(\s*$)");
    return re;
}
const std::regex& month_day_form() {
    static const std::regex re(R"(^)" BK_WORD R"(\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))" BK_TIME R"(\s*$)");
    return re;
}

#undef BK_TIME
#undef BK_WORD

int to_int(const std::ssub_match& m) { return m.matched ? std::atoi(m.str().c_str()) : 0; }

/// Reads the optional time groups starting at `first`; false when they hold an impossible time.
bool read_time(const std::smatch& m, std::size_t first, std::optional<TimeOfDay>& out) {
    if (!m[first].matched) return true;
    TimeOfDay t{to_int(m[first]), to_int(m[first + 1]), to_int(m[first + 2])};
    if (m[first + 3].matched) {
        const char ampm = static_cast<char>(std::tolower(static_cast<unsigned char>(m[first + 3].str()[0])));
        if (t.hour < 1 || t.hour > 12) return false;
        if (ampm == 'p' && t.hour != 12) t.hour += 12;
        if (ampm == 'a' && t.hour == 12) t.hour = 0;
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return false;
    out = t;
    return true;
}

/// Completes `out` from the day, month-name and year groups of `m` and the time groups after
/// them; nullopt when the month is unknown or the day or time impossible.
std::optional<DateReading> with_named_month(const std::smatch& m, std::size_t day, std::size_t month,
                                            std::size_t year, DateReading out) {
    const CalendarDay date{to_int(m[year]), month_number(m[month].str()), to_int(m[day])};
    if (date.month == 0 || !valid_day(date.year, date.month, date.day) || !read_time(m, 4, out.date.time)) {
        return std::nullopt;
    }
    out.date.day = date;
    return out;
}

/// Removes a leading weekday name (`Tuesday, `, `Tue `) from `s`.
std::string_view strip_weekday(std::string_view s) {
    std::size_t end = 0;
    while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
    if (end == 0) return s;
    const std::string word = fold_case(s.substr(0, end));
    for (std::string_view day : kWeekdays) {
        if (word == day) {
            std::size_t rest = end;
            if (rest < s.size() && (s[rest] == ',' || s[rest] == '.')) ++rest;
            if (rest < s.size() && s[rest] == ' ') return s.substr(rest + 1);
        }
    }
    return s;
}

}  // namespace

std::string fold_case(std::string_view word) {
    if (utf8::is_ascii(word)) {
        std::string out(word);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return out;
    }
    utf8proc_uint8_t* folded = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()), static_cast<utf8proc_ssize_t>(word.size()),
                     &folded, static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
    if (n < 0) return std::string(word);
    return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
}

int month_number(std::string_view word) {
    if (word.empty() || word.size() > 24) return 0;
    const std::string folded = fold_case(word);
    for (const MonthName& m : kMonths) {
        if (folded == m.name) return m.month;
    }
    return 0;
}

namespace {

/// Edit distance with transpositions, stopping early above 1.
bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1);  // insertion
}

}  // namespace

int month_number_lenient(std::string_view word) {
    if (const int exact = month_number(word)) return exact;
    if (word.size() < 3 || word.size() > 10 || !utf8::is_ascii(word)) return 0;
    const std::string folded = fold_case(word);
    int found = 0;
    for (std::size_t i = 0; i < 24; ++i) {  // the English names come first in kMonths
        const MonthName& m = kMonths[i];
        if (m.name.size() < 3 || m.name.front() != folded.front() || !within_one_edit(folded, m.name)) continue;
        if (found != 0 && found != m.month) return 0;
        found = m.month;
    }
    return found;
}

bool valid_day(int year, int month, int day) noexcept { return CalendarDay{year, month, day}.valid(); }

long days_between(const CalendarDay& a, const CalendarDay& b) noexcept {
    // Days since a fixed epoch, by the civil-from-days algorithm's inverse.
    auto serial = [](const CalendarDay& d) {
        const long y = d.year - (d.month <= 2 ? 1 : 0);
        const long era = (y >= 0 ? y : y - 399) / 400;
        const long yoe = y - era * 400;
        const long mp = (d.month + 9) % 12;
        const long doy = (153 * mp + 2) / 5 + d.day - 1;
        const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe;
    };
    return serial(b) - serial(a);
}

bool has_year_digits(std::string_view text) {
    int run = 0;
    for (const char c : text) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

std::optional<DateReading> parse_date(std::string_view text, DateOrder order) {
    // Every form holds four digits in a row (the year), so most lines are refused before any regex.
    if (text.size() < 6 || text.size() > 64 || !has_year_digits(text)) return std::nullopt;
    const std::string_view trimmed = strip_weekday(text);
    const std::string s(trimmed);
    std::smatch m;
    DateReading out;
    out.date.text = std::string(text);

    // What each form starts with, checked before its regex: most candidates fail here.
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
    const bool numeric_start = digits >= 1 && digits <= 4 && digits < s.size() &&
                               (s[digits] == '.' || s[digits] == '/' || s[digits] == '-');
    const bool day_first_start = digits >= 1 && digits <= 2 && digits < s.size() &&
                                 (std::string_view("sntr-./").find(s[digits]) != std::string_view::npos ||
                                  regex_space(s[digits]));
    const bool month_first_start =
        digits == 0 && !s.empty() && !regex_space(s[0]) && std::string_view(".,/-").find(s[0]) == std::string_view::npos;

    if (numeric_start && std::regex_match(s, m, numeric_form())) {
        const std::string a = m[1].str();
        const std::string c = m[4].str();
        const int first = to_int(m[1]);
        const int second = to_int(m[3]);
        const int third = to_int(m[4]);
        if (!read_time(m, 5, out.date.time)) return std::nullopt;
        if (a.size() == 4 && c.size() <= 2) {
            if (!valid_day(first, second, third)) return std::nullopt;
            out.date.day = {first, second, third};
            return out;
        }
        if (c.size() != 4 || a.size() > 2) return std::nullopt;
        const bool dmy_ok = valid_day(third, second, first);
        const bool mdy_ok = valid_day(third, first, second);
        if (!dmy_ok && !mdy_ok) return std::nullopt;
        const CalendarDay dmy{third, second, first};
        const CalendarDay mdy{third, first, second};
        if (dmy_ok && mdy_ok && first != second) {
            out.date.ambiguous = true;
            out.date.day = order == DateOrder::dmy ? dmy : mdy;
            out.alternative = order == DateOrder::dmy ? mdy : dmy;
        } else {
            out.date.day = dmy_ok ? dmy : mdy;
        }
        return out;
    }
    if (day_first_start && std::regex_match(s, m, day_month_form())) return with_named_month(m, 1, 2, 3, std::move(out));
    if (month_first_start && std::regex_match(s, m, month_day_form())) return with_named_month(m, 2, 1, 3, std::move(out));
    return std::nullopt;
}

}  // namespace briefkit::reader
