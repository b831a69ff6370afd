// The hostile-input suite, round two: what a hostile newcomer found broken (issue 13), one case
// per finding, named after what broke. Crashes, inputs that ran past every limit, promises of
// README and SECURITY.md that did not hold, and errors that misled. Each runs the real
// executable, bounded as the rest of the suite is (two minutes, 1 GiB, hostile-report.tsv).
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/hostile_support.hpp"

namespace fs = std::filesystem;
using namespace briefkit::test;  // NOLINT(google-build-using-namespace): the suite's shared vocabulary

namespace {

/// Every line of the manifest in `out` parsed; fails the test on a line that is not JSON.
std::vector<nlohmann::json> manifest_lines(const fs::path& out) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(read_file(out / ".briefkit/manifest.ndjson"));
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

/// The output of `bad` converted alone to YAML with `extra` options, or "" when it failed.
std::string yaml_of(Batch& b, const std::string& bad, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"-t", "yaml"};
    args.insert(args.end(), extra.begin(), extra.end());
    b.expect_converted(b.convert(bad, args), bad);
    const fs::path yaml = b.dir.path() / "out" / (fs::path(bad).stem().string() + ".yaml");
    return fs::exists(yaml) ? read_file(yaml) : std::string();
}

}  // namespace

// ---- Crashes -----------------------------------------------------------------------------

TEST_CASE("hostile 13.1: stream with a folder, a closed or a write-only standard input is a usage error, not a segfault") {
    const TempDir dir;
    fs::create_directory(dir.path() / "folder");
    const Bounded folder = run_bounded({"stream", "-t", "yaml"}, dir.path(), RunLimits{RLIM_INFINITY, dir.path() / "folder"});
    CHECK(folder.exit_code == 2);
    CHECK(folder.err.find("standard input is a folder") != std::string::npos);
    const RunResult closed = run_command({"sh", "-c", "exec \"$0\" stream -t yaml <&-", BRIEFKIT_EXE});
    CHECK(closed.exit_code == 2);
    CHECK(closed.err.find("standard input cannot be read") != std::string::npos);
    const fs::path sink = dir.path() / "sink";
    const RunResult write_only = run_command({"sh", "-c", "exec \"$0\" stream -t yaml 0>\"$1\"", BRIEFKIT_EXE, sink.string()});
    CHECK(write_only.exit_code == 2);
    CHECK(write_only.err.find("standard input is open only for writing") != std::string::npos);
}

TEST_CASE("hostile 13.2: running out of memory fails that input as a limit, and the batch goes on") {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    WARN("skipped: a sanitizer reserves more address space than the limit this case sets");
#else
    Batch b;
    b.file("bad.txt", "HEADLINE\n\n" + repeat("word ", 12'000'000) + "\n");
    write_file(b.dir.path() / "good.txt", kGood);
    RunLimits limits;
    limits.address_space = std::size_t{300} << 20;
    const Bounded r = run_bounded({"convert", "bad.txt", "good.txt", "-o", "out", "-q", "-j", "1", "-t", "xml,yaml",
                                   "--max-input-size", "100M", "--max-line-length", "100M"},
                                  b.dir.path(), limits);
    b.expect_failed(r, "bad.txt", "limit", "ran out of memory");
    CHECK(r.err.find(" converted, 0 skipped, 1 failed") != std::string::npos);
#endif
}

// ---- Runaway time and memory ---------------------------------------------------------------

TEST_CASE("hostile 13.3: a 70,000-character URL converts to every format in bounded time and memory") {
    Batch b;
    b.file("bad.txt", kGood + "The filing is at https://example.com/" + std::string(70000, 'a') + " and nowhere else.\n");
    const Bounded r = b.convert("bad.txt");
    b.expect_converted(r, "bad.txt");  // run_bounded checks the 1 GiB; the time goes to hostile-report.tsv
}

