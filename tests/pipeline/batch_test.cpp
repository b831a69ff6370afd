// The batch engine at scale: workers, resuming after a kill, shards and GNU parallel.
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using briefkit::test::run_briefkit;
using briefkit::test::run_command;
using briefkit::test::TempDir;

namespace {

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

}  // namespace

TEST_CASE("batch: -j 1 and -j 4 write the same files and the same manifest") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 60);
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
    const fs::path in = briefkit::test::make_articles(dir.path(), 12);
    briefkit::test::write_file(in / "empty.txt", "");
    const fs::path out = dir.path() / "out";
    const auto first = run_briefkit({"convert", in.string(), "-t", "xml,yaml", "-o", out.string()});
    CHECK(first.exit_code == 1);
    const std::vector<nlohmann::json> records = briefkit::test::read_ndjson(out / ".briefkit/manifest.ndjson");
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
    CHECK(briefkit::test::read_ndjson(out / ".briefkit/manifest.ndjson").size() == 13);
}

TEST_CASE("batch: killed with SIGKILL mid-batch, a rerun finishes the rest and leaves no partial file") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 3000);
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
    CHECK(briefkit::test::read_ndjson(out / ".briefkit/manifest.ndjson").size() == 3000);
}

TEST_CASE("batch: killed at a random point 20 times in a 2,000-article batch, never a partial file, and a rerun completes the set") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 2000);
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
    CHECK(briefkit::test::read_ndjson(out / ".briefkit/manifest.ndjson").size() == 2000);
}

TEST_CASE("batch: --sync writes the same files as without it") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 30);
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
    const fs::path in = briefkit::test::make_articles(dir.path(), 1500);
    const fs::path out = dir.path() / "out";
    const int status = convert_then_signal(in, out, SIGTERM);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    const auto records = briefkit::test::read_ndjson(out / ".briefkit/manifest.ndjson");
    CHECK(records.size() * 2 == tree(out).size());  // compacted: one record per input whose outputs exist
    CHECK(!fs::exists(out / ".briefkit/manifest.ndjson.running"));
}

TEST_CASE("batch: four shards together equal one unsharded run, checked with merge-manifests") {
    const TempDir dir;
    const fs::path in = briefkit::test::make_articles(dir.path(), 80);
    REQUIRE(run_briefkit({"convert", in.string(), "-t", "yaml", "-o", (dir.path() / "whole").string()}).exit_code == 0);
    std::vector<std::string> manifests;
    std::size_t total = 0;
    for (int k = 1; k <= 4; ++k) {
        const auto r = run_briefkit({"convert", in.string(), "-t", "yaml", "--shard", std::to_string(k) + "/4", "-o",
                                     (dir.path() / "sharded").string()});
        REQUIRE(r.exit_code == 0);
        manifests.push_back((dir.path() / ("sharded/.briefkit/manifest-" + std::to_string(k) + "-of-4.ndjson")).string());
        total += briefkit::test::read_ndjson(manifests.back()).size();
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
    const fs::path in = briefkit::test::make_articles(dir.path(), 40);
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
