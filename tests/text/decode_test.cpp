// Encodings and bad input: what arrives as bytes and how the reader turns it into text.
#include <catch2/catch.hpp>

#include "briefkit/error.hpp"
#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

namespace {

constexpr std::string_view kArticle = "TITLE LINE\n\nThe caf\xC3\xA9 opened \xE2\x80\x9Ctoday\xE2\x80\x9D in town.\n";

std::string utf16(std::string_view ascii_or_latin, bool little_endian, bool bom) {
    std::string out;
    if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char c : ascii_or_latin) {
        const char hi = 0;
        if (little_endian) {
            out += c;
            out += hi;
        } else {
            out += hi;
            out += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("decode: UTF-8 without a byte-order mark needs no note") {
    const auto doc = read(kArticle);
    CHECK(block_texts(doc).at(0) == "The caf\xC3\xA9 opened \xE2\x80\x9Ctoday\xE2\x80\x9D in town.");
    CHECK(doc.notes.empty());
}

TEST_CASE("decode: a UTF-8 byte-order mark is removed and noted") {
    const auto doc = read(std::string("\xEF\xBB\xBF") + std::string(kArticle));
    CHECK(doc.meta.title == "TITLE LINE");
    CHECK(has_note(doc, "bom-removed"));
}

TEST_CASE("decode: UTF-16 little- and big-endian with a byte-order mark") {
    const std::string text = "HEADLINE\n\nBody text of the article.\n";
    for (bool le : {true, false}) {
        const auto doc = read(utf16(text, le, true));
        CHECK(doc.meta.title == "HEADLINE");
        CHECK(block_texts(doc).at(0) == "Body text of the article.");
        CHECK(has_note(doc, "encoding-converted"));
    }
}

TEST_CASE("decode: UTF-16 without a byte-order mark is recognised by its NUL pattern") {
    const auto doc = read(utf16("HEADLINE\n\nBody text of the article.\n", true, false));
    CHECK(doc.meta.title == "HEADLINE");
}

TEST_CASE("decode: UTF-16 surrogate pairs become one character, and a lone surrogate becomes U+FFFD") {
    // U+1F600 as D83D DE00, then a lone D83D, little-endian with BOM.
    std::string bytes = utf16("HEADLINE\n\nSmile ", true, true);
    bytes += std::string("\x3D\xD8\x00\xDE", 4);
    bytes += std::string("\x3D\xD8", 2);
    bytes += utf16(" end.\n", true, false);
    const auto doc = read(bytes);
    CHECK(block_texts(doc).at(0) == "Smile \xF0\x9F\x98\x80\xEF\xBF\xBD end.");
    CHECK(has_note(doc, "invalid-utf16"));
}

TEST_CASE("decode: Windows-1252 typographic quotes are detected and converted") {
    const auto doc = read("HEADLINE\n\nHe said \x93no comment\x94 and left \x96 quickly.\n");
    CHECK(block_texts(doc).at(0) == "He said \xE2\x80\x9Cno comment\xE2\x80\x9D and left \xE2\x80\x93 quickly.");
    REQUIRE(has_note(doc, "encoding-converted"));
    CHECK(doc.notes.front().message.find("windows-1252") != std::string::npos);
}

TEST_CASE("decode: Windows-1251 Cyrillic is told apart from Western text") {
    // "Новости дня" in Windows-1251.
    const auto doc = read("\xCD\xEE\xE2\xEE\xF1\xF2\xE8 \xE4\xED\xFF\n\n\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0.\n");
    CHECK(doc.meta.title == "Новости дня");
    CHECK(block_texts(doc).at(0) == "Привет мир.");
}

TEST_CASE("decode: Latin-1 accented letters without Windows-1252 punctuation") {
    const auto doc = read("HEADLINE\n\nLa r\xE9union \xE0 Gen\xE8ve a eu lieu.\n");
    CHECK(block_texts(doc).at(0) == "La réunion à Genève a eu lieu.");
    CHECK(doc.notes.front().message.find("latin-1") != std::string::npos);
}

TEST_CASE("decode: --encoding forces a code page") {
    briefkit::ReadOptions options;
    options.encoding = briefkit::Encoding::windows1251;
    const auto doc = read("HEADLINE\n\n\xC0\xE1\xE2.\n", options);
    CHECK(block_texts(doc).at(0) == "Абв.");
}

TEST_CASE("decode: stray invalid bytes in UTF-8 text become U+FFFD with a note, never a crash") {
    const auto doc = read("HEADLINE\n\nCaf\xC3\xA9 and \xC3\xA9t\xC3\xA9 but a bad \xFF byte and \xE2\x82 cut.\n");
    CHECK(block_texts(doc).at(0) == "Café and été but a bad \xEF\xBF\xBD byte and \xEF\xBF\xBD cut.");
    REQUIRE(has_note(doc, "invalid-utf8"));
}

TEST_CASE("decode: an empty file is an error naming the file") {
    try {
        (void)read("", {}, "empty.txt");
        FAIL("no error");
    } catch (const briefkit::InputError& e) {
        CHECK(e.file() == "empty.txt");
        CHECK(std::string(e.what()).find("empty") != std::string::npos);
    }
}

TEST_CASE("decode: a whitespace-only file is an error") {
    CHECK_THROWS_AS(read(" \n\t\r\n \xC2\xA0 \n"), briefkit::InputError);
}

TEST_CASE("decode: a binary file with NUL bytes is an error") {
    CHECK_THROWS_WITH(read(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), Catch::Contains("binary"));
}

TEST_CASE("decode: a file of mostly control characters is an error") {
    std::string junk;
    for (int i = 0; i < 400; ++i) junk += static_cast<char>(1 + i % 7);
    CHECK_THROWS_WITH(read(junk), Catch::Contains("control characters"));
}

TEST_CASE("decode: a file over the size limit is an error before it is read") {
    briefkit::ReadOptions options;
    options.max_input_size = 10;
    CHECK_THROWS_WITH(read("HEADLINE\n\nBody text.\n", options), Catch::Contains("--max-input-size"));
}