TEST_CASE("hostile 13.3: a link target over 32,767 bytes in YAML is refused as a limit") {
    Batch b;
    b.file("bad.yaml", kYamlHead + "body:\n  - paragraph: [{link: here, href: \"https://example.com/" +
                           std::string(70000, 'a') + "\"}]\n");
    b.expect_failed(b.convert("bad.yaml"), "bad.yaml", "limit", "over the 32767 bytes an address may hold");
}

TEST_CASE("hostile 13.4: YAML aliases that expand past --max-input-size are refused at once, in convert and digest") {
    Batch b;
    b.file("bad.yaml", "schema: briefkit/article/1\ntitle: &t " + std::string(200000, 'T') + "\nbody:\n" +
                           repeat("  - paragraph: *t\n", 10000));
    const Bounded r = b.convert("bad.yaml");
    b.expect_failed(r, "bad.yaml", "limit", "once its aliases are expanded, over the limit (--max-input-size)");
    const Bounded digest = run_bounded({"digest", "bad.yaml", "good.txt", "-o", "digest.pdf"}, b.dir.path());
    CHECK(digest.exit_code == 1);
    CHECK(digest.err.find("briefkit: error: bad.yaml:") != std::string::npos);
    CHECK(digest.err.find("once its aliases are expanded") != std::string::npos);
    CHECK(fs::file_size(b.dir.path() / "digest.pdf") < 200000);
}

TEST_CASE("hostile 13.5: an XML element with 100,000 attributes is refused at once") {
    Batch b;
    std::string attributes;
    for (int i = 0; i < 100000; ++i) attributes += " a" + std::to_string(i) + "=\"x\"";
    b.file("bad.xml", kXmlHead + "<article xmlns=\"urn:briefkit:article:1\"" + attributes +
                          "><meta><title>T</title></meta><body/></article>\n");
    const Bounded r = b.convert("bad.xml", {"--timeout", "5"});
    b.expect_failed(r, "bad.xml", "input", "bad.xml:2: an element has 100001 attributes");
}

TEST_CASE("hostile 13.6: merge-manifests refuses a device and a manifest whose last record is cut short") {
    const TempDir dir;
    const Bounded zero = run_bounded({"merge-manifests", "/dev/zero", "-o", "merged.ndjson"}, dir.path());
    CHECK(zero.exit_code == 1);
    CHECK(zero.err.find("/dev/zero: the manifest must be a regular file") != std::string::npos);
    write_file(dir.path() / "cut.ndjson", "garbage without a newline");
    const Bounded cut = run_bounded({"merge-manifests", "cut.ndjson", "-o", "merged.ndjson"}, dir.path());
    CHECK(cut.exit_code == 1);
    CHECK(cut.err.find("cut.ndjson:1: the last record is cut short") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "merged.ndjson"));
}

// ---- Broken promises -----------------------------------------------------------------------

TEST_CASE("hostile 13.7: a manifest planted as a symbolic link, or a .briefkit folder that is one, is not written through") {
    Batch b;
    fs::create_directories(b.dir.path() / "out/.briefkit");
    fs::create_directories(b.dir.path() / "elsewhere");
    write_file(b.dir.path() / "victim", "keep me\n");
    fs::create_symlink(b.dir.path() / "victim", b.dir.path() / "out/.briefkit/manifest.ndjson");
    const Bounded file_link = run_bounded({"convert", "good.txt", "-o", "out", "-q"}, b.dir.path());
    CHECK(file_link.exit_code == 1);
    CHECK(file_link.err.find("does not write through a symbolic link") != std::string::npos);
    CHECK(read_file(b.dir.path() / "victim") == "keep me\n");
    fs::create_directories(b.dir.path() / "out2");
    fs::create_directory_symlink(b.dir.path() / "elsewhere", b.dir.path() / "out2/.briefkit");
    const Bounded folder_link = run_bounded({"convert", "good.txt", "-o", "out2", "-q"}, b.dir.path());
    CHECK(folder_link.exit_code == 1);
    CHECK(folder_link.err.find("is a symbolic link inside the output folder") != std::string::npos);
    CHECK(fs::is_empty(b.dir.path() / "elsewhere"));
}

