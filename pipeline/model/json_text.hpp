// Writing JSON text by hand on hot paths (manifest lines, stream results, the JSON and ninjs writers).
#pragma once

#include <string>
#include <string_view>

namespace briefkit {

/// Appends `value` to `out` as a JSON string: quotes, backslashes and control characters
/// escaped, invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view value);

/// Appends `value` to `out` escaped as the inside of a JSON string (without the quotes), as
/// append_json_string() escapes it: for a string written in pieces.
void append_json_escaped(std::string& out, std::string_view value);

}  // namespace briefkit
