// Date recognition: every form the reader must know, validation and ambiguity.
#include <catch2/catch.hpp>

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "formats/markup/dates.hpp"
#include "pipeline/model/utf8.hpp"
#include "support/test_support.hpp"

using briefkit::DateOrder;
using briefkit::formats::markup::parse_date;

namespace {

std::string iso(std::string_view text, DateOrder order = DateOrder::dmy) {
    const auto r = parse_date(text, order);
    return r ? r->date.iso() : std::string("none");
}

}  // namespace

TEST_CASE("dates: numeric day-month-year with dots, slashes and ISO order") {
    CHECK(iso("27.05.2020") == "2020-05-27");
    CHECK(iso("27/05/2020") == "2020-05-27");
    CHECK(iso("2020-05-27") == "2020-05-27");
    CHECK(iso("2020/05/27") == "2020-05-27");
}

TEST_CASE("dates: named months, day first or month first, abbreviated or not") {
    CHECK(iso("26 May 2020") == "2020-05-26");
    CHECK(iso("May 26, 2020") == "2020-05-26");
    CHECK(iso("26 Mar 2020") == "2020-03-26");
    CHECK(iso("Mar. 26, 2020") == "2020-03-26");
    CHECK(iso("26th March 2020") == "2020-03-26");
    CHECK(iso("Tuesday, 26 May 2020") == "2020-05-26");
    CHECK(iso("26 SEPT 2020") == "2020-09-26");
}

TEST_CASE("dates: wire timestamp with time and hundredths") {
    const auto r = parse_date("9-MAR-1987 04:58:41.12", DateOrder::dmy);
    REQUIRE(r);
    CHECK(r->date.iso() == "1987-03-09T04:58:41");
    CHECK(r->date.text == "9-MAR-1987 04:58:41.12");
    CHECK_FALSE(r->date.ambiguous);
}

TEST_CASE("dates: times with minutes only and am/pm") {
    CHECK(iso("2020-05-27 14:05") == "2020-05-27T14:05:00");
    CHECK(iso("May 26, 2020 2:30 pm") == "2020-05-26T14:30:00");
    CHECK(iso("May 26, 2020 12:10 am") == "2020-05-26T00:10:00");
    CHECK(iso("2020-05-27 25:00") == "none");
}

TEST_CASE("dates: Russian and Turkish month names") {
    CHECK(iso("27 мая 2020") == "2020-05-27");
    CHECK(iso("5 Апреля 2024") == "2024-04-05");
    CHECK(iso("27 Mayıs 2020") == "2020-05-27");
    CHECK(iso("1 Şubat 2021") == "2021-02-01");
}

TEST_CASE("dates: impossible calendar days are not dates") {
    CHECK(iso("31.02.2020") == "none");
    CHECK(iso("29.02.2019") == "none");
    CHECK(iso("29.02.2020") == "2020-02-29");
    CHECK(iso("31 April 2020") == "none");
    CHECK(iso("2020-13-01") == "none");
    CHECK(iso("00.01.2020") == "none");
}

TEST_CASE("dates: text that only contains a date is not a date line") {
    CHECK(iso("Bishkek") == "none");
    CHECK(iso("On 27.05.2020 the council met") == "none");
    CHECK(iso("Kabar (26 May 2020)") == "none");
    CHECK(iso("12 mths") == "none");
}

TEST_CASE("dates: day and month both 12 or less are ambiguous and follow --date-order") {
    const auto dmy = parse_date("04/03/1987", DateOrder::dmy);
    REQUIRE(dmy);
    CHECK(dmy->date.iso() == "1987-03-04");
    CHECK(dmy->date.ambiguous);
    REQUIRE(dmy->alternative);
    CHECK(dmy->alternative->month == 4);

    const auto mdy = parse_date("04/03/1987", DateOrder::mdy);
    REQUIRE(mdy);
    CHECK(mdy->date.iso() == "1987-04-03");
    CHECK(mdy->date.ambiguous);
}

TEST_CASE("dates: a day over 12 settles the order whatever --date-order says") {
    const auto r = parse_date("27/05/2020", DateOrder::mdy);
    REQUIRE(r);
    CHECK(r->date.iso() == "2020-05-27");
    CHECK_FALSE(r->date.ambiguous);
    CHECK(iso("05/27/2020") == "2020-05-27");
    CHECK_FALSE(parse_date("05.05.2020", DateOrder::dmy)->date.ambiguous);
}

TEST_CASE("dates: a one-letter misspelt month is taken only in lenient mode") {
    CHECK(briefkit::formats::markup::month_number("Jne") == 0);
    CHECK(briefkit::formats::markup::month_number_lenient("Jne") == 6);
    CHECK(briefkit::formats::markup::month_number_lenient("Febuary") == 2);
    CHECK(briefkit::formats::markup::month_number_lenient("Md") == 0);
}

