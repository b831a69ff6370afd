// Stream mode: NDJSON records in, one result per record out, in order.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using briefkit::test::run_briefkit;

TEST_CASE("stream: good and bad records each get a result, in order") {
    const std::string records =
        "{\"id\": 1, \"text\": \"CITY OPENS NEW BRIDGE\\n\\nThe new bridge opened on Monday, officials said.\\n\"}\n"
        "not json at all\n"
        "{\"id\": \"b\", \"path\": \"" + (briefkit::test::source_dir() / "samples/library-hours.txt").string() + "\"}\n"
        "{\"id\": [3], \"text\": \"\"}\n"
        "{\"id\": 4}\n"
        "{\"id\": 5, \"path\": \"/no/such/file.txt\"}\n";
    const auto r = run_briefkit({"stream", "-t", "yaml"}, records);
    CHECK(r.exit_code == 1);
    std::istringstream lines(r.out);
    std::vector<nlohmann::json> out;
    for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
    REQUIRE(out.size() == 6);
    CHECK(out[0]["id"] == 1);
    CHECK(out[0]["status"] == "converted");
    CHECK(out[0]["outputs"]["yaml"].get<std::string>().find("title: \"CITY OPENS NEW BRIDGE\"") != std::string::npos);
    CHECK(out[1]["status"] == "failed");
    CHECK(out[1]["id"].is_null());
    CHECK(out[2]["id"] == "b");
    CHECK(out[2]["status"] == "converted");
    CHECK(out[3]["status"] == "failed");
    CHECK(out[3]["id"] == nlohmann::json::array({3}));
    CHECK(out[3]["error"]["message"].get<std::string>().find("empty") != std::string::npos);
    CHECK(out[4]["status"] == "failed");
    CHECK(out[5]["status"] == "failed");
}
