// Where a line may break inside a run of Chinese, Japanese or Korean, which has no spaces
// between words: the opportunities of the Unicode line breaking algorithm (UAX #14, by ICU)
// beside an ideograph, kana or Hangul syllable. The algorithm keeps closing punctuation and
// small kana off the start of a line and opening brackets off its end, as the East Asian
// rules (kinsoku) ask.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// The byte offsets inside UTF-8 `word` (never 0 or its end) where a line may break, each beside
/// an East Asian letter; empty for a word with none (found without calling ICU).
[[nodiscard]] std::vector<std::size_t> east_asian_breaks(std::string_view word);

}  // namespace briefkit::formats::pdf
