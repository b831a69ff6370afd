// The YAML writer and reader: exact read-back, hand-edited files, clear errors.
#include <catch2/catch.hpp>

#include "briefkit/error.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

Document read_yaml_text(const std::string& yaml) { return formats::read_yaml(yaml, "edited.yaml", {}); }

}  // namespace

TEST_CASE("yaml writer: every hostile string reads back exactly with a YAML parser") {
    const auto writer = formats::make_yaml_writer();
    for (const std::string& nasty : test::kHostileStrings) {
        const Document doc = test::every_kind(nasty);
        const std::string yaml = write_to_string(*writer, doc);
        INFO("string: " << nasty << "\n" << yaml);
        CHECK(test::yaml_differences(doc, yaml).empty());
    }
}

TEST_CASE("yaml writer: dates are quoted ISO 8601 strings with their source text") {
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), test::every_kind("x"));
    CHECK(yaml.find("date: \"2020-05-27T04:58:41\"\n") != std::string::npos);
    CHECK(yaml.find("date_text: \"27.05.2020 04:58:41\"\n") != std::string::npos);
    CHECK(yaml.find("date_ambiguous: true") != std::string::npos);
    CHECK(yaml.rfind("schema: \"briefkit/article/2\"\n", 0) == 0);
}

TEST_CASE("yaml reader: a hand-written file reads as its writer means it") {
    const Document doc = read_yaml_text(test::kHandWrittenYaml);
    CHECK(doc.meta.title == "Water council agrees on summer quotas");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2020-05-27");
    CHECK(doc.meta.date->text == "2020-05-27");
    CHECK(doc.meta.place == "Bishkek");
    REQUIRE(doc.body.size() == 2);
    CHECK(test::block_texts(doc)[0] == "The council met on Tuesday and agreed on the quotas for the summer.");
    CHECK(test::block_texts(doc)[1] == "Farmers' groups welcomed the decision.");
    CHECK(doc.id.starts_with("bk-"));
    CHECK(doc.notes.empty());  // no id was stated, so none was replaced
}

TEST_CASE("yaml reader: an edited file gets the id of its new content, and a note says so") {
    Document doc = read_yaml_text(test::kHandWrittenYaml);
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), doc);
    std::string edited = yaml;
    edited.replace(edited.find("Water council"), 13, "Irrigation board");
    const Document changed = read_yaml_text(edited);
    CHECK(changed.id != doc.id);
    REQUIRE(changed.notes.size() == 1);
    CHECK(changed.notes[0].rule == "id-updated");
    CHECK(changed.notes[0].message.find(doc.id) != std::string::npos);
}

TEST_CASE("yaml reader: errors name the file, the line and the key") {
    const auto read = &formats::read_yaml;
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitel: x\nbody: []\n") ==
          "bad:2: 'titel' is not a key here (expected one of: schema, id, title, date, date_text, date_ambiguous, "
          "source, place, url, authors, language, handling, body, notes)");
    CHECK(test::error_of(read, "schema: briefkit/article/4\ntitle: x\nbody: []\n") ==
          "bad:1: 'schema' is 'briefkit/article/4'; this reader reads 'briefkit/article/3', 'briefkit/article/2' and 'briefkit/article/1'");
    CHECK(test::error_of(read, "schema: briefkit/article/3\ntitle: x\nhandling: TLP:ORANGE\nbody: []\n") ==
          "bad:3: 'handling' is 'TLP:ORANGE', not a TLP 2.0 label such as TLP:AMBER");
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: x\n") ==
          "bad:1: 'body' missing (write body: [] for an article without one)");
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: x\ndate: 2020-02-30\nbody: []\n") ==
          "bad:3: 'date' is '2020-02-30', not a real day written YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS, with a zone such "
          "as +06:00 or Z if one is known)");
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: [a, b]\nbody: []\n") == "bad:2: 'title' must be a string");
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: x\nbody:\n  - heading:\n      level: 9\n      content: x\n") ==
          "bad:5: 'heading.level' must be a whole number from 1 to 6");
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: x\ntitle: y\nbody: []\n") == "bad:3: 'title' appears twice");
    CHECK(test::error_of(read, "schema: [unclosed\n").rfind("bad:", 0) == 0);
    CHECK(test::error_of(read, "schema: briefkit/article/1\ntitle: x\nbody: []\n---\nschema: x\n") ==
          "bad:5: holds 2 YAML documents; an article file holds one");
}

TEST_CASE("yaml reader: a version 1 file still reads, and tables and preformatted blocks read as written") {
    const Document old = formats::read_yaml("schema: briefkit/article/1\ntitle: Old\nbody:\n  - paragraph: Before tables.\n", "old.yaml", {});
    CHECK(old.meta.title == "Old");
    const Document doc = formats::read_yaml(
        "schema: briefkit/article/2\ntitle: T\ndate: 2020-05-27T09:30:00+06:00\nbody:\n"
        "  - table:\n      caption: in tonnes\n      columns: [left, right]\n      head: [[\"\", \"1986\"]]\n"
        "      rows:\n        - [CHILE, \"22\"]\n  - preformatted: \"a  b\\n  c\"\n",
        "new.yaml", {});
    CHECK(doc.meta.date->utc_offset == 360);
    REQUIRE(doc.body.size() == 2);
    CHECK(test::table_text(std::get<Table>(doc.body[0])) == "[in tonnes]\n | 1986\n--\nCHILE | 22");
    CHECK(std::get<Preformatted>(doc.body[1]).text == "a  b\n  c");
    CHECK(test::error_of(&formats::read_yaml, "schema: briefkit/article/2\ntitle: T\nbody:\n  - table:\n      columns: [left, "
                                              "right]\n      rows:\n        - [CHILE]\n") ==
          "bad:7: 'table.rows' a row has 1 cell; the table has 2 columns");
    CHECK(test::error_of(&formats::read_yaml, "schema: briefkit/article/2\ntitle: T\nbody:\n  - table:\n      columns: [up]\n"
                                              "      rows: []\n") == "bad:5: 'table.columns' entries must be left, right or center");
}