TEST_CASE("dates: the agency date settles an ambiguous date line") {
    const auto doc = briefkit::test::read(
        "HEADLINE OF THE STORY\n\n04/03/1987\n\nTASS (3 Mar 1987)\n\nMoscow\n\nThe body of the story is here.\n");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "1987-03-04");
    CHECK_FALSE(doc.meta.date->ambiguous);
    CHECK(briefkit::test::has_note(doc, "date-order-inferred"));

    briefkit::ReadOptions mdy;
    mdy.date_order = DateOrder::mdy;
    const auto other = briefkit::test::read(
        "HEADLINE OF THE STORY\n\n04/03/1987\n\nTASS (3 Mar 1987)\n\nMoscow\n\nThe body of the story is here.\n", mdy);
    CHECK(other.meta.date->iso() == "1987-03-04");
}

TEST_CASE("dates: an ambiguous date with nothing to settle it stays flagged and noted") {
    const auto doc = briefkit::test::read("HEADLINE OF THE STORY\n\n04/03/1987\n\nThe body of the story is here.\n");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->ambiguous);
    CHECK(briefkit::test::has_note(doc, "date-ambiguous"));
}

namespace {

/// Full Unicode case folding, composed, as utf8proc does it.
std::string utf8proc_fold(const std::string& s) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    return n < 0 ? s : std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

// fold_case folds most letters itself, without utf8proc's allocating mapping; it must agree with it.
TEST_CASE("dates: case folding agrees with utf8proc for every code point and for mixed words") {
    std::size_t differ = 0;
    for (char32_t cp = 1; cp < 0x3000; ++cp) {
        std::string s;
        briefkit::utf8::append(s, cp);
        s += "Ab";
        if (briefkit::formats::markup::fold_case(s) != utf8proc_fold(s)) ++differ;
    }
    CHECK(differ == 0);
    for (const std::string word : {"\u041C\u0410\u042F", "Stra\u00DFe", "\u0130stanbul", "\u017Fun", "\u00C7OK",
                                   "\u0414\u0435\u043A\u0430\u0431\u0440\u044F", "Caf\u00C9 \u03A3\u039F\u03A3", "bad \xFF byte"}) {
        CHECK(briefkit::formats::markup::fold_case(word) == utf8proc_fold(word));
    }
}

// A digit run is measured before it is read as a number, so a long one cannot overflow.
TEST_CASE("dates: runs of digits longer than any form allows are no date, whatever their length") {
    CHECK(iso("12345678901234567890 May 2020") == "none");
    CHECK(iso("May 99999999999999999999, 2020") == "none");
    CHECK(iso("27.05.20201234567890123") == "none");
    CHECK(iso("27.05.2020 99999999999:00") == "none");
    CHECK(iso("27.05.2020") == "2020-05-27");
}

TEST_CASE("dates: a zone the text states becomes the UTC offset, and no other date gets one") {
    CHECK(iso("27.05.2020 09:30 GMT") == "2020-05-27T09:30:00+00:00");
    CHECK(iso("2020-05-27 09:30 +06:00") == "2020-05-27T09:30:00+06:00");
    CHECK(iso("2020-05-27 09:30 +0600") == "2020-05-27T09:30:00+06:00");
    CHECK(iso("27 May 2020 10:00 GMT+3") == "2020-05-27T10:00:00+03:00");
    CHECK(iso("May 27, 2020 0830 GMT") == "2020-05-27T08:30:00+00:00");
    CHECK(iso("27 May 2020 14:05 EDT") == "2020-05-27T14:05:00-04:00");
    CHECK(iso("2020-05-27T09:30:00Z") == "2020-05-27T09:30:00+00:00");
    CHECK(iso("27.05.2020 09:30") == "2020-05-27T09:30:00");
    CHECK(iso("27.05.2020 0830") == "none");           // four digits without a zone: not a time
    CHECK(iso("27.05.2020 09:30 CST") == "none");      // CST names several zones
    CHECK(iso("27.05.2020 09:30 +15:00") == "none");   // beyond any zone
}

TEST_CASE("dates: German, French, Spanish and Italian month names, as web pages print them") {
    CHECK(iso("18. Oktober 2019") == "2019-10-18");
    CHECK(iso("3. März 2021") == "2021-03-03");
    CHECK(iso("1. Jänner 2020") == "2020-01-01");
    CHECK(iso("12 décembre 2022") == "2022-12-12");
    CHECK(iso("5 de enero de 2022") == "2022-01-05");
    CHECK(iso("7 giugno 2021") == "2021-06-07");
    CHECK(iso("Mai 4, 2020") == "2020-05-04");
    CHECK(iso("26 december 2020") == "2020-12-26");
}
