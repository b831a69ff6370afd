#include "pipeline/model/limits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "briefkit/error.hpp"
#include "briefkit/model.hpp"
#include "briefkit/overloaded.hpp"

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

std::vector<std::string> encoding_names() {
    std::vector<std::string> names;
    for (const auto& entry : kNames) names.emplace_back(entry.first);
    return names;
}

std::string_view encoding_name(Encoding encoding) {
    for (const auto& [n, e] : kNames) {
        if (e == encoding) return n;
    }
    return "auto";
}

void check_input_size(std::size_t size, std::string_view name, const ReadOptions& options) {
    if (size > options.max_input_size) {
        throw LimitError(
            fmt::format("file is {} bytes, over the {}-byte limit (--max-input-size)", size, options.max_input_size),
            std::string(name));
    }
}

void check_paragraph_count(std::size_t blocks, std::string_view name, const ReadOptions& options) {
    if (blocks > options.max_paragraphs) {
        throw LimitError(fmt::format("holds over {} paragraphs, the limit (--max-paragraphs)", options.max_paragraphs),
                         std::string(name));
    }
}

void check_document_limits(const Document& doc, std::string_view name, const ReadOptions& options) {
    std::size_t paragraphs = 0;
    std::size_t longest = doc.meta.title.size();
    std::size_t longest_url = doc.meta.url.size();
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& run) {
            ++paragraphs;
            std::size_t length = 0;
            for (const Inline& piece : run) {
                length += std::visit(overloaded{[](const Text& t) { return t.text.size(); },
                                                [&](const Link& l) {
                                                    longest_url = std::max(longest_url, l.href.size());
                                                    return l.text.size();
                                                }},
                                     piece);
            }
            longest = std::max(longest, length);
        });
    }
    if (longest_url > kMaxUrlLength) {
        throw LimitError(fmt::format("has a URL or link target of {} bytes, over the {} bytes an address may hold "
                                     "(the longest string a PDF reader must accept)",
                                     longest_url, kMaxUrlLength),
                         std::string(name));
    }
    check_paragraph_count(paragraphs, name, options);
    if (longest > options.max_line_length) {
        throw LimitError(fmt::format("has a paragraph of {} bytes, over the {}-byte limit (--max-line-length)", longest,
                                     options.max_line_length),
                         std::string(name));
    }
}

void check_depth(std::size_t depth, std::string_view name, int line, const ReadOptions& options) {
    if (depth > options.max_depth) {
        throw LimitError(fmt::format("nested over {} levels deep, the limit (--max-depth)", options.max_depth),
                         std::string(name), line);
    }
}

}  // namespace briefkit
