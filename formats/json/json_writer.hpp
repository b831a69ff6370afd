// The JSON writer: the article model exactly as the YAML carries it (`schema`, `id`, `title`,
// dates, `source`, `place`, `url`, `authors`, `language`, `body`, `notes`), valid against the
// JSON Schema formats/json/article.schema.json. Written directly, one body block and one note
// per line.
#pragma once

#include <memory>
#include <string_view>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// Creates the JSON writer.
[[nodiscard]] std::unique_ptr<Writer> make_json_writer(const WriterOptions& options);

/// The text of formats/json/article.schema.json (JSON Schema 2020-12), as it was when the program was built.
[[nodiscard]] std::string_view article_json_schema();

}  // namespace briefkit::formats
