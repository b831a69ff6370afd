// The file-I/O floor of a batch: read every input, and write files of the same number and
// sizes as a reference output tree, each through an unnamed temporary file linked into place,
// as Briefkit writes its own. Prints the wall-clock seconds.
//
//   io_floor INPUT_ROOT REFERENCE_OUTPUT_ROOT NEW_OUTPUT_ROOT [THREADS]
//
// With THREADS (default 1) the inputs are read and the files written by that many threads,
// taking them in turn as Briefkit's workers take inputs, so that their kernel work can be
// compared with `-j THREADS`. Files are linked into place as Briefkit links its own.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

void write_new(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    int fd = ::open(path.parent_path().c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd >= 0) {
        if (::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size())) {
            const std::string proc = "/proc/self/fd/" + std::to_string(fd);
            if (::linkat(fd, "", AT_FDCWD, path.c_str(), AT_EMPTY_PATH) == 0 ||
                ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0) {
                ::close(fd);
                return;
            }
        }
        ::close(fd);
    }
    const fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".tmp");
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) std::perror("write");
    ::close(fd);
    ::rename(tmp.c_str(), path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4 && argc != 5) {
        std::fprintf(stderr, "usage: io_floor INPUT_ROOT REFERENCE_OUTPUT_ROOT NEW_OUTPUT_ROOT [THREADS]\n");
        return 2;
    }
    const std::size_t threads = argc == 5 ? std::max(1, std::atoi(argv[4])) : 1;
    const fs::path inputs = argv[1];
    const fs::path reference = argv[2];
    const fs::path target = argv[3];
    std::vector<std::pair<fs::path, std::uintmax_t>> outputs;
    for (const auto& e : fs::recursive_directory_iterator(reference)) {
        const std::string rel = e.path().lexically_relative(reference).generic_string();
        if (e.is_regular_file() && rel.rfind(".briefkit", 0) != 0) outputs.emplace_back(rel, e.file_size());
    }
    const auto start = std::chrono::steady_clock::now();
    std::vector<fs::path> inputs_found;
    for (const auto& e : fs::recursive_directory_iterator(inputs)) {
        if (e.is_regular_file()) inputs_found.push_back(e.path());
    }
    const std::size_t read_files = inputs_found.size();
    // Thread t reads inputs t, t + THREADS, ... and writes outputs t, t + THREADS, ...
    const auto share = [&](std::size_t t) {
        std::vector<char> buffer(1 << 16);
        for (std::size_t i = t; i < inputs_found.size(); i += threads) {
            const int fd = ::open(inputs_found[i].c_str(), O_RDONLY | O_CLOEXEC);
            while (fd >= 0 && ::read(fd, buffer.data(), buffer.size()) > 0) {
            }
            if (fd >= 0) ::close(fd);
        }
        std::string bytes;
        for (std::size_t i = t; i < outputs.size(); i += threads) {
            bytes.assign(outputs[i].second, 'x');
            write_new(target / outputs[i].first, bytes);
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(share, t);
    share(0);
    for (std::thread& t : pool) t.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.4f %zu %zu\n", seconds, read_files, outputs.size());
    return 0;
}
