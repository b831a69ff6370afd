// The names of Briefkit's own article schema as its YAML and JSON carry it: the schema
// identifiers and the keys each map may hold, for the writers and the strict readers of both.
#pragma once

#include <array>
#include <string_view>

namespace briefkit::article_keys {

/// The newest schema. Version 3 added the handling label; version 2 tables, preformatted
/// blocks and UTC offsets. Each is a superset of the one before.
inline constexpr std::string_view kSchema = "briefkit/article/3";
/// Version 2, which the writers state for an article without a handling label.
inline constexpr std::string_view kSchemaVersion2 = "briefkit/article/2";
/// Version 1, which the readers still take.
inline constexpr std::string_view kSchemaVersion1 = "briefkit/article/1";

/// The oldest schema that holds an article: version 3 only for one with a handling label, so
/// that readers of version 2 read every other article as before.
[[nodiscard]] constexpr std::string_view schema_for(bool has_handling) { return has_handling ? kSchema : kSchemaVersion2; }

/// True when `stated` names a version the readers take.
[[nodiscard]] constexpr bool known_schema(std::string_view stated) {
    return stated == kSchema || stated == kSchemaVersion2 || stated == kSchemaVersion1;
}
/// What every version's identifier starts with, for recognizing the format by its content.
inline constexpr std::string_view kSchemaFamily = "briefkit/article/";

/// The keys of the article's top-level map.
inline constexpr std::array<std::string_view, 14> kTop{"schema",   "id",          "title",     "date",
                                                       "date_text", "date_ambiguous", "source", "place",
                                                       "url",      "authors",     "language",  "handling",
                                                       "body",     "notes"};
/// The keys of `source`.
inline constexpr std::array<std::string_view, 4> kSource{"name", "date", "date_text", "date_ambiguous"};
/// The one key of each body block: its kind.
inline constexpr std::array<std::string_view, 6> kBlocks{"paragraph", "heading", "list",
                                                        "quote",     "table",   "preformatted"};
/// The keys of an inline entry: text, or a link with its address.
inline constexpr std::array<std::string_view, 3> kInline{"text", "link", "href"};
/// The keys of a table.
inline constexpr std::array<std::string_view, 4> kTable{"caption", "columns", "head", "rows"};
/// The keys of a heading.
inline constexpr std::array<std::string_view, 2> kHeading{"level", "content"};
/// The keys of a list.
inline constexpr std::array<std::string_view, 2> kList{"ordered", "items"};
/// The keys of a note.
inline constexpr std::array<std::string_view, 3> kNote{"line", "rule", "message"};

}  // namespace briefkit::article_keys
