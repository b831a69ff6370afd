// The header block: headline, separators, date line, agency line, dateline place and byline,
// each optional and in whatever order the file has them.
#include <fmt/format.h>

#include <array>
#include <regex>

#include "formats/text/article_parts.hpp"

namespace briefkit::formats::text {

namespace {

/// A name that reads like an outlet rather than a place: `Tengrinews`, `Daily Times`, `News.az`.
bool agency_sounding(std::string_view text) {
    static const std::regex re(
        R"((news|press|agency|times|post|herald|tribune|gazette|journal|wire|media|service|radio|tv|daily|\.com|\.kg|\.kz|\.ru|\.az|\.uz))",
        std::regex::icase);
    return std::regex_search(text.begin(), text.end(), re);
}

bool name_like(std::string_view text) {
    return !text.empty() && length(text) <= 60 && std::count(text.begin(), text.end(), ' ') < 6 &&
           starts_upper_or_digit(text);
}

/// `Kabar (26 May 2020)`, `Kabar, 26 May 2020` or `Kabar - 26 May 2020`.
std::optional<std::pair<std::string, DateReading>> agency_with_date(std::string_view text, DateOrder order) {
    static const std::regex paren(R"(^(.+?)\s*\(([^()]+)\)$)");
    static const std::regex separated(R"(^(.+?)\s*(?:,|\s-|\s–|\s—|\|)\s*(.+)$)");
    if (text.size() > 120 || !has_year_digits(text)) return std::nullopt;
    std::cmatch m;
    for (const std::regex* re : {&paren, &separated}) {
        if (!std::regex_match(text.begin(), text.end(), m, *re)) continue;
        const std::string name = m[1].str();
        if (!name_like(name)) continue;
        if (auto date = parse_date(m[2].str(), order)) return std::make_pair(name, *date);
    }
    return std::nullopt;
}

/// Authors from a byline such as `By Brian Childs, Reuters`; the agency, if named, goes to `agency`.
std::optional<std::vector<std::string>> byline(std::string_view text, std::string& agency) {
    static const std::regex re(R"(^[Bb][Yy]\s+(.{2,100})$)");
    // Most lines are refused on their first three bytes, before the regex.
    if (text.size() < 5 || (text[0] != 'B' && text[0] != 'b') || (text[1] != 'Y' && text[1] != 'y') ||
        !regex_space(text[2])) {
        return std::nullopt;
    }
    std::cmatch m;
    if (!std::regex_match(text.begin(), text.end(), m, re)) return std::nullopt;
    std::string names = m[1].str();
    const std::size_t comma = names.rfind(", ");
    if (comma != std::string::npos) {
        const std::string tail = names.substr(comma + 2);
        static const std::regex role(R"((correspondent|staff|reporter|writer|editor))", std::regex::icase);
        if (known_agency(tail) || std::regex_search(tail, role)) {
            if (auto canonical = known_agency(tail)) agency = *canonical;
            names.resize(comma);
        }
    }
    static const std::regex split(R"(\s*(?:,|\band\b|&)\s*)");
    std::vector<std::string> authors;
    for (std::sregex_token_iterator it(names.begin(), names.end(), split, -1), end; it != end; ++it) {
        if (it->length() > 0) authors.push_back(it->str());
    }
    for (const std::string& a : authors) {
        if (!starts_upper_or_digit(a)) return std::nullopt;
    }
    if (authors.empty()) return std::nullopt;
    return authors;
}

std::optional<std::string> date_note(const DateReading& reading, DateOrder order) {
    if (!reading.date.ambiguous) return std::nullopt;
    return fmt::format("date '{}' could be read either way; read as {} (--date-order {})", reading.date.text,
                       reading.date.iso(), order == DateOrder::dmy ? "dmy" : "mdy");
}

/// True when a line cannot continue a wrapped headline because it is a header item of its own.
bool header_item(std::string_view text, DateOrder order) {
    return separator_line(text) || url_line(text) || parse_date(text, order) || agency_with_date(text, order);
}

class HeaderReader {
public:
    HeaderReader(Draft& draft, const ReadOptions& options, NoteLog& notes)
        : d_(draft), order_(options.date_order), notes_(notes) {}

