#include "pipeline/input_reader.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "briefkit/error.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/limits.hpp"

namespace briefkit {

namespace {

/// Waits until `fd` has data or its writer hangs up, at most `wait`; false when the time ran out.
bool wait_readable(int fd, std::chrono::milliseconds wait) {
    pollfd p{fd, POLLIN, 0};
    const int ms = static_cast<int>(std::min<std::int64_t>(wait.count(), std::numeric_limits<int>::max()));
    for (;;) {
        const int n = ::poll(&p, 1, ms);
        if (n >= 0) return n > 0;
        if (errno != EINTR) return true;  // the read that follows reports the error
    }
}

/// Reads a pipe, FIFO or device to its end, refusing more than `limit` bytes. The descriptor is
/// non-blocking, so a writer that stalls past the document's deadline fails the document instead
/// of the batch, and a FIFO that no writer opens within a second reads as empty.
std::string read_stream(int fd, const Input& input, std::size_t limit, bool fifo) {
    std::string data;
    char buffer[65536];
    bool waited_for_writer = false;
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                if (!wait_readable(fd, time_left())) check_deadline();
                continue;
            }
            throw InputError(fmt::format("cannot read: {}", std::strerror(errno)), input.display);
        }
        if (n == 0) {
            // A FIFO reads as ended until its first writer opens it: give one a moment to.
            if (fifo && data.empty() && !waited_for_writer) {
                waited_for_writer = true;
                if (wait_readable(fd, std::min(time_left(), std::chrono::milliseconds(1000)))) continue;
                throw InputError("a FIFO that no program wrote to within a second", input.display);
            }
            break;
        }
        data.append(buffer, static_cast<std::size_t>(n));
        if (data.size() > limit) {
            throw LimitError(fmt::format("input is over the {}-byte limit (--max-input-size)", limit), input.display);
        }
    }
    return data;
}

}  // namespace

std::string read_input(const Input& input, const ReadOptions& options) {
    if (!input.problem.empty()) throw InputError(input.problem, input.display);
    if (input.from_stdin) return read_stream(STDIN_FILENO, input, options.max_input_size, false);

    // Non-blocking, so that opening a FIFO does not wait for a writer.
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) throw InputError(fmt::format("cannot open: {}", std::strerror(errno)), input.display);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw InputError(fmt::format("cannot stat: {}", std::strerror(errno)), input.display);
    if (S_ISDIR(st.st_mode)) throw InputError("is a folder, not an article", input.display);
    if (!S_ISREG(st.st_mode)) return read_stream(fd, input, options.max_input_size, S_ISFIFO(st.st_mode));
    const auto size = static_cast<std::size_t>(st.st_size);
    check_input_size(size, input.display, options);
    std::string data(size, '\0');
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, data.data() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InputError(fmt::format("cannot read: {}", std::strerror(errno)), input.display);
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    data.resize(done);
    return data;
}

std::string read_file_or_empty(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace briefkit
