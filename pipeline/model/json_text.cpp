#include "pipeline/model/json_text.hpp"

#include <fmt/format.h>

#include "pipeline/model/swar.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit {

namespace {

/// True for a byte a JSON string carries as it is: printable ASCII (DEL too) but `"` and `\`.
constexpr bool plain_ascii(unsigned char b) { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\'; }

/// True when every one of the eight bytes in `word` is plain_ascii().
constexpr bool plain_ascii_word(std::uint64_t word) {
    return !swar::has_high(word) && !swar::has_below(word, 0x20) && !swar::has_byte(word, '"') &&
           !swar::has_byte(word, '\\');
}

}  // namespace

void append_json_string(std::string& out, std::string_view value) {
    out.push_back('"');
    append_json_escaped(out, value);
    out.push_back('"');
}

void append_json_escaped(std::string& out, std::string_view value) {
    std::size_t done = 0;  // value[done, pos) is copied as it is, in one piece
    std::size_t pos = 0;
    while (pos < value.size()) {
        // Plain ASCII text, most of what is written, is passed over eight bytes at a time.
        if (pos + 8 <= value.size() && plain_ascii_word(swar::load(value.data() + pos))) {
            pos += 8;
            continue;
        }
        const auto b = static_cast<unsigned char>(value[pos]);
        if (plain_ascii(b)) {
            ++pos;
            continue;
        }
        if (b >= 0x80) {
            // A valid sequence stays in the run; a malformed byte becomes U+FFFD.
            if (const std::size_t n = utf8::sequence_length(value, pos); n != 0) {
                pos += n;
                continue;
            }
        }
        out.append(value, done, pos - done);
        if (b == '"') {
            out += "\\\"";
        } else if (b == '\\') {
            out += "\\\\";
        } else if (b == '\n') {
            out += "\\n";
        } else if (b < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(b));
        } else {
            utf8::append(out, 0xFFFD);
        }
        done = ++pos;
    }
    out.append(value, done);
}

}  // namespace briefkit
