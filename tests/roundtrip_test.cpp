// The XML and YAML readers: lossless round trips, hand-edited files, safe parsing, clear errors.
#include <catch2/catch.hpp>

#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
namespace fs = std::filesystem;
using briefkit::test::run_briefkit;

namespace {

/// What went wrong in text -> model -> XML -> model -> YAML -> model for `doc`; empty when nothing.
std::string round_trip_problem(const Document& doc, std::string_view name) {
    const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
    const Document from_xml = formats::read_xml(xml, name, {});
    if (!(from_xml == doc)) return "the model read back from XML differs";
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), from_xml);
    const Document from_yaml = formats::read_yaml(yaml, name, {});
    if (!(from_yaml == doc)) return "the model read back from YAML differs";
    if (write_to_string(*formats::make_xml_writer(), from_yaml) != xml) return "the second XML differs from the first";
    if (write_to_string(*formats::make_yaml_writer(), from_yaml) != yaml) return "the second YAML differs from the first";
    return {};
}

/// The first difference between two models, for the failure message.
std::string first_difference(const Document& a, const Document& b) {
    if (a.id != b.id) return "id: " + a.id + " / " + b.id;
    if (!(a.meta == b.meta)) return "metadata: title '" + a.meta.title + "' / '" + b.meta.title + "'";
    if (a.body.size() != b.body.size()) return "body length";
    for (std::size_t i = 0; i < a.body.size(); ++i) {
        if (!(a.body[i] == b.body[i])) return "body block " + std::to_string(i);
    }
    if (!(a.notes == b.notes)) return "notes";
    return "none";
}

std::vector<fs::path> text_files_under(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void check_round_trips(const std::vector<fs::path>& files) {
    std::size_t exact = 0;
    for (const fs::path& path : files) {
        const Document doc = read_document(Input{path, path.string(), path.stem(), false, {}, {}}, {});
        const std::string problem = round_trip_problem(doc, path.string());
        if (problem.empty()) {
            ++exact;
            continue;
        }
        const Document back =
            formats::read_xml(write_to_string(*formats::make_xml_writer(), doc), path.string(), {});
        FAIL_CHECK(path.string() << ": " << problem << " (first difference: " << first_difference(doc, back) << ")");
    }
    CHECK(exact == files.size());
}

Document read_yaml_text(const std::string& yaml) { return formats::read_yaml(yaml, "edited.yaml", {}); }

/// The error the reader throws for `text`, as printed: `FILE:LINE: message`.
template <typename Read>
std::string error_of(Read read, const std::string& text) {
    try {
        (void)read(text, "bad", ReadOptions{});
    } catch (const InputError& e) {
        return describe(e);
    }
    return "(no error)";
}

const std::string kHandWritten = R"(schema: briefkit/article/1
title: Water council agrees on summer quotas
date: 2020-05-27
place: Bishkek
body:
  - paragraph: >
      The council met on Tuesday and agreed
      on the quotas for the summer.
  - paragraph: Farmers' groups welcomed the decision.
)";

}  // namespace

TEST_CASE("round trip: every fixture and sample comes back the same through XML and YAML") {
    std::vector<fs::path> files = text_files_under(test::source_dir() / "tests" / "fixtures");
    const std::vector<fs::path> samples = text_files_under(test::source_dir() / "samples");
    files.insert(files.end(), samples.begin(), samples.end());
    REQUIRE(files.size() >= 7);
    check_round_trips(files);
}

TEST_CASE("round trip: every corpus article comes back the same through XML and YAML", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("corpus absent: skipped");
        return;
    }
    const std::vector<fs::path> files = text_files_under(*corpus);
    REQUIRE(files.size() > 1000);
    check_round_trips(files);
}

