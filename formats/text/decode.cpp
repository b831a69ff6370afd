#include "formats/text/decode.hpp"

#include <fmt/format.h>

#include "briefkit/error.hpp"
#include "formats/text/codepages.hpp"
#include "pipeline/model/swar.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::text {

namespace {

/// Counts input lines as bytes go by, treating LF, CRLF and CR as one line end each.
class LineCounter {
public:
    void step(std::string_view bytes, std::size_t pos) {
        const char c = bytes[pos];
        if (c == '\n' && !(pos > 0 && bytes[pos - 1] == '\r')) ++line_;
        if (c == '\r') ++line_;
    }
    [[nodiscard]] int line() const { return line_; }

private:
    int line_ = 1;
};

constexpr std::string_view kReplacement = "replaced with U+FFFD";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

struct Utf8Census {
    std::size_t multibyte = 0;  // valid sequences of two or more bytes
    std::size_t invalid = 0;    // bytes that start no valid sequence
    bool cut_at_end = false;    // the last sequence lacks continuation bytes: a file cut short
};

/// True when the bytes from `pos` to the end of `s` are the start of a multi-byte sequence that
/// the end cut short: a lead byte and only continuation bytes, fewer than it needs.
bool cut_sequence(std::string_view s, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    const std::size_t needed = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (needed == 0 || s.size() - pos >= needed) return false;
    for (std::size_t i = pos + 1; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return false;
    }
    return true;
}

Utf8Census census(std::string_view s) {
    Utf8Census c;
    for (std::size_t pos = 0; pos < s.size();) {
        if (pos + 8 <= s.size() && !swar::has_high(swar::load(s.data() + pos))) {
            pos += 8;
            continue;
        }
        if (static_cast<unsigned char>(s[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t n = utf8::sequence_length(s, pos);
        if (n == 0 && cut_sequence(s, pos)) {
            // Not evidence against UTF-8: the sequence is whole but for the end of the file.
            c.cut_at_end = true;
            break;
        }
        if (n == 0) {
            ++c.invalid;
            ++pos;
        } else {
            if (n > 1) ++c.multibyte;
            pos += n;
        }
    }
    return c;
}

/// `s` with each invalid byte sequence replaced; `valid` when that is known to be none.
std::string decode_utf8(std::string_view s, bool valid, NoteLog& notes) {
    if (valid || utf8::is_valid(s)) return std::string(s);  // the common case: nothing to repair, nothing to note
    std::string out;
    out.reserve(s.size());
    LineCounter lines;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = utf8::sequence_length(s, pos);
        if (n > 0) {
            out.append(s.substr(pos, n));
            for (std::size_t i = 0; i < n; ++i) lines.step(s, pos + i);
            pos += n;
            continue;
        }
        // One U+FFFD for each maximal run of bytes that cannot start a sequence.
        notes.tally(lines.line(), "invalid-utf8", fmt::format("invalid UTF-8 byte sequences {}", kReplacement));
        utf8::append(out, 0xFFFD);
        lines.step(s, pos);
        ++pos;
        while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) {
            lines.step(s, pos);
            ++pos;
        }
    }
    return out;
}

std::string decode_utf16(std::string_view s, bool little_endian, NoteLog& notes) {
    std::string out;
    out.reserve(s.size());
    int line = 1;
    char32_t previous = 0;
    auto unit_at = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return static_cast<char16_t>(little_endian ? (a | (b << 8)) : ((a << 8) | b));
    };
    const std::string what = fmt::format("unpaired UTF-16 surrogates {}", kReplacement);
    std::size_t i = 0;
    for (; i + 1 < s.size(); i += 2) {
        char32_t cp = unit_at(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 < s.size() && unit_at(i + 2) >= 0xDC00 && unit_at(i + 2) <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (unit_at(i + 2) - 0xDC00);
                i += 2;
            } else {
                notes.tally(line, "invalid-utf16", what);
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            notes.tally(line, "invalid-utf16", what);
            cp = 0xFFFD;
        }
        if ((cp == '\n' && previous != '\r') || cp == '\r') ++line;
        previous = cp;
        utf8::append(out, cp);
    }
    if (i < s.size()) {
        notes.add(line, "invalid-utf16", fmt::format("odd trailing byte of UTF-16 text {}", kReplacement));
        utf8::append(out, 0xFFFD);
    }
    return out;
}

std::string decode_single_byte(std::string_view s, Encoding encoding, NoteLog& notes) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    LineCounter lines;
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        const auto b = static_cast<unsigned char>(s[pos]);
        lines.step(s, pos);
        if (b < 0x80) {
            out += static_cast<char>(b);
            continue;
        }
        const char32_t cp = code_point(b, encoding);
        if (cp == 0xFFFD) {
            notes.tally(lines.line(), "undefined-byte",
                        fmt::format("bytes undefined in {} {}", encoding_name(encoding), kReplacement));
        }
        utf8::append(out, cp);
    }
    return out;
}

