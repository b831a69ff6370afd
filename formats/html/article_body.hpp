// The article's body in a web page, and nothing else: the main content found by the page's
// structure where it is honest (`<article>`, `<main>`, schema.org `articleBody`) and by content
// density where it is not (text length, commas, link density, class and id vocabulary), then
// read as blocks with the boilerplate inside it left out (share bars, related links, hidden
// text, link lists).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "formats/html/body_trim.hpp"
#include "formats/markup/xml_tree.hpp"

namespace briefkit::formats::html {

/// The blocks of an article and the notes on where they came from and what was left out.
struct ArticleBody {
    std::vector<Block> blocks;  ///< The body, in reading order.
    std::vector<Note> notes;    ///< `body-source`, one `boilerplate-left-out` per rule, media left out.
    std::string headline;       ///< The article's own heading as the page shows it; empty when none was found.
    int headline_line = 0;      ///< The input line of that heading.
    CutLines cut_lines;         ///< Lines cut before, after and from the text that tell of the article (see trim_body_edges()).
};

/// True when an element named `name` is a block (`p`, `div`, `h2`, `li`...), which ends a line of text.
[[nodiscard]] bool is_block(std::string_view name);

/// Finds and reads the article of the page whose root element is `root`, and its headline. A
/// heading that repeats the headline (or `meta_title`, the metadata's, when the page shows none)
/// is left out of the body; so is a bio after the text that opens with one of `authors`.
[[nodiscard]] ArticleBody extract_article(const markup::XmlNode* root, std::string_view meta_title,
                                          std::span<const std::string> authors = {}, std::string_view page_url = {});

}  // namespace briefkit::formats::html
