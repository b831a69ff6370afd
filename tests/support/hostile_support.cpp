#include "support/hostile_support.hpp"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace briefkit::test {

namespace fs = std::filesystem;

const std::string kGood =
    "RIVER FERRY RESUMES NIGHT CROSSINGS\n\n"
    "Harbor Desk\n\n"
    "The river ferry resumed its night crossings on Monday after the landing lights were repaired.\n\n"
    "The operator said the last boat would leave at eleven, as it did before the storm.\n";

Bounded run_bounded(const std::vector<std::string>& args, const fs::path& dir, const RunLimits& limits) {
    const fs::path err_path = dir / ".stderr";
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        if (::chdir(dir.c_str()) != 0) ::_exit(126);
        if (limits.file_size != RLIM_INFINITY) {
            const rlimit fsize{limits.file_size, limits.file_size};
            ::setrlimit(RLIMIT_FSIZE, &fsize);
        }
        if (limits.address_space != RLIM_INFINITY) {
            const rlimit as{limits.address_space, limits.address_space};
            ::setrlimit(RLIMIT_AS, &as);
        }
        const int in = ::open(limits.stdin_file.c_str(), O_RDONLY);
        const int out = ::open("/dev/null", O_WRONLY);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(in, STDIN_FILENO);
        ::dup2(out, STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        std::vector<char*> argv{const_cast<char*>("briefkit")};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(BRIEFKIT_EXE, argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    bool killed = false;
    for (;;) {
        const pid_t done = ::wait4(child, &status, WNOHANG, &usage);
        if (done == child) break;
        if (std::chrono::steady_clock::now() - start > std::chrono::minutes(2)) {
            ::kill(child, SIGKILL);
            ::wait4(child, &status, 0, &usage);
            killed = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    Bounded r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = read_file(err_path);
    fs::remove(err_path);
    std::ofstream("hostile-report.tsv", std::ios::app)
        << Catch::getResultCapture().getCurrentTestName() << '\t' << r.seconds << '\t' << r.peak_mib << '\t'
        << r.exit_code << '\n';
    INFO("stderr: " << r.err);
    REQUIRE_FALSE(killed);
    CHECK(r.peak_mib < 1024);
    return r;
}

// The manifest record of `input` in the batch written to `out`.
nlohmann::json record_of(const fs::path& out, const std::string& input) {
    std::istringstream lines(read_file(out / ".briefkit/manifest.ndjson"));
    for (std::string line; std::getline(lines, line);) {
        nlohmann::json j = nlohmann::json::parse(line);
        if (j["input"] == input) return j;
    }
    return {};
}

// Every regular file under `root` outside .briefkit/, relative, sorted.
std::vector<std::string> files_under(const fs::path& root) {
    std::vector<std::string> out;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const std::string rel = e.path().lexically_relative(root).generic_string();
        if (!e.is_directory() && rel.rfind(".briefkit", 0) != 0 && rel.find("/.briefkit/") == std::string::npos) {
            out.push_back(rel);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

const std::string kYamlHead = "schema: briefkit/article/1\ntitle: A title\n";
const std::string kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

Bounded Batch::convert(const std::string& bad, const std::vector<std::string>& extra) {
    write_file(dir.path() / "good.txt", kGood);
    std::vector<std::string> args{"convert", bad, "good.txt", "-o", "out", "-q"};
    if (bad == "good.txt") args.erase(args.begin() + 2);  // the good article alone (a style check)
    args.insert(args.end(), extra.begin(), extra.end());
    return run_bounded(args, dir.path());
}

void Batch::expect_failed(const Bounded& r, const std::string& bad, const std::string& error_class,
                          const std::string& message) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: error: " + bad) != std::string::npos);
    CHECK(r.err.find(message) != std::string::npos);
    const nlohmann::json rec = record_of(dir.path() / "out", bad);
    REQUIRE(rec.is_object());
    CHECK(rec["status"] == "failed");
    CHECK(rec["error"]["code"] == error_class);
    const std::string stem = fs::path(bad).stem().string();
    for (const std::string& f : files_under(dir.path() / "out")) CHECK(f.rfind(stem + ".", 0) != 0);
    CHECK(record_of(dir.path() / "out", "good.txt")["status"] == "converted");
}

void Batch::expect_converted(const Bounded& r, const std::string& bad) {
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(record_of(dir.path() / "out", bad)["status"] == "converted");
    CHECK(record_of(dir.path() / "out", "good.txt")["status"] == "converted");
}

void Batch::file(const std::string& name, std::string_view bytes) const { write_file(dir.path() / name, bytes); }

}  // namespace briefkit::test
