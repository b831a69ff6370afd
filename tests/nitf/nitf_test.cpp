// NITF: the writer follows NITF 3.6's content models in order, its output reads back with what
// NITF carries, and the reader takes agency NITF (a DOCTYPE, no namespace, bylines with titles,
// datelines as text, taglines) written here for the purpose.
#include <catch2/catch.hpp>

#include <libxml/parser.h>

#include <map>

#include "formats/nitf/nitf_reader.hpp"
#include "formats/nitf/nitf_writer.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_nitf;

namespace {

std::string nitf_of(const Document& doc) { return write_to_string(*formats::make_nitf_writer({}), doc); }

/// NITF 3.6's content models for the elements the writer makes: each child's name in the order
/// the DTD allows them (docdata's children may come in any order, so it is not listed).
const std::map<std::string, std::vector<std::string>>& content_models() {
    static const std::map<std::string, std::vector<std::string>> models{
        {"nitf", {"head", "body"}},
        {"head", {"title", "meta", "tobject", "iim", "docdata", "pubdata", "revision-history"}},
        {"body", {"body.head", "body.content", "body.end"}},
        {"body.head", {"hedline", "note", "rights", "byline", "distributor", "dateline", "abstract", "series"}},
        {"hedline", {"hl1", "hl2"}},
        {"dateline", {"location", "story.date"}},
        {"body.end", {"tagline", "bibliography"}},
        {"bq", {"block", "credit"}},
        {"table", {"caption", "col", "colgroup", "thead", "tfoot", "tbody", "tr"}},
        {"thead", {"tr"}},
        {"tbody", {"tr"}},
        {"ul", {"li"}},
        {"ol", {"li"}},
    };
    return models;
}

/// Every place where `node`'s tree breaks the content models: a child not allowed, or out of order.
void check_order(const xmlNode* node, std::vector<std::string>& problems) {
    const std::string name = reinterpret_cast<const char*>(node->name);
    const auto model = content_models().find(name);
    std::size_t at = 0;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string child = reinterpret_cast<const char*>(c->name);
        if (model != content_models().end()) {
            const auto& order = model->second;
            const auto found = std::find(order.begin(), order.end(), child);
            if (found == order.end()) {
                problems.push_back("<" + child + "> is not allowed in <" + name + ">");
            } else if (static_cast<std::size_t>(found - order.begin()) < at) {
                problems.push_back("<" + child + "> comes too late in <" + name + ">");
            } else {
                at = static_cast<std::size_t>(found - order.begin());
            }
        }
        check_order(c, problems);
    }
}

}  // namespace

TEST_CASE("nitf: the writer's elements follow NITF 3.6's content models, in order") {
    for (const std::string& nasty : {std::string("plain"), std::string("a < b & c")}) {
        const std::string xml = nitf_of(test::every_kind_for_feeds(nasty));
        std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
            xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "a.xml", "UTF-8", XML_PARSE_NONET), &xmlFreeDoc);
        REQUIRE(doc);
        const xmlNode* root = xmlDocGetRootElement(doc.get());
        CHECK(std::string(reinterpret_cast<const char*>(root->ns->href)) == "http://iptc.org/std/NITF/2006-10-18/");
        std::vector<std::string> problems;
        check_order(root, problems);
        INFO(xml);
        CHECK(problems.empty());
    }
}

TEST_CASE("nitf: every field NITF carries reads back, for every hostile string") {
    for (const std::string& nasty : test::kHostileStrings) {
        const Document doc = test::every_kind_for_feeds(nasty);
        const Document back = read_nitf(nitf_of(doc), "a.nitf.xml", {});
        INFO(nasty);
        CHECK(test::carried(back) == test::carried(doc));
        CHECK(test::has_note(back, "format-lacks"));
        if (nasty.find_first_not_of(" \t\r\n") != std::string::npos) CHECK(test::has_note(back, "credit-line-read"));
    }
}

TEST_CASE("nitf: agency NITF with a DOCTYPE, no namespace, a titled byline and a text dateline") {
    const Document doc = read_nitf(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nitf SYSTEM \"nitf-3-2.dtd\">\n"
        "<nitf version=\"-//IPTC//DTD NITF 3.2//EN\">\n<head><title>Harbour fees (Oct 3)</title>\n"
        "<docdata><doc-id regsrc=\"NPA\" id-string=\"NPA.1\"/><date.issue norm=\"20241003T101500+0200\"/>"
        "<doc.copyright holder=\"Northern Press Agency\"/></docdata></head>\n<body><body.head>"
        "<hedline><hl1>Harbour fees to rise\n in spring</hl1></hedline>\n"
        "<byline>By Ines Kral, <byttl>Ports Correspondent</byttl></byline>\n"
        "<dateline>KIEL, Oct 3 (NPA) -</dateline></body.head>\n<body.content>\n"
        "<p>The port authority said fees would rise by <num>4</num> percent.</p><p/>\n"
        "<media media-type=\"image\"><media-reference source=\"a.jpg\"/></media>\n"
        "<p>Shipping lines <a href=\"http://example.org/reply\">objected</a>.</p>\n</body.content>\n"
        "<body.end><tagline>(Reporting by Ines Kral; editing by Ole Hahn)</tagline></body.end></body></nitf>\n",
        "kiel.xml", {});
    CHECK(doc.meta.title == "Harbour fees to rise in spring");
    CHECK(doc.meta.date->iso() == "2024-10-03T10:15:00+02:00");
    CHECK(doc.meta.source.name == "Northern Press Agency");
    CHECK(doc.meta.authors == std::vector<std::string>{"Ines Kral"});
    CHECK(doc.meta.place == "KIEL");
    CHECK(doc.meta.language == "en");
    CHECK(test::block_texts(doc) ==
          std::vector<std::string>{"The port authority said fees would rise by 4 percent.", "Shipping lines objected.",
                                   "(Reporting by Ines Kral; editing by Ole Hahn)"});
    CHECK(test::has_note(doc, "media-left-out"));
    CHECK(test::has_note(doc, "language-guessed"));
}

TEST_CASE("nitf: what holds no text, is not NITF or declares entities is refused, naming the file") {
    CHECK(test::error_of(&read_nitf, "<nitf><head><title/></head><body><body.content/></body></nitf>") ==
          "bad: holds no text: the NITF item has neither a headline nor body text");
    CHECK(test::error_of(&read_nitf, "<article/>") == "bad:1: not NITF: the root element is <article>, not <nitf>");
    CHECK(test::error_of(&read_nitf, "<!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><nitf>&x;</nitf>")
              .find("internal subset") != std::string::npos);
    CHECK(test::error_of(&read_nitf, "<nitf><head>").find("bad:1: not readable as NITF") == 0);
}
