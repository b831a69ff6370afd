// The ninjs writer: IPTC's News in JSON, version 3.1 (`http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json`),
// one `type: text` object per article:
//
//   uri            the article's URL, else `urn:briefkit:<id>` (also for a URL that is no valid
//                  URI as it stands, which altIds then carries with role briefkit-url)
//   standard       ninjs 3.1 and its schema
//   firstCreated, versionCreated   the date, when it has a time and a zone (RFC 3339 needs both)
//   contentCreated the agency's date, likewise
//   language, headlines (role main), by, located, infoSources (the agency, role source)
//   people         each author (rel author), so that names holding "and" survive
//   altIds         the Briefkit id (role briefkit-id)
//   descriptions   a date without time or zone (role briefkit-date or briefkit-source-date)
//   bodies         the body as HTML (text/html) and as plain text (text/plain)
//
// ninjs cannot carry the reader's notes, the dates as the article printed them, or whether a
// date's day and month were guessed.
#pragma once

#include <memory>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// Creates the ninjs 3.1 writer.
[[nodiscard]] std::unique_ptr<Writer> make_ninjs_writer(const WriterOptions& options);

}  // namespace briefkit::formats
