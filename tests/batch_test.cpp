// The batch engine at scale: workers, the manifest, resuming after a kill, shards, GNU
// parallel, stream mode and the progress line.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <random>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "pipeline/inputs.hpp"
#include "pipeline/manifest.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using briefkit::test::run_briefkit;
using briefkit::test::run_command;
using briefkit::test::TempDir;

namespace {

// `count` distinct articles under `dir/in`, spread over a few subfolders.
fs::path make_inputs(const fs::path& dir, int count) {
    const std::vector<std::string> bases{
        briefkit::test::read_file(briefkit::test::source_dir() / "samples/kyrgyz-water-council.txt"),
        briefkit::test::read_file(briefkit::test::source_dir() / "samples/grain-freight-wire.txt"),
        briefkit::test::read_file(briefkit::test::source_dir() / "samples/library-hours.txt")};
    for (int i = 0; i < count; ++i) {
        std::string text = bases[static_cast<std::size_t>(i) % bases.size()];
        text += "\n\nThis is copy number " + std::to_string(i) + " of the article, made for the batch tests.\n";
        briefkit::test::write_file(dir / "in" / ("part" + std::to_string(i % 7)) / ("article-" + std::to_string(i) + ".txt"),
                                   text);
    }
    return dir / "in";
}

// Every file under `root` (outside `.briefkit/`) with its content.
std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const std::string rel = e.path().lexically_relative(root).generic_string();
        if (e.is_regular_file() && rel.rfind(".briefkit/", 0) != 0) out[rel] = briefkit::test::read_file(e.path());
    }
    return out;
}

// Waits (at most ten seconds) until a batch writing to `out` has recorded its first input.
void wait_for_first_record(const fs::path& out) {
    const fs::path manifest = out / ".briefkit/manifest.ndjson";
    for (int i = 0; i < 100000; ++i) {
        std::error_code ec;
        if (fs::file_size(manifest, ec) > 0 && !ec) return;
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
}

// Starts `briefkit convert in -t xml,yaml -j 2 -o out`, sends it `signal` once it has recorded
// its first input, and returns its wait status.
int convert_then_signal(const fs::path& in, const fs::path& out, int signal) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, STDERR_FILENO);
        ::execl(BRIEFKIT_EXE, "briefkit", "convert", in.c_str(), "-t", "xml,yaml", "-j", "2", "-o", out.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    wait_for_first_record(out);
    ::kill(child, signal);
    int status = 0;
    ::waitpid(child, &status, 0);
    return status;
}

std::vector<nlohmann::json> manifest_lines(const fs::path& path) {
    std::vector<nlohmann::json> out;
    std::istringstream in(briefkit::test::read_file(path));
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

}  // namespace

TEST_CASE("batch: -j 1 and -j 4 write the same files and the same manifest") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 60);
    const auto one = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-j", "1", "-o", (dir.path() / "one").string()});
    const auto four = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-j", "4", "-o", (dir.path() / "four").string()});
    REQUIRE(one.exit_code == 0);
    REQUIRE(four.exit_code == 0);
    const auto a = tree(dir.path() / "one");
    CHECK(a.size() == 120);
    CHECK(a == tree(dir.path() / "four"));
    std::string m1 = briefkit::test::read_file(dir.path() / "one/.briefkit/manifest.ndjson");
    std::string m4 = briefkit::test::read_file(dir.path() / "four/.briefkit/manifest.ndjson");
    // The paths differ only by the output folder's name.
    for (std::size_t at; (at = m4.find("/four/")) != std::string::npos;) m4.replace(at, 6, "/one/");
    CHECK(m1 == m4);
}

