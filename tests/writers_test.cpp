// The XML and YAML writers: schema validity, exact YAML read-back, determinism, hostile strings.
#include <catch2/catch.hpp>

#include <set>

#include "formats/xml/article_schema.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/digest.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

/// A document holding every node kind and every field, with strings that break naive writers.
Document every_kind(const std::string& nasty) {
    Document doc;
    doc.meta.title = nasty;
    doc.meta.date = Date{{2020, 5, 27}, TimeOfDay{4, 58, 41}, "27.05.2020 04:58:41", false};
    doc.meta.source = Source{nasty, Date{{2020, 5, 26}, std::nullopt, "05/26/2020", true}};
    doc.meta.place = nasty;
    doc.meta.url = "http://example.org/?a=1&b=<2>";
    doc.meta.authors = {nasty, "Second Author"};
    doc.meta.language = "en";
    doc.body.push_back(Paragraph{{Text{nasty}}});
    doc.body.push_back(Paragraph{{Text{"see "}, Link{nasty, "http://example.org/\"q\""}, Text{" here"}}});
    doc.body.push_back(Heading{3, {Text{nasty}}});
    doc.body.push_back(List{true, {{Text{nasty}}, {Text{"two"}, Link{"x", "http://x.org"}}}});
    doc.body.push_back(Quote{{{Text{nasty}}, {Text{"second"}}}});
    doc.notes.push_back(Note{7, "paragraph-rejoined", nasty});
    doc.id = document_id(doc);
    return doc;
}

const std::vector<std::string> kNasty = {
    "true", "null", "~", "3", "0x1F", "1e3", "no", "yes", "off", "#x", "- item", "key: value", "[a, b]", "{a: b}",
    "  leading spaces", "trailing spaces  ", "line\nbreak", "carriage\rreturn", "tab\there", "back\\slash \\N \\n",
    "\"quoted\"", "'single'", "&amp; <tag> & < >", "emoji \xF0\x9F\x98\x80 and \xE4\xB8\xAD\xE6\x96\x87", "",
    "%percent", "@at", "`tick", "!tag", "*alias", "&anchor", "|", ">", "?", ":", ",", "...", "---",
    "\xEF\xBB\xBF" "bom inside", "next line\xC2\x85", "line sep\xE2\x80\xA8", "nbsp\xC2\xA0",
};

}  // namespace

TEST_CASE("yaml writer: every hostile string reads back exactly with a YAML parser") {
    const auto writer = formats::make_yaml_writer();
    for (const std::string& nasty : kNasty) {
        const Document doc = every_kind(nasty);
        const std::string yaml = write_to_string(*writer, doc);
        INFO("string: " << nasty << "\n" << yaml);
        CHECK(test::yaml_differences(doc, yaml).empty());
    }
}

TEST_CASE("yaml writer: dates are quoted ISO 8601 strings with their source text") {
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), every_kind("x"));
    CHECK(yaml.find("date: \"2020-05-27T04:58:41\"\n") != std::string::npos);
    CHECK(yaml.find("date_text: \"27.05.2020 04:58:41\"\n") != std::string::npos);
    CHECK(yaml.find("date_ambiguous: true") != std::string::npos);
    CHECK(yaml.rfind("schema: \"briefkit/article/1\"\n", 0) == 0);
}

TEST_CASE("xml writer: every hostile string gives XML that validates against the XSD") {
    const auto writer = formats::make_xml_writer();
    for (const std::string& nasty : kNasty) {
        const std::string xml = write_to_string(*writer, every_kind(nasty));
        INFO("string: " << nasty << "\n" << xml);
        CHECK(test::xsd_errors(xml).empty());
    }
}

TEST_CASE("xml writer: characters XML 1.0 cannot carry become U+FFFD") {
    const std::string xml = write_to_string(*formats::make_xml_writer(), every_kind(std::string("bell\x07 nul\x01 \xFF")));
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find("bell\xEF\xBF\xBD nul\xEF\xBF\xBD \xEF\xBF\xBD") != std::string::npos);
    CHECK(test::xsd_errors(xml).empty());
}

TEST_CASE("xml writer: mixed content keeps its exact text, indentation only between blocks") {
    const std::string xml = write_to_string(*formats::make_xml_writer(), every_kind("x"));
    CHECK(xml.find("<p>see <a href=\"http://example.org/&quot;q&quot;\">x</a> here</p>") != std::string::npos);
    CHECK(xml.find("\n  <body>\n    <p>x</p>\n") != std::string::npos);
}

TEST_CASE("xml writer: escapes text and attribute values as libxml2's serializer does") {
    Document doc = every_kind("x");
    doc.meta.title = "a<b>&\"c\"\r\n\td'e";
    doc.meta.date->text = "a<b>&\"c\"\r\n\td'e";
    const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
    CHECK(xml.find("<title>a&lt;b&gt;&amp;&quot;c&quot;&#13;\n\td'e</title>") != std::string::npos);
    CHECK(xml.find("<date text=\"a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;&#9;d'e\">") != std::string::npos);
    CHECK(test::xsd_errors(xml).empty());
}

TEST_CASE("xml writer: an element with nothing in it is closed in its start tag") {
    Document doc = every_kind("x");
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
        const auto a = write_to_string(*w.make({}), every_kind("same"));
        const auto b = write_to_string(*w.make({}), every_kind("same"));
        CHECK(a == b);
    }
}

TEST_CASE("digest: the id depends on content, not on notes or the date's raw text") {
    Document a = every_kind("x");
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
