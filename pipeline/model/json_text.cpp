#include "pipeline/model/json_text.hpp"

#include <fmt/format.h>

#include "pipeline/model/utf8.hpp"

namespace briefkit {

void append_json_string(std::string& out, std::string_view value) {
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < value.size()) {
        const std::size_t run = utf8::quoted_plain_run(value, pos, '\x7F');  // copied at once
        out.append(value, pos, run - pos);
        pos = run;
        if (pos == value.size()) break;
        const char32_t cp = utf8::next(value, pos);
        if (cp == '"') {
            out += "\\\"";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        } else {
            utf8::append(out, cp);
        }
    }
    out.push_back('"');
}

}  // namespace briefkit
