// Headlines that arrive in capitals: title case in English, sentence case elsewhere, with acronyms,
// codes and tickers kept in capitals.
#pragma once

#include <string>
#include <vector>

namespace briefkit::formats::pdf {

/// `title` as a headline is printed when it arrives in capitals; any other title is returned as
/// it is. An English headline is set in title case: every word capitalised but the small words
/// (of, in, and, ...) inside it and the wires' units (mln, dlrs, cts/lb, pct) anywhere, with
/// ordinals as written in text (3rd, 21st). Every other language is set in sentence case, as
/// its press writes headlines: the first word capitalised and each other word as the body
/// writes it inside its sentences, capitalised more often than not (a name; in German, a noun)
/// or in lower case. In both, a word stays in capitals when `body` uses it in capitals (CSTO,
/// UN), when a digit is part of it or of its hyphenated or slashed run (COVID-19, G7), when it
/// is a known acronym or time zone, or when it opens or closes a parenthesis or angle bracket as
/// an exchange and its ticker do ("(NYSE: IBM)", "<SRD>"). Works for any cased script; for
/// `language` "tr" and "az", I lower-cases to ı and İ to i.
/// `names` (the dateline's place, the authors) are capitalised in sentence case wherever they stand.
[[nodiscard]] std::string title_case(const std::string& title, const std::string& body, const std::string& language,
                                     const std::vector<std::string>& names = {});

}  // namespace briefkit::formats::pdf
