// Strict JSON parsing shared by the JSON-family readers (article JSON, ninjs).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "pipeline/model/read_options.hpp"

namespace briefkit::formats::markup {

/// A parsed JSON value.
using Json = nlohmann::json;

/// Parses `bytes` (a UTF-8 byte-order mark is skipped) as one JSON value, refusing a file over
/// --max-input-size, nesting deeper than --max-depth (before it is built), a key given twice in
/// one object (never silently overwritten) and invalid UTF-8. Throws InputError naming `name` and,
/// for a syntax error, the line; LimitError past a limit.
[[nodiscard]] Json parse_json(std::string_view bytes, std::string_view name, const ReadOptions& options);

}  // namespace briefkit::formats::markup
