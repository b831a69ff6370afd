// The ANPA-1312 reader: wire transmissions in the framing agencies (AP above all) have sent
// since the 1970s. A transmission is:
//
//   SYN SYN SOH  service and sequence (`W2870`)  US  selector codes (`asian`)  LF
//   priority  category  format codes  keyword slug  take and version  MM-DD  word count  LF
//   STX  the text  (ETX)  ...  EOT
//
// In AP's text, lines starting `^` are set apart from the body: the keyword line, the headline,
// editor's notes (`^Eds:`), photo references (`^AP Photo`), the byline (`^By ...=` and its
// title line), tabular rows (`^H`, cells set apart by `;` or `^^`), and the time trailer
// (`^CAP-WF-08-29-16 1626GMT`), which gives the date and time in UTC. Body paragraphs start
// with a tab and three spaces, the first with its dateline (`BEIJING (AP) _`). AP's typewriter
// conventions are restored with a note each: `` and '' become curly quotes, ` _ ` a dash, `{`
// after a figure a half.
//
// ANPA-1312 carries no URL, no language (it is guessed), no links, lists or headings other than
// lines set apart, and the date's year only in the trailer.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one ANPA-1312 transmission; `name` is used in errors. Throws InputError.
[[nodiscard]] Document read_anpa(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` start like an ANPA-1312 transmission: SYN characters, then SOH.
[[nodiscard]] bool looks_like_anpa(std::string_view bytes);

}  // namespace briefkit::formats