TEST_CASE("round trip: every hostile string comes back exactly from YAML, and from XML") {
    for (const std::string& nasty : test::kHostileStrings) {
        INFO("string: " << nasty);
        const Document doc = test::every_kind(nasty);
        const std::string yaml = write_to_string(*formats::make_yaml_writer(), doc);
        CHECK(formats::read_yaml(yaml, "h.yaml", {}) == doc);
        if (nasty.empty()) continue;  // XML writes an empty run of text as nothing at all
        const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
        CHECK(formats::read_xml(xml, "h.xml", {}) == doc);
    }
}

TEST_CASE("yaml reader: a hand-written file reads as its writer means it") {
    const Document doc = read_yaml_text(kHandWritten);
    CHECK(doc.meta.title == "Water council agrees on summer quotas");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2020-05-27");
    CHECK(doc.meta.date->text == "2020-05-27");
    CHECK(doc.meta.place == "Bishkek");
    REQUIRE(doc.body.size() == 2);
    CHECK(test::block_texts(doc)[0] == "The council met on Tuesday and agreed on the quotas for the summer.");
    CHECK(test::block_texts(doc)[1] == "Farmers' groups welcomed the decision.");
    CHECK(doc.id.starts_with("bk-"));
    CHECK(doc.notes.empty());  // no id was stated, so none was replaced
}

TEST_CASE("yaml reader: an edited file gets the id of its new content, and a note says so") {
    Document doc = read_yaml_text(kHandWritten);
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), doc);
    std::string edited = yaml;
    edited.replace(edited.find("Water council"), 13, "Irrigation board");
    const Document changed = read_yaml_text(edited);
    CHECK(changed.id != doc.id);
    REQUIRE(changed.notes.size() == 1);
    CHECK(changed.notes[0].rule == "id-updated");
    CHECK(changed.notes[0].message.find(doc.id) != std::string::npos);
}

TEST_CASE("yaml reader: errors name the file, the line and the key") {
    const auto read = &formats::read_yaml;
    CHECK(error_of(read, "schema: briefkit/article/1\ntitel: x\nbody: []\n") ==
          "bad:2: 'titel' is not a key here; the keys are schema, id, title, date, date_text, date_ambiguous, source, "
          "place, url, authors, language, body, notes");
    CHECK(error_of(read, "schema: briefkit/article/2\ntitle: x\nbody: []\n") ==
          "bad:1: 'schema' is 'briefkit/article/2'; this reader reads 'briefkit/article/1'");
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: x\n") ==
          "bad:1: 'body' missing (write body: [] for an article without one)");
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: x\ndate: 2020-02-30\nbody: []\n") ==
          "bad:3: 'date' is '2020-02-30', not a real day written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS)");
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: [a, b]\nbody: []\n") == "bad:2: 'title' must be a string");
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: x\nbody:\n  - heading:\n      level: 9\n      content: x\n") ==
          "bad:5: 'heading.level' must be a whole number from 1 to 6");
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: x\ntitle: y\nbody: []\n") == "bad:3: 'title' appears twice");
    CHECK(error_of(read, "schema: [unclosed\n").rfind("bad:", 0) == 0);
    CHECK(error_of(read, "schema: briefkit/article/1\ntitle: x\nbody: []\n---\nschema: x\n") ==
          "bad:5: holds 2 YAML documents; an article file holds one");
}

TEST_CASE("xml reader: a DOCTYPE is refused before any entity is declared or fetched") {
    const auto read = &formats::read_xml;
    const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<article xmlns="urn:briefkit:article:1" id="bk-00000000000000000000"><meta><title>&secret;</title></meta><body/></article>
)";
    CHECK(error_of(read, xxe) ==
          "bad:2: not readable as article XML: a document type declaration (<!DOCTYPE>) is not allowed in article XML: "
          "it could load external files or declare entities");
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        bomb += "\">\n";
    }
    bomb += "]>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\"><meta><title>&lol9;</title>"
            "</meta><body/></article>\n";
    CHECK(error_of(read, bomb).find("document type declaration") != std::string::npos);
    const std::string remote = "<?xml version=\"1.0\"?>\n<!DOCTYPE article SYSTEM \"http://example.invalid/a.dtd\">\n"
                               "<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\"/>\n";
    CHECK(error_of(read, remote).find("bad:2: not readable as article XML: a document type declaration") == 0);
}

