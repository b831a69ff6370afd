// JSON string escaping: the fast path that passes eight plain bytes at a time agrees with the
// byte-by-byte escaping it skips, for every byte in every position of a word.
#include <catch2/catch.hpp>

#include <string>

#include "pipeline/model/json_text.hpp"

using namespace briefkit;

namespace {

std::string escaped(std::string_view text) {
    std::string out;
    append_json_escaped(out, text);
    return out;
}

}  // namespace

TEST_CASE("json text: each byte in each position of a word is escaped as it is on its own") {
    const std::string prefix = "abcdefg";  // under eight bytes: escaped a byte at a time
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t at = 0; at < 8; ++at) {
            const std::string head = prefix.substr(0, at);
            const std::string tail = prefix.substr(0, 7 - at);
            const std::string c(1, static_cast<char>(byte));
            INFO("byte " << byte << " at " << at);
            REQUIRE(escaped(head + c + tail + prefix) == escaped(head) + escaped(c) + escaped(tail) + escaped(prefix));
        }
    }
}

TEST_CASE("json text: quotes, backslashes, controls and malformed UTF-8 in long text") {
    CHECK(escaped("a long line of text with a \"quote\" and a \\ in it") ==
          "a long line of text with a \\\"quote\\\" and a \\\\ in it");
    CHECK(escaped("line one of the text\nline two\ttabbed") == "line one of the text\\nline two\\u0009tabbed");
    CHECK(escaped("Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln und \xFF") == "Gr\xC3\xBC\xC3\x9F" "e aus K\xC3\xB6ln und \xEF\xBF\xBD");
}
