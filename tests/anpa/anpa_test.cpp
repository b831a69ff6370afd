// ANPA-1312: a transmission written here in AP's framing reads into its headline, byline,
// dateline, paragraphs, table and date; what is not a transmission is refused.
#include <catch2/catch.hpp>

#include <algorithm>

#include "formats/anpa/anpa_reader.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_anpa;

namespace {

/// A transmission in AP's framing: envelope, keyword line, headline, notes, byline, body with a
/// dateline and typewriter codes, a table, and the time trailer after ETX.
const std::string kTransmission =
    "\x16\x16\x01" "a0042\x1F" "world\n"
    "r f\x13\x11 BC-EU--Ferry-Strike 2ndLd-Writethru   03-14 0321\n"
    "\x02^BC-EU--Ferry Strike, 2nd Ld-Writethru,321<\n"
    "^Ferry crews strike as talks fail<\n"
    "^Eds: Updates with union statement.<\n"
    "^By JONAS PIHL and KAI NORD=\n"
    "^Associated Press=\n"
    "\t   COPENHAGEN, Denmark (AP) _ Ferry crews walked out on Thursday, the union said, and\n"
    "services stopped at noon.\n"
    "\t   ``We had no choice,'' the union's leader said.\n"
    "^Crossings cancelled=\n"
    "\x08Route\x1F\x1E" "Daily\x1E\x1E" "Cut\n"
    "\x08Helsingor\x1F\x1E" "64\x1E\x1E" "40{\n"
    "\t   ___\n"
    "\x03" "AP-WF-03-14-24 1142GMT<\n\x0C\x04";

}  // namespace

TEST_CASE("anpa: a transmission reads into its headline, byline, dateline, paragraphs, table and date") {
    const Document doc = read_anpa(kTransmission, "strike.tst", {});
    CHECK(doc.meta.title == "Ferry crews strike as talks fail");
    CHECK(doc.meta.authors == std::vector<std::string>{"JONAS PIHL", "KAI NORD"});
    CHECK(doc.meta.place == "COPENHAGEN");
    CHECK(doc.meta.source.name == "AP");
    CHECK(doc.meta.date->iso() == "2024-03-14T11:42:00+00:00");
    CHECK(doc.meta.language == "en");
    CHECK(test::block_texts(doc) ==
          std::vector<std::string>{"Ferry crews walked out on Thursday, the union said, and services stopped at noon.",
                                   "\u201CWe had no choice,\u201D the union's leader said.", "Crossings cancelled",
                                   "Route | Daily | Cut\n--\nHelsingor | 64 | 40\u00BD"});
    for (const char* rule : {"keyword-line-read", "editors-note-read", "byline-title-read", "dateline-moved",
                             "typewriter-restored", "separator-dropped", "format-lacks"}) {
        INFO(rule);
        CHECK(test::has_note(doc, rule));
    }
    CHECK(doc.notes.front().line == 3);
}

TEST_CASE("anpa: what does not start with SOH, or has no text, is refused") {
    CHECK(test::error_of(&read_anpa, "Plain text, not a transmission.") ==
          "bad:1: not an ANPA-1312 transmission: it does not start with SOH (after any SYN characters)");
    CHECK(test::error_of(&read_anpa, std::string("\x16\x16\x01" "a0042\n", 9)) ==
          "bad: holds no text: the ANPA-1312 transmission has no STX, where its text would start");
    CHECK(formats::looks_like_anpa(kTransmission));
    CHECK_FALSE(formats::looks_like_anpa("\x16\x16 plain"));
}

TEST_CASE("anpa: tab-stop codes and framing inside the text are never read as characters of the text") {
    // A second transmission's header inside the first one's text (seen by the fuzzer): its SYN,
    // SOH and US characters are no text that article XML could carry.
    const Document doc = read_anpa(std::string("\x16\x16\x01" "a1\x1F" "x\nr f\x13\x11 BC-A   03-14 0321\n\x02"
                                               "^Head<\n\t   Rome;12;rn\x16\x16\x01V4644\x1F-----\n\t   Text\x1E here.\n"),
                                   "a.tst", {});
    for (const std::string& text : test::block_texts(doc)) {
        INFO(text);
        CHECK(std::none_of(text.begin(), text.end(), [](char c) { return c != '\n' && static_cast<unsigned char>(c) < 0x20; }));
    }
    CHECK(test::block_texts(doc).back() == "Text  here.");  // the tab stop is a space
}

TEST_CASE("anpa: tabular rows that hold no cell make no table (a table of no columns, found by the fuzzer)") {
    const Document doc = read_anpa("\x01\x02^Head<\n\x08\n\x08   \n\t   Text.\n", "a.tst", {});
    CHECK(test::block_texts(doc) == std::vector<std::string>{"Text."});
}

TEST_CASE("anpa: a line holding '< ^' that is not set apart keeps its first character (a cut UTF-8 sequence, found by the fuzzer)") {
    // Only a set-apart line (`^*9006< ^AP-Top-...<`) holds two codes: here the split took the
    // first byte of 'Þ' for a '^', and left half a character in the text.
    const Document doc = read_anpa("\x01\x02^Head<\n\xC3\x9E< ^x\n", "a.tst", {});
    CHECK(test::block_texts(doc) == std::vector<std::string>{"\xC3\x9E< ^x"});
    const Document two = read_anpa("\x01\x02^*9006< ^Head<\n\tText.\n", "a.tst", {});
    CHECK(two.meta.title == "Head");
}

TEST_CASE("anpa: a transmission that is not UTF-8 is read as ISO-8859-1, with a note") {
    const Document doc = read_anpa("\x01\x02^Caf\xE9<\n\tNa\xEFve \xA9 text.\n", "a.tst", {});
    CHECK(doc.meta.title == "Caf\xC3\xA9");
    CHECK(test::block_texts(doc) == std::vector<std::string>{"Na\xC3\xAFve \xC2\xA9 text."});
    CHECK(std::any_of(doc.notes.begin(), doc.notes.end(), [](const Note& n) { return n.rule == "encoding-guessed"; }));
}