TEST_CASE("xml reader: a document that breaks the schema is refused with the line and what was expected") {
    const auto read = &formats::read_xml;
    const std::string xml = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">\n"
                            "  <meta>\n    <titel>x</titel>\n  </meta>\n  <body/>\n</article>\n";
    const std::string error = error_of(read, xml);
    CHECK(error.rfind("bad:4: not valid against the article schema (urn:briefkit:article:1): ", 0) == 0);
    CHECK(error.find("titel") != std::string::npos);
    CHECK(error.find("Expected is ( {urn:briefkit:article:1}title )") != std::string::npos);
    CHECK(error_of(read, "<?xml version=\"1.0\"?>\n<article>\n<unclosed>\n</article>\n").rfind("bad:4: not readable", 0) ==
          0);
    CHECK(error_of(read, "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">"
                         "<meta><title>x</title><date text=\"t\">2020-01-01Z</date></meta><body/></article>") ==
          "bad:2: date '2020-01-01Z' is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (no time zone or fraction)");
}

TEST_CASE("registry: readers are chosen by -f, then by extension, then by content") {
    const std::string yaml = "schema: \"briefkit/article/1\"\ntitle: x\nbody: []\n";
    const std::string xml = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\"/>";
    CHECK(choose_reader("a.yml", "", "").name == "yaml");
    CHECK(choose_reader("a.XML", "", "").name == "xml");
    CHECK(choose_reader("a.txt", yaml, "").name == "text");
    CHECK(choose_reader("", yaml, "").name == "yaml");
    CHECK(choose_reader("notes", xml, "").name == "xml");
    CHECK(choose_reader("", "HEADLINE\n\nBody text.\n", "").name == "text");
    CHECK(choose_reader("a.txt", "", "yaml").name == "yaml");
}

TEST_CASE("cli: hostile and broken XML inputs fail alone; the rest of the batch converts") {
    const test::TempDir dir;
    const fs::path in = dir.path() / "in";
    test::write_file(in / "good.yaml", kHandWritten);
    test::write_file(in / "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY s SYSTEM \"file:///etc/passwd\">]>\n"
                                     "<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">"
                                     "<meta><title>&s;</title></meta><body/></article>\n");
    test::write_file(in / "bomb.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\">"
                                      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
                                      "<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">"
                                      "<meta><title>&c;</title></meta><body/></article>\n");
    test::write_file(in / "schema.xml", "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\">\n"
                                        "<meta><title>x</title></meta><body/></article>\n");
    const auto r = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bomb.xml:2: not readable as article XML: a document type declaration") != std::string::npos);
    CHECK(r.err.find("xxe.xml:2: not readable as article XML: a document type declaration") != std::string::npos);
    CHECK(r.err.find("schema.xml:2: not valid against the article schema") != std::string::npos);
    CHECK(r.err.find("The attribute 'id' is required but missing") != std::string::npos);
    CHECK(r.err.find("1 converted, 0 skipped, 3 failed") != std::string::npos);
    CHECK(fs::exists(dir.path() / "out" / "good.xml"));
    CHECK(fs::exists(dir.path() / "out" / "good.yaml"));
    for (const char* stem : {"xxe", "bomb", "schema"}) {
        CHECK(!fs::exists(dir.path() / "out" / (std::string(stem) + ".xml")));
        CHECK(!fs::exists(dir.path() / "out" / (std::string(stem) + ".yaml")));
    }
}

