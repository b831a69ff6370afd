// pdf: the briefing's page: the measure and the margin column, the issue date, the handling
// label as FIRST's TLP 2.0 prints it, key points only where a story runs on, notes on an
// appendix page, addresses broken at their punctuation.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "formats/pdf/pdf_writer.hpp"
#include "formats/pdf/style.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/model/text.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
namespace fs = std::filesystem;

namespace {

Document read_sample(const std::string& name) {
    const fs::path path = test::source_dir() / "samples" / name;
    const Input input{path, path.filename().string(), path.stem(), false, {}, {}};
    return read_document(input, {});
}

/// What pdftotext gives of `doc` written as a PDF briefing with `options`, in `args`' mode.
std::string briefing_text(const Document& doc, const WriterOptions& options = {}, const std::vector<std::string>& args = {}) {
    const test::TempDir dir;
    const fs::path pdf = dir.path() / "briefing.pdf";
    test::write_file(pdf, write_to_string(*formats::make_pdf_writer(options), doc));
    std::vector<std::string> command{"pdftotext", "-enc", "UTF-8"};
    command.insert(command.end(), args.begin(), args.end());
    command.insert(command.end(), {pdf.string(), "-"});
    return test::run_command(command).out;
}

/// The body's first three words, as the text column prints them.
std::string first_words(const Document& doc) {
    std::istringstream words(body_text(doc));
    std::string a, b, c;
    words >> a >> b >> c;
    return a + " " + b + " " + c;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

/// A story long enough to run past its first page: `n` paragraphs about a harbour.
Document long_story(int n) {
    Document doc;
    doc.id = "bk-longstory";
    doc.meta.title = "Harbour works go on";
    doc.meta.language = "en";
    const char* const kSentences[] = {
        "The harbour board said the dredging of the eastern channel would go on through the winter months.",
        "Container ships waited outside the harbour for the tide while the dredgers worked in the channel.",
        "Fishing crews asked the harbour board to pause the dredging during the herring season this year.",
        "The regional government will pay half the cost of the dredging, the harbour board said on Monday."};
    for (int i = 0; i < n; ++i) {
        std::string text;
        for (int k = 0; k < 4; ++k) text += std::string(kSentences[(i + k) % 4]) + (k < 3 ? " " : "");
        Paragraph paragraph;
        paragraph.content.emplace_back(Text{text});
        doc.body.emplace_back(std::move(paragraph));
    }
    return doc;
}

}  // namespace

TEST_CASE("briefing page: the metadata stands in the margin column, read before the title, the document id once") {
    const Document doc = read_sample("kyrgyz-water-council.txt");
    const std::string text = briefing_text(doc);
    const std::size_t source = text.find("Source\n");
    const std::size_t title = text.find(first_words(doc));
    REQUIRE(source != std::string::npos);
    REQUIRE(title != std::string::npos);
    CHECK(source < title);
    CHECK(source < text.find("Regional Water Council"));  // the title too is in the text column
    CHECK(text.find("Length\n") < title);  // label over value, entry by entry, before the text
    CHECK(count_of(text, doc.id) == 1);    // in the footer only
    // The margin column lies left of the measure: cropping to it gives the metadata and no body.
    const std::string margin = briefing_text(doc, {}, {"-x", "0", "-y", "0", "-W", "160", "-H", "842"});
    CHECK(margin.find("Published") != std::string::npos);
    CHECK(margin.find(first_words(doc)) == std::string::npos);
}

TEST_CASE("briefing page: a measure that leaves no margin column sets the metadata as a grid, and a measure wider than the page is refused") {
    const test::TempDir dir;
    std::string yaml = test::read_file(test::source_dir() / "styles" / "briefing.yaml");
    yaml = std::regex_replace(yaml, std::regex("measure_mm: 122"), "measure_mm: 170");
    const fs::path wide = dir.path() / "wide.yaml";
    test::write_file(wide, yaml);
    const Document doc = read_sample("kyrgyz-water-council.txt");
    const std::string text = briefing_text(doc, WriterOptions{wide.string(), 0, {}, {}});
    REQUIRE(text.find(first_words(doc)) != std::string::npos);
    CHECK(text.find("Source") < text.find(first_words(doc)));  // the grid, above the body
    CHECK(text.find("Source") > text.find("Regional Water Council"));  // under the (title-cased) title
    const fs::path too_wide = dir.path() / "too-wide.yaml";
    test::write_file(too_wide, std::regex_replace(yaml, std::regex("measure_mm: 170"), "measure_mm: 190"));
    CHECK_THROWS_WITH(formats::pdf::load_style(too_wide.string()), Catch::Contains("page.measure_mm") && Catch::Contains("wider than the page"));
}

TEST_CASE("briefing page: the band prints the issue date, not the article's") {
    const Document doc = read_sample("kyrgyz-water-council.txt");
    const std::string text = briefing_text(doc, WriterOptions{"", 1600000000, {}, {}});  // 13 September 2020
    CHECK(text.find("13 September 2020") != std::string::npos);
    CHECK(text.find("Briefing, ") == std::string::npos);
    const std::string undated = briefing_text(doc, WriterOptions{"", 0, {}, {}});
    CHECK(undated.find("13 September 2020") == std::string::npos);
}

TEST_CASE("briefing page: a TLP label is 12 pt, right-aligned, on black at the top and foot of every page") {
    const Document doc = read_sample("kyrgyz-water-council.txt");
    const std::string boxes = briefing_text(doc, {}, {"-bbox"});
    static const std::regex label(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">TLP:CLEAR</word>)re");
    int found = 0;
    for (std::sregex_iterator it(boxes.begin(), boxes.end(), label), end; it != end; ++it) {
        ++found;
        const double x_max = std::stod((*it)[3]);
        const double height = std::stod((*it)[4]) - std::stod((*it)[2]);
        CHECK(x_max == Approx(595.276 - 18 * 72 / 25.4).margin(1.5));  // against the right margin
        CHECK(height >= 12);
    }
    CHECK(found == 2);
}

TEST_CASE("briefing page: an article's own TLP label is printed where it is more restrictive than the style's") {
    Document doc = read_sample("kyrgyz-water-council.txt");
    doc.meta.handling = "TLP:AMBER";
    const std::string amber = briefing_text(doc);
    CHECK(count_of(amber, "TLP:AMBER") == 2);
    CHECK(count_of(amber, "TLP:CLEAR") == 0);
    // A style's label more restrictive than the article's stays.
    doc.meta.handling = "TLP:GREEN";
    const test::TempDir dir;
    const std::string yaml = test::read_file(test::source_dir() / "styles" / "briefing.yaml");
    const fs::path style = dir.path() / "red.yaml";
    test::write_file(style, std::regex_replace(yaml, std::regex("handling_label: \"TLP:CLEAR\""), "handling_label: \"TLP:RED\""));
    const std::string text = briefing_text(doc, WriterOptions{style.string(), 0, {}, {}});
    CHECK(count_of(text, "TLP:RED") == 2);
    CHECK(count_of(text, "TLP:GREEN") == 0);
}

TEST_CASE("briefing page: key points only for a story that runs past its first page, never its lead") {
    const Document short_one = read_sample("kyrgyz-water-council.txt");
    CHECK(briefing_text(short_one).find("Key points") == std::string::npos);
    const Document long_one = long_story(40);
    const std::string text = briefing_text(long_one);
    const std::size_t box = text.find("Key points");
    REQUIRE(box != std::string::npos);
    const std::string lead = "The harbour board said the dredging of the eastern channel";
    CHECK(text.find(lead) > box);
    CHECK(text.find(lead, box) == text.find(lead));  // the lead is printed once, below the box, not in it
}

TEST_CASE("briefing page: the reader's notes go on an appendix page when the style asks, and nowhere by default") {
    Document doc = long_story(2);
    doc.notes.push_back(Note{3, "paragraph-rejoined", "paragraph broken mid-sentence between lines 2 and 3 rejoined"});
    CHECK(briefing_text(doc).find("Reader notes") == std::string::npos);
    const test::TempDir dir;
    std::string yaml = test::read_file(test::source_dir() / "styles" / "briefing.yaml");
    yaml = std::regex_replace(yaml, std::regex("notes_appendix: false"), "notes_appendix: true");
    const fs::path style = dir.path() / "notes.yaml";
    test::write_file(style, yaml);
    const std::string text = briefing_text(doc, WriterOptions{style.string(), 0, {}, {}});
    const std::size_t notes = text.find("Reader notes");
    REQUIRE(notes != std::string::npos);
    CHECK(text.find('\f') < notes);  // after a page break: on a page of its own
    CHECK(text.find("paragraph-rejoined", notes) != std::string::npos);
}

TEST_CASE("briefing page: the briefing carries the article's XML and JSON, its language, XMP metadata and its byline as author") {
    Document doc = long_story(2);
    doc.meta.authors = {"Ines Okafor", "Tom Seidel"};
    doc.meta.source.name = "Northbridge Courier";
    WriterOptions options;
    options.renderings = data_renderings();
    const test::TempDir dir;
    const fs::path pdf = dir.path() / "briefing.pdf";
    const std::string bytes = write_to_string(*formats::make_pdf_writer(options), doc);
    test::write_file(pdf, bytes);
    const std::string listed = test::run_command({"pdfdetach", "-list", pdf.string()}).out;
    CHECK(listed.find("2 embedded files") != std::string::npos);
    CHECK(listed.find("bk-longstory.json") != std::string::npos);
    CHECK(listed.find("bk-longstory.xml") != std::string::npos);
    const fs::path saved = dir.path() / "data.xml";
    REQUIRE(test::run_command({"pdfdetach", "-save", "2", pdf.string(), "-o", saved.string()}).exit_code == 0);
    CHECK(test::read_file(saved).find("Ines Okafor") != std::string::npos);
    CHECK(bytes.starts_with("%PDF-1.7"));
    CHECK(bytes.find("/Lang (en)") != std::string::npos);
    CHECK(bytes.find("/DisplayDocTitle true") != std::string::npos);
    const std::string info = test::run_command({"pdfinfo", pdf.string()}).out;
    CHECK(info.find("Ines Okafor, Tom Seidel") != std::string::npos);
    const std::string xmp = test::run_command({"pdfinfo", "-meta", pdf.string()}).out;
    CHECK(xmp.find("<dc:creator><rdf:Seq><rdf:li>Ines Okafor</rdf:li><rdf:li>Tom Seidel</rdf:li></rdf:Seq></dc:creator>") != std::string::npos);
    CHECK(xmp.find("<rdf:li>Northbridge Courier</rdf:li>") != std::string::npos);
    CHECK(xmp.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Harbour works go on</rdf:li>") != std::string::npos);
    // A writer made alone (no pipeline to write the data) attaches nothing.
    const fs::path bare = dir.path() / "bare.pdf";
    test::write_file(bare, write_to_string(*formats::make_pdf_writer({}), doc));
    CHECK(test::run_command({"pdfdetach", "-list", bare.string()}).out.find("0 embedded files") != std::string::npos);
}

TEST_CASE("briefing page: a tagged PDF: headline, paragraphs, list, table rows in reading order, furniture as artifacts") {
    Document doc = long_story(2);
    List list;
    list.items = {Inlines{Text{"First item of the list."}}, Inlines{Text{"Second item of the list."}}};
    doc.body.emplace_back(std::move(list));
    Table table;
    table.columns = {Alignment::left, Alignment::right};
    table.head = {{Inlines{Text{"Cargo"}}, Inlines{Text{"Tonnes"}}}};
    table.rows = {{Inlines{Text{"Containers"}}, Inlines{Text{"412"}}}, {Inlines{Text{"Grain"}}, Inlines{Text{"96"}}}};
    doc.body.emplace_back(std::move(table));
    const test::TempDir dir;
    const fs::path pdf = dir.path() / "tagged.pdf";
    test::write_file(pdf, write_to_string(*formats::make_pdf_writer({}), doc));
    CHECK(test::run_command({"pdfinfo", pdf.string()}).out.find("Tagged:          yes") != std::string::npos);
    const std::string tree = test::run_command({"pdfinfo", "-struct-text", pdf.string()}).out;
    INFO(tree);
    const std::size_t h1 = tree.find("H1");
    const std::size_t paragraph = tree.find("The harbour board said");
    const std::size_t item = tree.find("First item of the list.");
    const std::size_t row = tree.find("\"Containers\"");
    REQUIRE(h1 != std::string::npos);
    CHECK(h1 < paragraph);
    CHECK(paragraph < item);
    CHECK(item < row);
    CHECK(tree.find("  L (block)") != std::string::npos);
    CHECK(tree.find("Lbl") != std::string::npos);
    CHECK(tree.find("LBody") != std::string::npos);
    CHECK(tree.find("TR") != std::string::npos);
    REQUIRE(row != std::string::npos);
    // A row of cells, each its own: TH in the header row, TD below.
    CHECK(tree.find("    TR\n      TH:\n         /Scope /Column\n        \"Cargo\"\n      TH:\n         /Scope /Column\n        \"Tonnes\"\n") !=
          std::string::npos);  // each TH heads its column
    CHECK(tree.find("    TR\n      TD\n        \"Containers\"\n      TD\n        \"412\"\n") != std::string::npos);
    CHECK(tree.find("Page 1 of") == std::string::npos);  // the footer is an artifact
    CHECK(tree.find("TLP:CLEAR") == std::string::npos);
    CHECK(tree.find("Open-source briefing desk") == std::string::npos);
    CHECK(test::run_command({"qpdf", "--check", pdf.string()}).exit_code == 0);
}
