// The XML and YAML writers: schema validity, exact YAML read-back, determinism, hostile strings.
#include <catch2/catch.hpp>

#include <set>

#include "formats/xml/article_schema.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

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
    CHECK(yaml.rfind("schema: \"briefkit/article/1\"\n", 0) == 0);
}

TEST_CASE("xml writer: every hostile string gives XML that validates against the XSD") {
    const auto writer = formats::make_xml_writer();
    for (const std::string& nasty : test::kHostileStrings) {
        const std::string xml = write_to_string(*writer, test::every_kind(nasty));
        INFO("string: " << nasty << "\n" << xml);
        CHECK(test::xsd_errors(xml).empty());
    }
}

TEST_CASE("xml writer: characters XML 1.0 cannot carry become U+FFFD") {
    const std::string xml = write_to_string(*formats::make_xml_writer(), test::every_kind(std::string("bell\x07 nul\x01 \xFF")));
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find("bell\xEF\xBF\xBD nul\xEF\xBF\xBD \xEF\xBF\xBD") != std::string::npos);
    CHECK(test::xsd_errors(xml).empty());
}

TEST_CASE("xml writer: mixed content keeps its exact text, indentation only between blocks") {
    const std::string xml = write_to_string(*formats::make_xml_writer(), test::every_kind("x"));
    CHECK(xml.find("<p>see <a href=\"http://example.org/&quot;q&quot;\">x</a> here</p>") != std::string::npos);
    CHECK(xml.find("\n  <body>\n    <p>x</p>\n") != std::string::npos);
}

TEST_CASE("xml writer: escapes text and attribute values as libxml2's serializer does") {
    Document doc = test::every_kind("x");
    doc.meta.title = "a<b>&\"c\"\r\n\td'e";
    doc.meta.date->text = "a<b>&\"c\"\r\n\td'e";
    const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
    CHECK(xml.find("<title>a&lt;b&gt;&amp;&quot;c&quot;&#13;\n\td'e</title>") != std::string::npos);
    CHECK(xml.find("<date text=\"a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;&#9;d'e\">") != std::string::npos);
    CHECK(test::xsd_errors(xml).empty());
}

TEST_CASE("xml writer: an element with nothing in it is closed in its start tag") {
    Document doc = test::every_kind("x");
    doc.meta.title.clear();
    doc.body.clear();
    doc.body.push_back(Paragraph{{Link{"", "http://example.org/"}}});
    const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
    CHECK(xml.find("<title></title>") != std::string::npos);
    CHECK(xml.find("<p><a href=\"http://example.org/\"></a></p>") != std::string::npos);
    doc.body.clear();
    CHECK(write_to_string(*formats::make_xml_writer(), doc).find("\n  <body/>\n") != std::string::npos);
}

TEST_CASE("writers: output is byte-identical for the same document") {
    for (const WriterEntry& w : writers()) {
        const auto a = write_to_string(*w.make({}), test::every_kind("same"));
        const auto b = write_to_string(*w.make({}), test::every_kind("same"));
        CHECK(a == b);
    }
}

TEST_CASE("digest: the id depends on content, not on notes or the date's raw text") {
    Document a = test::every_kind("x");
    Document b = a;
    b.notes.clear();
    b.meta.date->text = "2020-05-27T04:58:41";
    CHECK(document_id(a) == document_id(b));
    b.meta.title = "y";
    CHECK(document_id(a) != document_id(b));
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("registry: every output format has a unique name and extension") {
    std::set<std::string_view> names;
    std::set<std::string_view> extensions;
    for (const WriterEntry& w : writers()) {
        CHECK(names.insert(w.name).second);
        CHECK(extensions.insert(w.extension).second);
        CHECK(find_writer(w.name) == &w);
    }
    CHECK(find_writer("docx") == nullptr);
    CHECK(reader_for_extension("TXT") != nullptr);
}

TEST_CASE("schema: the XSD built into the program is the one in formats/xml") {
    CHECK(formats::article_xsd() == test::read_file(test::source_dir() / "formats" / "xml" / "article.xsd"));
}
