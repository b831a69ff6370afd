// The edges of an article's body, where pages put their boilerplate inside the article's own
// container: the "Related articles" or "About the author" heading and what follows it, prompts
// ("Subscribe to our newsletter", "Read more: ..."), and the short lines after the last
// paragraph of prose (credits, tags, share and rating prompts), the author's bio.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "pipeline/model/model.hpp"

namespace briefkit::formats::html {

/// Trims `blocks` as above, and the author's box after the text that opens with one of
/// `authors`' names, adding one note per rule that removed something; returns the text of the
/// short lines cut before and after the article's text (where a page prints its date), in order.
std::vector<std::string> trim_body_edges(std::vector<Block>& blocks, std::vector<Note>& notes,
                                         std::span<const std::string> authors = {});

}  // namespace briefkit::formats::html
