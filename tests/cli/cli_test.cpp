// The briefkit command: exit codes, folders, standard input and output, errors, no partial files.
#include <catch2/catch.hpp>

#include <regex>

#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using briefkit::test::read_file;
using briefkit::test::run_briefkit;
using briefkit::test::TempDir;
using briefkit::test::write_file;
using briefkit::WriterEntry;
using briefkit::writers;

namespace {

constexpr const char* kGood = "HEADLINE ONE\n\n-\n\n27.05.2020\n\nKabar (26 May 2020)\n\nBishkek\n\nA body paragraph.\n";

// The files under `root`, without the manifest folder `.briefkit/` (tested in batch_test.cpp).
// `err` without the summary line a batch always ends with.
std::string without_summary(const std::string& err) {
    static const std::regex summary(R"(briefkit: \d+ converted, \d+ skipped, \d+ failed in [0-9.]+ s[^\n]*\n)");
    return std::regex_replace(err, summary, "");
}

/// The output files of an input with output stem `stem`, one per format Briefkit writes, sorted.
std::vector<std::string> every_output(const std::string& stem) {
    std::vector<std::string> out;
    for (const WriterEntry& w : writers()) out.push_back(stem + "." + std::string(w.extension));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> files_under(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const std::string relative = e.path().lexically_relative(root).generic_string();
        if (e.is_regular_file() && relative.rfind(".briefkit/", 0) != 0) out.push_back(relative);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("cli: convert writes every format for a file, exit 0") {
    TempDir dir;
    write_file(dir.path() / "in" / "story.txt", kGood);
    const auto r = run_briefkit({"convert", (dir.path() / "in" / "story.txt").string(), "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(without_summary(r.err).empty());
    CHECK(r.err.find("briefkit: 1 converted, 0 skipped, 0 failed in ") == 0);
    CHECK(files_under(dir.path() / "out") == every_output("story"));
}

TEST_CASE("cli: a folder is searched recursively and its tree mirrored, other extensions ignored") {
    TempDir dir;
    write_file(dir.path() / "in" / "a.txt", kGood);
    write_file(dir.path() / "in" / "sub" / "deeper" / "b.TXT", kGood);
    write_file(dir.path() / "in" / "notes.md", kGood);
    write_file(dir.path() / "in" / ".hidden" / "c.txt", kGood);
    const auto r = run_briefkit({"convert", (dir.path() / "in").string(), "-t", "yaml", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(files_under(dir.path() / "out") == std::vector<std::string>{"a.yaml", "sub/deeper/b.yaml"});
}

TEST_CASE("cli: --glob chooses the files taken from folders") {
    TempDir dir;
    write_file(dir.path() / "in" / "a.txt", kGood);
    write_file(dir.path() / "in" / "b.article", kGood);
    const auto r = run_briefkit(
        {"convert", (dir.path() / "in").string(), "--glob", "*.article", "-t", "xml", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(files_under(dir.path() / "out") == std::vector<std::string>{"b.xml"});
}

TEST_CASE("cli: a binary file and an empty file fail, the good articles convert, exit 1") {
    TempDir dir;
    write_file(dir.path() / "in" / "good1.txt", kGood);
    write_file(dir.path() / "in" / "good2.txt", kGood);
    write_file(dir.path() / "in" / "empty.txt", "");
    write_file(dir.path() / "in" / "image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16));
    const auto r = run_briefkit({"convert", (dir.path() / "in").string(), "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: error: " + (dir.path() / "in" / "empty.txt").string() + ": empty file") !=
          std::string::npos);
    CHECK(r.err.find("briefkit: error: " + (dir.path() / "in" / "image.txt").string() + ":3: binary file") !=
          std::string::npos);
    const std::string errors = without_summary(r.err);
    CHECK(std::count(errors.begin(), errors.end(), '\n') == 2);
    std::vector<std::string> expected = every_output("good1");
    for (const std::string& f : every_output("good2")) expected.push_back(f);
    CHECK(files_under(dir.path() / "out") == expected);
}

TEST_CASE("cli: - reads standard input and -o - writes standard output") {
    const auto r = run_briefkit({"convert", "-", "-t", "yaml", "-o", "-"}, kGood);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("title: \"HEADLINE ONE\"") != std::string::npos);
    const auto xml = run_briefkit({"convert", "-", "-t", "xml", "-o", "-"}, kGood);
    CHECK(xml.out.rfind("<?xml", 0) == 0);
}

TEST_CASE("cli: standard input goes to a file named stdin under the output folder") {
    TempDir dir;
    const auto r = run_briefkit({"convert", "-", "-t", "xml", "-o", (dir.path() / "out").string()}, kGood);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir.path() / "out" / "stdin.xml"));
}

TEST_CASE("cli: -o - with two formats is a usage error, exit 2") {
    const auto r = run_briefkit({"convert", "-", "-o", "-"}, kGood);
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("briefkit: error: ", 0) == 0);
}

TEST_CASE("cli: an unknown format or option is a usage error, exit 2") {
    CHECK(run_briefkit({"convert", "x.txt", "-t", "docx"}).exit_code == 2);
    CHECK(run_briefkit({"convert", "x.txt", "--no-such-option"}).exit_code == 2);
    CHECK(run_briefkit({"convert"}).exit_code == 2);
    CHECK(run_briefkit({}).exit_code == 2);
    CHECK(run_briefkit({"convert", "x.txt", "--date-order", "ymd"}).exit_code == 2);
    CHECK(run_briefkit({"convert", "x.txt", "--max-input-size", "lots"}).exit_code == 2);
}

TEST_CASE("cli: a missing input fails with its name, exit 1") {
    const auto r = run_briefkit({"convert", "/no/such/article.txt", "-o", "-", "-t", "xml"});
    CHECK(r.exit_code == 1);
    CHECK(without_summary(r.err) == "briefkit: error: /no/such/article.txt: no such file or folder\n");
}

TEST_CASE("cli: an input over --max-input-size fails before it is read") {
    TempDir dir;
    write_file(dir.path() / "big.txt", std::string(3000, 'a'));
    const auto r = run_briefkit({"convert", (dir.path() / "big.txt").string(), "--max-input-size", "2K", "-o",
                                 (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("over the 2048-byte limit") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out" / "big.xml"));
}

TEST_CASE("cli: two inputs that would write the same output do not overwrite each other") {
    TempDir dir;
    write_file(dir.path() / "a" / "story.txt", kGood);
    write_file(dir.path() / "b" / "story.txt", kGood);
    const auto r = run_briefkit({"convert", (dir.path() / "a" / "story.txt").string(),
                                 (dir.path() / "b" / "story.txt").string(), "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("would overwrite") != std::string::npos);
}

TEST_CASE("cli: several folders each get a subfolder of their own") {
    TempDir dir;
    write_file(dir.path() / "a" / "story.txt", kGood);
    write_file(dir.path() / "b" / "story.txt", kGood);
    const auto r = run_briefkit({"convert", (dir.path() / "a").string(), (dir.path() / "b").string(), "-t", "xml",
                                 "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(files_under(dir.path() / "out") == std::vector<std::string>{"a/story.xml", "b/story.xml"});
}

TEST_CASE("cli: an output folder that is a file is a usage error before anything is converted") {
    TempDir dir;
    write_file(dir.path() / "story.txt", kGood);
    write_file(dir.path() / "blocker", "a file where the output folder should be");
    const auto r = run_briefkit({"convert", (dir.path() / "story.txt").string(), "-o", (dir.path() / "blocker").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("briefkit: error: -o ") == 0);
    CHECK(r.err.find("it is not a folder") != std::string::npos);
    CHECK(read_file(dir.path() / "blocker") == "a file where the output folder should be");
}

TEST_CASE("cli: rewriting an existing output replaces it whole and leaves no temporary file") {
    TempDir dir;
    write_file(dir.path() / "story.txt", kGood);
    write_file(dir.path() / "out" / "story.xml", "old content");
    const auto r = run_briefkit({"convert", (dir.path() / "story.txt").string(), "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(read_file(dir.path() / "out" / "story.xml").rfind("<?xml", 0) == 0);
    CHECK(files_under(dir.path() / "out") == every_output("story"));
}

TEST_CASE("cli: inspect prints the model and notes as YAML") {
    TempDir dir;
    write_file(dir.path() / "story.txt", "HEADLINE\n\nA paragraph broken in the\n\nmiddle of a sentence.\n");
    const auto r = run_briefkit({"inspect", (dir.path() / "story.txt").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("rule: \"paragraph-rejoined\"") != std::string::npos);
}

TEST_CASE("cli: formats lists the table, --version and --help answer, schema prints the XSD") {
    const auto formats = run_briefkit({"formats"});
    CHECK(formats.exit_code == 0);
    CHECK(formats.out.find("xml") != std::string::npos);
    CHECK(formats.out.find("application/yaml") != std::string::npos);
    CHECK(run_briefkit({"--version"}).out.rfind("briefkit ", 0) == 0);
    const auto help = run_briefkit({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Exit codes") != std::string::npos);
    CHECK(run_briefkit({"schema"}).out.find("urn:briefkit:article:1") != std::string::npos);
}

TEST_CASE("cli: formats lists every reader and writer, and schema json prints the JSON Schema") {
    const auto formats = run_briefkit({"formats"});
    for (const char* name : {"json ", "nitf ", "ninjs ", "newsml ", "newsml1 ", "anpa "}) {
        CHECK(formats.out.find(std::string("  ") + name) != std::string::npos);
    }
    const auto schema = run_briefkit({"schema", "json"});
    CHECK(schema.exit_code == 0);
    CHECK(nlohmann::json::parse(schema.out).at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    CHECK(run_briefkit({"schema"}).out.rfind("<?xml", 0) == 0);
    const auto none = run_briefkit({"schema", "pdf"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("'pdf' has no schema to print (formats with one: xml, json)") != std::string::npos);
}

TEST_CASE("cli: a news message of several text items writes each, named after the file and its item number") {
    TempDir dir;
    const std::string item =
        "<newsItem guid=\"urn:x:ITEM\" standard=\"NewsML-G2\" standardversion=\"2.35\" version=\"1\"><itemMeta>"
        "<itemClass qcode=\"ninat:text\"/><provider literal=\"EXW\"/><versionCreated>2024-05-02T09:00:00Z"
        "</versionCreated></itemMeta><contentMeta><headline>Headline ITEM</headline></contentMeta><contentSet>"
        "<inlineData contenttype=\"text/plain\">Body of ITEM.</inlineData></contentSet></newsItem>";
    std::string message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>";
    for (const char* n : {"one", "two"}) message += std::regex_replace(item, std::regex("ITEM"), n);
    message += "</itemSet></newsMessage>";
    write_file(dir.path() / "wire.xml", message);
    const auto r = run_briefkit({"convert", (dir.path() / "wire.xml").string(), "-t", "yaml,json", "-o",
                                 (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(files_under(dir.path() / "out") ==
          std::vector<std::string>{"wire-item1.json", "wire-item1.yaml", "wire-item2.json", "wire-item2.yaml"});
    CHECK(read_file(dir.path() / "out" / "wire-item2.yaml").find("title: \"Headline two\"") != std::string::npos);
}

TEST_CASE("cli: a.xml's NITF output and a.nitf.xml's XML output are one file: the later input fails, neither is overwritten") {
    TempDir dir;
    write_file(dir.path() / "in" / "a.txt", kGood);
    REQUIRE(run_briefkit({"convert", (dir.path() / "in").string(), "-t", "xml,nitf", "-o", (dir.path() / "mid").string()})
                .exit_code == 0);
    const auto r = run_briefkit({"convert", (dir.path() / "mid").string(), "-t", "xml,nitf", "-o",
                                 (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a.xml: its outputs would overwrite those of") != std::string::npos);
    CHECK(r.err.find("1 converted, 0 skipped, 1 failed") != std::string::npos);
    // Only the formats that cannot meet: both convert.
    CHECK(run_briefkit({"convert", (dir.path() / "mid").string(), "-t", "yaml", "-o", (dir.path() / "yaml").string()})
              .exit_code == 0);
}
