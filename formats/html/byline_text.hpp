// The words of a byline as web pages print it: the labels that open one (`By`, `Von`,
// `Autor:`) and a date line (`Datum:`), the names a byline gives, and the checks that what
// follows a label reads as names and not as a sentence, a menu or a button.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::html {

/// True when `c` is a space, a tab or a line break (HTML's blanks, without a call per byte).
constexpr bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// `text` with each no-break space made a plain one and space runs collapsed: bylines join their
/// label and name with either (`By&nbsp;<a>...`).
[[nodiscard]] std::string plain_spaced(std::string_view text);

/// What the start of a line of text is a label of.
struct LineOpening {
    bool byline = false;  ///< A byline's (`By`, `Von`, `Autor:`).
    bool date = false;    ///< A date's (`Datum:`, `Published on`).
};

/// The labels `text` opens with, or is alone. Cheap enough to try on every text node of a page.
[[nodiscard]] LineOpening labels_opening(std::string_view text);

/// True when `text` opens with a byline's label, or is one alone (`By`, `Autor:`).
[[nodiscard]] bool opens_with_label(std::string_view text);

/// True when `names`, what clean_byline() leaves of `line`, is one user's name (`kaimo`,
/// `ufergarten`, `harbour_fan`) after a label of two words or more (`Gespeichert
/// von`, `Posted by`, `Verfasst von:`): a forum's or a blog's poster, lowercase as such names are.
[[nodiscard]] bool names_a_user(std::string_view line, std::string_view names);

/// True when `text` is a byline's or a date's label and nothing more (`By`, `Datum:`).
[[nodiscard]] bool is_label_alone(std::string_view text);

/// The names of a byline as pages print it: a leading `By`, `Von`, `Autor:` and a trailing
/// date, time or `am ...` left out; empty when what is left cannot be names.
[[nodiscard]] std::string clean_byline(std::string text);

/// True when every word of `text` is capitalised or one of the small words names hold
/// (`von`, `de`, `und`): a line of names, not a sentence or a menu's phrase.
[[nodiscard]] bool reads_as_names(std::string_view text);

/// True when each comma-separated part of `names` reads as names, or, after the first, as a job
/// title (`Uta Staschewski, Projektleiterin der HSS`): a byline, not a phrase that opens with `von`.
[[nodiscard]] bool reads_as_byline(std::string_view names);

/// The whole name a profile's description opens with when `given` is one word of it, a first
/// name (`Nils` described as `Nils Pickert ist freier Autor…`, `Stefanus` as `Stefanus Stahl -
/// Maschinenbauer…`): `given` and the capitalised words (and name particles) that follow it, at
/// most three; empty when the description does not open so.
[[nodiscard]] std::string name_from_description(std::string_view given, std::string_view description);

/// True when `name` is a word a byline's furniture prints, not anyone's name: a label (`By`,
/// `Autor`), a button (`Follow`), a placeholder (`admin`, `No Author`).
[[nodiscard]] bool is_furniture_word(std::string_view name);

/// The names the bylines give, each split by markup::authors_from_byline(), without repeats,
/// without the quotation marks markup left around them, without a byline's furniture words or
/// phrases that name no one (`Redakteurin bei der Abendpost`), without the agencies it
/// credits beside a person (`dpa` of `David Hutzler, dpa`), and without a one-word name that
/// is a word of another name given (`Matthias` beside `Matthias Roth`).
[[nodiscard]] std::vector<std::string> names_of(const std::vector<std::string>& bylines);

/// The authors a printed byline names (`Von Claudia Lindner`, `By A and B, 5 May 2022`); none
/// when `line` does not open with a byline's label or what follows it does not read as names.
[[nodiscard]] std::vector<std::string> byline_names(std::string_view line);

}  // namespace briefkit::formats::html