/// True for a byte of ASCII text: printable, or a tab or line break.
bool ascii_text_byte(char c) { return (c >= 0x20 && c <= 0x7E) || c == '\n' || c == '\r' || c == '\t'; }

/// True when the first `n` bytes of `s` (an even number) read as UTF-16 text: no unpaired
/// surrogate, no control character but tab, line and page breaks, no noncharacter; and not
/// ASCII text with a stray NUL, whose byte pairs are nearly all two ASCII characters (CJK text
/// in UTF-16 has such pairs at most two times in three, in kana).
bool reads_as_utf16(std::string_view s, std::size_t n, bool little_endian) {
    std::size_t ascii_pairs = 0;
    for (std::size_t i = 0; i + 1 < n; i += 2) ascii_pairs += ascii_text_byte(s[i]) && ascii_text_byte(s[i + 1]) ? 1 : 0;
    if (ascii_pairs * 10 > (n / 2) * 8) return false;
    const auto unit_at = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        return static_cast<char16_t>(little_endian ? (a | (b << 8)) : ((a << 8) | b));
    };
    for (std::size_t i = 0; i + 1 < n; i += 2) {
        const char16_t u = unit_at(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= n) break;  // the sample ends inside the pair
            const char16_t low = unit_at(i + 2);
            if (low < 0xDC00 || low > 0xDFFF) return false;
            i += 2;
            continue;
        }
        const bool control = u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != '\v';
        if (control || (u >= 0xDC00 && u <= 0xDFFF) || u == 0xFFFE || u == 0xFFFF || (u >= 0x7F && u <= 0x9F)) {
            return false;
        }
    }
    return true;
}

/// Guesses a BOM-less UTF-16 file from its NUL bytes: ASCII text has one in every other
/// position; text in other scripts (CJK, say) has them mostly in its ASCII characters (spaces,
/// line breaks, digits), at the parity of the high byte, and then must read as UTF-16 text.
std::optional<Encoding> sniff_utf16(std::string_view s) {
    const std::size_t n = std::min<std::size_t>(s.size(), 4096) & ~std::size_t{1};
    if (n < 8) return std::nullopt;
    std::size_t even_zero = 0;
    std::size_t odd_zero = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_zero += s[i] == 0;
        odd_zero += s[i + 1] == 0;
    }
    const std::size_t units = n / 2;
    if (odd_zero * 10 > units * 4 && even_zero * 20 < units) return Encoding::utf16le;
    if (even_zero * 10 > units * 4 && odd_zero * 20 < units) return Encoding::utf16be;
    // A CJK character whose low byte is zero (U+4E00) puts a NUL at the other parity now and then.
    if (odd_zero > 2 * even_zero && reads_as_utf16(s, n, true)) return Encoding::utf16le;
    if (even_zero > 2 * odd_zero && reads_as_utf16(s, n, false)) return Encoding::utf16be;
    return std::nullopt;
}