TEST_CASE("hostile 13.8: an input whose last output cannot be written leaves none of its outputs behind") {
    Batch b;
    write_file(b.dir.path() / "good.txt", kGood);
    // The XML and YAML fit under 8 KB; the PDF does not.
    const Bounded r = run_bounded({"convert", "good.txt", "-o", "out", "-q"}, b.dir.path(), RunLimits{8000});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("File too large") != std::string::npos);
    CHECK(files_under(b.dir.path() / "out").empty());
    CHECK(record_of(b.dir.path() / "out", "good.txt")["outputs"].empty());
}

TEST_CASE("hostile 13.9: YAML values the schema refuses (a note rule, a language tag, an empty list) fail as input") {
    struct Refused {
        std::string rest;     // the YAML after the title
        std::string message;  // what the error says
    };
    const std::vector<Refused> cases{
        {"body: []\nnotes: [{line: 1, rule: \"not an ncname!\", message: m}]\n", "bad.yaml:4: 'notes.rule' must be a rule name"},
        {"language: \"not a lang\"\nbody: []\n", "not a language tag"},
        {"body: [{list: {items: []}}]\n", "'list.items' needs at least one item"},
        {"body: [{quote: []}]\n", "'quote' needs at least one paragraph"},
    };
    for (const Refused& c : cases) {
        Batch b;
        b.file("bad.yaml", kYamlHead + c.rest);
        b.expect_failed(b.convert("bad.yaml"), "bad.yaml", "input", c.message);
    }
}

TEST_CASE("hostile 13.9: every XML written from YAML a reader accepted is valid against the shipped XSD") {
    Batch b;
    b.file("ok.yaml", kYamlHead + "language: zh-Hant-TW\nbody: [{list: {items: [one]}}, {quote: [two]}]\n" +
                          "notes: [{line: 1, rule: hand_edited.v2, message: m}]\n");
    b.expect_converted(b.convert("ok.yaml", {"-t", "xml"}), "ok.yaml");
    CHECK(xsd_errors(read_file(b.dir.path() / "out/ok.xml")).empty());
}

TEST_CASE("hostile 13.10: an output that would replace its own input fails, and the input is kept") {
    Batch b;
    const std::string hand = kYamlHead + "# edited by hand\nbody:\n  - paragraph: >\n      folded\n      text\n";
    b.file("hand.yaml", hand);
    const Bounded r = run_bounded({"convert", "hand.yaml", "-t", "yaml", "-o", ".", "-q"}, b.dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("hand.yaml: its yaml output ./hand.yaml would replace the input itself") != std::string::npos);
    CHECK(read_file(b.dir.path() / "hand.yaml") == hand);
    const Bounded digest = run_bounded({"digest", "hand.yaml", "good.txt", "-o", "hand.yaml"}, b.dir.path());
    CHECK(digest.exit_code == 2);
    CHECK(digest.err.find("-o hand.yaml is an input of the digest") != std::string::npos);
    CHECK(read_file(b.dir.path() / "hand.yaml") == hand);
}

