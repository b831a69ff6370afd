// What the feed formats share (formats/markup): ISO 8601 dates, bylines and datelines, body
// markup in both directions, safe XML parsing and strict JSON parsing.
#include <catch2/catch.hpp>

#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/json_tree.hpp"
#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/hash.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using namespace briefkit::formats;

namespace {

/// The blocks an HTML fragment reads into, as text.
std::vector<std::string> html_blocks(const std::string& html, std::vector<Note>* notes = nullptr) {
    const markup::XmlTree doc = markup::parse_html(html, "body.html", {});
    markup::BodyRead read = markup::read_blocks(doc.root(), false);
    if (notes != nullptr) *notes = read.notes;
    Document d;
    d.body = std::move(read.blocks);
    return test::block_texts(d);
}

std::string parse_error(std::string_view xml, markup::Doctype doctype) {
    try {
        (void)markup::parse_xml(xml, "feed.xml", {}, doctype, "NITF");
    } catch (const InputError& e) {
        return describe(e);
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("markup: ISO 8601 dates in the basic and extended forms, with their zones") {
    const auto nitf = markup::parse_iso8601("20131020T192751+1100");
    REQUIRE(nitf);
    CHECK(nitf->iso() == "2013-10-20T19:27:51+11:00");
    CHECK(nitf->text == "20131020T192751+1100");
    CHECK(markup::parse_iso8601("2019-07-03T04:05:12Z")->iso() == "2019-07-03T04:05:12+00:00");
    CHECK(markup::parse_iso8601("2017-08-24T04:37:19+0000")->utc_offset == 0);
    CHECK(markup::parse_iso8601("2019-07-03T04:25:17.798Z")->iso() == "2019-07-03T04:25:17+00:00");
    CHECK(markup::parse_iso8601("2020-02-04T12:00-05:00")->iso() == "2020-02-04T12:00:00-05:00");
    CHECK(markup::parse_iso8601(" 2016-11-21 ")->iso() == "2016-11-21");
    CHECK(markup::parse_iso8601("20141126T152703")->iso() == "2014-11-26T15:27:03");
    CHECK_FALSE(markup::parse_iso8601("2014-02-30"));
    CHECK_FALSE(markup::parse_iso8601("20141126T152703+1500"));
    CHECK_FALSE(markup::parse_iso8601("26 November 2014"));
    CHECK_FALSE(markup::parse_iso8601("2014-11-26T25:00:00"));
    Date date = *markup::parse_iso8601("2020-05-27T09:30:00+06:00");
    CHECK(markup::basic_iso(date) == "20200527T093000+0600");
    date.utc_offset.reset();
    CHECK(markup::basic_iso(date) == "20200527T093000");
    date.time.reset();
    CHECK(markup::basic_iso(date) == "20200527");
}

TEST_CASE("markup: a byline names its authors, not their titles, outlets or dates") {
    using V = std::vector<std::string>;
    CHECK(markup::authors_from_byline("By PAUL BYRNE and ALMUDENA CALATRAVA") == V{"PAUL BYRNE", "ALMUDENA CALATRAVA"});
    CHECK(markup::authors_from_byline("By Meredith Jameson, Staff Reporter") == V{"Meredith Jameson"});
    CHECK(markup::authors_from_byline("Aaron J. Staples, Michigan State University") == V{"Aaron J. Staples"});
    CHECK(markup::authors_from_byline("Anna Berg, Tomas Lind") == V{"Anna Berg", "Tomas Lind"});
    CHECK(markup::authors_from_byline("Reuters, MAR 04") == V{"Reuters"});
    CHECK(markup::authors_from_byline("  ") == V{});
}

TEST_CASE("markup: a dateline's place is what it names first, and no date is a place") {
    CHECK(markup::dateline_place("LONDON, Oct 14 (Reuters) -") == "LONDON");
    CHECK(markup::dateline_place("SYDNEY March 22 AAP -") == "SYDNEY");
    CHECK(markup::dateline_place("London (dpa) - ") == "London (dpa)");
    CHECK(markup::dateline_place("2018-01-03 20:13:08 GMT+00:00") == "");
    CHECK(markup::dateline_place("MARCH 04, 2013") == "");
}

TEST_CASE("markup: an item with neither headline nor body is refused, and a byline crediting the agency names the source") {
    Document empty;
    CHECK_THROWS_AS(markup::finish_feed_document(empty, "NITF", "", "item.xml", {}), InputError);
    Document doc;
    doc.meta.title = "Headline";
    doc.meta.authors = {"The Associated Press"};
    doc.body.push_back(Paragraph{{Text{"The council met on Monday and agreed the budget for the year."}}});
    markup::finish_feed_document(doc, "NITF", "NITF lacks notes", "item.xml", {});
    CHECK(doc.meta.authors.empty());
    CHECK(doc.meta.source.name == "The Associated Press");
    CHECK(test::has_note(doc, "byline-credits-agency"));
    CHECK(doc.meta.language == "en");
    CHECK(test::has_note(doc, "language-guessed"));
    CHECK(test::has_note(doc, "format-lacks"));
    CHECK(doc.id == document_id(doc));
}

TEST_CASE("markup: HTML bodies read into paragraphs, headings, lists, quotes, tables, preformatted text and links") {
    const auto blocks = html_blocks(
        "<h2>Results</h2><p>First <b>bold</b>\n   paragraph with a <a href='http://x.org/'>link</a>.</p>"
        "<ul><li>one</li><li>two</li></ul><blockquote><p>Quoted.</p></blockquote>"
        "<table><thead><tr><th></th><th>W</th></tr></thead><tbody><tr><td>Ajax</td><td align='right'>3</td></tr>"
        "</tbody></table><pre>a  b\n c</pre><script>var x;</script><div>Loose text<br>after a break</div>");
    CHECK(blocks == std::vector<std::string>{"Results", "First bold paragraph with a link.", "one | two", "Quoted.",
                                             " | W\n--\nAjax | 3", "a  b\n c", "Loose text", "after a break"});
}

TEST_CASE("markup: a spacer paragraph of no-break spaces is no block") {
    CHECK(html_blocks("<p>Before.</p><p>&nbsp;</p><p> \u00A0 </p><p>After.</p>") == std::vector<std::string>{"Before.", "After."});
}

TEST_CASE("markup: an HTML body's furniture and pictures are left out with a note") {
    std::vector<Note> notes;
    const auto blocks = html_blocks("<header><h1>Title</h1><ul><li>tag</li></ul></header><figure><img src='a.jpg'>"
                                    "<figcaption>A caption</figcaption></figure><p>Text.</p>",
                                    &notes);
    CHECK(blocks == std::vector<std::string>{"Text."});
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].rule == "furniture-left-out");
    CHECK(notes[1].rule == "media-left-out");
}

TEST_CASE("markup: plain text paragraphs by blank lines or indents, else one per line") {
    std::vector<Block> grouped;
    markup::append_text_paragraphs("   First paragraph\nwrapped here.\n   Second one.\n\nThird.", grouped);
    Document a;
    a.body = grouped;
    CHECK(test::block_texts(a) == std::vector<std::string>{"First paragraph wrapped here.", "Second one.", "Third."});
    std::vector<Block> lines;
    markup::append_text_paragraphs("One line.\nAnother line.", lines);
    CHECK(lines.size() == 2);
}

TEST_CASE("markup: the body written as NITF and as XHTML reads back the same") {
    const Document doc = test::every_kind("text & <markup>");
    for (const auto dialect : {markup::BodyDialect::nitf, markup::BodyDialect::xhtml}) {
        markup::XmlOut out;
        out.start("body");
        markup::write_blocks(out, doc.body, dialect);
        out.end();
        const std::string xml = out.finish();
        const markup::XmlTree parsed = markup::parse_xml(xml, "body.xml", {}, markup::Doctype::refuse, "XML");
        Document read;
        read.body = markup::read_blocks(parsed.root()->children, true).blocks;
        INFO(xml);
        CHECK(body_text(read) == body_text(doc));
        CHECK(read.body.size() == doc.body.size());
    }
}

TEST_CASE("markup: a DOCTYPE naming an external DTD is read without loading it, and an internal subset is refused") {
    CHECK(parse_error("<!DOCTYPE nitf SYSTEM \"nitf-3-2.dtd\">\n<nitf/>", markup::Doctype::external_only) ==
          "(no error)");
    CHECK(parse_error("<!DOCTYPE nitf SYSTEM \"/etc/passwd\">\n<nitf>&ext;</nitf>", markup::Doctype::external_only) ==
          "(no error)");
    const std::string bomb =
        "<!DOCTYPE nitf [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<nitf>&b;</nitf>";
    CHECK(parse_error(bomb, markup::Doctype::external_only).find("feed.xml:2: not readable as NITF: the document type "
                                                                 "declaration has an internal subset") == 0);
    CHECK(parse_error("<!DOCTYPE nitf SYSTEM \"x.dtd\">\n<nitf/>", markup::Doctype::refuse).find("not allowed") !=
          std::string::npos);
}

TEST_CASE("markup: an entity the unloaded DTD would declare reads as HTML's entity of that name, with a note") {
    std::vector<Note> notes;
    const markup::XmlTree doc = markup::parse_xml("<!DOCTYPE nitf SYSTEM \"nitf-3-6.dtd\">\n<nitf>a&mdash;b &zork;</nitf>",
                                                 "feed.xml", {}, markup::Doctype::external_only, "NITF", &notes);
    CHECK(markup::all_text(doc.root()) == "a\u2014b &zork;");
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].rule == "dtd-entity-read");
}

