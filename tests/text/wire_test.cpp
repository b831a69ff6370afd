// Wire copy: timestamp line, headline, byline, glued dateline, indented paragraphs, sign-off.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

namespace {

constexpr const char* kWire =
    "9-MAR-1987 04:58:41.12\n"
    "BANK OF ENGLAND OFFERS MONEY MARKET HELP\n"
    "    By Jane Roe and John Doe, Reuters\n"
    "    LONDON, March 9 - The Bank of England said it had offered\n"
    "assistance to the money market this morning.\n"
    "    The bank said it had forecast a shortage of around 300 mln\n"
    "stg for the day.\n"
    " Reuter\n";

}  // namespace

TEST_CASE("wire: timestamp, headline and byline give date, title and authors") {
    const auto doc = read(kWire);
    CHECK(doc.meta.date->iso() == "1987-03-09T04:58:41");
    CHECK(doc.meta.date->text == "9-MAR-1987 04:58:41.12");
    CHECK(doc.meta.title == "BANK OF ENGLAND OFFERS MONEY MARKET HELP");
    CHECK(doc.meta.authors == std::vector<std::string>{"Jane Roe", "John Doe"});
}

TEST_CASE("wire: the dateline glued to the first paragraph gives the place and leaves the paragraph") {
    const auto doc = read(kWire);
    CHECK(doc.meta.place == "LONDON");
    CHECK(block_texts(doc).at(0) == "The Bank of England said it had offered assistance to the money market this morning.");
    CHECK(has_note(doc, "dateline-moved"));
}

TEST_CASE("wire: indented lines start paragraphs and the sign-off gives the agency") {
    const auto doc = read(kWire);
    CHECK(block_texts(doc).size() == 2);
    CHECK(doc.meta.source.name == "Reuters");
    CHECK(has_note(doc, "sign-off-removed"));
}

TEST_CASE("wire: datelines with a region, an upper-case month or no comma") {
    auto place = [](const std::string& dateline) {
        return read("2-MAR-1987 08:22:40.30\nHEADLINE\n    " + dateline + " - Text of the story.\n    More.\n").meta.place;
    };
    CHECK(place("FULLERTON, Calif., March 2") == "FULLERTON, Calif.");
    CHECK(place("WASHINGTON, MARCH 25") == "WASHINGTON");
    CHECK(place("COLUMBIA, Md. March 3") == "COLUMBIA, Md.");
    CHECK(place("MAITLAND, Fla., Jne 19") == "MAITLAND, Fla.");
    CHECK(place("COEUR D'ALENE, Idaho, March 2") == "COEUR D'ALENE, Idaho");
}

TEST_CASE("wire: a dateline naming the agency gives it") {
    const auto doc = read("HEADLINE\n\nMOSCOW, May 27 (Interfax) - The talks ended.\n");
    CHECK(doc.meta.place == "MOSCOW");
    CHECK(doc.meta.source.name == "Interfax");
    CHECK(block_texts(doc).at(0) == "The talks ended.");
}

TEST_CASE("wire: a capitalized phrase before a dash outside wire copy is not a dateline") {
    const auto doc = read("HEADLINE\n\nStandard Oil - the company said - will invest more.\n");
    CHECK(doc.meta.place.empty());
    CHECK(block_texts(doc).at(0) == "Standard Oil - the company said - will invest more.");
}

TEST_CASE("wire: transmission codes after the timestamp are removed and noted") {
    const auto doc = read("27-MAR-1987 00:25:46.86&#5;&#5;&#5;RM\nJAPAN ORDERS RISE\n    TOKYO, March 27 - Orders rose.\n Reuter\n");
    CHECK(doc.meta.title == "JAPAN ORDERS RISE");
    CHECK(doc.meta.date->iso() == "1987-03-27T00:25:46");
    CHECK(has_note(doc, "wire-codes-removed"));
}

