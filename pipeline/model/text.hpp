// Character classes by Unicode general category (from utf8proc), shared by the text reader
// and the PDF writer, so that "a capital letter" means the same thing everywhere.
#pragma once

#include <string>
#include <string_view>

namespace briefkit::unicode {

/// True for an uppercase letter (category Lu).
[[nodiscard]] bool is_upper(char32_t cp);

/// True for an uppercase or titlecase letter (Lu, Lt): a letter that can start a capitalized word.
[[nodiscard]] bool is_upper_or_title(char32_t cp);

/// True for a lowercase letter (Ll).
[[nodiscard]] bool is_lower(char32_t cp);

/// True for a letter that has case (Lu, Ll, Lt).
[[nodiscard]] bool is_cased_letter(char32_t cp);

/// True for any letter (Lu, Ll, Lt, Lm, Lo), cased or not.
[[nodiscard]] bool is_letter(char32_t cp);

/// `cp`'s lowercase mapping (one code point: `Ü` gives `ü`); `cp` itself when it has none.
[[nodiscard]] char32_t to_lower(char32_t cp);

/// `c` lowered when it is an ASCII capital; any other byte as it is.
[[nodiscard]] constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// `text` with ASCII letters lowered (other bytes as they are).
[[nodiscard]] std::string ascii_lower(std::string_view text);

/// `text` with ASCII letters raised (other bytes as they are).
[[nodiscard]] std::string ascii_upper(std::string_view text);

/// `word` case-folded (Unicode full case folding), for comparing words without regard to case.
[[nodiscard]] std::string fold_case(std::string_view word);

/// The letters and digits of `text`, case-folded: a key for comparing titles and names whatever
/// their case, spacing and punctuation (`„Gregory Szorc's“` gives `gregoryszorcs`).
[[nodiscard]] std::string letters_key(std::string_view text);

/// The longest start of UTF-8 `text` of at most `limit` bytes that ends between characters.
[[nodiscard]] std::string_view whole_prefix(std::string_view text, std::size_t limit);

/// UTF-8 `text` shortened for quoting in a note: whole when it fits in `limit` bytes, else cut
/// at a space (or, lacking one, a character's start) and ended with `…`.
[[nodiscard]] std::string shortened(std::string_view text, std::size_t limit);

/// The code points of UTF-8 `text` (U+FFFD for each malformed byte).
[[nodiscard]] std::u32string decode(std::string_view text);

/// `text` encoded as UTF-8.
[[nodiscard]] std::string encode(std::u32string_view text);

/// UTF-8 `text` with each tab replaced by spaces to the next stop of every 8 columns, counting
/// code points from `column` (where the text starts on its line), as a terminal shows it.
[[nodiscard]] std::string expand_tabs(std::string_view text, std::size_t column = 0);

}  // namespace briefkit::unicode
