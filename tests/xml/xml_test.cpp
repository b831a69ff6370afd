// The XML writer and reader: schema validity, exact escaping, safe parsing, clear errors.
#include <catch2/catch.hpp>

#include "briefkit/error.hpp"
#include "formats/xml/article_schema.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "support/test_support.hpp"

using namespace briefkit;


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

TEST_CASE("schema: the XSD built into the program is the one in formats/xml") {
    CHECK(formats::article_xsd() == test::read_file(test::source_dir() / "formats" / "xml" / "article.xsd"));
}

TEST_CASE("xml reader: a DOCTYPE is refused before any entity is declared or fetched") {
    const auto read = &formats::read_xml;
    const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<article xmlns="urn:briefkit:article:1" id="bk-00000000000000000000"><meta><title>&secret;</title></meta><body/></article>
)";
    CHECK(test::error_of(read, xxe) ==
          "bad:2: not readable as article XML: a document type declaration (<!DOCTYPE>) is not allowed in article XML: "
          "it could load external files or declare entities");
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i < 10; ++i) {
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        bomb += "\">\n";
    }
    bomb += "]>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\"><meta><title>&lol9;</title>"
            "</meta><body/></article>\n";
    CHECK(test::error_of(read, bomb).find("document type declaration") != std::string::npos);
    const std::string remote = "<?xml version=\"1.0\"?>\n<!DOCTYPE article SYSTEM \"http://example.invalid/a.dtd\">\n"
                               "<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\"/>\n";
    CHECK(test::error_of(read, remote).find("bad:2: not readable as article XML: a document type declaration") == 0);
}

TEST_CASE("xml reader: a document that breaks the schema is refused with the line and what was expected") {
    const auto read = &formats::read_xml;
    const std::string xml = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">\n"
                            "  <meta>\n    <titel>x</titel>\n  </meta>\n  <body/>\n</article>\n";
    const std::string error = test::error_of(read, xml);
    CHECK(error.rfind("bad:4: not valid against the article schema (urn:briefkit:article:1): ", 0) == 0);
    CHECK(error.find("titel") != std::string::npos);
    CHECK(error.find("Expected is ( {urn:briefkit:article:1}title )") != std::string::npos);
    CHECK(test::error_of(read, "<?xml version=\"1.0\"?>\n<article>\n<unclosed>\n</article>\n").rfind("bad:4: not readable", 0) ==
          0);
    CHECK(test::error_of(read, "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">"
                         "<meta><title>x</title><date text=\"t\">2020-01-01Z</date></meta><body/></article>") ==
          "bad:2: date '2020-01-01Z' is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or that with a zone (+06:00, Z)");
}

TEST_CASE("xml reader: a version 1 file (no version attribute) still reads, and a table row must fill its columns") {
    const std::string v1 = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" id=\"bk-00000000000000000000\">"
                           "<meta><title>Old</title><date text=\"t\">2020-01-01T10:00:00</date></meta>"
                           "<body><p>Written before tables.</p></body></article>\n";
    const Document old = formats::read_xml(v1, "old.xml", {});
    CHECK(old.meta.title == "Old");
    CHECK_FALSE(old.meta.date->utc_offset);
    REQUIRE(old.body.size() == 1);
    const std::string table = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" version=\"2\" "
                              "id=\"bk-00000000000000000000\"><meta><title>T</title></meta><body>\n<table>"
                              "<column align=\"left\"/><column align=\"right\"/>\n<row><cell>CHILE</cell></row></table>"
                              "</body></article>\n";
    CHECK(test::error_of(&formats::read_xml, table) == "bad:4: a table row has 1 cell; the table has 2 columns");
    CHECK(test::error_of(&formats::read_xml, "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\" version=\"4\" "
                                             "id=\"bk-00000000000000000000\"><meta><title>T</title></meta><body/></article>\n")
              .find("version") != std::string::npos);
}
