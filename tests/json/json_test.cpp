// Article JSON: the writer's output reads back exactly, is valid against the shipped JSON Schema,
// and the reader is as strict as the YAML reader.
#include <catch2/catch.hpp>

#include "formats/json/json_reader.hpp"
#include "formats/json/json_writer.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_json;

namespace {

std::string json_of(const Document& doc) { return write_to_string(*formats::make_json_writer({}), doc); }

constexpr const char* kMinimal = R"({"schema": "briefkit/article/2", "title": "T", "body": [{"paragraph": "P"}]})";

}  // namespace

TEST_CASE("json: every node kind and every hostile string reads back exactly") {
    for (const std::string& nasty : test::kHostileStrings) {
        Document doc = test::every_kind(nasty);
        // Article text cannot hold C0 controls but tab and line breaks; the hostile list has none.
        const Document back = read_json(json_of(doc), "a.json", {});
        INFO(nasty);
        CHECK(back == doc);
    }
}

TEST_CASE("json: a minimal hand-written article reads, and version 1 files still read") {
    const Document doc = read_json(kMinimal, "a.json", {});
    CHECK(doc.meta.title == "T");
    CHECK(test::block_texts(doc) == std::vector<std::string>{"P"});
    std::string v1 = kMinimal;
    v1.replace(v1.find("/2"), 2, "/1");
    CHECK(read_json(v1, "a.json", {}).meta.title == "T");
}

TEST_CASE("json: unknown keys, wrong types and missing fields are errors naming their path") {
    const auto error = [](const std::string& json) { return test::error_of(&read_json, json); };
    CHECK(error(R"({"schema": "briefkit/article/2", "titel": "T", "body": []})") ==
          "bad: 'titel' is not a key here (expected one of: schema, id, title, date, date_text, date_ambiguous, source, "
          "place, url, authors, language, handling, body, notes)");
    CHECK(error(R"({"schema": "briefkit/article/2", "title": "T", "body": [{"paragraph": "a"}, {"table": {"columns": ["left"], "rows": [["a", "b"]]}}]})") ==
          "bad: 'body[1].table.rows[0]' has 2 cells; the table has 1 columns");
    CHECK(error(R"({"schema": "briefkit/article/2", "title": 3, "body": []})") == "bad: 'title' must be a string");
    CHECK(error(R"({"schema": "briefkit/article/9", "title": "", "body": []})").find("'schema' is 'briefkit/article/9'") !=
          std::string::npos);
    CHECK(error(R"({"title": "", "body": []})").find("bad: not article JSON: it has no \"schema\" key") == 0);
    CHECK(error(R"({"schema": "briefkit/article/2", "title": "", "body": [], "date": "2020-02-30"})")
              .find("'date' is '2020-02-30', not a real day") != std::string::npos);
    CHECK(error(R"({"schema": "briefkit/article/2", "title": "a\u0001b", "body": []})") ==
          "bad: 'title' holds U+0001, a character article text cannot hold");
}

TEST_CASE("json: the sniff knows article JSON by its schema key") {
    CHECK(formats::looks_like_json(kMinimal));
    CHECK(formats::looks_like_json("\xEF\xBB\xBF  {\n  \"schema\": \"briefkit/article/1\""));
    CHECK_FALSE(formats::looks_like_json(R"({"uri": "x", "schema": "briefkit/article/2"})"));
    CHECK_FALSE(formats::looks_like_json("schema: \"briefkit/article/2\""));
}

TEST_CASE("json: every output is valid against the shipped JSON Schema") {
    if (!test::have_jsonschema()) {
        WARN("python3-jsonschema is not installed: skipped");
        return;
    }
    test::TempDir dir;
    const std::filesystem::path schema = dir.path() / "article.schema.json";
    test::write_file(schema, formats::article_json_schema());
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < test::kHostileStrings.size(); ++i) {
        files.push_back(dir.path() / (std::to_string(i) + ".json"));
        test::write_file(files.back(), json_of(test::every_kind(test::kHostileStrings[i])));
    }
    CHECK(test::json_schema_errors(files, schema).empty());
}

TEST_CASE("json: a body block is read by its one key, whatever block kind it is (an address-sanitizer finding)") {
    const Document doc = read_json(R"({"schema": "briefkit/article/2", "title": "", "body": [
        {"heading": {"level": 2, "content": "H"}}, {"list": {"items": ["a"]}}, {"quote": ["q"]},
        {"preformatted": "p  re"}, {"table": {"columns": ["left"], "rows": [["c"]]}}]})",
                                   "a.json", {});
    CHECK(test::block_texts(doc) == std::vector<std::string>{"H", "a", "q", "p  re", "c"});
}