    void run() {
        std::size_t i = next_nonblank(0);
        const std::size_t first = i;
        const bool stamped = i < d_.body_end && take_wire_stamp(d_.lines[i]);
        if (stamped) i = next_nonblank(i + 1);
        d_.wire = wire_layout(first, stamped);
        bool title_taken = false;
        while (i < d_.body_end) {
            const Line& line = d_.lines[i];
            if (separator_line(line.text)) {
                i = next_nonblank(i + 1);
                continue;
            }
            if (!d_.meta.date && take_date(line)) {
                i = next_nonblank(i + 1);
                continue;
            }
            if (d_.meta.source.name.empty() && take_agency_with_date(line)) {
                i = next_nonblank(i + 1);
                continue;
            }
            if (!title_taken) {
                if (length(line.text) > 250) break;  // no headline: the body starts at once
                i = take_title(i);
                title_taken = true;
                continue;
            }
            if (d_.meta.url.empty() && !d_.wire) {
                if (auto url = url_line(line.text)) {
                    d_.meta.url = *url;
                    notes_.add(line.number, "url-moved", fmt::format("URL line '{}' read as the article's url", line.text));
                    i = next_nonblank(i + 1);
                    continue;
                }
            }
            if (d_.meta.authors.empty() && take_byline(line)) {
                i = next_nonblank(i + 1);
                continue;
            }
            if (d_.wire || !take_name_line(i)) break;
            i = next_nonblank(i + 1);
        }
        d_.body_begin = std::min(i, d_.body_end);
    }

private:
    std::size_t next_nonblank(std::size_t i) const {
        while (i < d_.body_end && d_.lines[i].blank()) ++i;
        return i;
    }

    /// Wire copy starts with a timestamp line and indents the line after its headline.
    bool wire_layout(std::size_t first, bool stamped) const {
        if (first >= d_.body_end) return false;
        if (!stamped) {
            const auto stamp = parse_date(d_.lines[first].text, order_);
            if (!stamp || !stamp->date.time) return false;
        }
        const std::size_t title = next_nonblank(first + 1);
        const std::size_t after = next_nonblank(title + 1);
        return after < d_.body_end && d_.lines[after].indent >= 2;
    }

    /// A wire timestamp followed by transmission codes: `27-MAR-1987 00:25:46.86&#5;&#5;&#5;RM`.
    bool take_wire_stamp(const Line& line) {
        static const std::regex re(
            R"(^(\d{1,2}-[A-Za-z]{3}-\d{4} \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*((?:&#\d+;)+[A-Z ]{0,24})$)");
        // It starts with a day of one or two digits and a dash; most first lines are refused on that.
        const std::string_view t = line.text;
        const auto digit = [&](std::size_t i) { return i < t.size() && ascii_digit(t[i]); };
        if (!digit(0) || !(t.substr(1, 1) == "-" || (digit(1) && t.substr(2, 1) == "-"))) return false;
        std::cmatch m;
        if (!std::regex_match(t.data(), t.data() + t.size(), m, re)) return false;
        auto reading = parse_date(m[1].str(), order_);
        if (!reading) return false;
        d_.meta.date = reading->date;
        d_.date_line = line.number;
        notes_.add(line.number, "wire-codes-removed",
                   fmt::format("wire transmission codes '{}' after the timestamp removed", m[2].str()));
        return true;
    }

    bool take_date(const Line& line) {
        auto reading = parse_date(line.text, order_);
        if (!reading) return false;
        if (auto note = date_note(*reading, order_)) notes_.add(line.number, "date-ambiguous", *note);
        d_.meta.date = reading->date;
        d_.date_line = line.number;
        d_.date_alternative = reading->alternative;
        return true;
    }

    bool take_agency_with_date(const Line& line) {
        auto found = agency_with_date(line.text, order_);
        if (!found) return false;
        d_.meta.source.name = found->first;
        if (auto note = date_note(found->second, order_)) notes_.add(line.number, "date-ambiguous", *note);
        d_.meta.source.date = found->second.date;
        d_.source_date_line = line.number;
        d_.source_date_alternative = found->second.alternative;
        return true;
    }

