// The JSON reader: article JSON, as the JSON writer writes it or a program made it, back into the
// model, as strictly as the YAML reader: an unknown or repeated key is an error naming its path
// (`body[3].table.rows`), nesting deeper than --max-depth and files over --max-input-size are
// refused, and every string must be text an article can hold.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one article JSON document; `name` is used in errors. Throws InputError or LimitError.
[[nodiscard]] Document read_json(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` look like article JSON: an object whose first member is `"schema"` naming
/// `briefkit/article/`.
[[nodiscard]] bool looks_like_json(std::string_view bytes);

}  // namespace briefkit::formats
