#include "formats/html/page_strip.hpp"

#include <array>
#include <cstring>
#include <string_view>

#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

/// Elements whose content is never article text.
constexpr std::array<std::string_view, 5> kOpaque{"script", "style", "noscript", "template", "svg"};

/// The end of the element `name` whose content starts at `from`: the `<` of its end tag, or the
/// page's end.
std::size_t end_tag(std::string_view page, std::size_t from, std::string_view name) {
    for (std::size_t at = from; (at = page.find("</", at)) != std::string_view::npos; at += 2) {
        if (markup::tag_name_at(page, at + 2, name)) return at;
    }
    return page.size();
}

/// True for a script of JSON-LD, which the metadata reads.
bool is_json_ld(std::string_view tag) { return unicode::ascii_lower(tag).find("ld+json") != std::string::npos; }

/// Appends the newlines of `dropped` to `out` at `write`, so that lines keep their numbers.
std::size_t keep_newlines(std::string& out, std::size_t write, std::string_view dropped) {
    for (const char c : dropped) {
        if (c == '\n') out[write++] = '\n';
    }
    return write;
}

}  // namespace

void strip_non_text(std::string& page) {
    std::size_t read = 0;
    std::size_t write = 0;
    const auto copy_to = [&](std::size_t end) {
        if (write != read) std::memmove(page.data() + write, page.data() + read, end - read);
        write += end - read;
        read = end;
    };
    while (true) {
        const std::size_t open = page.find('<', read);
        if (open == std::string::npos) break;
        const std::string_view view(page);
        if (view.compare(open, 4, "<!--") == 0) {
            const std::size_t close = view.find("-->", open + 4);
            const std::size_t end = close == std::string_view::npos ? view.size() : close + 3;
            copy_to(open);
            write = keep_newlines(page, write, view.substr(open, end - open));
            read = end;
            continue;
        }
        const std::string_view* opaque = nullptr;
        for (const std::string_view& name : kOpaque) {
            if (markup::tag_name_at(view, open + 1, name)) opaque = &name;
        }
        const std::size_t tag_end = opaque == nullptr ? std::string_view::npos : view.find('>', open);
        if (tag_end == std::string_view::npos || view[tag_end - 1] == '/' ||
            (*opaque == "script" && is_json_ld(view.substr(open, tag_end - open)))) {
            copy_to(open + 1);
            continue;
        }
        const std::size_t content_end = end_tag(view, tag_end + 1, *opaque);
        copy_to(tag_end + 1);
        write = keep_newlines(page, write, view.substr(read, content_end - read));
        read = content_end;
    }
    copy_to(page.size());
    page.resize(write);
}

}  // namespace briefkit::formats::html
