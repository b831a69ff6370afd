// The manifest: records read back equal, refused paths, failed writes, records cut short.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "pipeline/manifest.hpp"
#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using briefkit::test::run_briefkit;
using briefkit::test::run_command;
using briefkit::test::TempDir;

TEST_CASE("manifest: a record written as a line reads back equal, whatever its strings hold") {
    briefkit::ManifestRecord r;
    r.input = "in/\"odd\" name\\with\ttab\x01 and ñ.txt";
    r.input_sha256 = std::string(64, 'a');
    r.options = "0123";
    r.id = "bk-0123456789abcdef0123";
    r.status = briefkit::InputStatus::failed;
    r.notes = 3;
    r.error_code = "input";
    r.error = "in/x.txt:3: binary file \"\xE2\x80\x94\" \n line";
    CHECK(briefkit::parse_manifest_line(briefkit::to_json_line(r), "m", 1) == r);
    r.status = briefkit::InputStatus::converted;
    r.error_code.clear();
    r.error.clear();
    r.outputs = {{"xml", "out/a.xml", 123, std::string(64, 'b')}, {"yaml", "out/a.yaml", 45, std::string(64, 'c')}};
    const std::string line = briefkit::to_json_line(r);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(nlohmann::json::parse(line)["outputs"][1]["bytes"] == 45);
    CHECK(briefkit::parse_manifest_line(line, "m", 1) == r);
}

TEST_CASE("manifest: a manifest path that is not a regular file is refused before anything is read") {
    // /dev/full reads as endless zero bytes: reading it as a previous manifest never ended.
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 3);
    const auto r = run_command({"timeout", "60", BRIEFKIT_EXE, "convert", in.string(), "-t", "yaml", "--manifest",
                                "/dev/full", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: error: /dev/full: the manifest must be a regular file") != std::string::npos);
}

TEST_CASE("manifest: a manifest that cannot be written ends the batch with an error, not a hang or an abort") {
    // A failed manifest write in a worker once escaped the thread (std::terminate); handled, it
    // then took the two engine locks in the opposite order to another worker and deadlocked
    // (a hang that SIGTERM could not end, hence timeout -k).
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 300);
    const std::string script = "trap '' XFSZ; ulimit -f 16; exec timeout -k 5 60 \"$0\" convert \"$1\" -t yaml -j 2 -o \"$2\"";
    const auto r = run_command({"sh", "-c", script, BRIEFKIT_EXE, in.string(), (dir.path() / "out").string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(".briefkit/manifest.ndjson: cannot write the manifest") != std::string::npos);
    CHECK(r.err.find("terminate") == std::string::npos);
}

TEST_CASE("manifest: a record cut short by a kill is dropped, and the next run's records stay readable") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 6);
    const fs::path out = dir.path() / "out";
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "yaml", "-o", out.string()}).exit_code == 0);
    const fs::path manifest = out / ".briefkit/manifest.ndjson";
    std::string text = briefkit::test::read_file(manifest);
    // Keep four whole records and half of the fifth, as a kill during a write would.
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) at = text.find('\n', at) + 1;
    briefkit::test::write_file(manifest, text.substr(0, at + 40));
    const auto rerun = run_briefkit({"convert", in.string(), "-t", "yaml", "-o", out.string()});
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.err.find("2 converted, 4 skipped") != std::string::npos);
    const auto third = run_briefkit({"convert", in.string(), "-t", "yaml", "-o", out.string()});
    CHECK(third.exit_code == 0);
    CHECK(third.err.find("0 converted, 6 skipped") != std::string::npos);
    CHECK(briefkit::test::read_ndjson(manifest).size() == 6);
}