TEST_CASE("cli: a YAML file with its title and date edited by hand prints a briefing with the new ones") {
    if (!test::have_tool("pdftotext")) {
        WARN("pdftotext missing (Debian poppler-utils): skipped");
        return;
    }
    const test::TempDir dir;
    const fs::path story = test::source_dir() / "samples" / "kyrgyz-water-council.txt";
    auto r = run_briefkit({"convert", story.string(), "-t", "yaml", "-o", (dir.path() / "first").string()});
    REQUIRE(r.exit_code == 0);
    std::string yaml = test::read_file(dir.path() / "first" / "kyrgyz-water-council.yaml");
    const std::size_t title = yaml.find("\ntitle: ");
    yaml.replace(title + 1, yaml.find('\n', title + 1) - title - 1, "title: Quotas Settled After Long Night");
    const std::size_t date = yaml.find("\ndate: ");
    REQUIRE(date != std::string::npos);
    yaml.replace(date + 1, yaml.find('\n', date + 1) - date - 1, "date: 2021-03-04");
    test::write_file(dir.path() / "fixed.yaml", yaml);
    r = run_briefkit({"convert", (dir.path() / "fixed.yaml").string(), "-t", "pdf", "-o", (dir.path() / "pdf").string()});
    REQUIRE(r.exit_code == 0);
    const auto text = test::run_command({"pdftotext", "-enc", "UTF-8", (dir.path() / "pdf" / "fixed.pdf").string(), "-"});
    CHECK(text.out.find("Quotas Settled After Long Night") != std::string::npos);
    CHECK(text.out.find("4 March 2021") != std::string::npos);
}

TEST_CASE("cli: -f and content sniffing read XML and YAML from standard input; digest takes any mix") {
    const test::TempDir dir;
    const auto yaml = run_briefkit({"convert", "-", "-t", "xml", "-o", "-"}, kHandWritten);
    REQUIRE(yaml.exit_code == 0);
    CHECK(yaml.out.find("<title>Water council agrees on summer quotas</title>") != std::string::npos);
    const auto xml = run_briefkit({"convert", "-", "-f", "xml", "-t", "yaml", "-o", "-"}, yaml.out);
    REQUIRE(xml.exit_code == 0);
    CHECK(xml.out.find("title: \"Water council agrees on summer quotas\"") != std::string::npos);
    const auto wrong = run_briefkit({"convert", "-", "-f", "yaml", "-t", "xml", "-o", "-"}, yaml.out);
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("briefkit: error: -:") == 0);

    test::write_file(dir.path() / "mix" / "a.yaml", kHandWritten);
    test::write_file(dir.path() / "mix" / "b.xml", yaml.out);
    fs::copy_file(test::source_dir() / "samples" / "library-hours.txt", dir.path() / "mix" / "c.txt");
    const auto digest = run_briefkit({"digest", (dir.path() / "mix").string(), "-o", (dir.path() / "d.pdf").string()});
    CHECK(digest.exit_code == 0);
    if (test::have_tool("pdftotext")) {
        const auto text = test::run_command({"pdftotext", "-enc", "UTF-8", (dir.path() / "d.pdf").string(), "-"});
        CHECK(text.out.find("3 articles") != std::string::npos);
        CHECK(text.out.find("Water council agrees on summer quotas") != std::string::npos);
    }
}

TEST_CASE("cli: an output folder inside the input folder is not read back as input on a rerun") {
    const test::TempDir dir;
    fs::copy_file(test::source_dir() / "samples" / "library-hours.txt", dir.path() / "library-hours.txt");
    const std::string out = (dir.path() / "out").string();
    auto r = run_briefkit({"convert", dir.path().string(), "-t", "xml,yaml", "-o", out});
    CHECK(r.exit_code == 0);
    r = run_briefkit({"convert", dir.path().string(), "-t", "xml,yaml", "-o", out + "/"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("0 converted, 1 skipped, 0 failed") != std::string::npos);
    CHECK(!fs::exists(dir.path() / "out" / "out"));
}
