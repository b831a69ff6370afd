// `briefkit digest` as a user runs it: versions of one story folded, the same brief whatever
// the order of the inputs, --since, the sources file's credits and its mistakes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace briefkit;

namespace {

const char* const kFerryBody =
    "The harbour board of Port Alder said on Monday that the night ferry to the islands would stop running from the "
    "first of May, after a winter in which fewer than forty passengers a night made the crossing.\n\n"
    "The board's chairman, Ines Varga, said the service had lost money for six years and that the two ships would be "
    "leased to an operator in the south for the summer season.\n";

/// An article as a wire desk saves it: headline, date, agency and its date, place, paragraphs.
std::string article(const std::string& title, const std::string& day, const std::string& agency, const std::string& body) {
    return title + "\n\n-\n\n" + day + "/11/2026\n\n" + agency + " (" + day + " November 2026)\n\nPort Alder\n\n" + body;
}

/// Writes four articles into `dir`: one ferry story from two agencies and in an update, and a
/// bridge story.
void write_articles(const fs::path& dir) {
    test::write_file(dir / "a-ferry.txt", article("NIGHT FERRY TO THE ISLANDS TO STOP IN MAY", "02", "Harbour Wire", kFerryBody));
    test::write_file(dir / "b-ferry.txt", article("PORT ALDER NIGHT FERRY TO STOP", "02", "Coast Press", kFerryBody));
    test::write_file(dir / "c-ferry-update.txt",
                     article("NIGHT FERRY TO STOP, COUNCIL TO HEAR ISLANDERS", "03", "Harbour Wire",
                             std::string(kFerryBody) + "\nOn Tuesday the regional council said it would hear the islanders at its "
                                                       "meeting on the ninth of April.\n"));
    test::write_file(dir / "d-bridge.txt",
                     "KESSEL BRIDGE CLOSED TO LORRIES\n\n-\n\n01/11/2026\n\nCoast Press (1 November 2026)\n\nKessel\n\n"
                     "Engineers closed the old bridge at Kessel to lorries on Tuesday after an inspection found cracks in two of "
                     "its piers; cars may still cross at walking pace while repairs are planned.\n");
}

std::string pdf_text(const fs::path& pdf) {
    std::string flat;
    std::istringstream in(test::run_command({"pdftotext", pdf.string(), "-"}).out);
    for (std::string w; in >> w;) flat += w + " ";
    return flat;
}

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("digest: one story from two agencies and its update is printed once, naming the others") {
    if (!test::have_tool("pdftotext")) return;
    const test::TempDir dir;
    write_articles(dir.path() / "in");
    const fs::path out = dir.path() / "brief.pdf";
    const test::RunResult r = test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", out.string(), "--group-by", "place"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string text = pdf_text(out);
    CHECK(text.find("2 stories from 4 articles by 2 agencies") != std::string::npos);
    // The update is the most complete version; the other two are named under it and in the appendix.
    CHECK(text.find("Also reported by: Coast Press, 2 November 2026; Harbour Wire, 2 November 2026.") != std::string::npos);
    CHECK(text.find("Versions folded into the stories above") != std::string::npos);
    CHECK(text.find("Port Alder Night Ferry to Stop (Coast Press") != std::string::npos);
}

TEST_CASE("digest: the same inputs in any order give the same brief, byte for byte") {
    const test::TempDir dir;
    write_articles(dir.path() / "in");
    const auto in = [&](const char* name) { return (dir.path() / "in" / name).string(); };
    const fs::path one = dir.path() / "one.pdf";
    const fs::path two = dir.path() / "two.pdf";
    REQUIRE(test::run_briefkit({"digest", in("a-ferry.txt"), in("b-ferry.txt"), in("c-ferry-update.txt"), in("d-bridge.txt"), "-o", one.string()})
                .exit_code == 0);
    REQUIRE(test::run_briefkit({"digest", in("d-bridge.txt"), in("c-ferry-update.txt"), in("a-ferry.txt"), in("b-ferry.txt"), "-o", two.string()})
                .exit_code == 0);
    CHECK(bytes_of(one) == bytes_of(two));
}

TEST_CASE("digest: --since a manifest marks the stories briefed before, or the style leaves them out") {
    if (!test::have_tool("pdftotext")) return;
    const test::TempDir dir;
    write_articles(dir.path() / "in");
    const fs::path manifest = dir.path() / "monday.ndjson";
    REQUIRE(test::run_briefkit({"digest", (dir.path() / "in/d-bridge.txt").string(), "-o", (dir.path() / "monday.pdf").string(),
                                "--manifest", manifest.string()})
                .exit_code == 0);
    CHECK(test::read_ndjson(manifest).size() == 1);
    const fs::path out = dir.path() / "tuesday.pdf";
    REQUIRE(test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", out.string(), "--since", manifest.string()}).exit_code == 0);
    CHECK(pdf_text(out).find("previously reported") != std::string::npos);
    test::write_file(dir.path() / "omit.yaml", bytes_of(test::source_dir() / "styles/briefing.yaml") + "digest:\n  previously_reported: omit\n");
    REQUIRE(test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", out.string(), "--since", "2026-11-02", "--style",
                                (dir.path() / "omit.yaml").string()})
                .exit_code == 0);
    const std::string text = pdf_text(out);
    CHECK(text.find("Kessel") == std::string::npos);
    CHECK(text.find("1 article left out as briefed before.") != std::string::npos);
}

TEST_CASE("digest: a sources file gives each story its credit and grade, and a bad one is refused before any input is read") {
    if (!test::have_tool("pdftotext")) return;
    const test::TempDir dir;
    write_articles(dir.path() / "in");
    test::write_file(dir.path() / "sources.yaml", "sources:\n  - name: Harbour Wire\n    reliability: B\n"
                                                  "    credit: \"Harbour Wire Service, Port Alder\"\n    handling: TLP:GREEN\n");
    const fs::path out = dir.path() / "brief.pdf";
    REQUIRE(test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", out.string(), "--sources", (dir.path() / "sources.yaml").string()})
                .exit_code == 0);
    const std::string text = pdf_text(out);
    CHECK(text.find("Source: Harbour Wire Service, Port Alder (grade B: usually reliable), 3 November 2026.") != std::string::npos);
    CHECK(text.find("Source grade B") != std::string::npos);
    CHECK(text.find("Handling: TLP:GREEN") != std::string::npos);  // the brief's label is its most restrictive item's
    CHECK(text.find("Agencies not in the sources file Coast Press.") != std::string::npos);
    // The appendix lists every agency with its articles and what the sources file says of it.
    CHECK(text.find("Harbour Wire: 2 articles · grade B: usually reliable · Harbour Wire Service, Port Alder · TLP:GREEN.") !=
          std::string::npos);
    CHECK(text.find("Coast Press: 2 articles.") != std::string::npos);
    test::write_file(dir.path() / "bad.yaml", "sources:\n  - name: Coast Press\n    grade: B\n");
    const fs::path none = dir.path() / "none.pdf";
    const test::RunResult bad = test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", none.string(), "--sources",
                                                    (dir.path() / "bad.yaml").string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("bad.yaml:3: sources key 'sources[1].grade': is not a key here") != std::string::npos);
    CHECK(!fs::exists(none));
    CHECK(test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", none.string(), "--group-by", "topic"}).exit_code == 2);
}
