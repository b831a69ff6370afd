// Strict key checking, shared by the article YAML reader and the style reader.
#include <catch2/catch.hpp>

#include <array>

#include "pipeline/model/keys.hpp"

using briefkit::KeyCheck;

TEST_CASE("keys: an unknown key names the known ones, and a repeated key is named once seen twice") {
    constexpr std::array<std::string_view, 2> known{"title", "date"};
    KeyCheck check(known);
    CHECK(check.problem("title").empty());
    CHECK(check.problem("titel") == "is not a key here (expected one of: title, date)");
    CHECK(check.problem("date").empty());
    CHECK(check.problem("title") == "appears twice");
}
