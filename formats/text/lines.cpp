#include "formats/text/lines.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::text {

bool kept_as_is(char32_t cp) noexcept {
    return (cp >= 0x00A1 && cp <= 0x02FF && cp != 0x00AD) ||  // Latin-1 letters and signs, Latin Extended, IPA
           (cp >= 0x0400 && cp <= 0x052F && (cp < 0x0483 || cp > 0x0489)) ||  // Cyrillic, not its combining marks
           (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||  // dashes, quotes, bullets, primes
           (cp >= 0x20A0 && cp <= 0x20C0);                                      // currency signs
}

namespace {

/// True for a line that needs nothing but a copy: printable ASCII and code points kept as they
/// are (kept_as_is), without doubled spaces or spaces at either end.
bool already_clean(std::string_view s) {
    char prev = 'x';
    for (std::size_t pos = 0; pos < s.size();) {
        const char c = s[pos];
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80) {
            if (!kept_as_is(utf8::next(s, pos))) return false;
            prev = 'x';
            continue;
        }
        if (b < 0x20 || b == 0x7F || (c == ' ' && prev == ' ')) return false;
        prev = c;
        ++pos;
    }
    return s.empty() || (s.front() != ' ' && s.back() != ' ');
}

/// `raw` without the spaces, tabs and ideographic spaces (U+3000, which indents CJK paragraphs)
/// at either end: layout, not content, so that a line of them is blank.
std::string_view strip_layout_spaces(std::string_view raw) {
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::string_view space : {std::string_view(" "), std::string_view("\t"), std::string_view("\u3000")}) {
            for (; raw.starts_with(space); stripped = true) raw.remove_prefix(space.size());
            for (; raw.ends_with(space); stripped = true) raw.remove_suffix(space.size());
        }
    }
    return raw;
}

enum class Action { keep, space, drop, replace };

/// What cleaning does with one code point, and under which note.
Action classify(char32_t cp, int line, NoteLog& notes) {
    switch (cp) {
        case 0x00A0:
        case 0x2007:
        case 0x202F:
            notes.tally(line, "nbsp-replaced", "no-break spaces replaced by plain spaces");
            return Action::space;
        case '\t':
            notes.tally(line, "tab-replaced", "tabs replaced by spaces");
            return Action::space;
        case 0x200B:
        case 0x2060:
        case 0xFEFF:
        case 0x180E:
            notes.tally(line, "zero-width-removed", "zero-width characters removed");
            return Action::drop;
        case 0x00AD:
            notes.tally(line, "soft-hyphen-removed", "soft hyphens removed");
            return Action::drop;
        case 0x2028:
        case 0x2029:
        case 0x0085:
            notes.tally(line, "line-separator-replaced", "Unicode line separators replaced by spaces");
            return Action::space;
        case 0xFFFE:
        case 0xFFFF:
            // Noncharacters: no XML document may hold them, so the XML output could not carry them.
            notes.tally(line, "noncharacter-replaced", "noncharacters U+FFFE and U+FFFF replaced with U+FFFD");
            return Action::replace;
        case '\f':
        case '\v':
            notes.tally(line, "control-removed", "control characters removed (form feeds made spaces)");
            return Action::space;
        default: break;
    }
    if ((cp >= 0x2000 && cp <= 0x200A) || cp == 0x205F) {
        notes.tally(line, "space-normalized", "typographic spaces replaced by plain spaces");
        return Action::space;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
        notes.tally(line, "control-removed", "control characters removed (form feeds made spaces)");
        return Action::drop;
    }
    return Action::keep;
}

std::string to_nfc(const std::string& s) {
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> nfc(
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str())), &std::free);
    if (!nfc) return s;
    return std::string(reinterpret_cast<const char*>(nfc.get()));
}

/// Cleans one line into `out`; `line` is its number for the notes.
void clean_line(std::string_view raw, Line& out, NoteLog& notes) {
    const int line = out.number;
    // Leading and trailing spaces are layout, not content: strip them without a note.
    raw = strip_layout_spaces(raw);
    if (already_clean(raw)) {
        out.text = std::string(raw);
        return;
    }

    std::string mapped;
    mapped.reserve(raw.size());
    bool ascii = true;
    for (std::size_t pos = 0; pos < raw.size();) {
        const char32_t cp = utf8::next(raw, pos);
        switch (classify(cp, line, notes)) {
            case Action::keep:
                ascii = ascii && cp < 0x80;
                utf8::append(mapped, cp);
                break;
            case Action::space: mapped += cp == '\t' ? '\t' : ' '; break;
            case Action::drop: break;
            case Action::replace:
                ascii = false;
                utf8::append(mapped, 0xFFFD);
                break;
        }
    }
    if (!ascii) {
        std::string nfc = to_nfc(mapped);
        if (nfc != mapped) {
            notes.tally(line, "nfc", "text normalized to Unicode NFC");
            mapped = std::move(nfc);
        }
    }

    std::string& text = out.text;
    text.reserve(mapped.size());
    bool collapsed = false;
    for (char c : mapped) {
        if (c == '\t') c = ' ';
        if (c == ' ' && (text.empty() || text.back() == ' ')) {
            collapsed = collapsed || !text.empty();
            continue;
        }
        text += c;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (collapsed || mapped.find('\t') != std::string::npos) {
        // The spacing may be a column layout, which the body reader reads from this form.
        out.spaced = unicode::expand_tabs(mapped, static_cast<std::size_t>(out.indent));
        while (!out.spaced.empty() && (out.spaced.back() == ' ')) out.spaced.pop_back();
        if (out.spaced == text) out.spaced.clear();
    }
    if (collapsed) notes.tally(line, "spaces-collapsed", "runs of spaces collapsed to one");
}

}  // namespace

std::vector<Line> split_lines(std::string_view text, NoteLog& notes) {
    std::vector<Line> lines;
    int crlf = 0;
    int cr = 0;
    int number = 1;
    std::size_t start = 0;
    // Most files have no CR at all; their line ends are found with memchr.
    const bool any_cr = text.find('\r') != std::string_view::npos;
    lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    while (start <= text.size()) {
        std::size_t end = start;
        if (any_cr) {
            while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
        } else {
            end = std::min(text.find('\n', start), text.size());
        }
        const std::string_view raw = text.substr(start, end - start);
        if (end == text.size() && raw.empty() && start > 0) break;  // final line end

        int indent = 0;
        for (char c : raw) {
            if (c == ' ') {
                indent += 1;
            } else if (c == '\t') {
                indent += 4;
            } else {
                break;
            }
        }
        Line& line = lines.emplace_back();
        line.number = number;
        line.indent = indent;
        clean_line(raw, line, notes);

        if (end == text.size()) break;
        if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') {
            ++crlf;
            start = end + 2;
        } else {
            cr += text[end] == '\r';
            start = end + 1;
        }
        ++number;
    }
    if (crlf > 0) notes.add(1, "line-endings", fmt::format("{} CRLF line endings converted to LF", crlf));
    if (cr > 0) notes.add(1, "line-endings", fmt::format("{} CR line endings converted to LF", cr));
    return lines;
}

}  // namespace briefkit::formats::text