TEST_CASE("batch: the manifest has one record per input, and a rerun skips without rewriting") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 12);
    briefkit::test::write_file(in / "empty.txt", "");
    const fs::path out = dir.path() / "out";
    const auto first = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", out.string()});
    CHECK(first.exit_code == 1);
    const std::vector<nlohmann::json> records = manifest_lines(out / ".briefkit/manifest.ndjson");
    REQUIRE(records.size() == 13);
    std::size_t failed = 0;
    for (const auto& r : records) {
        if (r["status"] == "failed") {
            ++failed;
            CHECK(r["error"]["code"] == "input");
            CHECK(r["error"]["message"].get<std::string>().find("empty file") != std::string::npos);
            continue;
        }
        CHECK(r["status"] == "converted");
        CHECK(r["id"].get<std::string>().rfind("bk-", 0) == 0);
        REQUIRE(r["outputs"].size() == 2);
        for (const auto& o : r["outputs"]) {
            const std::string content = briefkit::test::read_file(o["path"].get<std::string>());
            CHECK(o["bytes"].get<std::size_t>() == content.size());
            CHECK(o["sha256"].get<std::string>().size() == 64);
        }
    }
    CHECK(failed == 1);

    // Nothing changed: every good input is skipped and no file is replaced (same inode).
    const fs::path sample = out / "part0/article-0.xml";
    struct stat before {};
    ::stat(sample.c_str(), &before);
    const auto second = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", out.string()});
    CHECK(second.err.find("0 converted, 12 skipped, 1 failed") != std::string::npos);
    // --force converts again, yet a file whose bytes would not change is not rewritten.
    const auto forced = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "--force", "-o", out.string()});
    CHECK(forced.err.find("12 converted, 0 skipped, 1 failed") != std::string::npos);
    struct stat after {};
    ::stat(sample.c_str(), &after);
    CHECK(before.st_ino == after.st_ino);
    CHECK(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);

    // An input that changed, or an output that was damaged, is converted again.
    briefkit::test::write_file(in / "part1/article-1.txt", "CHANGED HEADLINE\n\nA changed article body paragraph.\n");
    briefkit::test::write_file(out / "part2/article-2.yaml", "damaged");
    const auto third = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", out.string()});
    CHECK(third.err.find("2 converted, 10 skipped, 1 failed") != std::string::npos);
    CHECK(briefkit::test::read_file(out / "part2/article-2.yaml").find("schema:") == 0);
    CHECK(manifest_lines(out / ".briefkit/manifest.ndjson").size() == 13);
}

TEST_CASE("batch: killed with SIGKILL mid-batch, a rerun finishes the rest and leaves no partial file") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 3000);
    const fs::path out = dir.path() / "out";
    const fs::path ref = dir.path() / "ref";
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-q", "-o", ref.string()}).exit_code == 0);

    // Kill it as soon as the first input is recorded, long before it can have finished.
    (void)convert_then_signal(in, out, SIGKILL);
    const std::size_t done_before = tree(out).size();
    INFO("outputs when killed: " << done_before);
    CHECK(done_before < 6000);

    const auto rerun = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", out.string()});
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.err.find(" skipped, 0 failed") != std::string::npos);
    CHECK(rerun.err.find(" 0 skipped,") == std::string::npos);  // the finished inputs were not redone
    CHECK(tree(out) == tree(ref));  // every output correct, and no temporary file anywhere
    CHECK(manifest_lines(out / ".briefkit/manifest.ndjson").size() == 3000);
}

TEST_CASE("batch: killed at a random point 20 times in a 2,000-article batch, never a partial file, and a rerun completes the set") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 2000);
    const fs::path out = dir.path() / "out";
    const fs::path ref = dir.path() / "ref";
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "xml,yaml,pdf", "-q", "-o", ref.string()}).exit_code == 0);
    const auto expected = tree(ref);
    REQUIRE(expected.size() == 6000);

    std::random_device device;
    const unsigned seed = device();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delay_us(0, 400000);
    int killed_running = 0;
    for (int round = 0; round < 20; ++round) {
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            const int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(devnull, STDERR_FILENO);
            ::execl(BRIEFKIT_EXE, "briefkit", "convert", in.c_str(), "-t", "xml,yaml,pdf", "-j", "2", "-o",
                    out.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (WIFSIGNALED(status)) ++killed_running;
        // Whatever is there is whole: every file is one of the reference's, byte for byte, and no
        // temporary file is left under a name of its own.
        for (const auto& [name, bytes] : tree(out)) {
            INFO("round " << round << ": " << name);
            REQUIRE(expected.count(name) == 1);
            CHECK(expected.at(name) == bytes);
        }
    }
    CHECK(killed_running > 0);  // the kills landed while the batch ran, not after it
    const auto rerun = run_briefkit({"convert", in.string(), "-t", "xml,yaml,pdf", "-o", out.string()});
    CHECK(rerun.exit_code == 0);
    CHECK(tree(out) == expected);
    CHECK(manifest_lines(out / ".briefkit/manifest.ndjson").size() == 2000);
}

TEST_CASE("batch: --sync writes the same files as without it") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 30);
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "xml,yaml,pdf", "-q", "-o", (dir.path() / "plain").string()})
                .exit_code == 0);
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "xml,yaml,pdf", "-q", "--sync", "-o",
                          (dir.path() / "synced").string()})
                .exit_code == 0);
    CHECK(tree(dir.path() / "plain").size() == 90);
    CHECK(tree(dir.path() / "plain") == tree(dir.path() / "synced"));
}

