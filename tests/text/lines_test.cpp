// Line endings and the cleaning of every line, each with its note.
#include <catch2/catch.hpp>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "formats/text/lines.hpp"
#include "pipeline/model/utf8.hpp"
#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

TEST_CASE("lines: CRLF, CR and LF line endings read alike") {
    const std::string lf = "HEADLINE\n\nFirst paragraph.\n\nSecond paragraph.\n";
    std::string crlf;
    std::string cr;
    for (char c : lf) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    const auto a = read(lf);
    const auto b = read(crlf);
    const auto c = read(cr);
    CHECK(block_texts(a) == block_texts(b));
    CHECK(block_texts(a) == block_texts(c));
    CHECK(has_note(b, "line-endings"));
    CHECK(has_note(c, "line-endings"));
    CHECK(a.id == b.id);
    CHECK(a.id == c.id);
}

TEST_CASE("lines: no-break spaces, tabs and typographic spaces become plain spaces") {
    const auto doc = read("HEADLINE\n\nOne\xC2\xA0two\tthree\xE2\x80\x83" "four.\n");
    CHECK(block_texts(doc).at(0) == "One two three four.");
    CHECK(has_note(doc, "nbsp-replaced"));
    CHECK(has_note(doc, "tab-replaced"));
    CHECK(has_note(doc, "space-normalized"));
}

TEST_CASE("lines: zero-width characters and soft hyphens are removed") {
    const auto doc = read("HEADLINE\n\nZero\xE2\x80\x8Bwidth and infec\xC2\xADtion.\n");
    CHECK(block_texts(doc).at(0) == "Zerowidth and infection.");
    CHECK(has_note(doc, "zero-width-removed"));
    CHECK(has_note(doc, "soft-hyphen-removed"));
}

TEST_CASE("lines: joiners that shape scripts are kept") {
    // ZWNJ in Persian and ZWJ in emoji sequences carry meaning.
    const auto doc = read("HEADLINE\n\nمی\xE2\x80\x8Cخواهم and \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB here.\n");
    CHECK(block_texts(doc).at(0).find("\xE2\x80\x8C") != std::string::npos);
    CHECK(block_texts(doc).at(0).find("\xE2\x80\x8D") != std::string::npos);
}

TEST_CASE("lines: control characters are removed, form feeds become spaces") {
    const auto doc = read("HEADLINE\n\nBell\x07 here\x1B and page\x0C" "break.\n");
    CHECK(block_texts(doc).at(0) == "Bell here and page break.");
    CHECK(has_note(doc, "control-removed"));
}

TEST_CASE("lines: text is normalized to NFC") {
    // "e" + combining acute accent becomes the precomposed letter.
    const auto doc = read("HEADLINE\n\nCafe\xCC\x81 society.\n");
    CHECK(block_texts(doc).at(0) == "Caf\xC3\xA9 society.");
    CHECK(has_note(doc, "nfc"));
}

TEST_CASE("lines: runs of spaces collapse to one and the note lists the lines") {
    const auto doc = read("HEADLINE\n\nOne  two.   Three.\n\nFour    five.\n");
    CHECK(block_texts(doc).at(0) == "One two. Three.");
    CHECK(block_texts(doc).at(1) == "Four five.");
    REQUIRE(has_note(doc, "spaces-collapsed"));
    for (const auto& n : doc.notes) {
        if (n.rule == "spaces-collapsed") CHECK(n.message == "runs of spaces collapsed to one on lines 3, 5");
    }
}

namespace {

std::string nfc(const std::string& s) {
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> out(
        utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(s.c_str())), &std::free);
    return out ? std::string(reinterpret_cast<const char*>(out.get())) : std::string();
}

}  // namespace

// Lines of these code points are copied without the cleaning pass, so NFC must leave every one
// of them, alone and beside any other (or beside ASCII), exactly as it is.
TEST_CASE("lines: code points copied as they are never change under NFC, alone or in pairs") {
    std::vector<char32_t> kept;
    for (char32_t cp = 0x80; cp < 0x30000; ++cp) {
        if (!briefkit::formats::text::kept_as_is(cp)) continue;
        const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
        INFO("U+" << std::hex << static_cast<unsigned>(cp));
        REQUIRE(p->combining_class == 0);
        REQUIRE(p->category != UTF8PROC_CATEGORY_ZS);
        REQUIRE(p->category != UTF8PROC_CATEGORY_CC);
        REQUIRE(p->category != UTF8PROC_CATEGORY_CF);
        REQUIRE(p->category != UTF8PROC_CATEGORY_CN);
        kept.push_back(cp);
    }
    REQUIRE(kept.size() > 900);
    for (char32_t cp = 0x20; cp < 0x7F; ++cp) kept.push_back(cp);
    std::size_t changed = 0;
    std::string pair;
    for (const char32_t a : kept) {
        for (const char32_t b : kept) {
            pair.clear();
            briefkit::utf8::append(pair, a);
            briefkit::utf8::append(pair, b);
            if (nfc(pair) != pair) ++changed;
        }
    }
    CHECK(changed == 0);
}

TEST_CASE("lines: a line of Latin, Cyrillic and typographic punctuation is kept without notes") {
    const auto doc = read("HEADLINE\n\n\u201cS\u00e3o Paulo \u2014 \u041a\u044b\u0440\u0433\u044b\u0437\u0441\u0442\u0430\u043d, "
                          "\u015fehir \u20ac5\u2026\u201d\n");
    CHECK(block_texts(doc).at(0) ==
          "\u201cS\u00e3o Paulo \u2014 \u041a\u044b\u0440\u0433\u044b\u0437\u0441\u0442\u0430\u043d, \u015fehir \u20ac5\u2026\u201d");
    CHECK(doc.notes.empty());
}
