// Body repair: hard wraps, split words, broken paragraphs, lists, quotes, headings, links, trailer.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using briefkit::test::block_texts;
using briefkit::test::has_note;
using briefkit::test::read;

namespace {

const briefkit::Note* note(const briefkit::Document& doc, std::string_view rule) {
    for (const auto& n : doc.notes) {
        if (n.rule == rule) return &n;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("body: hard-wrapped lines join into paragraphs, blank lines separate them") {
    const auto doc = read(
        "HEADLINE\n\n"
        "The treasury said the two governments have signed an agreement to\n"
        "exchange tax information and to help each other collect taxes.\n\n"
        "The agreement was needed before the new investment incentives could\n"
        "take effect, officials said.\n");
    CHECK(block_texts(doc) ==
          std::vector<std::string>{"The treasury said the two governments have signed an agreement to exchange tax "
                                   "information and to help each other collect taxes.",
                                   "The agreement was needed before the new investment incentives could take effect, "
                                   "officials said."});
    REQUIRE(note(doc, "wrapped-lines-joined"));
    CHECK(note(doc, "wrapped-lines-joined")->message == "hard-wrapped lines joined into paragraphs on lines 4, 7");
}

TEST_CASE("body: a short line ending a sentence inside a wrapped block ends its paragraph") {
    const auto doc = read(
        "HEADLINE\n\n"
        "Officials from the two ministries met for six hours on Tuesday and\n"
        "agreed the text of a joint statement.\n"
        "The statement will be published on Friday after both cabinets\n"
        "have approved it.\n");
    CHECK(block_texts(doc).size() == 2);
}

TEST_CASE("body: a word hyphenated across a line end is rejoined") {
    const auto doc = read(
        "HEADLINE\n\nThe number of new infec-\ntions fell for a third week, the ministry of health said on\nMonday.\n");
    CHECK(block_texts(doc).at(0) == "The number of new infections fell for a third week, the ministry of health said "
                                    "on Monday.");
    REQUIRE(note(doc, "hyphen-rejoined"));
    CHECK(note(doc, "hyphen-rejoined")->line == 4);
}

TEST_CASE("body: a hyphen the article writes elsewhere is kept when a compound is split") {
    const auto doc = read("HEADLINE\n\nA long-term plan and another long-\nterm loan were agreed on the same day by the board.\n");
    CHECK(block_texts(doc).at(0) == "A long-term plan and another long-term loan were agreed on the same day by the board.");
}

TEST_CASE("body: a capitalized word after a line-end hyphen keeps the hyphen") {
    const auto doc = read("HEADLINE\n\nThe talks between the Franco-\nGerman delegations went on until late in the evening.\n");
    CHECK(block_texts(doc).at(0) == "The talks between the Franco-German delegations went on until late in the evening.");
}

TEST_CASE("body: a paragraph broken mid-sentence across a blank line is joined and noted") {
    const auto doc = read(
        "HEADLINE\n\nThe ministers approved the plan for consultations on foreign\n\n"
        "policy and security for the second half of the year.\n\nThe next meeting is in June.\n");
    CHECK(block_texts(doc) ==
          std::vector<std::string>{"The ministers approved the plan for consultations on foreign policy and security "
                                   "for the second half of the year.",
                                   "The next meeting is in June."});
    REQUIRE(note(doc, "paragraph-rejoined"));
    CHECK(note(doc, "paragraph-rejoined")->line == 5);
}

TEST_CASE("body: paragraphs that end a sentence are never joined, even before lower case") {
    const auto doc = read("HEADLINE\n\nThe first paragraph ends here.\n\nand the second starts oddly.\n");
    CHECK(block_texts(doc).size() == 2);
}

TEST_CASE("body: bullet and numbered lists become list blocks") {
    const auto doc = read(
        "HEADLINE\n\nThe plan has three parts:\n\n1. new gauges on every river\n2. a shared data system\n"
        "3. yearly reviews\n\nOther measures:\n- training\n- exchanges\n");
    REQUIRE(doc.body.size() == 4);
    const auto* numbered = std::get_if<briefkit::List>(&doc.body[1]);
    REQUIRE(numbered);
    CHECK(numbered->ordered);
    CHECK(numbered->items.size() == 3);
    const auto* bullets = std::get_if<briefkit::List>(&doc.body[3]);
    REQUIRE(bullets);
    CHECK_FALSE(bullets->ordered);
    CHECK(block_texts(doc).at(3) == "training | exchanges");
    CHECK(has_note(doc, "list-markers-removed"));
}

TEST_CASE("body: a year at the start of a wrapped line is not a list item") {
    const auto doc = read(
        "HEADLINE\n\nThe company said net income rose to 50 mln dlrs in fiscal\n"
        "1987. The year before it had earned 41 mln dlrs on lower sales of\nits main products.\n");
    CHECK(block_texts(doc).size() == 1);
}

TEST_CASE("body: a lone dash line stays a paragraph with its dash") {
    const auto doc = read("HEADLINE\n\nFirst paragraph here.\n\n- a single aside\n\nLast paragraph.\n");
    CHECK(block_texts(doc).at(1) == "- a single aside");
}

TEST_CASE("body: lines quoted with > become a quote block") {
    const auto doc = read("HEADLINE\n\nThe statement said:\n\n> We will meet again\n> in June.\n>\n> Nothing is decided.\n\nEnd.\n");
    REQUIRE(doc.body.size() == 3);
    const auto* quote = std::get_if<briefkit::Quote>(&doc.body[1]);
    REQUIRE(quote);
    CHECK(block_texts(doc).at(1) == "We will meet again in June. | Nothing is decided.");
    CHECK(has_note(doc, "quote-markers-removed"));
}

TEST_CASE("body: a line marked with # becomes a heading") {
    const auto doc = read("HEADLINE\n\nIntro paragraph.\n\n## Background\n\nMore text.\n");
    const auto* heading = std::get_if<briefkit::Heading>(&doc.body.at(1));
    REQUIRE(heading);
    CHECK(heading->level == 2);
    CHECK(block_texts(doc).at(1) == "Background");
}

TEST_CASE("body: addresses in text become links without changing the text") {
    const auto doc = read("HEADLINE\n\nDetails at https://example.org/a_(b), or www.example.org.\n");
    const auto& p = std::get<briefkit::Paragraph>(doc.body.at(0));
    REQUIRE(p.content.size() == 5);
    const auto& link = std::get<briefkit::Link>(p.content[1]);
    CHECK(link.href == "https://example.org/a_(b)");
    const auto& www = std::get<briefkit::Link>(p.content[3]);
    CHECK(www.text == "www.example.org");
    CHECK(www.href == "http://www.example.org");
    CHECK(block_texts(doc).at(0) == "Details at https://example.org/a_(b), or www.example.org.");
}

TEST_CASE("trailer: a URL line in angle brackets or bare becomes the url") {
    CHECK(read("HEADLINE\n\nBody.\n\n<http://example.org/a>\n").meta.url == "http://example.org/a");
    const auto bare = read("HEADLINE\n\nBody.\n\nhttps://example.org/b\n");
    CHECK(bare.meta.url == "https://example.org/b");
    CHECK(block_texts(bare) == std::vector<std::string>{"Body."});
    CHECK(has_note(bare, "url-moved"));
}

TEST_CASE("trailer: an empty Kaynak/Source label is dropped with a note") {
    const auto doc = read("HEADLINE\n\nBody.\n\n<http://example.org/a>\n\nKaynak/Source:\n");
    CHECK(block_texts(doc) == std::vector<std::string>{"Body."});
    CHECK(has_note(doc, "source-label-dropped"));
}

TEST_CASE("trailer: a named source label gives the source when the header has none") {
    const auto doc = read("HEADLINE\n\n2023-01-02\n\nBody text here.\n\nSource: Valley Courier\n");
    CHECK(doc.meta.source.name == "Valley Courier");
    CHECK(block_texts(doc) == std::vector<std::string>{"Body text here."});
}

TEST_CASE("trailer: a source label that contradicts the header is noted, the header kept") {
    const auto doc = read("HEADLINE\n\n2023-01-02\n\nKabar (1 January 2023)\n\nBody text.\n\nKaynak/Source: TASS\n");
    CHECK(doc.meta.source.name == "Kabar");
    CHECK(has_note(doc, "source-conflict"));
}

TEST_CASE("body: no body text is ever dropped") {
    // Every word of the input is somewhere in the model.
    const std::string input =
        "WORDS EVERYWHERE\n\n-\n\n01.02.2023\n\nKabar (31 January 2023)\n\nOsh\n\nalpha beta gamma delta\n\n"
        "epsilon zeta.\n\n- eta\n- theta\n\n> iota kappa\n\nlambda mu-\nnu xi.\n\n<http://example.org/omicron>\n";
    const auto doc = read(input);
    std::string all = doc.meta.title + " " + doc.meta.place + " " + doc.meta.url;
    for (const auto& t : block_texts(doc)) all += " " + t;
    for (const char* w : {"alpha", "delta", "epsilon", "eta", "theta", "iota", "kappa", "lambda", "munu", "xi",
                          "omicron"}) {
        CHECK(all.find(w) != std::string::npos);
    }
}

TEST_CASE("body: the wrap width is measured per block, so a wrapped paragraph beside one-line paragraphs is joined") {
    // Measured over the whole file, the wrap width was that of the one-line paragraph, so every
    // line of the wrapped one that starts with a capital became a paragraph of its own.
    const auto doc = read("Mixed wraps\n\nThe first paragraph was typed on one line and runs on well past any wrap width a desk would use, "
                          "as web copy does, for a long while yet.\n\n"
                          "The second was wrapped at seventy columns by the agency's system in\n"
                          "London, so its lines end short of the first paragraph's length, and\n"
                          "Bishkek got a short last line.\n");
    REQUIRE(block_texts(doc).size() == 2);
    CHECK(block_texts(doc)[1] ==
          "The second was wrapped at seventy columns by the agency's system in London, so its lines end short of the "
          "first paragraph's length, and Bishkek got a short last line.");
}