TEST_CASE("batch: SIGTERM finishes the inputs in flight, writes the manifest and exits 130") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 1500);
    const fs::path out = dir.path() / "out";
    const int status = convert_then_signal(in, out, SIGTERM);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    const auto records = manifest_lines(out / ".briefkit/manifest.ndjson");
    CHECK(records.size() * 2 == tree(out).size());  // compacted: one record per input whose outputs exist
    CHECK(!fs::exists(out / ".briefkit/manifest.ndjson.running"));
}

TEST_CASE("batch: four shards together equal one unsharded run, checked with merge-manifests") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 80);
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "yaml", "-o", (dir.path() / "whole").string()}).exit_code == 0);
    std::vector<std::string> manifests;
    std::size_t total = 0;
    for (int k = 1; k <= 4; ++k) {
        const auto r = run_briefkit({"convert", in.string(), "-t", "yaml", "--shard", std::to_string(k) + "/4", "-o",
                                     (dir.path() / "sharded").string()});
        REQUIRE(r.exit_code == 0);
        manifests.push_back((dir.path() / ("sharded/.briefkit/manifest-" + std::to_string(k) + "-of-4.ndjson")).string());
        total += manifest_lines(manifests.back()).size();
    }
    CHECK(total == 80);
    CHECK(tree(dir.path() / "sharded") == tree(dir.path() / "whole"));
    std::vector<std::string> args{"merge-manifests"};
    args.insert(args.end(), manifests.begin(), manifests.end());
    args.insert(args.end(), {"-o", (dir.path() / "merged.ndjson").string(), "--inputs", in.string()});
    const auto merged = run_briefkit(args);
    CHECK(merged.exit_code == 0);
    CHECK(merged.err.find("80 inputs, 0 failed, 0 duplicate, 0 missing") != std::string::npos);
    // A shard missing, and one given twice, are both reported.
    std::vector<std::string> bad{"merge-manifests", manifests[0], manifests[0], manifests[1], "-o",
                                 (dir.path() / "bad.ndjson").string(), "--inputs", in.string()};
    const auto wrong = run_briefkit(bad);
    CHECK(wrong.exit_code == 1);
    CHECK(wrong.err.find("is in more than one manifest") != std::string::npos);
    CHECK(wrong.err.find("is in no manifest") != std::string::npos);
    // Slurm's array variables choose the shard when --shard is not given.
    const auto slurm = run_command({"env", "SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_COUNT=4", BRIEFKIT_EXE, "convert",
                                    in.string(), "-t", "yaml", "-o", (dir.path() / "slurm").string()});
    CHECK(slurm.exit_code == 0);
    CHECK(fs::exists(dir.path() / "slurm/.briefkit/manifest-4-of-4.ndjson"));
}

TEST_CASE("batch: GNU parallel running four shards covers every input once") {
    INFO("GNU parallel is missing: run scripts/install-deps (Debian package parallel)");
    REQUIRE(briefkit::test::have_tool("parallel"));
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 40);
    const fs::path out = dir.path() / "out";
    const auto r = run_command({"parallel", "--will-cite", "--halt", "now,fail=1", BRIEFKIT_EXE, "convert", in.string(),
                                "-t", "xml", "-q", "--shard", "{}/4", "-o", out.string(), ":::", "1", "2", "3", "4"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(tree(out).size() == 40);
    std::vector<std::string> args{"merge-manifests"};
    for (int k = 1; k <= 4; ++k) args.push_back((out / (".briefkit/manifest-" + std::to_string(k) + "-of-4.ndjson")).string());
    args.insert(args.end(), {"-o", (dir.path() / "merged.ndjson").string(), "--inputs", in.string()});
    CHECK(run_briefkit(args).exit_code == 0);
}

TEST_CASE("stream: good and bad records each get a result, in order") {
    const std::string records =
        "{\"id\": 1, \"text\": \"CITY OPENS NEW BRIDGE\\n\\nThe new bridge opened on Monday, officials said.\\n\"}\n"
        "not json at all\n"
        "{\"id\": \"b\", \"path\": \"" + (briefkit::test::source_dir() / "samples/library-hours.txt").string() + "\"}\n"
        "{\"id\": [3], \"text\": \"\"}\n"
        "{\"id\": 4}\n"
        "{\"id\": 5, \"path\": \"/no/such/file.txt\"}\n";
    const auto r = run_briefkit({"stream", "-t", "yaml"}, records);
    CHECK(r.exit_code == 1);
    std::istringstream lines(r.out);
    std::vector<nlohmann::json> out;
    for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
    REQUIRE(out.size() == 6);
    CHECK(out[0]["id"] == 1);
    CHECK(out[0]["status"] == "converted");
    CHECK(out[0]["outputs"]["yaml"].get<std::string>().find("title: \"CITY OPENS NEW BRIDGE\"") != std::string::npos);
    CHECK(out[1]["status"] == "failed");
    CHECK(out[1]["id"].is_null());
    CHECK(out[2]["id"] == "b");
    CHECK(out[2]["status"] == "converted");
    CHECK(out[3]["status"] == "failed");
    CHECK(out[3]["id"] == nlohmann::json::array({3}));
    CHECK(out[3]["error"]["message"].get<std::string>().find("empty") != std::string::npos);
    CHECK(out[4]["status"] == "failed");
    CHECK(out[5]["status"] == "failed");
}

TEST_CASE("progress: no progress line when standard error is not a terminal, and a summary line") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 5);
    const auto r = run_briefkit({"convert", in.string(), "-t", "yaml", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find('\r') == std::string::npos);
    CHECK(r.err.find("ETA") == std::string::npos);
    CHECK(r.err.rfind("briefkit: 5 converted, 0 skipped, 0 failed in ", 0) == 0);
}

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

