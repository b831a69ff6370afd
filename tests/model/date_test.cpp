// Dates: ISO 8601 with an optional time and UTC offset.
#include <catch2/catch.hpp>

#include "briefkit/model.hpp"

TEST_CASE("dates: a UTC offset is written and read back in ISO 8601, and only with a time") {
    using briefkit::Date;
    const auto zoned = Date::from_iso("2020-05-27T09:30:00+06:00");
    REQUIRE(zoned);
    CHECK(zoned->utc_offset == 360);
    CHECK(zoned->iso() == "2020-05-27T09:30:00+06:00");
    CHECK(Date::from_iso("1987-03-09T04:58:41Z")->iso() == "1987-03-09T04:58:41+00:00");
    CHECK(Date::from_iso("1987-03-09T04:58:41-05:30")->utc_offset == -330);
    CHECK_FALSE(Date::from_iso("2020-05-27T09:30:00+15:00"));
    CHECK_FALSE(Date::from_iso("2020-05-27+06:00"));
    CHECK_FALSE(Date::from_iso("2020-05-27T09:30:00+0600"));
    CHECK_FALSE(Date::from_iso("2020-05-27T09:30:00.5Z"));
    CHECK_FALSE(Date::from_iso("2020-05-27T09:30:00+06:00 "));
}
