// ninjs: the 3.1 writer's output is valid against IPTC's schema and reads back with what ninjs
// carries; the reader takes 1.x, 2.x and 3.x items and agencies' envelopes, and refuses what
// holds no text item, naming what it holds.
#include <catch2/catch.hpp>

#include "formats/ninjs/ninjs_reader.hpp"
#include "formats/ninjs/ninjs_writer.hpp"
#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_ninjs;

namespace {

std::string ninjs_of(const Document& doc) { return write_to_string(*formats::make_ninjs_writer({}), doc); }

}  // namespace

TEST_CASE("ninjs: every field ninjs carries reads back, for every hostile string") {
    for (const std::string& nasty : test::kHostileStrings) {
        const Document doc = test::every_kind_for_feeds(nasty);
        const Document back = read_ninjs(ninjs_of(doc), "a.ninjs.json", {});
        INFO(nasty);
        CHECK(test::carried(back) == test::carried(doc));
    }
}

TEST_CASE("ninjs: dates with a zone are RFC 3339 date-times, and others are kept in described form") {
    Document doc = test::every_kind_for_feeds("x");
    const std::string json = ninjs_of(doc);
    CHECK(json.find("\"contentCreated\": \"2020-05-26T09:30:00+06:00\"") != std::string::npos);
    CHECK(json.find("\"firstCreated\"") == std::string::npos);
    CHECK(json.find(R"({"role": "briefkit-date", "value": "2020-05-27T04:58:41"})") != std::string::npos);
}

TEST_CASE("ninjs: every output is valid against IPTC's ninjs 3.1 schema") {
    const auto schemas = test::schemas_dir();
    if (!schemas || !test::have_jsonschema()) {
        WARN("IPTC's schemas or python3-jsonschema are not here: skipped");
        return;
    }
    test::TempDir dir;
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < test::kHostileStrings.size(); ++i) {
        files.push_back(dir.path() / (std::to_string(i) + ".json"));
        test::write_file(files.back(), ninjs_of(test::every_kind_for_feeds(test::kHostileStrings[i])));
    }
    Document bare;
    bare.meta.title = "Only a headline";
    bare.id = document_id(bare);
    files.push_back(dir.path() / "bare.json");
    test::write_file(files.back(), ninjs_of(bare));
    CHECK(test::json_schema_errors(files, *schemas / "ninjs" / "ninjs-schema_3.1.json") == "");
}

TEST_CASE("ninjs: a 1.x item with an HTML body, a byline and a place") {
    const Document doc = read_ninjs(R"({"guid": "urn:x:1", "type": "text", "headline": "Ferry fares frozen",
        "byline": "Mari Lund and Per Aas", "located": "Bergen", "source": "NTX", "language": "nb",
        "versioncreated": "2024-02-01T08:00:00+0100", "firstcreated": "2024-02-01T07:30:00+0100",
        "body_html": "<p>The operator froze fares.</p><p>Unions <b>welcomed</b> it.</p>", "body_text": "ignored"})",
                                    "item.json", {});
    CHECK(doc.meta.title == "Ferry fares frozen");
    CHECK(doc.meta.date->iso() == "2024-02-01T07:30:00+01:00");
    CHECK(doc.meta.authors == std::vector<std::string>{"Mari Lund", "Per Aas"});
    CHECK(doc.meta.place == "Bergen");
    CHECK(doc.meta.source.name == "NTX");
    CHECK(doc.meta.language == "nb");
    CHECK(test::block_texts(doc) == std::vector<std::string>{"The operator froze fares.", "Unions welcomed it."});
}

TEST_CASE("ninjs: a 3.x item with plain-text bodies, and one inside an agency's envelope") {
    const std::string item = R"({"uri": "https://example.org/a", "type": "text",
        "headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Main headline"}],
        "bodies": [{"contentType": "text/plain", "value": "First paragraph.\n\nSecond paragraph."}],
        "infoSources": [{"name": "Example Wire", "role": "source"}], "by": "Ada Moss"})";
    const Document doc = read_ninjs(item, "item.json", {});
    CHECK(doc.meta.title == "Main headline");
    CHECK(doc.meta.url == "https://example.org/a");
    CHECK(doc.meta.source.name == "Example Wire");
    CHECK(test::block_texts(doc) == std::vector<std::string>{"First paragraph.", "Second paragraph."});
    const Document wrapped = read_ninjs(R"({"api_version": "1.1", "data": {"item": )" + item + "}}", "item.json", {});
    CHECK(test::carried(wrapped) == test::carried(doc));
}

TEST_CASE("ninjs: a picture, a feed listing and JSON that is not ninjs are refused, saying what they hold") {
    CHECK(test::error_of(&read_ninjs, R"({"uri": "x", "type": "picture", "headline": "A photo"})") ==
          "bad: holds no article: it is a ninjs 'picture' item, not text");
    CHECK(test::error_of(&read_ninjs, R"({"data": {"items": [{"item": {}}, {"item": {}}]}})") ==
          "bad: holds no article: it is a feed listing of 2 items (references to content, not the content itself)");
    CHECK(test::error_of(&read_ninjs, R"({"requests": {}})") == "bad: not ninjs: the object has neither 'uri' nor 'guid'");
    CHECK(test::error_of(&read_ninjs, R"({"uri": "x", "type": "text"})") ==
          "bad: holds no text: the ninjs item has neither a headline nor body text");
}

TEST_CASE("ninjs: control characters in JSON strings and HTML bodies are removed with a note (a fuzz finding)") {
    const Document doc = read_ninjs(R"({"uri": "u", "type": "text", "headline": "Head\u0001line",
        "body_html": "<p>See <a href=\"\bhttps://example.org/\">this\u0007</a>.</p>"})",
                                    "item.json", {});
    CHECK(doc.meta.title == "Headline");
    REQUIRE(doc.body.size() == 1);
    CHECK(std::get<Paragraph>(doc.body[0]).content ==
          Inlines{Text{"See "}, Link{"this", "https://example.org/"}, Text{"."}});
    CHECK(test::has_note(doc, "control-characters-removed"));
}
