#include "briefkit/model.hpp"

#include <algorithm>
#include <array>

#include "briefkit/overloaded.hpp"

namespace briefkit {

bool CalendarDay::valid() const noexcept {
    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int limit = month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
    return day <= limit;
}

namespace {

/// The number written with exactly `digits` digits at `at` in `text`, or -1.
int fixed_number(std::string_view text, std::size_t at, std::size_t digits) {
    if (at + digits > text.size()) return -1;
    int n = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        n = n * 10 + (text[i] - '0');
    }
    return n;
}

}  // namespace

namespace {

/// The offset in minutes written at `at` in `iso` (`Z`, `+06:00`, `-05:30`), or nullopt.
std::optional<int> offset_from_iso(std::string_view iso, std::size_t at) {
    if (iso.size() == at + 1 && iso[at] == 'Z') return 0;
    if (iso.size() != at + 6 || (iso[at] != '+' && iso[at] != '-') || iso[at + 3] != ':') return std::nullopt;
    const int hours = fixed_number(iso, at + 1, 2);
    const int minutes = fixed_number(iso, at + 4, 2);
    if (hours < 0 || minutes < 0 || minutes > 59) return std::nullopt;
    const int offset = hours * 60 + minutes;
    if (offset > kMaxUtcOffsetMinutes) return std::nullopt;
    return iso[at] == '-' ? -offset : offset;
}

}  // namespace

std::optional<Date> Date::from_iso(std::string_view iso) {
    if (iso.size() != 10 && iso.size() < 19) return std::nullopt;
    if (iso[4] != '-' || iso[7] != '-') return std::nullopt;
    Date date;
    date.day = CalendarDay{fixed_number(iso, 0, 4), fixed_number(iso, 5, 2), fixed_number(iso, 8, 2)};
    if (!date.day.valid()) return std::nullopt;
    if (iso.size() >= 19) {
        if (iso[10] != 'T' || iso[13] != ':' || iso[16] != ':') return std::nullopt;
        const TimeOfDay time{fixed_number(iso, 11, 2), fixed_number(iso, 14, 2), fixed_number(iso, 17, 2)};
        if (time.hour < 0 || time.hour > 23 || time.minute < 0 || time.minute > 59 || time.second < 0 ||
            time.second > 59) {
            return std::nullopt;
        }
        date.time = time;
        if (iso.size() > 19) {
            date.utc_offset = offset_from_iso(iso, 19);
            if (!date.utc_offset) return std::nullopt;
        }
    }
    return date;
}

std::string Date::iso() const {
    // Written by hand: every writer calls this for every date.
    std::string out = time ? (utc_offset ? "0000-00-00T00:00:00+00:00" : "0000-00-00T00:00:00") : "0000-00-00";
    const auto put = [&out](std::size_t at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10) out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, day.year, 4);
    put(5, day.month, 2);
    put(8, day.day, 2);
    if (time) {
        put(11, time->hour, 2);
        put(14, time->minute, 2);
        put(17, time->second, 2);
        if (utc_offset) {
            const int offset = *utc_offset < 0 ? -*utc_offset : *utc_offset;
            out[19] = *utc_offset < 0 ? '-' : '+';
            put(20, offset / 60, 2);
            put(23, offset % 60, 2);
        }
    }
    return out;
}

std::string_view alignment_name(Alignment alignment) {
    switch (alignment) {
        case Alignment::left: return "left";
        case Alignment::right: return "right";
        case Alignment::center: return "center";
    }
    return "left";
}

std::optional<Alignment> alignment_from_name(std::string_view name) {
    for (const Alignment a : {Alignment::left, Alignment::right, Alignment::center}) {
        if (alignment_name(a) == name) return a;
    }
    return std::nullopt;
}

void append_plain_text(std::string& out, const Inlines& content) {
    for (const Inline& node : content) {
        std::visit(overloaded{[&](const Text& t) { out += t.text; },
                              [&](const Link& l) { out += l.text; }},
                   node);
    }
}

std::string plain_text(const Inlines& content) {
    std::string out;
    append_plain_text(out, content);
    return out;
}

std::string body_text(const Document& doc) {
    std::string out;
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& run) {
            append_plain_text(out, run);
            out += '\n';
        });
    }
    return out;
}

bool is_note_rule(std::string_view rule) {
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (rule.empty() || !(letter(rule[0]) || rule[0] == '_')) return false;
    return std::all_of(rule.begin(), rule.end(), [&](char c) {
        return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

bool is_language_tag(std::string_view tag) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const std::size_t dash = tag.find('-', start);
        const std::string_view part = tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
        const bool fits = std::all_of(part.begin(), part.end(), [&](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
        });
        if (part.empty() || part.size() > 8 || !fits) return false;
        if (dash == std::string_view::npos) return true;
        start = dash + 1;
    }
}

}  // namespace briefkit