/// Chooses between Windows-1251 and Windows-1252/Latin-1 for text that is not UTF-8.
/// Cyrillic text in Windows-1251 puts letters 0xC0-0xFF side by side inside words;
/// Western text puts accented letters one at a time between ASCII letters. A whole file
/// needs four such letters to be called Cyrillic; one line of a mixed file, `min_letters`.
Encoding sniff_single_byte(std::string_view s, std::size_t min_letters = 4) {
    std::size_t letters_high = 0;
    std::size_t paired = 0;
    bool c1 = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b >= 0x80 && b <= 0x9F) c1 = true;
        if (b < 0xC0) continue;
        ++letters_high;
        const bool before = i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0xC0;
        const bool after = i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xC0;
        if (before || after) ++paired;
    }
    if (letters_high >= min_letters && paired * 2 > letters_high) return Encoding::windows1251;
    return c1 ? Encoding::windows1252 : Encoding::latin1;
}

int first_non_ascii_line(std::string_view s) {
    LineCounter lines;
    for (std::size_t pos = 0; pos < s.size(); ++pos) {
        if (static_cast<unsigned char>(s[pos]) >= 0x80) return lines.line();
        lines.step(s, pos);
    }
    return 1;
}

/// Refuses data that is not text: NUL characters, or mostly control characters.
void check_text(std::string_view text, std::string_view name) {
    const std::size_t nul = text.find('\0');
    if (nul != std::string_view::npos) {
        LineCounter lines;
        for (std::size_t pos = 0; pos < nul; ++pos) lines.step(text, pos);
        throw InputError(fmt::format("binary file, not text: NUL byte at offset {}", nul), std::string(name),
                         lines.line());
    }
    const std::size_t n = std::min<std::size_t>(text.size(), 65536);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // Eight bytes at a time while none is below 0x20 (tested as: no byte minus 0x20 borrows).
        while (i + 8 <= n && !swar::has_below(swar::load(text.data() + i), 0x20)) i += 8;
        if (i >= n) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++controls;
    }
    if (controls > 16 && controls * 10 > n) {
        throw InputError(fmt::format("binary file, not text: {} of its first {} bytes are control characters",
                                     controls, n),
                         std::string(name));
    }
}

/// The lines of `s` (each with its line break) with their numbers, counting LF, CRLF and CR as one
/// line end each, as LineCounter does.
template <typename F>
void for_each_raw_line(std::string_view s, F&& f) {
    int number = 1;
    for (std::size_t start = 0; start < s.size();) {
        std::size_t end = s.find('\n', start);
        end = end == std::string_view::npos ? s.size() : end + 1;
        const std::string_view line = s.substr(start, end - start);
        f(line, number);
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\n' || (line[i] == '\r' && (i + 1 == line.size() || line[i + 1] != '\n'))) ++number;
        }
        start = end;
    }
}

/// True when some line of `s` is UTF-8 beyond doubt: valid, with at least one multi-byte sequence.
bool has_utf8_line(std::string_view s) {
    bool found = false;
    for_each_raw_line(s, [&](std::string_view line, int) {
        if (!found && census(line).multibyte > 0 && utf8::is_valid(line)) found = true;
    });
    return found;
}

