// Title case for all-caps headlines that keeps acronyms, codes and tickers in capitals.
#pragma once

#include <string>

namespace briefkit::formats::pdf {

/// `title` in title case when it is written in capitals; any other title is returned as it is.
/// A word stays in capitals when `body` uses it in capitals (CSTO, UN), when a digit is part of
/// it or of its hyphenated or slashed run (COVID-19, G7), when it is a known acronym or time zone, or when it opens or closes a
/// parenthesis or angle bracket as an exchange and its ticker do ("(NYSE: IBM)", "<SRD>"). Short function words (of, in, and, ...) are lower-cased
/// except first and last (English only). Works for any cased script; for `language` "tr" and
/// "az", I lower-cases to ı and İ to i.
[[nodiscard]] std::string title_case(const std::string& title, const std::string& body, const std::string& language);

}  // namespace briefkit::formats::pdf
