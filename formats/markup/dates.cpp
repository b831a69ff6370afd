#include "formats/markup/dates.hpp"

#include <array>
#include <cstdlib>
#include <memory>

#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::markup {

namespace {

struct MonthName {
    std::string_view name;
    int month;
};

// Full names, abbreviations and grammatical forms, already case-folded: English (first, for
// month_number_lenient), Russian, Turkish, German, French, Spanish and Italian.
constexpr std::array<MonthName, 112> kMonths{{
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
    {"januar", 1},     {"jänner", 1},    {"februar", 2},  {"märz", 3},      {"mär", 3},      {"mrz", 3},
    {"mai", 5},        {"juni", 6},      {"juli", 7},     {"oktober", 10},  {"okt", 10},     {"dezember", 12},
    {"dez", 12},       {"janvier", 1},   {"février", 2},  {"mars", 3},      {"avril", 4},    {"juin", 6},
    {"juillet", 7},    {"août", 8},      {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"enero", 1},      {"febrero", 2},   {"marzo", 3},    {"abril", 4},     {"mayo", 5},     {"junio", 6},
    {"julio", 7},      {"agosto", 8},    {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"gennaio", 1},   {"febbraio", 2}, {"aprile", 4},    {"maggio", 5},   {"giugno", 6},
    {"luglio", 7},     {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
}};

constexpr std::array<std::string_view, 14> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon",    "tue",     "wed",       "thu",      "fri",    "sat",      "sun",
};

/// A cursor over a date candidate, reading the pieces its forms are made of. Each form is read
/// left to right with no going back: at every step at most one choice can still lead to a whole
/// match (a digit run longer than a form allows is never a shorter run followed by a digit).
class Cursor {
public:
    explicit Cursor(std::string_view s) : s_(s) {}

    [[nodiscard]] bool at_end() const { return at_ >= s_.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const { return at_ + ahead < s_.size() ? s_[at_ + ahead] : '\0'; }

    /// Reads a run of `min` to `max` digits, all the digits there are; false (and nothing read) otherwise.
    bool number(std::size_t min, std::size_t max, int& value, std::size_t* count = nullptr) {
        std::size_t n = 0;
        while (at_ + n < s_.size() && ascii_digit(s_[at_ + n])) ++n;
        if (n < min || n > max) return false;
        value = 0;
        for (std::size_t i = 0; i < n; ++i) value = value * 10 + (s_[at_ + i] - '0');
        at_ += n;
        if (count != nullptr) *count = n;
        return true;
    }

    /// Skips `c` when it is next.
    bool skip(char c) {
        if (peek() != c) return false;
        ++at_;
        return true;
    }

    /// Skips one of `set` when it is next; the byte skipped, or '\0'.
    char skip_one_of(std::string_view set) {
        const char c = peek();
        if (at_end() || set.find(c) == std::string_view::npos) return '\0';
        ++at_;
        return c;
    }

    /// Skips `word` when it comes next, exactly.
    bool skip(std::string_view word) {
        if (s_.substr(at_, word.size()) != word) return false;
        at_ += word.size();
        return true;
    }

    /// Skips the spaces (in the sense of a regular expression's \s) at the cursor; how many.
    std::size_t spaces() {
        const std::size_t from = at_;
        while (!at_end() && regex_space(s_[at_])) ++at_;
        return at_ - from;
    }

    /// Skips an ordinal suffix: st, nd, rd or th.
    void ordinal() {
        for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
            if (skip(suffix)) return;
        }
    }

    /// Reads a word of anything but spaces, digits and `.,/-`: a month name; empty when none.
    std::string_view word() {
        const std::size_t from = at_;
        while (!at_end() && !regex_space(s_[at_]) && !ascii_digit(s_[at_]) &&
               std::string_view(".,/-").find(s_[at_]) == std::string_view::npos) {
            ++at_;
        }
        return s_.substr(from, at_ - from);
    }

