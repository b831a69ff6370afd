// The handling label: a line holding only a TLP label at the start or the end of a text article.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

TEST_CASE("handling label: a TLP line at the start or the end is the article's label, taken out of its text") {
    const auto top = read("TLP:AMBER\n\nPORT STRIKE HALTS GRAIN EXPORTS\n\n12.06.2023\n\nDock workers stopped loading grain on Monday.\n");
    CHECK(top.meta.handling == "TLP:AMBER");
    CHECK(top.meta.title == "PORT STRIKE HALTS GRAIN EXPORTS");
    CHECK(block_texts(top) == std::vector<std::string>{"Dock workers stopped loading grain on Monday."});
    CHECK(has_note(top, "handling-label"));

    // Set off by marks, at the end; of two labels the more restrictive.
    const auto both = read("[TLP: GREEN]\n\nHEADLINE\n\nDock workers stopped loading grain on Monday.\n\n**TLP:RED**\n");
    CHECK(both.meta.handling == "TLP:RED");
    CHECK(block_texts(both) == std::vector<std::string>{"Dock workers stopped loading grain on Monday."});

    // TLP 1.0's WHITE is TLP 2.0's CLEAR, and the note says so.
    const auto white = read("TLP:WHITE\nHEADLINE\n\nDock workers stopped loading grain on Monday.\n");
    CHECK(white.meta.handling == "TLP:CLEAR");
    REQUIRE(has_note(white, "handling-label"));
}

TEST_CASE("handling label: a label inside a sentence or in the middle of a long text is the text's") {
    const auto sentence = read("HEADLINE\n\nThe report was marked TLP:AMBER by its authors.\n");
    CHECK(sentence.meta.handling.empty());
    std::string middle = "HEADLINE\n\n";
    for (int i = 0; i < 8; ++i) middle += "Paragraph " + std::to_string(i) + " of the report on the strike.\n\n";
    middle += "TLP:RED\n\n";
    for (int i = 0; i < 8; ++i) middle += "More paragraph " + std::to_string(i) + " of the report.\n\n";
    const auto long_text = read(middle);
    CHECK(long_text.meta.handling.empty());
    const std::vector<std::string> blocks = block_texts(long_text);
    CHECK(std::find(blocks.begin(), blocks.end(), "TLP:RED") != blocks.end());
}