TEST_CASE("hostile 13.11: links in input folders: inside read, outside refused unless --follow-links, the rest recorded") {
    Batch b;
    b.file("in/a.txt", kGood);
    b.file("secret.txt", kGood);
    fs::create_symlink("a.txt", b.dir.path() / "in/inside.txt");
    fs::create_symlink(b.dir.path() / "secret.txt", b.dir.path() / "in/shadow.txt");
    fs::create_symlink("/dev/zero", b.dir.path() / "in/zero.txt");
    fs::create_symlink("nowhere", b.dir.path() / "in/dangling.txt");
    REQUIRE(::mkfifo((b.dir.path() / "in/fifo.txt").c_str(), 0644) == 0);
    const Bounded r = run_bounded({"convert", "in", "-o", "out", "-q", "-t", "xml"}, b.dir.path());
    CHECK(r.exit_code == 1);
    CHECK(files_under(b.dir.path() / "out") == std::vector<std::string>{"a.xml", "inside.xml"});
    const fs::path out = b.dir.path() / "out";
    CHECK(record_of(out, "in/shadow.txt")["error"]["message"].get<std::string>().find("--follow-links") !=
          std::string::npos);
    CHECK(record_of(out, "in/zero.txt")["error"]["message"].get<std::string>().find("a FIFO, device or socket") !=
          std::string::npos);
    CHECK(record_of(out, "in/dangling.txt")["error"]["message"].get<std::string>().find("dangling") != std::string::npos);
    CHECK(record_of(out, "in/fifo.txt")["error"]["code"] == "input");
    const Bounded follow = run_bounded({"convert", "in", "-o", "out2", "-q", "-t", "xml", "--follow-links"}, b.dir.path());
    CHECK(follow.exit_code == 1);
    CHECK(files_under(b.dir.path() / "out2") == std::vector<std::string>{"a.xml", "inside.xml", "shadow.xml"});
}

// ---- Errors that mislead ---------------------------------------------------------------------

TEST_CASE("hostile 13.12: XML nested deeper than libxml2's 256 levels is a limit naming --max-depth") {
    Batch b;
    b.file("bad.xml", kXmlHead + "<article xmlns=\"urn:briefkit:article:1\">" + repeat("<p>", 300) + repeat("</p>", 300) +
                          "</article>\n");
    b.expect_failed(b.convert("bad.xml"), "bad.xml", "limit", "--max-depth");
    Batch raised;
    raised.file("bad.xml", kXmlHead + "<article xmlns=\"urn:briefkit:article:1\">" + repeat("<p>", 300) +
                               repeat("</p>", 300) + "</article>\n");
    const Bounded r = raised.convert("bad.xml", {"--max-depth", "1000"});
    raised.expect_failed(r, "bad.xml", "limit", "nested over 256 levels deep, the most the XML parser reads");
    CHECK(r.err.find("XML_PARSE_HUGE") == std::string::npos);
}

TEST_CASE("hostile 13.13: a 1.9 MB href is a limit of the input, naming it") {
    Batch b;
    b.file("bad.xml", kXmlHead + "<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\"><meta><title>T</title></meta><body><p><a href=\"" +
                          std::string(1900000, 'h') + "\">x</a></p></body></article>\n");
    b.expect_failed(b.convert("bad.xml", {"--max-input-size", "4M"}), "bad.xml", "limit", "an address may hold");
}

TEST_CASE("hostile 13.14: XML in an encoding libxml2 cannot decode gets one error line, nothing printed by libxml2") {
    Batch b;
    b.file("bad.xml", "<?xml version=\"1.0\" encoding=\"EBCDIC-US\"?>\n<article xmlns=\"urn:briefkit:article:1\"/>\n");
    const Bounded r = b.convert("bad.xml");
    b.expect_failed(r, "bad.xml", "input", "bad.xml: not readable as article XML");
    CHECK(r.err.find("encoding error") == std::string::npos);
    CHECK(r.err.find("I/O error") == std::string::npos);
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) CHECK(line.rfind("briefkit: ", 0) == 0);
}

TEST_CASE("hostile 13.15: a file of spaces, tabs, CRLF and ideographic spaces fails as whitespace-only") {
    Batch b;
    b.file("bad.txt", " \t\r\n\xE3\x80\x80\r\n  \xE3\x80\x80 \t\n");
    b.expect_failed(b.convert("bad.txt"), "bad.txt", "input", "only whitespace");
}

