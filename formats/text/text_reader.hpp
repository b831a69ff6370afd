// The normalizing plain-text reader: raw article bytes to a Document.
//
// It decodes any of the encodings news files arrive in, cleans every line, finds
// the header (headline, separators, date line, agency line, dateline place), the
// trailer (URL, `Source:` labels, wire sign-off) and the body paragraphs, repairs
// hard wraps, split words and paragraphs broken mid-sentence, and records every
// repair as a note. See ARCHITECTURE.md for the rules in order.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one plain-text article. `name` is used in errors and nowhere else.
/// Throws InputError for empty, binary or oversized input.
[[nodiscard]] Document read_text(std::string_view bytes, std::string_view name, const ReadOptions& options);

}  // namespace briefkit::formats
