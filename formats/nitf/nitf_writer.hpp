// The NITF writer: NITF 3.6 (`http://iptc.org/std/NITF/2006-10-18/`), the news industry's XML for
// one article. Elements follow the order of the 3.6 DTD's content models:
//
//   nitf[baselang] > head > title, docdata > (doc-id, date.issue), pubdata
//                  > body > body.head > hedline > hl1; byline > person; distributor; dateline > location
//                         > body.content > p | hl2 | ul/ol > li | bq > block > p | table | pre, inline a
//                         > body.end > tagline (the source's credit line)
//
// NITF cannot carry the reader's notes, heading levels (every heading is `hl2`), the dates as
// the article printed them, or whether a date's day and month were guessed.
#pragma once

#include <memory>
#include <string_view>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// Creates the NITF writer.
[[nodiscard]] std::unique_ptr<Writer> make_nitf_writer(const WriterOptions& options);

}  // namespace briefkit::formats