    /// Takes the headline at `i`, joined with a second line when it was wrapped; returns the next index.
    std::size_t take_title(std::size_t i) {
        const Line& first = d_.lines[i];
        d_.meta.title = first.text;
        const std::size_t j = i + 1;
        if (j < d_.body_end && !d_.lines[j].blank() && wrapped_title(i, j)) {
            d_.meta.title += ' ';
            d_.meta.title += d_.lines[j].text;
            notes_.add(first.number, "headline-joined",
                       fmt::format("headline wrapped over lines {}-{} joined", first.number, d_.lines[j].number));
            return next_nonblank(j + 1);
        }
        return next_nonblank(j);
    }

    bool wrapped_title(std::size_t i, std::size_t j) const {
        const Line& first = d_.lines[i];
        const Line& second = d_.lines[j];
        if (d_.wire || ends_sentence(first.text) || length(second.text) > 150 || header_item(second.text, order_)) {
            return false;
        }
        if (all_caps(first.text) && all_caps(second.text)) return true;
        if (starts_lower(second.text)) return true;
        const std::size_t after = j + 1;
        const bool ends_block = after >= d_.body_end || d_.lines[after].blank() || separator_line(d_.lines[after].text);
        return ends_block && length(first.text) >= 30 && !ends_sentence(second.text) && !place_like(second.text);
    }

    bool take_byline(const Line& line) {
        std::string agency;
        auto authors = byline(line.text, agency);
        if (!authors) return false;
        d_.meta.authors = std::move(*authors);
        if (d_.meta.source.name.empty() && !agency.empty()) d_.meta.source.name = agency;
        return true;
    }

    /// A short name line after the headline: the agency or the dateline place.
    bool take_name_line(std::size_t i) {
        const Line& raw = d_.lines[i];
        // Stray decoration around a name (`****London`) is dropped, with a note.
        const std::size_t begin = raw.text.find_first_not_of('*');
        const std::size_t end = raw.text.find_last_not_of('*');
        if (begin == std::string::npos) return false;
        const Line line{raw.number, raw.indent, raw.text.substr(begin, end + 1 - begin), {}};
        const std::size_t next = next_nonblank(i + 1);
        if (next >= d_.body_end) return false;  // the last line is body, never a header field
        const bool agency_free = d_.meta.source.name.empty();
        if (agency_free && known_agency(line.text)) return set_agency(raw, line);
        if (agency_free && !d_.trailer_source.empty() && fold_case(line.text) == fold_case(d_.trailer_source)) {
            return set_agency(raw, line);
        }
        const std::string_view place = split_dateline_date(line.text).place;
        if (!place_like(place.empty() ? line.text : place)) return false;
        if (!d_.meta.place.empty()) return false;
        if (agency_free) {
            // Two name lines in a row are agency then place; one alone is the place unless it sounds like an outlet.
            const bool another = next < d_.body_end && place_like(split_dateline_date(d_.lines[next].text).place) &&
                                 next_nonblank(next + 1) < d_.body_end;
            if (another || agency_sounding(line.text)) return set_agency(raw, line);
        }
        d_.meta.place = line.text;
        note_decoration(raw, line);
        return true;
    }

    bool set_agency(const Line& raw, const Line& line) {
        d_.meta.source.name = line.text;
        note_decoration(raw, line);
        return true;
    }

    void note_decoration(const Line& raw, const Line& kept) {
        if (raw.text == kept.text) return;
        notes_.add(raw.number, "decoration-removed",
                   fmt::format("decoration around '{}' removed (the line read '{}')", kept.text, raw.text));
    }

    Draft& d_;
    DateOrder order_;
    NoteLog& notes_;
};

}  // namespace

void read_header(Draft& draft, const ReadOptions& options, NoteLog& notes) { HeaderReader(draft, options, notes).run(); }

}  // namespace briefkit::formats::text