TEST_CASE("markup: a document declaring ISO-8859-1 whose bytes are UTF-8 is read as UTF-8, with a note") {
    std::vector<Note> notes;
    const markup::XmlTree doc = markup::parse_xml("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<p>K\xC3\xB8" "benhavn</p>",
                                                 "feed.xml", {}, markup::Doctype::external_only, "NITF", &notes);
    CHECK(markup::all_text(doc.root()) == "K\xC3\xB8" "benhavn");
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].rule == "charset-mislabelled");
    std::vector<Note> none;
    const markup::XmlTree latin = markup::parse_xml("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<p>K\xF8" "benhavn</p>",
                                                   "feed.xml", {}, markup::Doctype::external_only, "NITF", &none);
    CHECK(markup::all_text(latin.root()) == "K\xC3\xB8" "benhavn");
    CHECK(none.empty());
}

TEST_CASE("markup: the root element and its namespace, past declarations, comments and a DOCTYPE") {
    const auto root = markup::root_element(
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<!DOCTYPE x [ <!ENTITY e \"v\"> ]>\n"
        "<g2:newsMessage xmlns:g2=\"http://iptc.org/std/nar/2006-10-01/\" xmlns=\"other\">");
    CHECK(root.name == "newsMessage");
    CHECK(root.namespace_uri == "http://iptc.org/std/nar/2006-10-01/");
    CHECK(markup::root_element("<nitf version=\"3.6\">").name == "nitf");
    CHECK(markup::root_element("not xml").name.empty());
}

namespace {

/// What parse_json() says of `json` as `item.json`: its error, or `(no error)`.
std::string json_error(std::string_view json, const ReadOptions& options = {}) {
    try {
        (void)markup::parse_json(json, "item.json", options);
    } catch (const Error& e) {
        return describe(e);
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("markup: strict JSON: a key given twice, nesting past the limit and a syntax error with its line") {
    CHECK(json_error(R"({"a": 1, "b": {"a": 2}})") == "(no error)");
    CHECK(json_error(R"({"a": 1, "a": 2})") == "item.json: the key 'a' appears twice in one object");
    ReadOptions shallow;
    shallow.max_depth = 3;
    CHECK(json_error(R"({"a": [[{"b": 1}]]})", shallow).find("nested") != std::string::npos);
    CHECK(json_error("{\n\"a\": 1,\n}").find("item.json:3: not readable as JSON") == 0);
    CHECK(json_error("[4e4444444]") == "item.json:1: not readable as JSON: the number 4e4444444 is past what a double holds");
    CHECK(json_error("[1e-4444444, 123456789012345678901234567890]") == "(no error)");  // underflow is zero, as strtod reads it
}

TEST_CASE("markup: strict JSON: one byte-order mark is skipped, a second is refused (the fuzz harness had skipped two)") {
    CHECK(json_error("\xEF\xBB\xBF[1]") == "(no error)");
    CHECK(json_error("\xEF\xBB\xBF\xEF\xBB\xBF \"\"").find("item.json:1: not readable as JSON") == 0);
}

TEST_CASE("markup: strict JSON: a backslash before a non-ASCII letter is quoted as its byte, so the message stays UTF-8") {
    // The error message becomes a note of the web page reader: quoting the lead byte alone made it invalid UTF-8.
    CHECK(json_error("[\"\\\xC3\xA9\"]") == "item.json:1: not readable as JSON: '\\' before byte 0xC3 is no escape JSON has");
}

TEST_CASE("markup: strict JSON: what RFC 8259 refuses is refused, with the line") {
    CHECK(json_error("") == "item.json:1: not readable as JSON: the text ends where a value should be");
    CHECK(json_error("[1,]") == "item.json:1: not readable as JSON: ']' where a value should be");
    CHECK(json_error("{\"a\": 1} x") == "item.json:1: not readable as JSON: 'x' after the value, where the text should end");
    CHECK(json_error("{'a': 1}") == "item.json:1: not readable as JSON: ''' where a key in double quotes should be");
    CHECK(json_error("[\"a\" \"b\"]") == "item.json:1: not readable as JSON: '\"' where ',' or ']' should follow an array's element");
    CHECK(json_error("{\"a\" 1}") == "item.json:1: not readable as JSON: '1' where ':' should follow the key");
    CHECK(json_error("[\n\"tab\there\"]") == "item.json:2: not readable as JSON: byte 0x09 inside a string (write it as an escape)");
    CHECK(json_error("[\"open]") == "item.json:1: not readable as JSON: a string is not closed");
    CHECK(json_error(R"(["\x"])") == "item.json:1: not readable as JSON: '\\' before 'x' is no escape JSON has");
    CHECK(json_error(R"(["\ud800"])") == "item.json:1: not readable as JSON: a high surrogate escape without a low one after it");
    CHECK(json_error(R"(["\udc00"])") == "item.json:1: not readable as JSON: a low surrogate escape without a high one before it");
    CHECK(json_error(R"(["\u12G4"])") == "item.json:1: not readable as JSON: a \\u escape needs four hex digits");
    CHECK(json_error("[01]") == "item.json:1: not readable as JSON: a number starts with 0 and more digits");
    CHECK(json_error("[1.]") == "item.json:1: not readable as JSON: ']' where a digit should be");
    CHECK(json_error("[-]") == "item.json:1: not readable as JSON: ']' where a digit should be");
    CHECK(json_error("[tru]") == "item.json:1: not readable as JSON: 't' where a value should be");
    CHECK(json_error("[\"\xC3\x28\"]") == "item.json:1: not readable as JSON: byte 0xC3 is not valid UTF-8");
    CHECK(json_error("[\"\xED\xA0\x80\"]") == "item.json:1: not readable as JSON: byte 0xED is not valid UTF-8");
    // Nesting past what any --max-depth lets through is refused without recursion.
    ReadOptions deep;
    deep.max_depth = 1'000'000;
    CHECK(json_error(std::string(200'000, '['), deep).find("nested over 10000 levels deep") != std::string::npos);
}

TEST_CASE("markup: strict JSON: values, escapes and members in file order") {
    const markup::JsonTree tree = markup::parse_json(
        "\xEF\xBB\xBF {\"z\": [true, false, null, -0, 12, 1.5e3, 9223372036854775808],\n"
        " \"a\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\/ \\b\\f\\n\\r\\t \xC3\xA9\", \"e\": {}, \"l\": []}",
        "item.json", {});
    const markup::JsonValue& root = tree.root();
    REQUIRE(root.is_object());
    REQUIRE(root.members().size() == 4);
    CHECK(root.members()[0].key == "z");
    CHECK(root.members()[1].key == "a");
    const auto items = root.find("z")->items();
    REQUIRE(items.size() == 7);
    CHECK((items[0].kind == markup::JsonKind::boolean && items[0].truth));
    CHECK((items[1].kind == markup::JsonKind::boolean && !items[1].truth));
    CHECK(items[2].is_null());
    CHECK(items[3].integer() == 0);
    CHECK(items[4].integer() == 12);
    CHECK(items[5].text == "1.5e3");
    CHECK(!items[5].integer());
    CHECK(!items[6].integer());  // past 64 bits
    CHECK(root.find("a")->text == "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" / \b\f\n\r\t \xC3\xA9");
    CHECK((root.find("e")->is_object() && root.find("e")->members().empty()));
    CHECK((root.find("l")->is_array() && root.find("l")->items().empty()));
    CHECK(root.find("missing") == nullptr);
    CHECK(root.find("z")->find("z") == nullptr);  // an array has no members
}

TEST_CASE("markup: XML escaping a word at a time agrees with escaping each byte, in text and attributes") {
    // What `value` is written as inside an attribute and as text, with the element around it cut.
    const auto escaped = [](const std::string& value) {
        markup::XmlOut out(false);
        out.start("e");
        out.attribute("a", value);
        out.mixed(true);
        out.text(value);
        out.end();
        std::string xml = out.finish();
        return xml.substr(5, xml.size() - 5 - 5);  // `<e a=` ... `</e>\n`
    };
    const std::string plain = "abcdefghijklmno";
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t at = 0; at < 8; ++at) {
            const std::string value = plain.substr(0, at) + std::string(1, static_cast<char>(byte)) + plain.substr(at);
            // One byte at a time, each escaped on its own (a lone byte past ASCII is U+FFFD either way).
            std::string attribute;
            std::string text;
            for (const char c : value) {
                const std::string one = escaped(std::string(1, c));
                attribute += one.substr(1, one.find("\">") - 1);
                text += one.substr(one.find("\">") + 2);
            }
            INFO("byte " << byte << " at " << at);
            REQUIRE(escaped(value) == "\"" + attribute + "\">" + text);
        }
    }
    CHECK(escaped("a <long> text & \"quoted\" one") ==
          "\"a &lt;long&gt; text &amp; &quot;quoted&quot; one\">a &lt;long&gt; text &amp; &quot;quoted&quot; one");
}

TEST_CASE("markup: markup written for a JSON string is the XML text with JSON's escapes, on one line") {
    markup::XmlOut out(false, markup::XmlOut::Form::json_string);
    out.start("div");
    out.start("a");
    out.attribute("href", "http://example.org/a\\b?q=\"x\"");
    out.text("C:\\path");
    out.end();
    out.start("pre");
    out.mixed(true);
    out.text("line one\n\tline two");
    out.mixed(false);
    out.end();
    out.end();
    CHECK(out.finish() == "<div><a href=\\\"http://example.org/a\\\\b?q=&quot;x&quot;\\\">C:\\\\path</a>"
                          "<pre>line one\\n\\tline two</pre></div>\n");
}
