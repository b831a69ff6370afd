// pdf: line breaks inside Chinese, Japanese and Korean (UAX #14): between letters, never before
// closing punctuation; none added to other scripts' words.
#include <catch2/catch.hpp>

#include <string>

#include "formats/pdf/east_asian_breaks.hpp"
#include "formats/pdf/font_set.hpp"
#include "formats/pdf/paragraph.hpp"
#include "formats/pdf/style.hpp"

using namespace briefkit::formats::pdf;

TEST_CASE("east asian breaks: between ideographs, not before a closing comma or full stop") {
    const std::string text = "\u65B0\u94C1\u8DEF\uFF0C\u5B98\u5458\u3002";  // 新铁路，官员。
    const std::vector<std::size_t> breaks = east_asian_breaks(text);
    // After 新, after 铁, after the comma, after 官: three bytes a character.
    CHECK(breaks == std::vector<std::size_t>{3, 6, 12, 15});
}

TEST_CASE("east asian breaks: none in a Latin, Cyrillic or hyphenated word, nor at a word's ends") {
    CHECK(east_asian_breaks("co-operation").empty());
    CHECK(east_asian_breaks("\u0401\u043B\u043A\u0430/\u0440\u044B\u043D\u043E\u043A").empty());
    CHECK(east_asian_breaks("\u4E2D").empty());
    const std::vector<std::size_t> mixed = east_asian_breaks("G7\u5CF0\u4F1A");  // G7峰会
    CHECK(mixed == std::vector<std::size_t>{2, 5});
}

TEST_CASE("paragraph: Chinese with no spaces is justified between its characters and no line opens with a full stop or comma") {
    Style style = load_style("briefing");
    FontSet fonts(style);
    std::string text;
    for (int i = 0; i < 6; ++i) text += "\u65B0\u94C1\u8DEF\u7EBF\u5468\u4E00\u5F00\u901A\u8D27\u8FD0\uFF0C\u5B98\u5458\u8868\u793A\u9996\u5217\u706B\u8F66\u5DF2\u7ECF\u8D8A\u8FC7\u8FB9\u5883\u3002";
    const std::vector<TextLine> lines = set_paragraph({Span{text, Face::body, 10, {}, {}}}, fonts, {300, true, nullptr});
    REQUIRE(lines.size() > 3);
    std::vector<Glyph> stop;
    fonts.shape("\u3002", Face::body, stop);
    std::vector<Glyph> comma;
    fonts.shape("\uFF0C", Face::body, comma);
    for (std::size_t l = 0; l < lines.size(); ++l) {
        INFO(l);
        const Placed& first = lines[l].pieces.front();
        CHECK(first.codes.front() != stop.front().code);
        CHECK(first.codes.front() != comma.front().code);
        if (l + 1 < lines.size()) CHECK(lines[l].width == Approx(300).epsilon(0.001));
    }
}
