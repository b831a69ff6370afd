// The command line end to end with XML and YAML inputs, and the progress line.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using namespace briefkit;
namespace fs = std::filesystem;
using briefkit::test::run_briefkit;
using briefkit::test::run_command;
using briefkit::test::TempDir;

TEST_CASE("cli: hostile and broken XML inputs fail alone, and the rest of the batch converts") {
    const test::TempDir dir;
    const fs::path in = dir.path() / "in";
    test::write_file(in / "good.yaml", test::kHandWrittenYaml);
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

TEST_CASE("cli: -f and content sniffing read XML and YAML from standard input, and digest takes any mix") {
    const test::TempDir dir;
    const auto yaml = run_briefkit({"convert", "-", "-t", "xml", "-o", "-"}, test::kHandWrittenYaml);
    REQUIRE(yaml.exit_code == 0);
    CHECK(yaml.out.find("<title>Water council agrees on summer quotas</title>") != std::string::npos);
    const auto xml = run_briefkit({"convert", "-", "-f", "xml", "-t", "yaml", "-o", "-"}, yaml.out);
    REQUIRE(xml.exit_code == 0);
    CHECK(xml.out.find("title: \"Water council agrees on summer quotas\"") != std::string::npos);
    const auto wrong = run_briefkit({"convert", "-", "-f", "yaml", "-t", "xml", "-o", "-"}, yaml.out);
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("briefkit: error: -:") == 0);

    test::write_file(dir.path() / "mix" / "a.yaml", test::kHandWrittenYaml);
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

TEST_CASE("progress: no progress line when standard error is not a terminal, and a summary line") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 5);
    const auto r = run_briefkit({"convert", in.string(), "-t", "yaml", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find('\r') == std::string::npos);
    CHECK(r.err.find("ETA") == std::string::npos);
    CHECK(r.err.rfind("briefkit: 5 converted, 0 skipped, 0 failed in ", 0) == 0);
}
