#include "formats/html/page_charset.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <array>
#include <cerrno>
#include <memory>

#include "briefkit/error.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::html {

namespace {

/// How far into a page its charset declaration is looked for (HTML asks for the first 1024
/// bytes; real pages put a kilobyte of scripts and comments before it).
constexpr std::size_t kDeclarationWindow = 16 * 1024;

struct IconvCloser {
    void operator()(iconv_t* cd) const {
        iconv_close(*cd);
        delete cd;
    }
};

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':';
}

/// The charset value after `charset=` at `at` in `tag`, lower-cased.
std::string charset_value(std::string_view tag, std::size_t at) {
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '"' || tag[at] == '\'')) ++at;
    std::size_t end = at;
    while (end < tag.size() && is_name_char(tag[end])) ++end;
    return unicode::ascii_lower(tag.substr(at, end - at));
}

/// The canonical name of a declared charset: WHATWG's labels for UTF-8, and ISO-8859-1 and
/// ASCII read as the Windows-1252 every browser reads them as.
std::string canonical(std::string charset) {
    if (charset == "utf8" || charset == "unicode-1-1-utf-8" || charset == "utf-16" || charset == "unicode") {
        return "utf-8";  // a page read as bytes cannot be UTF-16 unless its BOM says so
    }
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso8859-1" || charset == "us-ascii" ||
        charset == "ascii" || charset == "cp1252" || charset == "x-cp1252" || charset == "iso_8859-1") {
        return "windows-1252";
    }
    return charset;
}

/// `bytes` converted from `charset` by iconv, each byte it cannot convert made U+FFFD;
/// nullopt when iconv does not know the charset.
std::optional<std::string> convert(std::string_view bytes, const std::string& charset, std::size_t& replaced) {
    const iconv_t cd = iconv_open("UTF-8", charset.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    const std::unique_ptr<iconv_t, IconvCloser> closer(new iconv_t(cd));
    std::string out(bytes.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it never writes the input
    std::size_t in_left = bytes.size();
    std::size_t done = 0;
    while (in_left > 0) {
        char* dst = out.data() + done;
        std::size_t out_left = out.size() - done;
        const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
        done = out.size() - out_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
        } else {  // EILSEQ or EINVAL: one byte that is no character
            out.resize(done);
            utf8::append(out, 0xFFFD);
            out.resize(std::max(out.size() * 2, std::size_t{64}));
            done += 3;
            ++in;
            --in_left;
            ++replaced;
        }
    }
    out.resize(done);
    return out;
}

/// Valid UTF-8 from mostly-UTF-8 `bytes`: each byte that starts no valid sequence made U+FFFD.
std::string repair_utf8(std::string_view bytes, std::size_t& replaced) {
    std::string out;
    out.reserve(bytes.size() + 16);
    while (!bytes.empty()) {
        const std::size_t good = utf8::valid_prefix(bytes);
        out.append(bytes.substr(0, good));
        bytes.remove_prefix(good);
        if (bytes.empty()) break;
        utf8::append(out, 0xFFFD);
        bytes.remove_prefix(1);
        ++replaced;
    }
    return out;
}

/// True when `bytes` hold a UTF-8 sequence of two or more bytes.
bool has_multibyte_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (static_cast<unsigned char>(bytes[i]) < 0xC2) continue;
        const std::size_t n = utf8::sequence_length(bytes, i);
        if (n > 1) return true;
    }
    return false;
}

void note_replaced(std::size_t replaced, std::string_view charset, std::vector<Note>& notes) {
    if (replaced == 0) return;
    notes.push_back(Note{0, "invalid-bytes-replaced",
                         fmt::format("{} byte{} that {} no character in {} became U+FFFD", replaced,
                                     replaced == 1 ? "" : "s", replaced == 1 ? "is" : "are", charset)});
}

std::string from_charset(std::string_view bytes, const std::string& charset, std::string_view name,
                         std::vector<Note>& notes) {
    std::size_t replaced = 0;
    std::optional<std::string> text = convert(bytes, charset, replaced);
    if (!text) {
        throw InputError(fmt::format("declares the charset '{}', which this system cannot convert, and its bytes are "
                                     "not UTF-8 (give --encoding, or convert it first)",
                                     charset),
                         std::string(name));
    }
    note_replaced(replaced, charset, notes);
    return std::move(*text);
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, kDeclarationWindow);
    for (std::size_t at = 0; (at = head.find('<', at)) != std::string_view::npos; ++at) {
        if (head.size() - at < 6 || unicode::ascii_lower(head.substr(at + 1, 4)) != "meta") continue;
        const std::size_t close = head.find('>', at);
        const std::string tag = unicode::ascii_lower(head.substr(at, close == std::string_view::npos ? 512 : close - at));
        const std::size_t key = tag.find("charset");
        if (key == std::string::npos) continue;
        std::size_t value = key + 7;
        while (value < tag.size() && tag[value] == ' ') ++value;
        if (value < tag.size() && tag[value] == '=') {
            std::string charset = charset_value(tag, value + 1);
            if (!charset.empty()) return charset;
        }
    }
    return {};
}

std::string page_to_utf8(std::string_view bytes, std::string_view name, std::vector<Note>& notes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    else if (bytes.starts_with("\xFF\xFE")) return from_charset(bytes.substr(2), "UTF-16LE", name, notes);
    else if (bytes.starts_with("\xFE\xFF")) return from_charset(bytes.substr(2), "UTF-16BE", name, notes);
    const std::string declared = declared_charset(bytes);
    const std::string charset = canonical(declared);
    if (utf8::is_valid(bytes)) {
        if (!charset.empty() && charset != "utf-8" && !utf8::is_ascii(bytes)) {
            notes.push_back(Note{0, "charset-mislabelled",
                                 fmt::format("the page declares the charset '{}', but its bytes are UTF-8 with characters "
                                             "beyond ASCII; it was read as UTF-8",
                                             declared)});
        }
        return std::string(bytes);
    }
    if (!charset.empty() && charset != "utf-8") return from_charset(bytes, charset, name, notes);
    std::size_t replaced = 0;
    if (has_multibyte_utf8(bytes)) {
        std::string text = repair_utf8(bytes, replaced);
        note_replaced(replaced, "UTF-8", notes);
        return text;
    }
    notes.push_back(Note{0, declared.empty() ? "charset-guessed" : "charset-mislabelled",
                         declared.empty() ? std::string("the page declares no charset and its bytes are not UTF-8; it "
                                                        "was read as Windows-1252")
                                          : fmt::format("the page declares the charset '{}', but its bytes are not "
                                                        "UTF-8; it was read as Windows-1252",
                                                        declared)});
    return from_charset(bytes, "WINDOWS-1252", name, notes);
}

}  // namespace briefkit::formats::html
