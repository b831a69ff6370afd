// ISO 8601 dates as the news formats write them: NITF's basic form (`20131020T192751+1100`) and
// the extended form of NewsML and ninjs (`2014-08-29T13:49:51+00:00`, `...Z`, `...51.000Z`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "briefkit/model.hpp"

namespace briefkit::formats::markup {

/// Reads an ISO 8601 date in the basic or extended form: a day, optionally a time (to the minute
/// or second, a fraction ignored) and a zone (`Z`, `+hh`, `+hhmm`, `+hh:mm`). The result's text
/// is `text`, trimmed. Nullopt for anything else, a day that does not exist or a zone past 14 hours.
[[nodiscard]] std::optional<Date> parse_iso8601(std::string_view text);

/// `date` in ISO 8601's basic form, as NITF's `norm` attributes take it: `20200527`,
/// `20200527T093000` or `20200527T093000+0600`.
[[nodiscard]] std::string basic_iso(const Date& date);

}  // namespace briefkit::formats::markup
