// Strict JSON parsing shared by the JSON-family readers (article JSON, ninjs).
//
// parse_json() reads RFC 8259 JSON and nothing looser (no comments, trailing commas or single
// quotes; strings valid UTF-8 with every surrogate escape paired), refuses a key given twice in
// one object instead of keeping one of them, and builds a compact tree: every value and string in
// one arena that is freed at once, objects' members in the order the file gives them.
//
// Why not nlohmann-json, which the rest of Briefkit uses: its lexer copies every byte into a
// token buffer and its objects are std::maps of std::strings, and together they were 55% of the
// ninjs reader's time (bench/RESULTS.md). nlohmann-json stays the reference: a fuzz target
// (tests/fuzz/json_tree_fuzz.cpp) checks that both accept the same texts and read them alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "briefkit/read_options.hpp"

namespace briefkit::formats::markup {

/// What a JSON value is.
enum class JsonKind : std::uint8_t { null, boolean, number, string, array, object };

struct JsonMember;

/// One value of a parsed JSON text. Every view points into the JsonTree that holds it.
struct JsonValue {
    JsonKind kind = JsonKind::null;        ///< What the value is.
    bool truth = false;                    ///< A boolean's value.
    std::uint32_t size = 0;                ///< How many elements an array has, or members an object.
    std::string_view text;                 ///< A string's text, unescaped; a number's, as written.
    const JsonValue* elements = nullptr;   ///< An array's elements.
    const JsonMember* fields = nullptr;    ///< An object's members, in file order.

    /// True for an object.
    [[nodiscard]] bool is_object() const { return kind == JsonKind::object; }
    /// True for an array.
    [[nodiscard]] bool is_array() const { return kind == JsonKind::array; }
    /// True for a string.
    [[nodiscard]] bool is_string() const { return kind == JsonKind::string; }
    /// True for null.
    [[nodiscard]] bool is_null() const { return kind == JsonKind::null; }

    /// An array's elements; none for any other value.
    [[nodiscard]] std::span<const JsonValue> items() const { return {elements, is_array() ? size : 0U}; }
    /// An object's members in file order; none for any other value.
    [[nodiscard]] std::span<const JsonMember> members() const;
    /// The member `key` of an object, or nullptr (also when this is not an object).
    [[nodiscard]] const JsonValue* find(std::string_view key) const;
    /// A number written as a whole number (no fraction or exponent) that fits 64 bits; else nullopt.
    [[nodiscard]] std::optional<std::int64_t> integer() const;
};

/// One member of a JSON object.
struct JsonMember {
    std::string_view key;  ///< The key, unescaped.
    JsonValue value;       ///< Its value.
};

inline std::span<const JsonMember> JsonValue::members() const { return {fields, is_object() ? size : 0U}; }

/// A parsed JSON text: its root value and the arena every value lives in. Move-only.
class JsonTree {
public:
    /// The arena, defined in json_tree.cpp.
    struct Arena;

    /// A tree whose values live in `arena`, `root` among them.
    JsonTree(std::unique_ptr<Arena> arena, JsonValue root);
    ~JsonTree();
    JsonTree(JsonTree&&) noexcept;
    JsonTree& operator=(JsonTree&&) noexcept;
    JsonTree(const JsonTree&) = delete;
    JsonTree& operator=(const JsonTree&) = delete;

    /// The value the text holds.
    [[nodiscard]] const JsonValue& root() const { return root_; }

private:
    std::unique_ptr<Arena> arena_;
    JsonValue root_;
};

/// Parses `bytes` (a UTF-8 byte-order mark is skipped) as one JSON value, refusing a file over
/// --max-input-size, nesting deeper than --max-depth, a key given twice in one object (never
/// silently overwritten), invalid UTF-8 and a number past what a double holds. Throws InputError
/// naming `name` and the line; LimitError past a limit.
[[nodiscard]] JsonTree parse_json(std::string_view bytes, std::string_view name, const ReadOptions& options);

}  // namespace briefkit::formats::markup
