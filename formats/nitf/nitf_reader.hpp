// The NITF reader: NITF 3.x documents as agencies deliver them (AP, AAP, PA, dpa...) and as the
// NITF writer writes them, into the model. The headline is `hl1` (else the head's `title`), the
// date `date.issue`, the agency the `distributor` (else the copyright holder or the source of
// the doc-id), the place the dateline's location, the authors the byline, the language
// `baselang` or `xml:lang`, and the body `body.content` with `body.end`'s tagline.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one NITF 3.x document (with or without the namespace, with a DOCTYPE naming an external
/// DTD, which is never loaded); `name` is used in errors. Throws InputError.
[[nodiscard]] Document read_nitf(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` hold an XML document whose root element is `nitf`.
[[nodiscard]] bool looks_like_nitf(std::string_view bytes);

}  // namespace briefkit::formats