TEST_CASE("inputs: the walker lists folders in path order and flags siblings that would share outputs") {
    const TempDir dir;
    for (const char* name : {"a.txt", "a-b.txt", "a/z.txt", "a/.hidden.txt", ".secret/x.txt", "b.TXT", "b.txt", "c.md"}) {
        briefkit::test::write_file(dir.path() / "in" / name, "TITLE LINE HERE\n\nSome body text for the article.\n");
    }
    std::vector<std::string> order;
    std::vector<std::string> overwrites;
    briefkit::InputWalker walker({(dir.path() / "in").string()}, "");
    while (const std::optional<briefkit::Input> input = walker.next()) {
        order.push_back(input->stem);
        overwrites.push_back(input->overwrites);
    }
    // A folder sorts as if its name ended in '/', below every other character.
    CHECK(order == std::vector<std::string>{"a/z", "a-b", "a", "b", "b"});
    CHECK(overwrites[3].empty());
    CHECK(overwrites[4].find("b.") != std::string::npos);
    CHECK(!walker.needs_global_check());
    CHECK(briefkit::collect_inputs({(dir.path() / "in").string()}, "").size() == 5);
}

TEST_CASE("manifest: a manifest path that is not a regular file is refused before anything is read") {
    // /dev/full reads as endless zero bytes: reading it as a previous manifest never ended.
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 3);
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
    const fs::path in = make_inputs(dir.path(), 300);
    const std::string script = "trap '' XFSZ; ulimit -f 16; exec timeout -k 5 60 \"$0\" convert \"$1\" -t yaml -j 2 -o \"$2\"";
    const auto r = run_command({"sh", "-c", script, BRIEFKIT_EXE, in.string(), (dir.path() / "out").string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find(".briefkit/manifest.ndjson: cannot write the manifest") != std::string::npos);
    CHECK(r.err.find("terminate") == std::string::npos);
}

TEST_CASE("inputs: a folder of thousands of files is walked without comparing every pair of siblings") {
    // The walker once compared each file's output stem with every earlier sibling's, which is
    // quadratic: five billion string comparisons for a folder of 100,000 articles.
    const TempDir dir;
    for (int i = 0; i < 3000; ++i) briefkit::test::write_file(dir.path() / "in" / fmt::format("n{:05}.txt", i), "x\n");
    briefkit::test::write_file(dir.path() / "in" / "n01234.TXT", "x\n");
    std::size_t count = 0;
    std::vector<std::string> flagged;
    briefkit::InputWalker walker({(dir.path() / "in").string()}, "");
    while (const std::optional<briefkit::Input> input = walker.next()) {
        ++count;
        if (!input->overwrites.empty()) flagged.push_back(input->stem + " after " + input->overwrites);
    }
    CHECK(count == 3001);
    REQUIRE(flagged.size() == 1);
    CHECK(flagged[0].find("n01234 after") == 0);
}

TEST_CASE("manifest: a record cut short by a kill is dropped, and the next run's records stay readable") {
    const TempDir dir;
    const fs::path in = make_inputs(dir.path(), 6);
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
    CHECK(manifest_lines(manifest).size() == 6);
}