    /// Skips a run of digits.
    void digits() {
        while (ascii_digit(peek())) ++at_;
    }

private:
    std::string_view s_;
    std::size_t at_ = 0;
};

/// A time as written after a date, before it is checked.
struct TimeText {
    bool present = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    char ampm = '\0';  // 'a', 'p' or none
    std::optional<int> utc_offset;  // minutes, when the text names a zone
};

/// Zone abbreviations that name one offset only (CST, IST and BST name several, so they are not here).
struct ZoneName {
    std::string_view name;
    int offset;  // minutes east of UTC
};
constexpr std::array<ZoneName, 10> kZoneNames{{{"GMT", 0},
                                               {"UTC", 0},
                                               {"EST", -300},
                                               {"EDT", -240},
                                               {"CDT", -300},
                                               {"MST", -420},
                                               {"MDT", -360},
                                               {"PST", -480},
                                               {"PDT", -420},
                                               {"MSK", 180}}};

/// Reads a numeric offset at `c`: `+06:00`, `+0600`, `-05`, `+3` (after GMT or UTC); its minutes.
std::optional<int> read_offset(Cursor& c, bool after_name) {
    Cursor at = c;
    const char sign = at.skip_one_of("+-");
    if (sign == '\0') return std::nullopt;
    int hours = 0;
    int minutes = 0;
    std::size_t digits = 0;
    if (!at.number(1, 4, hours, &digits)) return std::nullopt;
    if (digits == 4) {
        minutes = hours % 100;
        hours /= 100;
    } else if (digits == 2 && at.peek() == ':' && ascii_digit(at.peek(1))) {
        at.skip(':');
        if (!at.number(2, 2, minutes)) return std::nullopt;
    } else if (digits > 2 || (digits == 1 && !after_name)) {
        return std::nullopt;
    }
    const int offset = hours * 60 + minutes;
    if (minutes > 59 || offset > kMaxUtcOffsetMinutes) return std::nullopt;
    c = at;
    return sign == '-' ? -offset : offset;
}

/// Reads a stated zone after a time: `GMT`, `UTC`, `Z`, `GMT+3`, `+06:00`, `EDT`.
std::optional<int> read_zone(Cursor& c) {
    Cursor at = c;
    at.spaces();
    if (at.skip('Z')) {
        c = at;
        return 0;
    }
    for (const ZoneName& zone : kZoneNames) {
        if (!at.skip(zone.name)) continue;
        Cursor after = at;
        if (zone.offset == 0) {
            if (const std::optional<int> offset = read_offset(after, true)) {
                c = after;
                return offset;
            }
        }
        c = at;
        return zone.offset;
    }
    if (std::optional<int> offset = read_offset(at, false)) {
        c = at;
        return offset;
    }
    return std::nullopt;
}

/// Reads the end of a date candidate from `c`: nothing but spaces, or a time after `T`, spaces or
/// commas (`04:58`, `04:58:41.12`, `4:58 pm`, `04:58 GMT`, `09:30 +06:00`) and then spaces.
/// False when anything else follows.
bool read_rest(Cursor c, TimeText& time) {
    time = TimeText{};
    Cursor end = c;
    end.spaces();
    if (end.at_end()) return true;
    std::size_t separators = 0;
    while (c.skip_one_of("T ,") != '\0') ++separators;
    // The wire's `0830 GMT`: four digits are a time only with the zone after them.
    Cursor wire = c;
    int hhmm = 0;
    if (separators > 0 && wire.number(4, 4, hhmm)) {
        if (const std::optional<int> zone = read_zone(wire)) {
            wire.spaces();
            time = TimeText{true, hhmm / 100, hhmm % 100, 0, '\0', zone};
            return wire.at_end();
        }
    }
    if (separators == 0 || !c.number(1, 2, time.hour) || !c.skip(':') || !c.number(2, 2, time.minute)) return false;
    if (c.peek() == ':' && ascii_digit(c.peek(1)) && ascii_digit(c.peek(2))) {
        c.skip(':');
        c.number(2, 2, time.second);
        if (c.peek() == '.' && ascii_digit(c.peek(1))) {
            c.skip('.');
            c.digits();  // fractions of a second are dropped
        }
    }
    Cursor ampm = c;
    ampm.spaces();
    if (std::string_view("AaPp").find(ampm.peek()) != std::string_view::npos &&
        (ampm.peek(1) == 'M' || ampm.peek(1) == 'm')) {
        time.ampm = static_cast<char>(std::tolower(static_cast<unsigned char>(ampm.peek())));
        ampm.skip(ampm.peek());
        ampm.skip(ampm.peek());
        c = ampm;
    }
    time.utc_offset = read_zone(c);
    c.spaces();
    time.present = true;
    return c.at_end();
}

/// Sets the time `t` stands for, and its stated zone, on `out`; false when it is impossible (25:00, 13 pm).
bool read_time(const TimeText& t, Date& out) {
    if (!t.present) return true;
    TimeOfDay time{t.hour, t.minute, t.second};
    if (t.ampm != '\0') {
        if (time.hour < 1 || time.hour > 12) return false;
        if (t.ampm == 'p' && time.hour != 12) time.hour += 12;
        if (t.ampm == 'a' && time.hour == 12) time.hour = 0;
    }
    if (time.hour > 23 || time.minute > 59 || time.second > 59) return false;
    out.time = time;
    out.utc_offset = t.utc_offset;
    return true;
}

/// The pieces of a date with a month name, as read.
struct NamedDate {
    int day = 0;
    std::string_view month;
    int year = 0;
    TimeText time;
};

/// Reads a four-digit year after a month name, with what may stand between them (`.`, spaces,
/// a comma, or one of `-./`), and the rest; false when no reading of the separators leads to one.
bool year_after_month(const Cursor& after_word, NamedDate& d) {
    for (const bool dot : {true, false}) {
        Cursor c = after_word;
        if (dot && !c.skip('.')) continue;
        Cursor spaced = c;  // spaces, a comma or `de`, spaces (each optional)
        spaced.spaces();
        if (!spaced.skip(',')) {
            Cursor de = spaced;
            if (de.skip(std::string_view("de")) && de.spaces() > 0) spaced = de;
        }
        spaced.spaces();
        if (spaced.number(4, 4, d.year) && read_rest(spaced, d.time)) return true;
        if (c.skip_one_of("-./") != '\0' && c.number(4, 4, d.year) && read_rest(c, d.time)) return true;
    }
    return false;
}

/// `26 May 2020`, `26th of May, 2020`, `26-May-2020`, `9-MAR-1987 04:58:41.12`, `18. Oktober 2019`,
/// `5 de enero de 2022`.
bool day_month_form(std::string_view s, NamedDate& d) {
    Cursor c(s);
    if (!c.number(1, 2, d.day)) return false;
    c.ordinal();
    if (c.spaces() > 0) {
        // `of` is taken first; a month named "of" is tried too, and is no month.
        Cursor of = c;
        if ((of.skip(std::string_view("of")) || of.skip(std::string_view("de"))) && of.spaces() > 0) {
            Cursor month = of;
            d.month = month.word();
            if (!d.month.empty() && year_after_month(month, d)) return true;
        }
    } else if (const char separator = c.skip_one_of("-./"); separator == '\0') {
        return false;
    } else if (separator == '.') {
        c.spaces();  // `18. Oktober 2019`
    }
    d.month = c.word();
    return !d.month.empty() && year_after_month(c, d);
}

/// `May 26, 2020`, `Sept. 3rd 2021`.
bool month_day_form(std::string_view s, NamedDate& d) {
    Cursor c(s);
    d.month = c.word();
    if (d.month.empty()) return false;
    c.skip('.');
    if (c.spaces() == 0 || !c.number(1, 2, d.day)) return false;
    c.ordinal();
    c.skip(',');
    return c.spaces() > 0 && c.number(4, 4, d.year) && read_rest(c, d.time);
}

/// Completes `out` from a date with a month name; nullopt when the month is unknown or the day
/// or time impossible.
std::optional<DateReading> with_named_month(const NamedDate& d, DateReading out) {
    const CalendarDay date{d.year, month_number(d.month), d.day};
    if (date.month == 0 || !valid_day(date.year, date.month, date.day) || !read_time(d.time, out.date)) {
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
        run = ascii_digit(c) ? run + 1 : 0;
        if (run == 4) return true;
    }
    return false;
}

std::optional<DateReading> parse_date(std::string_view text, DateOrder order) {
    // Every form holds four digits in a row (the year), so most lines are refused at once.
    if (text.size() < 6 || text.size() > 64 || !has_year_digits(text)) return std::nullopt;
    const std::string_view s = strip_weekday(text);
    DateReading out;
    out.date.text = std::string(text);

    // 27.05.2020, 05/27/2020, 2020-05-27, with the same separator twice.
    Cursor c(s);
    int first = 0;
    int second = 0;
    int third = 0;
    std::size_t first_digits = 0;
    std::size_t third_digits = 0;
    TimeText time;
    char separator = '\0';
    if (c.number(1, 4, first, &first_digits) && (separator = c.skip_one_of("./-")) != '\0' && c.number(1, 2, second) &&
        c.skip(separator) && c.number(1, 4, third, &third_digits) && read_rest(c, time)) {
        if (!read_time(time, out.date)) return std::nullopt;
        if (first_digits == 4 && third_digits <= 2) {
            if (!valid_day(first, second, third)) return std::nullopt;
            out.date.day = {first, second, third};
            return out;
        }
        if (third_digits != 4 || first_digits > 2) return std::nullopt;
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
    NamedDate named;
    if (day_month_form(s, named)) return with_named_month(named, std::move(out));
    named = NamedDate{};
    if (month_day_form(s, named)) return with_named_month(named, std::move(out));
    return std::nullopt;
}

}  // namespace briefkit::formats::markup
