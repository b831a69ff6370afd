// pdf: the bidirectional algorithm: embedding levels of a paragraph, the visual order of a line.
#include <catch2/catch.hpp>

#include <string>

#include "formats/pdf/bidi.hpp"

using namespace briefkit::formats::pdf;

TEST_CASE("bidi: text with no right-to-left letter is all level 0, without ICU") {
    const BidiLevels levels = resolve_levels("Prices rose 3\u20135 per cent, \u00AB\u0417\u0435\u043B\u0451\u043D\u044B\u0439\u00BB \u4E2D\u56FD");
    CHECK(levels.paragraph == 0);
    CHECK(levels.of_byte.empty());
    CHECK(levels.at(5) == 0);
}

TEST_CASE("bidi: a paragraph that opens in Arabic is right to left, and its numbers left to right inside it") {
    const std::string text = "\u0641\u064A \u0627\u0644\u0633\u0627\u0639\u0629 10:30";
    const BidiLevels levels = resolve_levels(text);
    CHECK(levels.paragraph == 1);
    REQUIRE(levels.of_byte.size() == text.size());
    CHECK(levels.at(0) == 1);
    CHECK(levels.at(text.find("10")) == 2);
}

TEST_CASE("bidi: an Arabic phrase inside an English sentence is a right-to-left run at level 1") {
    const std::string text = "Traders said \u0627\u0644\u0623\u0633\u0639\u0627\u0631 \u0645\u0633\u062A\u0642\u0631\u0629 today";
    const BidiLevels levels = resolve_levels(text);
    CHECK(levels.paragraph == 0);
    CHECK(levels.at(0) == 0);
    CHECK(levels.at(text.find("\u0627")) == 1);
    CHECK(levels.at(text.find("\u0645")) == 1);
    CHECK(levels.at(text.find("today")) == 0);
}

TEST_CASE("bidi: rule L2 reverses each stretch at a level or above, from the highest level down") {
    CHECK(visual_order({0, 0, 0}) == std::vector<std::size_t>{0, 1, 2});
    CHECK(visual_order({0, 1, 1, 0}) == std::vector<std::size_t>{0, 2, 1, 3});
    CHECK(visual_order({1, 1, 1}) == std::vector<std::size_t>{2, 1, 0});
    // Right to left with a number inside: the number's runs keep their order.
    CHECK(visual_order({1, 2, 2, 1}) == std::vector<std::size_t>{3, 1, 2, 0});
    CHECK(visual_order({}).empty());
}
