#include "formats/markup/xml_out.hpp"

#include <array>

#include "pipeline/model/swar.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::markup {

namespace {

using EntityTable = std::array<std::string_view, 256>;

/// The reference each byte is written as in text (or in an attribute value), or empty when it
/// stands for itself; inside a JSON string, also JSON's escapes for a backslash and line breaks.
constexpr EntityTable entity_table(bool in_attribute, bool json) {
    EntityTable t{};
    t['<'] = "&lt;";
    t['>'] = "&gt;";
    t['&'] = "&amp;";
    t['"'] = "&quot;";
    t['\r'] = "&#13;";
    if (in_attribute) {
        t['\n'] = "&#10;";
        t['\t'] = "&#9;";
    }
    if (json) {
        t['\\'] = "\\\\";
        if (!in_attribute) {
            t['\n'] = "\\n";
            t['\t'] = "\\t";
        }
    }
    return t;
}

/// What the escaper does with each byte, looked up once per byte.
enum class ByteKind : unsigned char {
    plain,      ///< Copied as it is.
    entity,     ///< Written as its entity reference.
    multibyte,  ///< Starts a UTF-8 sequence, which is checked.
    invalid,    ///< A C0 control XML 1.0 cannot carry: U+FFFD.
};
using KindTable = std::array<ByteKind, 256>;

constexpr KindTable kind_table(const EntityTable& entities) {
    KindTable t{};
    for (std::size_t b = 0; b < 256; ++b) {
        if (b >= 0x80) {
            t[b] = ByteKind::multibyte;
        } else if (!entities[b].empty()) {
            t[b] = ByteKind::entity;
        } else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
            t[b] = ByteKind::invalid;
        } else {
            t[b] = ByteKind::plain;
        }
    }
    return t;
}

/// The escaping of one context: text or attribute values, in XML or inside a JSON string.
struct Escaping {
    EntityTable entities;
    KindTable kinds;
};

constexpr Escaping escaping(bool in_attribute, bool json) {
    const EntityTable entities = entity_table(in_attribute, json);
    return Escaping{entities, kind_table(entities)};
}

/// Indexed by [json][in_attribute].
constexpr std::array<std::array<Escaping, 2>, 2> kEscapings{
    {{escaping(false, false), escaping(true, false)}, {escaping(false, true), escaping(true, true)}}};

/// True when each of the eight bytes in `word` is plain in text and attributes alike: ASCII, no
/// control (tab and line breaks are looked at a byte at a time), none with an entity, and (inside
/// a JSON string) no backslash.
template <bool Json>
constexpr bool plain_word(std::uint64_t word) {
    return !swar::has_high(word) && !swar::has_below(word, 0x20) && !swar::has_byte(word, '<') &&
           !swar::has_byte(word, '>') && !swar::has_byte(word, '&') && !swar::has_byte(word, '"') &&
           (!Json || !swar::has_byte(word, '\\'));
}

/// Appends `text` to `out` escaped by `rules`; runs that need nothing are copied in one piece.
template <bool Json>
void escape_into(std::string& out, std::string_view text, const Escaping& rules) {
    std::size_t done = 0;  // text[done, i) is copied as it is, in one piece
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size() && plain_word<Json>(swar::load(text.data() + i))) {
            i += 8;
            continue;
        }
        const auto byte = static_cast<unsigned char>(text[i]);
        const ByteKind kind = rules.kinds[byte];
        if (kind == ByteKind::plain) {
            ++i;
            continue;
        }
        if (kind == ByteKind::multibyte) {
            // A well-formed character that XML allows stays in the run: past ASCII, only U+FFFE
            // and U+FFFF (EF BF BE, EF BF BF) are not allowed.
            const std::size_t n = utf8::sequence_length(text, i);
            const bool allowed = n != 0 && !(n == 3 && byte == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                                             static_cast<unsigned char>(text[i + 2]) >= 0xBE);
            if (allowed) {
                i += n;
                continue;
            }
            out.append(text, done, i - done);
            utf8::append(out, 0xFFFD);
            i += n == 0 ? 1 : n;
        } else {
            out.append(text, done, i - done);
            if (kind == ByteKind::entity) {
                out += rules.entities[byte];
            } else {
                utf8::append(out, 0xFFFD);
            }
            ++i;
        }
        done = i;
    }
    out.append(text, done);
}

}  // namespace

XmlOut::XmlOut(bool declaration, Form form, std::string start) : out_(std::move(start)), form_(form) {
    // Most articles' markup fits; a longer one grows the text a doubling at a time. (Counting
    // the body's bytes first, to reserve exactly, cost more than the copies it saved.)
    out_.reserve(out_.size() + 4096);
    open_.reserve(16);  // deeper than any writer nests, so that opening never reallocates
    if (declaration) out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlOut::start(std::string_view name) {
    if (!mixed_ && !open_.empty()) {
        open_.back().has_children = true;
        newline(open_.size());
    } else {
        close_start_tag();
    }
    out_ += '<';
    out_ += name;
    open_.push_back({name, false});
    tag_open_ = true;
}

void XmlOut::end() {
    const Open element = open_.back();
    open_.pop_back();
    if (tag_open_) {
        out_ += "/>";
        tag_open_ = false;
        return;
    }
    if (!mixed_ && element.has_children) newline(open_.size());
    out_ += "</";
    out_ += element.name;
    out_ += '>';
}

void XmlOut::attribute(std::string_view name, std::string_view value) {
    const bool json = form_ == Form::json_string;  // the quotes are escaped for the JSON string
    out_ += ' ';
    out_ += name;
    out_ += json ? "=\\\"" : "=\"";
    escape(value, true);
    out_ += json ? "\\\"" : "\"";
}

void XmlOut::text(std::string_view value) {
    close_start_tag();
    escape(value, false);
}

void XmlOut::element(std::string_view name, std::string_view value) {
    start(name);
    text(value);
    end();
}

std::string XmlOut::finish() {
    out_ += '\n';
    return std::move(out_);
}

void XmlOut::close_start_tag() {
    if (!tag_open_) return;
    out_ += '>';
    tag_open_ = false;
}

void XmlOut::newline(std::size_t depth) {
    close_start_tag();
    if (form_ == Form::json_string) return;
    static constexpr std::string_view kIndent = "\n                                ";
    const std::size_t width = 1 + depth * 2;
    if (width <= kIndent.size()) {
        out_.append(kIndent.substr(0, width));
    } else {
        out_ += '\n';
        out_.append(depth * 2, ' ');
    }
}

void XmlOut::escape(std::string_view text, bool in_attribute) {
    if (form_ == Form::json_string) {
        escape_into<true>(out_, text, kEscapings[1][in_attribute ? 1 : 0]);
    } else {
        escape_into<false>(out_, text, kEscapings[0][in_attribute ? 1 : 0]);
    }
}

}  // namespace briefkit::formats::markup
