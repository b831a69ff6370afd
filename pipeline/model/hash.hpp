// Content hashes: SHA-256 (from Debian's nettle) and the stable document id. ("Digest" in
// Briefkit means the many-article PDF only.)
#pragma once

#include <string>
#include <string_view>

#include "briefkit/model.hpp"

namespace briefkit {

/// Lower-case hexadecimal SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// The stable id of a document: `bk-` and 20 hex digits of a SHA-256 over its
/// normalized content (metadata values and body, not notes or the raw date texts),
/// so the same article gets the same id whatever damage its file carried.
[[nodiscard]] std::string document_id(const Document& doc);

/// Gives a document read back from XML or YAML its id: document_id() of what was read. When
/// the file stated another id (its content was edited since), a note at `line` says so.
void restamp_id(Document& doc, std::string_view stated_id, int line);

}  // namespace briefkit
