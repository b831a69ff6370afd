#include "formats/markup/iso_date.hpp"

#include <algorithm>
#include <cstdlib>

namespace briefkit::formats::markup {

namespace {

/// Reads `count` digits at `pos` into `value`, advancing `pos`.
bool digits(std::string_view s, std::size_t& pos, int count, int& value) {
    if (pos + static_cast<std::size_t>(count) > s.size()) return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(count);
    return true;
}

/// Skips `c` at `pos` when it is there; returns whether it was.
bool skip(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

std::string_view trimmed(std::string_view s) {
    const std::size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") + 1 - first);
}

/// The zone at `pos` (`Z`, `+hh`, `+hhmm`, `+hh:mm`) in minutes; nullopt when malformed.
std::optional<int> zone(std::string_view s, std::size_t& pos) {
    if (skip(s, pos, 'Z') || skip(s, pos, 'z')) return 0;
    if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
    const int sign = s[pos++] == '-' ? -1 : 1;
    int hours = 0;
    int minutes = 0;
    if (!digits(s, pos, 2, hours)) return std::nullopt;
    if (pos < s.size()) {
        skip(s, pos, ':');
        if (!digits(s, pos, 2, minutes) || minutes > 59) return std::nullopt;
    }
    const int offset = sign * (hours * 60 + minutes);
    if (std::abs(offset) > kMaxUtcOffsetMinutes) return std::nullopt;
    return offset;
}

/// The time at `pos` (`hh:mm[:ss[.f]]` or `hhmm[ss[.f]]`), its zone into `date`.
bool time_and_zone(std::string_view s, std::size_t& pos, Date& date) {
    TimeOfDay t;
    if (!digits(s, pos, 2, t.hour)) return false;
    const bool extended = skip(s, pos, ':');
    if (!digits(s, pos, 2, t.minute)) return false;
    if (pos < s.size() && (extended ? s[pos] == ':' : (s[pos] >= '0' && s[pos] <= '9'))) {
        if (extended) ++pos;
        if (!digits(s, pos, 2, t.second)) return false;
        if (skip(s, pos, '.') || skip(s, pos, ',')) {
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return false;
    t.second = std::min(t.second, 59);  // a leap second is kept as the second before it
    date.time = t;
    if (pos == s.size()) return true;
    date.utc_offset = zone(s, pos);
    return date.utc_offset.has_value() && pos == s.size();
}

}  // namespace

std::optional<Date> parse_iso8601(std::string_view text) {
    const std::string_view s = trimmed(text);
    Date date;
    std::size_t pos = 0;
    if (!digits(s, pos, 4, date.day.year)) return std::nullopt;
    const bool extended = skip(s, pos, '-');
    if (!digits(s, pos, 2, date.day.month)) return std::nullopt;
    if (extended && !skip(s, pos, '-')) return std::nullopt;
    if (!digits(s, pos, 2, date.day.day) || !date.day.valid()) return std::nullopt;
    if (pos < s.size()) {
        if (!skip(s, pos, 'T') && !skip(s, pos, 't') && !skip(s, pos, ' ')) return std::nullopt;
        if (!time_and_zone(s, pos, date)) return std::nullopt;
    }
    date.text = std::string(s);
    return date;
}

std::string basic_iso(const Date& date) {
    // The extended form less its separators: the date's two hyphens (a zone's sign stays) and
    // every colon.
    std::string out = date.iso();
    out.erase(7, 1);
    out.erase(4, 1);
    std::erase(out, ':');
    return out;
}

}  // namespace briefkit::formats::markup
