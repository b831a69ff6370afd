// Handling labels: FIRST's TLP 2.0 read from text, ranked, and combined with a style's.
#include <catch2/catch.hpp>

#include "pipeline/model/handling.hpp"

using namespace briefkit::handling;

TEST_CASE("handling: TLP labels are read in any case and spacing, TLP:WHITE as TLP 2.0's TLP:CLEAR") {
    CHECK(tlp_label("TLP:AMBER")->label == "TLP:AMBER");
    CHECK(tlp_label("tlp: amber + strict")->label == "TLP:AMBER+STRICT");
    CHECK(tlp_label("TLP:RED")->legacy == false);
    const auto white = tlp_label("TLP:WHITE");
    REQUIRE(white);
    CHECK(white->label == "TLP:CLEAR");
    CHECK(white->legacy);
    for (const char* not_one : {"TLP", "TLP:ORANGE", "AMBER", "TLP:AMBER only to staff", ""}) {
        INFO(not_one);
        CHECK_FALSE(tlp_label(not_one));
    }
}

TEST_CASE("handling: the printed label is the more restrictive TLP label, else the article's own") {
    CHECK(tlp_rank("TLP:CLEAR") < tlp_rank("TLP:GREEN"));
    CHECK(tlp_rank("TLP:AMBER") < tlp_rank("TLP:AMBER+STRICT"));
    CHECK(tlp_rank("TLP:AMBER+STRICT") < tlp_rank("TLP:RED"));
    CHECK(tlp_rank("INTERNAL") == -1);
    CHECK(printed_label("TLP:CLEAR", "TLP:AMBER") == "TLP:AMBER");
    CHECK(printed_label("TLP:AMBER", "TLP:GREEN") == "TLP:AMBER");
    CHECK(printed_label("TLP:CLEAR", "") == "TLP:CLEAR");
    CHECK(printed_label("", "TLP:RED") == "TLP:RED");
    CHECK(printed_label("INTERNAL", "TLP:GREEN") == "TLP:GREEN");
}
