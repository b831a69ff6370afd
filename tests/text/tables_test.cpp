// Tables in plain text: wire figure rows, column layouts with headers and captions, layouts that
// are kept as typed, and prose with figures that stays prose.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

namespace {

const std::string kWireHead = "9-MAR-1987 04:58:41.00\nACME CORP <ACM> 4TH QTR NET\n";

}  // namespace

TEST_CASE("tables: wire earnings rows become one table, label rows between them included") {
    const auto doc = read(kWireHead +
                          "    DALLAS, March 9 - Shr profit three cts vs loss 14 cts\n"
                          "    Net 86,220,000 vs 102,629,000\n"
                          "    Year\n"
                          "    Shr 1.58 dlrs vs 1.93 dlrs\n"
                          "    Pay April one\n"
                          "    The company said sales rose in every region.\n"
                          " Reuter\n");
    CHECK(doc.meta.place == "DALLAS");
    REQUIRE(block_texts(doc).size() == 2);
    CHECK(block_texts(doc)[0] ==
          "Shr | profit three cts | vs loss 14 cts\nNet | 86,220,000 | vs 102,629,000\nYear |  | \n"
          "Shr | 1.58 dlrs | vs 1.93 dlrs\nPay | April one | ");
    CHECK(block_texts(doc)[1] == "The company said sales rose in every region.");
    const auto& table = std::get<briefkit::Table>(doc.body[0]);
    CHECK(table.columns == std::vector{briefkit::Alignment::left, briefkit::Alignment::right, briefkit::Alignment::right});
    CHECK(has_note(doc, "table-found"));
}

TEST_CASE("tables: a column table with a header over two years, inside wrapped prose, keeps its rows apart") {
    const auto doc = read(kWireHead +
                          "    LONDON, March 9 - Output rose, the council said, giving\n"
                          "these figures -\n"
                          "                    Oct/Dec          Jan/Dec\n"
                          "                 1986    1985     1986    1985\n"
                          " CHILE             31      12      140      95\n"
                          " PERU              61      33      251     120\n"
                          "    It expects output to fall in the first quarter.\n"
                          " Reuter\n");
    REQUIRE(block_texts(doc).size() == 3);
    CHECK(block_texts(doc)[0] == "Output rose, the council said, giving these figures -");
    CHECK(block_texts(doc)[1] ==
          " | Oct/Dec |  | Jan/Dec | \n | 1986 | 1985 | 1986 | 1985\n--\nCHILE | 31 | 12 | 140 | 95\nPERU | 61 | 33 | 251 | 120");
    CHECK(block_texts(doc)[2] == "It expects output to fall in the first quarter.");
    const auto& table = std::get<briefkit::Table>(doc.body[1]);
    CHECK(table.head.size() == 2);
    CHECK(table.columns.front() == briefkit::Alignment::left);
    CHECK(table.columns.back() == briefkit::Alignment::right);
}

TEST_CASE("tables: a units line of its own over a table is its caption") {
    const auto doc = read("Fares\n\nThe operator set its fares.\n\n(in dollars)\nTicket    Adult   Child\nSingle     4.50    2.25\n"
                          "Return     8.00    4.00\n\nThat is all.\n");
    REQUIRE(block_texts(doc).size() == 3);
    CHECK(block_texts(doc)[1] == "[(in dollars)]\nTicket | Adult | Child\n--\nSingle | 4.50 | 2.25\nReturn | 8.00 | 4.00");
}

TEST_CASE("tables: columns that do not line up are kept as typed, not joined into prose") {
    const auto doc = read("Crossings\n\nThe crossings were:\n\n ROUTE    FIRST        LAST\n Pier/Isl  6-1/4   near 7-1/2   late\n"
                          " Isl/Pier  no boat service  8-3/4  late\n");
    REQUIRE(doc.body.size() == 2);
    const auto* pre = std::get_if<briefkit::Preformatted>(&doc.body[1]);
    REQUIRE(pre != nullptr);
    CHECK(pre->text == "ROUTE    FIRST        LAST\nPier/Isl  6-1/4   near 7-1/2   late\nIsl/Pier  no boat service  8-3/4  late");
    CHECK(has_note(doc, "layout-kept"));
}

TEST_CASE("tables: prose with figures, and sentences typed with two spaces, stay paragraphs") {
    const auto doc = read("Council budget\n\nThe council spent 12 mln dlrs vs 10 mln a year ago, it said, and will spend more.\n\n"
                          "It met on Monday.  It agreed the plan.\nThe mayor spoke.  She said 40 people came.\n");
    CHECK(block_texts(doc) == std::vector<std::string>{
                                  "The council spent 12 mln dlrs vs 10 mln a year ago, it said, and will spend more.",
                                  "It met on Monday. It agreed the plan.", "The mayor spoke. She said 40 people came."});
    CHECK_FALSE(has_note(doc, "table-found"));
}

TEST_CASE("tables: a sentence that compares two figures stays a paragraph") {
    // Once read as a row: `The board proposed a dividend of | 1.70 crowns | vs 1.40.`
    const auto doc = read(kWireHead + "    STOCKHOLM, March 9 - The board proposed a dividend of 1.70 crowns vs 1.40.\n"
                                      "    Net excludes closed stores loss 512,300 dlrs vs profit 197,450 dlrs.\n Reuter\n");
    CHECK(block_texts(doc) == std::vector<std::string>{
                                  "The board proposed a dividend of 1.70 crowns vs 1.40.",
                                  "Net excludes closed stores loss 512,300 dlrs vs profit 197,450 dlrs."});
}

TEST_CASE("tables: rows that also compare the year to date get two more columns, and a label keeps its profit") {
    const auto doc = read(kWireHead + "    LONDON, March 9 - Shr 6.2p vs 5.3p, making 16.4p vs 13.8p for nine months.\n"
                                      "    Pre-tax profit 612 mln stg vs 540 mln, making 1.62 billion stg vs 1.44 billion.\n"
                                      "    Turnover 2.40 billion vs 2.11 billion\n Reuter\n");
    REQUIRE(block_texts(doc).size() == 1);
    CHECK(block_texts(doc)[0] ==
          "Shr | 6.2p | vs 5.3p, | making 16.4p | vs 13.8p for nine months.\n"
          "Pre-tax profit | 612 mln stg | vs 540 mln, | making 1.62 billion stg | vs 1.44 billion.\n"
          "Turnover | 2.40 billion | vs 2.11 billion |  | ");
    CHECK(std::get<briefkit::Table>(doc.body[0]).columns.size() == 5);
}

TEST_CASE("tables: columns set with tabs are read like columns set with spaces") {
    const auto doc = read("Fares\n\nThe fares are:\n\nTicket\tAdult\tChild\nSingle\t4.50\t2.25\nReturn\t8.00\t4.00\n");
    REQUIRE(block_texts(doc).size() == 2);
    CHECK(block_texts(doc)[1] == "Ticket | Adult | Child\n--\nSingle | 4.50 | 2.25\nReturn | 8.00 | 4.00");
}
