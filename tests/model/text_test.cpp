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

TEST_CASE("text: a start of UTF-8 text cut to a byte limit ends between characters") {
    CHECK(briefkit::unicode::whole_prefix("abc", 8) == "abc");
    CHECK(briefkit::unicode::whole_prefix("ab\u00E9", 3) == "ab");  // é is two bytes: both or neither
    CHECK(briefkit::unicode::whole_prefix("ab\u00E9", 4) == "ab\u00E9");
    CHECK(briefkit::unicode::whole_prefix("\u20AC\u20AC", 5) == "\u20AC");
    CHECK(briefkit::unicode::shortened("d\u00E9j\u00E0 vu today", 5) == "d\u00E9j\u2026");
}