TEST_CASE("wire: a line indented less than the paragraph indent continues the paragraph") {
    const auto doc = read(
        "1-APR-1987 10:12:24.00\nHEADLINE\n    WASHINGTON, April 1 - Rates were set as follows:\n"
        "    MATURITY   NEW RATE\n   30-69 days  5.00 pct\n  89-123 days  5.00 pct\n Reuter\n");
    CHECK(block_texts(doc).size() == 2);
}

TEST_CASE("wire: a blank line inside an indented paragraph is removed and noted") {
    const auto doc = read("13-MAR-1987 05:18:46.79\nHEADLINE\n    STOCKHOLM, March 13 - The group\n\nsaid it would wait.\n"
                          "    Second paragraph.\n");
    CHECK(block_texts(doc).at(0) == "The group said it would wait.");
    CHECK(has_note(doc, "paragraph-rejoined"));
}

TEST_CASE("wire: a story without a sign-off is still Reuters by its layout, with a note") {
    const auto doc = read("2-MAR-1987 08:22:40.30\nHEADLINE\n    PARIS, March 2 - Text.\n    More text.\n");
    CHECK(doc.meta.source.name == "Reuters");
    CHECK(has_note(doc, "source-inferred"));
}

namespace {

/// A wire story whose first paragraph starts with `dateline`.
std::string wire_with(const std::string& dateline, const std::string& end = " Reuter\n") {
    return "3-MAR-1987 10:00:00.00\nACME CORP SETS PLAN\n    " + dateline +
           " The company said it would expand\nits plant, a spokesman said.\n    It gave no figures.\n" + end;
}

}  // namespace

TEST_CASE("wire: datelines in every form wire copy uses give the place and leave the paragraph") {
    const std::vector<std::pair<std::string, std::string>> forms{
        {"omaha, april 7 -", "omaha"},
        {"LONDON, Oct 20-", "LONDON"},
        {"DALLAS/FORT WORTH, Texas, March 3 -", "DALLAS/FORT WORTH, Texas"},
        {"TAUPO, New Zealand, March 23, Reuter -", "TAUPO, New Zealand"},
        {"FRESNO, Calif., March 3 -", "FRESNO, Calif."},
        {"FRESNO, Calif. March 3 -", "FRESNO, Calif."},
        {"FRESNO, Calif.March 3 -", "FRESNO, Calif."},
        {"NEW YORK, March 3 (Reuters) -", "NEW YORK"},
        {"WASHINGTON, March 3 --", "WASHINGTON"},
    };
    for (const auto& [dateline, place] : forms) {
        INFO(dateline);
        const auto doc = read(wire_with(dateline));
        CHECK(doc.meta.place == place);
        CHECK(doc.meta.source.name == "Reuters");
        REQUIRE_FALSE(block_texts(doc).empty());
        CHECK(block_texts(doc)[0] == "The company said it would expand its plant, a spokesman said.");
        CHECK(has_note(doc, "dateline-moved"));
    }
}

TEST_CASE("wire: every sign-off variant and a lone cut mark leave the body, with notes") {
    for (const char* end : {" Reuter\n", " REUTER\n", " Reuter...\n", " REUTERS\n", " --\n Reuter\n", " -\n"}) {
        INFO(end);
        const auto doc = read(wire_with("LONDON, March 3 -", end));
        CHECK(block_texts(doc).back() == "It gave no figures.");
    }
    CHECK(has_note(read(wire_with("LONDON, March 3 -", " --\n Reuter\n")), "cut-mark-removed"));
}

TEST_CASE("wire: a dateline's date is checked against the article's, a day apart allowed") {
    CHECK_FALSE(has_note(read(wire_with("LONDON, March 3 -")), "dateline-date-differs"));
    CHECK_FALSE(has_note(read(wire_with("LONDON, March 2 -")), "dateline-date-differs"));
    const auto doc = read(wire_with("LONDON, March 9 -"));
    CHECK(doc.meta.place == "LONDON");
    CHECK(has_note(doc, "dateline-date-differs"));
}
