// NewsML: the G2 writer's output is valid against IPTC's 2.35 schema and reads back with what it
// carries; the G2 reader takes each text item of a news message and refuses a message of none;
// the NewsML 1.2 reader takes the text of a NewsItem. The items here were written for the tests.
#include <catch2/catch.hpp>

#include "formats/newsml/newsml_reader.hpp"
#include "formats/newsml/newsml_writer.hpp"
#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_newsml_1;
using formats::read_newsml_g2;

namespace {

std::string g2_of(const Document& doc) {
    WriterOptions options;
    options.made_at = 1'767'225'600;
    return write_to_string(*formats::make_newsml_writer(options), doc);
}

/// A news item of class `item_class` with `headline` and an XHTML body of one paragraph, `text`.
std::string g2_item(const std::string& item_class, const std::string& headline, const std::string& text) {
    return "<newsItem guid=\"urn:x:" + headline + "\" standard=\"NewsML-G2\" standardversion=\"2.35\" version=\"1\">"
           "<itemMeta><itemClass qcode=\"ninat:" + item_class + "\"/><provider qcode=\"nprov:EXW\"/>"
           "<versionCreated>2024-05-02T09:00:00+02:00</versionCreated></itemMeta><contentMeta>"
           "<creator><name>Lea Voss</name></creator><language tag=\"de\"/><headline>" + headline + "</headline>"
           "<dateline>Hamburg (exw) - </dateline></contentMeta><contentSet>"
           "<inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>"
           "<p>Hamburg (exw) - " + text + "</p></body></html></inlineXML></contentSet></newsItem>";
}

}  // namespace

TEST_CASE("newsml: every field NewsML-G2 carries reads back, for every hostile string") {
    for (const std::string& nasty : test::kHostileStrings) {
        const Document doc = test::every_kind_for_feeds(nasty);
        const std::vector<Document> back = read_newsml_g2(g2_of(doc), "a.newsml.xml", {});
        REQUIRE(back.size() == 1);
        INFO(nasty);
        CHECK(test::carried(back.front()) == test::carried(doc));
    }
}

TEST_CASE("newsml: an undated article's item states when it was made, which the reader does not take as its date") {
    Document doc;
    doc.meta.title = "Undated";
    doc.body.push_back(Paragraph{{Text{"Text."}}});
    doc.id = document_id(doc);
    const std::string xml = g2_of(doc);
    CHECK(xml.find("<versionCreated>2026-01-01T00:00:00Z</versionCreated>") != std::string::npos);
    const Document back = read_newsml_g2(xml, "a.xml", {}).front();
    CHECK_FALSE(back.meta.date);
    CHECK(back.meta.source.name.empty());
}

TEST_CASE("newsml: every output is valid against IPTC's NewsML-G2 2.35 schema") {
    if (!test::schemas_dir()) {
        WARN("IPTC's schemas are not here: skipped");
        return;
    }
    for (const std::string& nasty : test::kHostileStrings) {
        INFO(nasty);
        CHECK(test::newsml_g2_xsd_errors(g2_of(test::every_kind_for_feeds(nasty))) == "");
    }
    Document bare;
    bare.id = document_id(bare);
    CHECK(test::newsml_g2_xsd_errors(g2_of(bare)).empty());
}

TEST_CASE("newsml: a news message yields each of its text items, in order, and leaves out its pictures") {
    const std::string message =
        "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><header><sent>2024-05-02T09:01:00Z</sent></header>"
        "<itemSet>" + g2_item("text", "Erste Meldung", "Der Hafen wächst.") + g2_item("picture", "Ein Bild", "Bild") +
        g2_item("text", "Zweite Meldung", "Die Werft stellt ein.") + "</itemSet></newsMessage>";
    const std::vector<Document> docs = read_newsml_g2(message, "message.xml", {});
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].meta.title == "Erste Meldung");
    CHECK(docs[1].meta.title == "Zweite Meldung");
    CHECK(docs[0].meta.source.name == "EXW");
    CHECK(docs[0].meta.authors == std::vector<std::string>{"Lea Voss"});
    CHECK(docs[0].meta.place == "Hamburg (exw)");
    CHECK(docs[0].meta.date->iso() == "2024-05-02T09:00:00+02:00");
    CHECK(docs[0].meta.language == "de");
    CHECK(test::block_texts(docs[0]) == std::vector<std::string>{"Der Hafen wächst."});
    CHECK(test::has_note(docs[0], "dateline-moved"));
}

TEST_CASE("newsml: a message without a text item, and a package, are refused, naming what they hold") {
    const std::string pictures = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>" +
                                 g2_item("picture", "A", "a") + g2_item("picture", "B", "b") + "</itemSet></newsMessage>";
    CHECK(test::error_of(&read_newsml_g2, pictures) ==
          "bad:1: holds no text item: this NewsML-G2 newsMessage holds 2 picture items");
    CHECK(test::error_of(&read_newsml_g2, "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>") ==
          "bad:1: holds no text item: this NewsML-G2 packageItem holds 1 package item");
}

TEST_CASE("newsml: a NewsML 1.2 item with an HTML body in a CDATA section") {
    const std::vector<Document> docs = read_newsml_1(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NewsML><NewsItem xml:lang=\"en\"><NewsManagement>"
        "<FirstCreated>20240502T081500+0300</FirstCreated></NewsManagement><NewsComponent><NewsLines>"
        "<HeadLine>Grain exports rise</HeadLine><ByLine>By Eva Stan</ByLine><DateLine>Constanta, May 2 (EXW) -</DateLine>"
        "</NewsLines><AdministrativeMetadata><Provider><Party FormalName=\"EXW\"/></Provider></AdministrativeMetadata>"
        "<NewsComponent><Role FormalName=\"Main\"/><ContentItem><MediaType FormalName=\"Text\"/>"
        "<Format FormalName=\"HTML\"/><DataContent><![CDATA[<P>Constanta, May 2 (EXW) - Exports rose.</P><P>Prices fell.</P>]]>"
        "</DataContent></ContentItem></NewsComponent><NewsComponent><ContentItem><MediaType FormalName=\"Photo\"/>"
        "</ContentItem></NewsComponent></NewsComponent></NewsItem></NewsML>",
        "item.xml", {});
    REQUIRE(docs.size() == 1);
    const Document& doc = docs.front();
    CHECK(doc.meta.title == "Grain exports rise");
    CHECK(doc.meta.date->iso() == "2024-05-02T08:15:00+03:00");
    CHECK(doc.meta.authors == std::vector<std::string>{"Eva Stan"});
    CHECK(doc.meta.source.name == "EXW");
    CHECK(doc.meta.place == "Constanta");
    CHECK(doc.meta.language == "en");
    CHECK(test::block_texts(doc) == std::vector<std::string>{"Exports rose.", "Prices fell."});
    CHECK(test::error_of(&read_newsml_1, "<NewsML><NewsItem><NewsComponent/></NewsItem></NewsML>") ==
          "bad:1: holds no text item: its NewsItem carries no text content");
}
