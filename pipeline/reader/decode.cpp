#include "pipeline/reader/decode.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

#include "pipeline/error.hpp"
#include "pipeline/reader/codepages.hpp"
#include "pipeline/utf8.hpp"

namespace briefkit::reader {

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

/// True when the eight bytes at `pos` are all ASCII.
bool ascii_word(std::string_view s, std::size_t pos) {
    std::uint64_t word = 0;
    std::memcpy(&word, s.data() + pos, 8);
    return (word & 0x8080808080808080ULL) == 0;
}

Utf8Census census(std::string_view s) {
    Utf8Census c;
    for (std::size_t pos = 0; pos < s.size();) {
        if (pos + 8 <= s.size() && ascii_word(s, pos)) {
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

/// True when every byte of `s` is part of a valid UTF-8 sequence; ASCII runs are skipped eight bytes at a time.
bool valid_utf8(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (pos + 8 <= s.size() && ascii_word(s, pos)) {
            pos += 8;
            continue;
        }
        const std::size_t n = utf8::sequence_length(s, pos);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

/// `s` with each invalid byte sequence replaced; `valid` when that is known to be none.
std::string decode_utf8(std::string_view s, bool valid, NoteLog& notes) {
    if (valid || valid_utf8(s)) return std::string(s);  // the common case: nothing to repair, nothing to note
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
        char32_t cp = b;
        if (encoding == Encoding::windows1252) cp = kWindows1252High[b - 0x80];
        if (encoding == Encoding::windows1251) cp = kWindows1251High[b - 0x80];
        if (cp == 0xFFFD) {
            notes.tally(lines.line(), "undefined-byte",
                        fmt::format("bytes undefined in {} {}", encoding_name(encoding), kReplacement));
        }
        utf8::append(out, cp);
    }
    return out;
}

/// Guesses a BOM-less UTF-16 file from the NUL bytes that ASCII text has in every other position.
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
    return std::nullopt;
}

/// Chooses between Windows-1251 and Windows-1252/Latin-1 for text that is not UTF-8.
/// Cyrillic text in Windows-1251 puts letters 0xC0-0xFF side by side inside words;
/// Western text puts accented letters one at a time between ASCII letters.
Encoding sniff_single_byte(std::string_view s) {
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
    if (letters_high >= 4 && paired * 2 > letters_high) return Encoding::windows1251;
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
        while (i + 8 <= n) {
            std::uint64_t word = 0;
            std::memcpy(&word, text.data() + i, 8);
            if (((word - 0x2020202020202020ULL) & ~word & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
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

}  // namespace briefkit::reader
