// Text helpers shared by the readers and writers.
#include <catch2/catch.hpp>

#include "pipeline/model/text.hpp"

TEST_CASE("text: tabs expand to the next stop of 8 columns, counted in characters from the line's start") {
    using briefkit::unicode::expand_tabs;
    CHECK(expand_tabs("a\tb") == "a       b");
    CHECK(expand_tabs("\tb") == "        b");
    CHECK(expand_tabs("ab\tc", 4) == "ab  c");
    CHECK(expand_tabs("\xC3\xA9t\xC3\xA9\tx") == "\xC3\xA9t\xC3\xA9     x");  // é counts as one column
    CHECK(expand_tabs("no tabs") == "no tabs");
}
