#include "pipeline/read_options.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <utility>

#include "pipeline/error.hpp"

namespace briefkit {

namespace {

constexpr std::array<std::pair<std::string_view, Encoding>, 7> kNames{{
    {"auto", Encoding::automatic},
    {"utf-8", Encoding::utf8},
    {"utf-16le", Encoding::utf16le},
    {"utf-16be", Encoding::utf16be},
    {"windows-1252", Encoding::windows1252},
    {"windows-1251", Encoding::windows1251},
    {"latin-1", Encoding::latin1},
}};

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    for (const auto& [n, e] : kNames) {
        if (n == name) return e;
    }
    return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
    for (const auto& [n, e] : kNames) {
        if (e == encoding) return n;
    }
    return "auto";
}

void check_input_size(std::size_t size, std::string_view name, const ReadOptions& options) {
    if (size > options.max_input_size) {
        throw InputError(
            fmt::format("file is {} bytes, over the {}-byte limit (--max-input-size)", size, options.max_input_size),
            std::string(name));
    }
}

}  // namespace briefkit