TEST_CASE("hostile 13.16: UTF-16 without a byte-order mark holding CJK text is recognized, either byte order") {
    const std::u16string text = u"北京报道\n\n中国政府周二宣布了新的经济刺激计划，旨在提振消费。\n\n分析人士表示，这一举措将在明年产生效果。\n";
    for (const bool little : {true, false}) {
        Batch b;
        std::string bytes;
        for (const char16_t unit : text) {
            const auto low = static_cast<char>(unit & 0xFF);
            const auto high = static_cast<char>(unit >> 8);
            bytes += little ? std::string{low, high} : std::string{high, low};
        }
        b.file("bad.txt", bytes);
        const std::string yaml = yaml_of(b, "bad.txt");
        CHECK(yaml.find("title: \"北京报道\"") != std::string::npos);
        CHECK(yaml.find(little ? "decoded as utf-16le" : "decoded as utf-16be") != std::string::npos);
    }
}

TEST_CASE("hostile 13.16: ASCII text with one stray NUL is still refused as binary, not read as UTF-16") {
    Batch b;
    b.file("bad.txt", kGood + std::string("a line with a NUL\0here\n", 23));
    b.expect_failed(b.convert("bad.txt"), "bad.txt", "input", "NUL byte");
}

TEST_CASE("hostile 13.17: a file mixing UTF-8, cp1252 and cp1251 lines keeps its UTF-8 and decodes each other line") {
    Batch b;
    b.file("bad.txt", "Caf\xC3\xA9 prices rise in Z\xC3\xBCrich\n\n"
                      "The caf\xE9 owners in Z\xFCrich said prices would rise again.\n\n"
                      "\xD6\xE5\xED\xFB \xED\xE0 \xEA\xEE\xF4\xE5 \xE2 \xD6\xFE\xF0\xE8\xF5\xE5 \xF1\xED\xEE\xE2\xE0 "
                      "\xE2\xFB\xF0\xEE\xF1\xEB\xE8.\n");
    const std::string yaml = yaml_of(b, "bad.txt");
    CHECK(yaml.find("title: \"Café prices rise in Zürich\"") != std::string::npos);
    CHECK(yaml.find("The café owners in Zürich said") != std::string::npos);
    CHECK(yaml.find("Цены на кофе в Цюрихе снова выросли.") != std::string::npos);
    CHECK(yaml.find("rule: \"line-decoded-as-windows-1251\"") != std::string::npos);
}

TEST_CASE("hostile 13.18: a manifest write that fails leaves whole records, no marker, and a summary line") {
    // ulimit -f makes the manifest's write fail part-way, as a full disk does.
    const TempDir dir;
    for (int i = 0; i < 200; ++i) write_file(dir.path() / "in" / ("story-" + std::to_string(1000 + i) + ".txt"), kGood);
    const Bounded r = run_bounded({"convert", "in", "-o", "out", "-q", "-t", "yaml"}, dir.path(), RunLimits{16384});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot write the manifest: File too large") != std::string::npos);
    CHECK(r.err.find(" skipped, 0 failed in ") != std::string::npos);
    const std::string manifest = read_file(dir.path() / "out/.briefkit/manifest.ndjson");
    REQUIRE_FALSE(manifest.empty());
    CHECK(manifest.back() == '\n');
    CHECK_NOTHROW(manifest_lines(dir.path() / "out"));
    CHECK_FALSE(fs::exists(dir.path() / "out/.briefkit/manifest.ndjson.running"));
    const Bounded rerun = run_bounded({"convert", "in", "-o", "out", "-q", "-t", "yaml"}, dir.path());
    CHECK(rerun.exit_code == 0);
    CHECK(manifest_lines(dir.path() / "out").size() == 200);
}

