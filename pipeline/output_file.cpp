#include "pipeline/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <unordered_set>
#include <utility>

#include "briefkit/error.hpp"

namespace briefkit {

namespace {

/// Closes a file descriptor when it goes out of scope.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    [[nodiscard]] int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view what, int err) {
    throw OutputError(fmt::format("cannot {}: {}", what, std::strerror(err)), path.string());
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, "write", errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::string host_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0') return "localhost";
    std::string out(name);
    for (char& c : out) {
        if (c == '-' || c == '/' || c == '.') c = '_';
    }
    return out;
}

std::filesystem::path temporary_name(const std::filesystem::path& path) {
    static std::atomic<unsigned> counter{0};
    static const std::string host = host_name();
    return path.parent_path() / fmt::format(".{}{}-{}-{}-{}", path.filename().string(), kTemporaryMark, host, ::getpid(),
                                            counter.fetch_add(1));
}

void make_folder(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw OutputError(fmt::format("cannot create folder: {}", ec.message()), dir.string());
}

/// True when `path` is a file holding exactly `bytes`.
bool holds(const std::filesystem::path& path, std::string_view bytes) {
    // Not through a link, and without waiting on a FIFO planted in the file's place.
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
        static_cast<std::size_t>(st.st_size) != bytes.size()) {
        return false;
    }
    std::string content(bytes.size(), '\0');
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return content == bytes;
}

/// With Flush::to_disk, waits until `fd`'s data is on the disk; throws OutputError naming `path`.
void flush_file(int fd, const std::filesystem::path& path, Flush flush) {
    if (flush == Flush::to_disk && ::fsync(fd) != 0) fail(path, "flush the file to disk", errno);
}

/// With Flush::to_disk, waits until the folder of `path` (and so its new name) is on the disk.
void flush_folder(const std::filesystem::path& path, Flush flush) {
    if (flush == Flush::none) return;
    const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail(path, "flush its folder to disk", errno);
}

/// The portable way: a hidden temporary name in the same folder, then rename().
void write_via_rename(const std::filesystem::path& path, std::string_view bytes, Existing existing, Flush flush) {
    if (existing == Existing::keep_if_same && holds(path, bytes)) return;
    const std::filesystem::path tmp = temporary_name(path);
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (fd.get() < 0) fail(path, "create a temporary file", errno);
    try {
        write_all(fd.get(), bytes, path);
        flush_file(fd.get(), path, flush);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    if (::close(fd.release()) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "move the finished file into place", err);
    }
    flush_folder(path, flush);
}

/// Gives the unnamed file `fd` the name `target`; returns 0 or the errno. By the descriptor
/// itself where the kernel allows it (Linux 6.10 and later, or with CAP_DAC_READ_SEARCH), else
/// through /proc/self/fd. The first is cheaper, and scales across threads: a /proc path is looked
/// up through entries that all the threads of a process share.
int link_unnamed(int fd, const std::filesystem::path& target) {
    static std::atomic<bool> by_descriptor{true};
    if (by_descriptor.load(std::memory_order_relaxed)) {
        if (::linkat(fd, "", AT_FDCWD, target.c_str(), AT_EMPTY_PATH) == 0) return 0;
        if (errno != ENOENT && errno != EPERM && errno != EINVAL) return errno;
    }
    const std::string proc = fmt::format("/proc/self/fd/{}", fd);
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, target.c_str(), AT_SYMLINK_FOLLOW) != 0) return errno;
    by_descriptor.store(false, std::memory_order_relaxed);  // refused by descriptor, but linked through /proc
    return 0;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, Existing existing, Flush flush) {
    const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
#ifdef O_TMPFILE
    // An unnamed file has no name to leave behind if the process dies before it is linked.
    // The folder is made only when it is missing, which saves a lookup per file.
    int raw = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (raw < 0 && errno == ENOENT) {
        make_folder(dir);
        raw = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    }
    Fd fd(raw);
    if (fd.get() >= 0) {
        write_all(fd.get(), bytes, path);
        flush_file(fd.get(), path, flush);
        const int linked = link_unnamed(fd.get(), path);
        if (linked == 0) {
            flush_folder(path, flush);
            return;
        }
        if (linked == ENOENT) {
            write_via_rename(path, bytes, existing, flush);  // no /proc to link through
            return;
        }
        if (linked != EEXIST) fail(path, "link the finished file into place", linked);
        if (existing == Existing::keep_if_same && holds(path, bytes)) return;
        // The file exists: link under a temporary name, then rename over it.
        const std::filesystem::path tmp = temporary_name(path);
        if (const int err = link_unnamed(fd.get(), tmp); err != 0) fail(path, "link the finished file into place", err);
        if (::rename(tmp.c_str(), path.c_str()) != 0) {
            const int err = errno;
            ::unlink(tmp.c_str());
            fail(path, "move the finished file into place", err);
        }
        flush_folder(path, flush);
        return;
    }
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT) {
        fail(path, "create the output file", errno);
    }
#endif
    make_folder(dir);
    write_via_rename(path, bytes, existing, flush);
}

void refuse_links_below(const std::filesystem::path& root, const std::filesystem::path& relative,
                        const std::string& input) {
    thread_local std::unordered_set<std::string> real;
    std::filesystem::path dir = root;
    for (const std::filesystem::path& part : relative) {
        dir /= part;
        if (real.contains(dir.string())) continue;
        struct stat st {};
        if (::lstat(dir.c_str(), &st) != 0) return;  // not made yet: it will be made as a real folder
        if (S_ISLNK(st.st_mode)) {
            throw OutputError(fmt::format("its output folder {} is a symbolic link inside the output folder; Briefkit "
                                          "does not write through one (remove it, or give its target as -o)",
                                          dir.string()),
                              input);
        }
        real.insert(dir.string());
    }
}

std::size_t remove_stale_temporaries(const std::filesystem::path& root) {
    static const std::string host = host_name();
    const std::string mine = std::string(kTemporaryMark) + host + "-";
    std::size_t removed = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::size_t at = name.rfind(mine);
        if (name.empty() || name[0] != '.' || at == std::string::npos || !it->is_regular_file(ec)) continue;
        const std::string rest = name.substr(at + mine.size());  // PID-N
        const long pid = std::strtol(rest.c_str(), nullptr, 10);
        if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
            std::error_code gone;
            if (std::filesystem::remove(it->path(), gone)) ++removed;
        }
    }
    return removed;
}

}  // namespace briefkit
