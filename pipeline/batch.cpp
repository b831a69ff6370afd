#include "pipeline/batch.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <map>

#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

std::string read_stream(int fd, const Input& input, std::size_t limit) {
    std::string data;
    char buffer[65536];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw InputError(fmt::format("cannot read: {}", std::strerror(errno)), input.display);
        }
        if (n == 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
        if (data.size() > limit) {
            throw InputError(fmt::format("input is over the {}-byte limit (--max-input-size)", limit), input.display);
        }
    }
    return data;
}

const ReaderEntry& reader_for(const Input& input) {
    const std::string ext = input.path.extension().string();
    if (ext.size() > 1) {
        if (const ReaderEntry* r = reader_for_extension(std::string_view(ext).substr(1))) return *r;
    }
    return readers().front();
}

/// Reads a whole file (or standard input); throws InputError naming the input.
std::string read_input(const Input& input, std::size_t limit) {
    if (!input.problem.empty()) throw InputError(input.problem, input.display);
    if (input.from_stdin) return read_stream(STDIN_FILENO, input, limit);

    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(fmt::format("cannot open: {}", std::strerror(errno)), input.display);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw InputError(fmt::format("cannot stat: {}", std::strerror(errno)), input.display);
    if (!S_ISREG(st.st_mode)) return read_stream(fd, input, limit);
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > limit) {
        throw InputError(fmt::format("file is {} bytes, over the {}-byte limit (--max-input-size)", size, limit),
                         input.display);
    }
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

}  // namespace

Document read_document(const Input& input, const ReadOptions& options) {
    const std::string bytes = read_input(input, options.max_input_size);
    return reader_for(input).read(bytes, input.display, options);
}

BatchResult run_batch(const std::vector<Input>& inputs, const BatchOptions& options, const ErrorReporter& report,
                      const WarningReporter& warn) {
    BatchResult result;
    // Two inputs that would write the same output file: the later one fails rather than overwrite.
    std::map<std::filesystem::path, std::string> claimed;
    std::vector<std::unique_ptr<Writer>> writers;
    for (const WriterEntry* format : options.formats) writers.push_back(format->make(options.write));
    for (const Input& input : inputs) {
        try {
            if (!options.to_stdout && input.problem.empty()) {
                const auto [it, fresh] = claimed.emplace(input.stem, input.display);
                if (!fresh) {
                    throw OutputError(fmt::format("its outputs would overwrite those of {}; rename one of them",
                                                  it->second),
                                      input.display);
                }
            }
            const Document doc = read_document(input, options.read);
            for (std::size_t f = 0; f < writers.size(); ++f) {
                std::string bytes;
                StringSink sink(bytes);
                writers[f]->write(doc, sink);
                if (warn) {
                    for (const std::string& w : sink.warnings()) warn(input.display, w);
                }
                if (options.to_stdout) {
                    std::cout << bytes << std::flush;
                    if (!std::cout) throw OutputError("cannot write to standard output");
                } else {
                    std::filesystem::path target = options.output_dir / input.stem;
                    target += ".";
                    target += std::string(options.formats[f]->extension);
                    write_file_atomically(target, bytes);
                }
            }
            ++result.converted;
        } catch (const Error& e) {
            ++result.failed;
            report(e);
        }
    }
    return result;
}

}  // namespace briefkit