/// Decodes a file that mixes UTF-8 lines with lines in a legacy code page (a digest pasted
/// together from several sources): each line that is not valid UTF-8 is decoded on its own, as
/// Windows-1251 or Windows-1252/Latin-1 by its own letters, or, when it is mostly UTF-8 itself,
/// as UTF-8 with its invalid bytes replaced; every such line is noted.
std::string decode_mixed_lines(std::string_view s, NoteLog& notes) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for_each_raw_line(s, [&](std::string_view line, int number) {
        if (utf8::is_valid(line)) {
            out += line;
            return;
        }
        const Utf8Census c = census(line);
        if (c.multibyte >= c.invalid) {
            NoteLog line_notes;
            out += decode_utf8(line, false, line_notes);
            notes.tally(number, "invalid-utf8", fmt::format("invalid UTF-8 byte sequences {}", kReplacement));
            return;
        }
        const Encoding encoding = sniff_single_byte(line, 2);
        NoteLog line_notes;
        out += decode_single_byte(line, encoding, line_notes);
        if (!line_notes.finish().empty()) {
            notes.tally(number, "undefined-byte",
                        fmt::format("bytes undefined in the code page of their line {}", kReplacement));
        }
        notes.tally(number, fmt::format("line-decoded-as-{}", encoding_name(encoding)),
                    fmt::format("lines not valid UTF-8, in a file that is, decoded as {}", encoding_name(encoding)));
    });
    return out;
}

}  // namespace

Decoded decode(std::string_view bytes, Encoding encoding, std::string_view name, NoteLog& notes) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
    constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

    bool valid = false;  // known to be valid UTF-8, bytes and all
    if (encoding == Encoding::automatic) {
        if (starts_with(bytes, kUtf8Bom)) {
            encoding = Encoding::utf8;
        } else if (starts_with(bytes, kUtf16LeBom)) {
            encoding = Encoding::utf16le;
        } else if (starts_with(bytes, kUtf16BeBom)) {
            encoding = Encoding::utf16be;
        } else if (auto utf16 = sniff_utf16(bytes)) {
            encoding = *utf16;
            notes.add(1, "encoding-converted",
                      fmt::format("no byte-order mark; detected and decoded as {}", encoding_name(encoding)));
        } else {
            const Utf8Census c = census(bytes);
            valid = c.invalid == 0 && !c.cut_at_end;
            if (c.invalid > 0 && has_utf8_line(bytes)) {
                check_text(bytes, name);
                return Decoded{decode_mixed_lines(bytes, notes), Encoding::utf8};
            }
            if (c.invalid == 0 || c.multibyte >= c.invalid) {
                encoding = Encoding::utf8;
            } else {
                encoding = sniff_single_byte(bytes);
                notes.add(first_non_ascii_line(bytes), "encoding-converted",
                          fmt::format("not valid UTF-8; detected and decoded as {}", encoding_name(encoding)));
            }
        }
    } else if (encoding != Encoding::utf8 && encoding != Encoding::utf16le && encoding != Encoding::utf16be) {
        notes.add(first_non_ascii_line(bytes), "encoding-converted",
                  fmt::format("decoded as {}, as requested", encoding_name(encoding)));
    }

    Decoded out{{}, encoding};
    switch (encoding) {
        case Encoding::utf8:
        case Encoding::automatic:
            if (starts_with(bytes, kUtf8Bom)) {
                bytes.remove_prefix(kUtf8Bom.size());
                notes.add(1, "bom-removed", "UTF-8 byte-order mark removed");
            }
            check_text(bytes, name);
            out.text = decode_utf8(bytes, valid, notes);
            break;
        case Encoding::utf16le:
        case Encoding::utf16be: {
            const std::string_view bom = encoding == Encoding::utf16le ? kUtf16LeBom : kUtf16BeBom;
            if (starts_with(bytes, bom)) {
                bytes.remove_prefix(bom.size());
                notes.add(1, "encoding-converted",
                          fmt::format("decoded as {} (byte-order mark)", encoding_name(encoding)));
            }
            out.text = decode_utf16(bytes, encoding == Encoding::utf16le, notes);
            check_text(out.text, name);
            break;
        }
        case Encoding::windows1252:
        case Encoding::windows1251:
        case Encoding::latin1:
            check_text(bytes, name);
            out.text = decode_single_byte(bytes, encoding, notes);
            break;
    }
    return out;
}

}  // namespace briefkit::formats::text
