// The edges of an article's body, where pages put their boilerplate inside the article's own
// container: the "Related articles" or "About the author" heading and what follows it, prompts
// ("Subscribe to our newsletter", "Read more: ..."), and the short lines after the last
// paragraph of prose (credits, tags, share and rating prompts), the author's bio.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit::formats::html {

/// The text of lines trim_body_edges() cut that tell something of the article, in order.
struct CutLines {
    std::vector<std::string> edges;    ///< Short lines before and after the text, where a page prints its date and byline.
    std::vector<std::string> credits;  ///< Credit lines of pictures and sources (`Foto: …`, `Quelle: dpa`).
};

/// Trims `blocks` as above, and the author's box after the text that opens with one of
/// `authors`' names, adding one note per rule that removed something; returns the lines cut
/// that may date the article, name its author or credit its source.
CutLines trim_body_edges(std::vector<Block>& blocks, std::vector<Note>& notes, std::span<const std::string> authors = {});

}  // namespace briefkit::formats::html
