#include "briefkit/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace briefkit {

Error::Error(std::string message, std::string file, int line)
    : std::runtime_error(message), message_(std::move(message)), file_(std::move(file)), line_(line) {}

LimitError out_of_memory(const std::string& file) {
    return LimitError("ran out of memory converting it (run fewer inputs at once with -j, or refuse such inputs "
                      "with lower --max-input-size or --max-line-length)",
                      file);
}

namespace {

constexpr std::array<ExitCodeMeaning, 4> kExitCodes{{
    {ExitCode::ok, "every input converted"},
    {ExitCode::some_failed, "some inputs failed (each reported on stderr); every other input was still written"},
    {ExitCode::usage, "usage error (unknown option or format, no inputs); nothing was converted"},
    {ExitCode::interrupted,
     "interrupted by SIGINT or SIGTERM; the inputs in flight were finished and the manifest written"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kErrorClasses{{
    {"input", "the input cannot be read as an article (missing, empty, binary, not valid)"},
    {"limit", "the input is over a limit (size, line length, paragraphs, depth, time, memory)"},
    {"output", "an output cannot be written (folder, disk, a collision with another input's outputs)"},
    {"usage", "a wrong option met while converting it (an unknown input format)"},
    {"error", "any other failure"},
}};

/// The longest message printed whole; a longer one is cut (it quotes a huge input, say).
constexpr std::size_t kMaxMessage = 600;

/// `text` with control characters escaped (\n, \t, \xHH), so that it stays on one line.
std::string escape_controls(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            out += fmt::format("\\x{:02X}", byte);
        } else {
            out += c;
        }
    }
    return out;
}

bool has_controls(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7F; });
}

/// A file name as an error line shows it: as it is, or quoted and escaped when it holds a line
/// break or another control character.
std::string shown_file(std::string_view file) {
    if (!has_controls(file)) return std::string(file);
    return "\"" + escape_controls(file) + "\"";
}

/// `message` on one line, cut after kMaxMessage bytes (at a character boundary).
std::string shown_message(std::string_view message) {
    if (message.size() <= kMaxMessage) return has_controls(message) ? escape_controls(message) : std::string(message);
    std::size_t cut = kMaxMessage;
    while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("{}... ({} more bytes not shown)", escape_controls(message.substr(0, cut)), message.size() - cut);
}

}  // namespace

std::span<const ExitCodeMeaning> exit_codes() { return kExitCodes; }

std::span<const std::pair<std::string_view, std::string_view>> error_classes() { return kErrorClasses; }

std::string describe(const Error& error) {
    const std::string message = shown_message(error.message());
    if (error.file().empty()) return message;
    if (error.line() > 0) return fmt::format("{}:{}: {}", shown_file(error.file()), error.line(), message);
    return fmt::format("{}: {}", shown_file(error.file()), message);
}

}  // namespace briefkit