TEST_CASE("hostile 13.19: a second run writing the same manifest at once is refused, naming why") {
    Batch b;
    write_file(b.dir.path() / "good.txt", kGood);
    fs::create_directories(b.dir.path() / "out/.briefkit");
    // This test holds the lock a running batch would hold.
    const int lock = ::open((b.dir.path() / "out/.briefkit/manifest.ndjson.lock").c_str(), O_RDWR | O_CREAT, 0644);
    REQUIRE(lock >= 0);
    REQUIRE(::flock(lock, LOCK_EX) == 0);
    const Bounded r = run_bounded({"convert", "good.txt", "-o", "out", "-q"}, b.dir.path());
    ::close(lock);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("another briefkit run is writing this manifest") != std::string::npos);
    CHECK(files_under(b.dir.path() / "out").empty());
    const Bounded after = run_bounded({"convert", "good.txt", "-o", "out", "-q"}, b.dir.path());
    CHECK(after.exit_code == 0);
}

TEST_CASE("hostile 13.20: -o that is a file, /dev/null or empty, or an input folder, is a usage error before any work") {
    Batch b;
    write_file(b.dir.path() / "good.txt", kGood);
    b.file("in/a.txt", kGood);
    b.file("plain", "not a folder");
    for (const std::string out : {"plain", "/dev/null", ""}) {
        const Bounded r = run_bounded({"convert", "good.txt", "-o", out, "-q"}, b.dir.path());
        INFO("-o '" << out << "'");
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("briefkit: error: -o ") == 0);
    }
    const Bounded same = run_bounded({"convert", "in", "-o", "in", "-q"}, b.dir.path());
    CHECK(same.exit_code == 2);
    CHECK(same.err.find("is the input folder in: a rerun would read its outputs as inputs") != std::string::npos);
    CHECK(files_under(b.dir.path() / "in") == std::vector<std::string>{"a.txt"});
}

TEST_CASE("hostile 13.20: digest -o - writes the PDF to standard output") {
    Batch b;
    write_file(b.dir.path() / "good.txt", kGood);
    const RunResult r = run_command({"sh", "-c", "cd \"$1\" && exec \"$0\" digest good.txt -o -", BRIEFKIT_EXE,
                                     b.dir.path().string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("%PDF-", 0) == 0);
    CHECK_FALSE(fs::exists(b.dir.path() / "-"));
}

TEST_CASE("hostile 13.20: a file named twice is a usage error, and a file named like an option gets a hint") {
    Batch b;
    write_file(b.dir.path() / "good.txt", kGood);
    const Bounded twice = run_bounded({"convert", "good.txt", "./good.txt", "-o", "out", "-q"}, b.dir.path());
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("./good.txt is named twice (good.txt and ./good.txt)") != std::string::npos);
    b.file("-x.txt", kGood);
    const Bounded dash = run_bounded({"convert", "-x.txt"}, b.dir.path());
    CHECK(dash.exit_code == 2);
    CHECK(dash.err.find("write ./-x.txt or put -- before it") != std::string::npos);
}

TEST_CASE("hostile 13.20: a file name with a line break stays on one quoted error line, and a huge YAML key is cut") {
    Batch b;
    b.file("two\nlines.txt", "");
    const Bounded r = b.convert("two\nlines.txt");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: error: \"two\\nlines.txt\": empty file") != std::string::npos);
    Batch key;
    key.file("bad.yaml", kYamlHead + "? " + std::string(1 << 20, 'k') + "\n: value\nbody: []\n");
    const Bounded k = key.convert("bad.yaml");
    key.expect_failed(k, "bad.yaml", "input", "'" + std::string(40, 'k') + "... (1048576 bytes)' is not a key here");
    CHECK(k.err.size() < 4096);
}

TEST_CASE("hostile 13.20: stream reports every failed record on standard error too") {
    const TempDir dir;
    write_file(dir.path() / "records.ndjson", "{\"id\": 1, \"text\": \"\"}\nnot json\n");
    const Bounded r = run_bounded({"stream", "-t", "yaml"}, dir.path(), RunLimits{RLIM_INFINITY, dir.path() / "records.ndjson"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: error: 1: empty file") != std::string::npos);
    CHECK(r.err.find("briefkit: error: stdin:2: record is not JSON") != std::string::npos);
}
