// Content digests: SHA-256 (from Debian's nettle) and the stable document id.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/model.hpp"

namespace briefkit {

/// Lower-case hexadecimal SHA-256 of `bytes`.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// The stable id of a document: `bk-` and 20 hex digits of a SHA-256 over its
/// normalized content (metadata values and body, not notes or the raw date texts),
/// so the same article gets the same id whatever damage its file carried.
[[nodiscard]] std::string document_id(const Document& doc);

}  // namespace briefkit
