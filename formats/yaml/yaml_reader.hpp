// The YAML reader: `briefkit/article/1` documents, as the YAML writer writes them or as a
// person edited them, back into the model.
//
// It checks the `schema` key, every key's type and the required keys (`schema`, `title`,
// `body`), and refuses unknown keys, which are most often misspelt ones; every error names the
// file, the line and the key. What people write by hand reads as they mean it: an unquoted
// title, a plain `date: 2020-05-27`, a folded (`>`) paragraph, a missing `id` or `date_text`.
#pragma once

#include <string_view>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"

namespace briefkit::formats {

/// Reads one article YAML document; `name` is used in errors. Throws InputError.
[[nodiscard]] Document read_yaml(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// True when `bytes` look like article YAML: a `schema: briefkit/article/1` line near the start.
[[nodiscard]] bool looks_like_yaml(std::string_view bytes);

}  // namespace briefkit::formats
