// pdf: typographic rendering: each language's quotation marks, apostrophes, dashes and
// ellipses as the briefing prints them, addresses left as written, and a style switch.
#include <catch2/catch.hpp>

#include <regex>

#include "formats/pdf/pdf_writer.hpp"
#include "formats/pdf/typography.hpp"
#include "support/test_support.hpp"

using briefkit::formats::pdf::Typographer;

namespace {

std::string set(std::string_view language, std::string_view text) { return Typographer(language).set(text); }

}  // namespace

TEST_CASE("typography: English quotes, apostrophes, dashes and ellipses") {
    CHECK(set("en", "\"I'm fairly confident,\" he said.") == "\u201CI\u2019m fairly confident,\u201D he said.");
    CHECK(set("en", "the students' union in the '90s") == "the students\u2019 union in the \u201990s");
    CHECK(set("en", "He said 'no' twice") == "He said \u2018no\u2019 twice");
    CHECK(set("en", "approved - the first half") == "approved\u00A0\u2014 the first half");  // no line opens with the dash
    CHECK(set("en", "a pause--then rain") == "a pause\u2014then rain");
    CHECK(set("en", "in thousands of tonnes -") == "in thousands of tonnes\u00A0\u2014");  // never alone on a line
    CHECK(set("en-GB", "approved -- the first half") == "approved\u00A0\u2013 the first half");
    CHECK(set("en", "and so on...") == "and so on\u2026");
    CHECK(set("en", "(\"quoted\")") == "(\u201Cquoted\u201D)");
    CHECK(set("", "\"x\"") == "\u201Cx\u201D");  // no language: English's marks
}

TEST_CASE("typography: German, French and Russian marks") {
    CHECK(set("de", "Er sagte \"Guten Tag\" - und ging.") == "Er sagte \u201EGuten Tag\u201C\u00A0\u2013 und ging.");
    CHECK(set("fr", "Il a dit \"bonjour\" hier.") == "Il a dit \u00AB\u202Fbonjour\u202F\u00BB hier.");
    CHECK(set("fr", "Il a dit \" bonjour \" hier.") == "Il a dit \u00AB\u202Fbonjour\u202F\u00BB hier.");  // one space inside, narrow
    CHECK(set("ru", "рынок \"Зелёный базар\" - открыт") == "рынок \u00ABЗелёный базар\u00BB\u00A0\u2014 открыт");
    CHECK(set("de-CH", "\"Grüezi\"") == "\u00ABGrüezi\u00BB");
}

TEST_CASE("typography: addresses, numbers and hyphens in words are left as typed") {
    CHECK(set("en", "see https://example.org/a--b/'x' now") == "see https://example.org/a--b/'x' now");
    CHECK(set("en", "www.example.org/x--y") == "www.example.org/x--y");
    CHECK(set("en", "well-known, -5 degrees, 3-5 pct") == "well-known, -5 degrees, 3-5 pct");
    CHECK(set("en", "- a list marker") == "- a list marker");
    CHECK(set("en", "four dots....") == "four dots....");
}

TEST_CASE("typography: a quote's side is read across the runs of one paragraph") {
    Typographer runs("en");
    CHECK(runs.set("He wrote \"") == "He wrote \u201C");
    CHECK(runs.set("Harbour") == "Harbour");  // a link's text
    CHECK(runs.set("\" yesterday.") == "\u201D yesterday.");
}

TEST_CASE("typography: the style switch prints quotes as typed") {
    briefkit::Document doc;
    doc.id = "bk-quotes";
    doc.meta.title = "Quotes";
    doc.meta.language = "en";
    doc.body.push_back(briefkit::Paragraph{{briefkit::Text{"He said \"soon\" - and left."}}});
    const briefkit::test::TempDir dir;
    std::string yaml = briefkit::test::read_file(briefkit::test::source_dir() / "styles" / "briefing.yaml");
    const auto text_with = [&](const std::string& style_yaml) {
        const auto style = dir.path() / "style.yaml";
        briefkit::test::write_file(style, style_yaml);
        const auto pdf = dir.path() / "quotes.pdf";
        briefkit::test::write_file(pdf, briefkit::write_to_string(*briefkit::formats::make_pdf_writer({style.string(), 0, {}, {}}), doc));
        return briefkit::test::run_command({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"}).out;
    };
    CHECK(text_with(yaml).find("\u201Csoon\u201D \u2014 and left.") != std::string::npos);
    CHECK(text_with(std::regex_replace(yaml, std::regex("typographic: true"), "typographic: false")).find("\"soon\" - and left.") != std::string::npos);
}
