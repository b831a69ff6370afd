#include "formats/pdf/typography.hpp"

#include <array>

#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

/// The quotation marks and the dash of a group of languages.
struct Marks {
    std::string_view open_double, close_double, open_single, close_single, dash;
};

constexpr std::string_view kNarrowNoBreak = "\u202F";  // inside French guillemets

/// The marks of `language`'s primary subtag (lower-cased), English's for one not listed.
Marks marks_for(std::string_view language) {
    const std::string tag = unicode::ascii_lower(language);
    const std::string primary = tag.substr(0, tag.find_first_of("-_"));
    const auto among = [&](std::initializer_list<std::string_view> codes) {
        for (const std::string_view c : codes) {
            if (primary == c) return true;
        }
        return false;
    };
    if (tag == "de-ch" || tag == "de_ch") return {"\u00AB", "\u00BB", "\u2039", "\u203A", "\u2013"};
    if (primary == "fr") return {"\u00AB\u202F", "\u202F\u00BB", "\u2039\u202F", "\u202F\u203A", "\u2013"};
    if (among({"de", "cs", "sk", "sl", "lt", "bg", "is", "et", "ka"})) return {"\u201E", "\u201C", "\u201A", "\u2018", "\u2013"};
    if (among({"pl", "hu", "ro", "hr", "sr", "bs"})) return {"\u201E", "\u201D", "\u201A", "\u2019", "\u2013"};
    if (among({"ru", "uk", "be", "kk", "ky", "uz", "tg", "az"})) return {"\u00AB", "\u00BB", "\u201E", "\u201C", "\u2014"};
    if (among({"es", "pt", "it", "ca", "gl", "eu", "el", "no", "nb", "nn"})) return {"\u00AB", "\u00BB", "\u201C", "\u201D", "\u2014"};
    if (among({"sv", "fi"})) return {"\u201D", "\u201D", "\u2019", "\u2019", "\u2013"};
    const bool british = tag.size() > 2 && (tag.ends_with("gb") || tag.ends_with("au") || tag.ends_with("nz") || tag.ends_with("ie"));
    return {"\u201C", "\u201D", "\u2018", "\u2019", british ? "\u2013" : "\u2014"};
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\u00A0'; }

/// True when a quotation mark after `c` opens a quotation: at the start, after a space, an
/// opening bracket, another opening mark or a dash.
bool opens_after(char32_t c) {
    static constexpr std::u32string_view kOpeners = U"([{\u2018\u201C\u201E\u00AB\u2039-\u2013\u2014/";
    return is_space(c) || kOpeners.find(c) != std::u32string_view::npos;
}

bool is_letter_or_digit(char32_t c) { return unicode::is_letter(c) || (c >= U'0' && c <= U'9'); }

/// True when `token` is an address, whose quotes and hyphens are the address's own.
bool is_address(std::u32string_view token) { return token.find(U"://") != std::u32string_view::npos || token.starts_with(U"www."); }

}  // namespace

void Typographer::set_spaced_dash(std::string& out) const {
    // The space before a dash does not break: a line never opens with the dash.
    if (!out.empty() && out.back() == ' ') {
        out.back() = '\xC2';
        out += '\xA0';
    }
    out += spaced_dash_;
}

Typographer::Typographer(std::string_view language) {
    const Marks m = marks_for(language);
    open_double_ = m.open_double;
    close_double_ = m.close_double;
    open_single_ = m.open_single;
    close_single_ = m.close_single;
    spaced_dash_ = m.dash;
}

std::string Typographer::set(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    const std::u32string cps = unicode::decode(text);
    std::size_t token_end = 0;  // the end of the current whitespace-delimited token
    bool in_address = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const char32_t next = i + 1 < cps.size() ? cps[i + 1] : U' ';
        if (i >= token_end && !is_space(c)) {
            token_end = i;
            while (token_end < cps.size() && !is_space(cps[token_end])) ++token_end;
            in_address = is_address(std::u32string_view(cps).substr(i, token_end - i));
        }
        if (in_address) {
            utf8::append(out, c);
        } else if (c == U'"') {
            // After a space a mark opens, unless a quotation is open and nothing follows it
            // (`" bonjour "` typed with spaces inside).
            const bool ends_here = is_space(next) || std::u32string_view(U".,;:!?)").find(next) != std::u32string_view::npos;
            const bool opening = opens_after(before_) && !(double_open_ && ends_here);
            double_open_ = opening;
            if (opening) {
                out += open_double_;
                if (open_double_.ends_with(kNarrowNoBreak) && is_space(next)) ++i;  // `" mot "`: one space inside, a narrow one
            } else {
                if (close_double_.starts_with(kNarrowNoBreak) && !out.empty() && out.back() == ' ') out.pop_back();
                out += close_double_;
            }
        } else if (c == U'\'') {
            if (is_letter_or_digit(before_) || (opens_after(before_) && next >= U'0' && next <= U'9')) {
                out += "\u2019";  // an apostrophe: don't, students', '90s
            } else {
                out += opens_after(before_) ? open_single_ : close_single_;
            }
        } else if (c == U'-' && i + 1 < cps.size() && cps[i + 1] == U'-') {
            while (i + 1 < cps.size() && cps[i + 1] == U'-') ++i;
            const bool spaced = is_space(before_) && (i + 1 >= cps.size() || is_space(cps[i + 1]));
            if (spaced) {
                set_spaced_dash(out);
            } else {
                out += "\u2014";
            }
        } else if (c == U'-' && is_space(before_) && i > 0 && is_space(next)) {  // `next` is a space at the end too
            set_spaced_dash(out);
        } else if (c == U'.' && next == U'.' && i + 2 < cps.size() && cps[i + 2] == U'.' && (i + 3 >= cps.size() || cps[i + 3] != U'.') &&
                   before_ != U'.') {
            out += "\u2026";
            i += 2;
        } else {
            utf8::append(out, c);
        }
        before_ = cps[i];
    }
    return out;
}

}  // namespace briefkit::formats::pdf
