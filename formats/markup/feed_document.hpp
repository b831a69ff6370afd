// What every reader of a news-industry format (NITF, NewsML, ninjs, ANPA-1312) does once it has
// read an item's fields: the byline split into authors, the notes on what the item lacked and
// on what the format cannot carry, a language guessed when none was stated, the limits checked
// and the id stamped.
#pragma once

#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats::markup {

/// `text` split at each occurrence of any of `separators`, in order (`A | B - C` at `" | "` and
/// `" - "` gives `A`, `B`, `C`).
[[nodiscard]] std::vector<std::string_view> split(std::string_view text, std::span<const std::string_view> separators);

/// The authors a byline names: a leading `By` dropped, names split at `and`, `&` and `;`, and
/// a title after a comma (`, Associated Press Writer`) left out. Empty for an empty byline.
[[nodiscard]] std::vector<std::string> authors_from_byline(std::string_view byline);

/// The place a dateline's text names first: up to its first comma (`LONDON, Oct 14 (Reuters) -`),
/// else its leading capitalized words (`SYDNEY March 22 AAP -`), else the whole text without a
/// closing dash. Empty when that holds digits (a dateline of only a date or time).
[[nodiscard]] std::string dateline_place(std::string_view dateline);

/// True when `text` is a byline's title or an outlet (`AP Sports Writer`, `Associated Press`,
/// `Michigan State University`), not a person's name.
[[nodiscard]] bool is_byline_title(std::string_view text);

/// Finishes a document read from a feed format called `format` (`NITF`): notes a missing
/// headline (`headline-missing`) and an empty body (`body-missing`); guesses the language when
/// the item stated none (`language-guessed`); notes, once, what the format cannot carry
/// (`format-lacks`, with `lacks` as its message, unless `lacks` is empty); checks the limits;
/// sets the id. An item with neither headline nor body text holds no text to convert: InputError.
/// Throws LimitError past a limit.
void finish_feed_document(Document& doc, std::string_view format, std::string_view lacks, std::string_view name,
                          const ReadOptions& options);

}  // namespace briefkit::formats::markup
