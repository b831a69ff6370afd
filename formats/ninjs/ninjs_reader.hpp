// The ninjs reader: IPTC's News in JSON, versions 1.x, 2.x (`headline`, `body_html`,
// `firstcreated`...) and 3.x (`headlines`, `bodies`, `firstCreated`...), also inside the
// envelopes agencies deliver it in (AP Media API's `data.item`, a list under `item`). The
// headline, dates with their zones, agency (`infoSources`, `source`, `provider`), byline (`by`,
// `byline`, `authors`), place (`located`, `datelinelocation`), language and body (HTML before
// XHTML before plain text) are read; an item of another type (a picture, an event) and a feed
// listing are refused, naming what they hold.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one ninjs text item; `name` is used in errors. Throws InputError.
[[nodiscard]] Document read_ninjs(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` look like a ninjs object: JSON with `uri` or `guid`, or an envelope's `data`.
[[nodiscard]] bool looks_like_ninjs(std::string_view bytes);

}  // namespace briefkit::formats
