// Date recognition: the numeric, named-month and wire-timestamp forms news files and web pages use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::markup {

/// True for the ASCII digits 0-9 (a byte or a code point).
[[nodiscard]] constexpr bool ascii_digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }

/// True for the bytes ECMAScript's `\s` matches in a byte string: space, tab, LF, VT, FF, CR.
[[nodiscard]] constexpr bool regex_space(char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

/// A recognised date and, for an ambiguous numeric date, the other reading.
struct DateReading {
    Date date;                               ///< The chosen reading; `date.ambiguous` says if it was a guess.
    std::optional<CalendarDay> alternative;  ///< The reading with day and month swapped, when both are valid.
};

/// Reads `text` as a date when the whole of it is one: `27.05.2020`, `27/05/2020`, `2020-05-27`,
/// `26 May 2020`, `May 26, 2020`, `9-MAR-1987 04:58:41.12`, with an optional weekday before and
/// time after. Invalid calendar days (31 February) are not dates. Returns nullopt otherwise.
[[nodiscard]] std::optional<DateReading> parse_date(std::string_view text, DateOrder order);

/// True when `text` holds four ASCII digits in a row, as every date parse_date reads does.
[[nodiscard]] bool has_year_digits(std::string_view text);

/// The month (1-12) a month name or abbreviation stands for, in any letter case; 0 if none.
/// Knows English, Russian, Turkish, German, French, Spanish and Italian names.
[[nodiscard]] int month_number(std::string_view word);

/// Like month_number(), but also takes an English month misspelt by one letter (`Jne`, `Febuary`),
/// when only one month is that close. For datelines, where a day number confirms the reading.
[[nodiscard]] int month_number_lenient(std::string_view word);

/// True when year, month and day make a real calendar day.
[[nodiscard]] bool valid_day(int year, int month, int day) noexcept;

/// Days from `a` to `b` (negative when `b` is earlier).
[[nodiscard]] long days_between(const CalendarDay& a, const CalendarDay& b) noexcept;

using unicode::fold_case;

}  // namespace briefkit::formats::markup
