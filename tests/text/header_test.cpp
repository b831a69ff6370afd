// The header block in the seed's layout: headline, separators, date, agency, place, in any order.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

TEST_CASE("header: the seed layout gives title, date, agency with date and place") {
    const auto doc = read(
        "\nTALKS ON BORDER CROSSINGS RESUME IN OSH\n\n-\n\n12.06.2023\n\nAKIpress (11 June 2023)\n\nOsh\n\n"
        "Officials from both sides met on Monday.\n");
    CHECK(doc.meta.title == "TALKS ON BORDER CROSSINGS RESUME IN OSH");
    CHECK(doc.meta.date->iso() == "2023-06-12");
    CHECK(doc.meta.date->text == "12.06.2023");
    CHECK(doc.meta.source.name == "AKIpress");
    CHECK(doc.meta.source.date->iso() == "2023-06-11");
    CHECK(doc.meta.place == "Osh");
    CHECK(block_texts(doc) == std::vector<std::string>{"Officials from both sides met on Monday."});
}

TEST_CASE("header: separator lines of dashes, em dashes, asterisks and equals signs are skipped") {
    for (const char* sep : {"-", "—", "***", "===", "- - -", "______"}) {
        const auto doc = read(std::string("HEADLINE\n") + sep + "\n2023-06-12\n\nBody sentence here.\n");
        CHECK(doc.meta.title == "HEADLINE");
        CHECK(doc.meta.date->iso() == "2023-06-12");
        CHECK(block_texts(doc).size() == 1);
    }
}

TEST_CASE("header: a headline wrapped over two lines is joined and noted") {
    const auto doc = read("MINISTERS AGREE NEW RULES FOR\nCROSS-BORDER ELECTRICITY TRADE\n\n-\n\n2023-06-12\n\nBody text.\n");
    CHECK(doc.meta.title == "MINISTERS AGREE NEW RULES FOR CROSS-BORDER ELECTRICITY TRADE");
    CHECK(has_note(doc, "headline-joined"));
}

TEST_CASE("header: a headline followed at once by a paragraph is not joined with it") {
    const auto doc = read("Council approves budget\nThe city council approved the budget on Monday.\nIt takes effect in May.\n");
    CHECK(doc.meta.title == "Council approves budget");
    CHECK(block_texts(doc).size() == 2);
}

TEST_CASE("header: the agency line without a date gives the agency") {
    const auto doc = read("HEADLINE\n\n-\n\n2023-06-12\n\nTASS\n\nMoscow\n\nBody text.\n");
    CHECK(doc.meta.source.name == "TASS");
    CHECK_FALSE(doc.meta.source.date);
    CHECK(doc.meta.place == "Moscow");
}

TEST_CASE("header: one name line alone is the place, unless it names a known agency") {
    CHECK(read("HEADLINE\n\n2023-06-12\n\nBishkek\n\nBody text.\n").meta.place == "Bishkek");
    const auto agency = read("HEADLINE\n\n2023-06-12\n\nKabar\n\nBody text.\n");
    CHECK(agency.meta.source.name == "Kabar");
    CHECK(agency.meta.place.empty());
    CHECK(read("HEADLINE\n\n2023-06-12\n\nDaily Mountain News\n\nBody text.\n").meta.source.name ==
          "Daily Mountain News");
}

TEST_CASE("header: two name lines are the agency, then the place") {
    const auto doc = read("HEADLINE\n\n2023-06-12\n\nValley Courier\n\nNaryn\n\nBody text.\n");
    CHECK(doc.meta.source.name == "Valley Courier");
    CHECK(doc.meta.place == "Naryn");
}

TEST_CASE("header: fields come in any order") {
    const auto doc = read("12 June 2023\n\nKabar (11 June 2023)\n\nBORDER TALKS RESUME\n\n***\n\nOsh\n\nBody text here.\n");
    CHECK(doc.meta.title == "BORDER TALKS RESUME");
    CHECK(doc.meta.date->iso() == "2023-06-12");
    CHECK(doc.meta.source.name == "Kabar");
    CHECK(doc.meta.place == "Osh");
}

TEST_CASE("header: a place line may carry an abbreviation or a date after it") {
    CHECK(read("HEADLINE\n\n2023-06-12\n\nTASS\n\nIndianapolis, Ind.\n\nBody.\n").meta.place == "Indianapolis, Ind.");
    CHECK(read("HEADLINE\n\n2023-06-12\n\nTASS\n\nRio De Janeiro, April 24\n\nBody.\n").meta.place ==
          "Rio De Janeiro, April 24");
}

TEST_CASE("header: asterisks around a place are dropped with a note") {
    const auto doc = read("HEADLINE\n\n2023-06-12\n\nTASS\n\n****London\n\nBody text.\n");
    CHECK(doc.meta.place == "London");
    CHECK(has_note(doc, "decoration-removed"));
}

TEST_CASE("header: a short lower-case body line is never taken for a place") {
    const auto doc = read("HEADLINE\n\n2023-06-12\n\nKabar\n\nShr 27 cts vs 29 cts\n\nNet 13,555,000 vs 14,635,000\n");
    CHECK(doc.meta.place.empty());
    REQUIRE(block_texts(doc).size() == 1);  // the two figure rows make one table
    CHECK(block_texts(doc)[0] == "Shr | 27 cts | vs 29 cts\nNet | 13,555,000 | vs 14,635,000");
}

TEST_CASE("header: a plain layout has a headline, then paragraphs one per line") {
    const auto doc = read("A quiet week in the markets\nShares were little changed on Friday.\nBonds rose slightly.\n");
    CHECK(doc.meta.title == "A quiet week in the markets");
    CHECK(block_texts(doc) == std::vector<std::string>{"Shares were little changed on Friday.", "Bonds rose slightly."});
}

TEST_CASE("header: a file that starts with a long paragraph has no title") {
    const std::string para(300, 'a');
    const auto doc = read(para + ".\n");
    CHECK(doc.meta.title.empty());
    CHECK(block_texts(doc).size() == 1);
}
