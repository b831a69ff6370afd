// html: the web page reader finds the article and its metadata, leaves the page's boilerplate
// out, decodes every charset a page may declare or lie about, and keeps each promise the text
// reader keeps: notes for what it decided, a clear error for a page without an article.
#include <catch2/catch.hpp>

#include "briefkit/error.hpp"
#include "formats/html/html_reader.hpp"
#include "pipeline/model/text.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
using formats::read_html;

namespace {

Document read_page(std::string_view html, ReadOptions options = {}) { return read_html(html, "page.html", options); }

std::string body_of(const Document& doc) { return body_text(doc); }

/// A page whose article is `article`, inside the furniture every news site has.
std::string page_around(std::string_view article, std::string_view head = "") {
    return std::string("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Site</title>") +
           std::string(head) +
           "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>"
           "<main>" + std::string(article) + "</main>"
           "<footer><p>Copyright the Example Gazette, all rights reserved.</p></footer></body></html>";
}

const std::string kProse =
    "<p>The harbour board voted on Monday to deepen the eastern channel, so that container ships of up to "
    "fourteen metres draught can reach the new quay without waiting for the tide.</p>"
    "<p>Dredging will start in the spring and take about eight months, the board said, at a cost it put at "
    "forty million, shared between the port and the regional government.</p>"
    "<p>Fishing crews asked for the works to pause during the herring season, and the board agreed to review "
    "the timetable with them before the contract is signed.</p>";

}  // namespace

TEST_CASE("html: the sample page gives its article, metadata and nothing of its boilerplate") {
    const Document doc = read_html(test::read_file(test::source_dir() / "samples" / "tram-line-opening-web.html"),
                                   "tram-line-opening-web.html", {});
    CHECK(doc.meta.title == "Riverside tram line opens after four years of works");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2024-05-14T07:45:00+01:00");
    CHECK(doc.meta.authors == std::vector<std::string>{"Ines Okafor"});  // JSON-LD's @id reference, resolved
    CHECK(doc.meta.source.name == "Northbridge Courier");
    CHECK(doc.meta.language == "en-GB");
    CHECK(doc.meta.url == "https://courier.example.org/city/2024/05/14/riverside-tram-line-opens");
    const std::string body = body_of(doc);
    CHECK(body.starts_with("The first passengers rode the new line"));  // the standfirst, above the text
    CHECK(body.find("consultation on the route in the autumn") != std::string::npos);
    for (const char* boilerplate : {"We use cookies", "Sport", "Share", "Related stories", "Tram opening put back",
                                    "morning newsletter", "Trainspotter44", "far too early", "All rights reserved",
                                    "Transport\n", "Riverside tram line opens"}) {
        INFO(boilerplate);
        CHECK(body.find(boilerplate) == std::string::npos);
    }
    CHECK(std::any_of(doc.body.begin(), doc.body.end(), [](const Block& b) { return std::holds_alternative<Table>(b); }));
    CHECK(std::any_of(doc.body.begin(), doc.body.end(), [](const Block& b) { return std::holds_alternative<List>(b); }));
    CHECK(std::any_of(doc.body.begin(), doc.body.end(), [](const Block& b) { return std::holds_alternative<Quote>(b); }));
    for (const char* rule : {"title-source", "date-source", "author-source", "agency-source", "body-source"}) {
        INFO(rule);
        CHECK(test::has_note(doc, rule));
    }
}

TEST_CASE("html: an old page in ISO-8859-1 with a layout table gives its German date, byline and paragraphs") {
    const Document doc = read_html(test::read_file(test::source_dir() / "tests" / "fixtures" / "ferry-strike-latin1.html"),
                                   "ferry-strike-latin1.html", {});
    CHECK(doc.meta.title == "Fährstreik legt Hafenverkehr lahm");
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2019-10-18T14:05:00");
    CHECK(doc.meta.authors == std::vector<std::string>{"Karin Weiß"});
    CHECK(doc.body.size() == 5);
    const std::string body = body_of(doc);
    CHECK(body.find("„unverhältnismäßig“") != std::string::npos);
    CHECK(body.find("Meistgelesen") == std::string::npos);
    CHECK(body.find("Startseite") == std::string::npos);
    CHECK(body.find("Drucken") == std::string::npos);
}

TEST_CASE("html: a page declaring Windows-1252 whose bytes are UTF-8 is read as UTF-8, with a note") {
    std::string html = page_around("<h1>Café prices rise</h1>" + kProse + "<p>Prices at the café rose by a fifth.</p>",
                                   "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">");
    html.replace(html.find("<meta charset=\"utf-8\">"), 22, "");
    const Document doc = read_page(html);
    CHECK(doc.meta.title == "Café prices rise");
    CHECK(test::has_note(doc, "charset-mislabelled"));
}

TEST_CASE("html: a page without a charset whose bytes are not UTF-8 is read as Windows-1252, with a note") {
    std::string html = page_around("<h1>Quotes</h1>" + kProse + "<p>\x93Not now,\x94 the mayor said \x96 twice.</p>");
    html.replace(html.find("<meta charset=\"utf-8\">"), 22, "");
    const Document doc = read_page(html);
    CHECK(body_of(doc).find("\u201CNot now,\u201D the mayor said \u2013 twice.") != std::string::npos);
    CHECK(test::has_note(doc, "charset-guessed"));
}

TEST_CASE("html: bytes that are no UTF-8 in a UTF-8 page become U+FFFD, with a note") {
    const Document doc = read_page(page_around("<h1>Bytes</h1>" + kProse + "<p>A stray byte \xFF here, and \xC3\xA9 there.</p>"));
    CHECK(body_of(doc).find("A stray byte \uFFFD here, and \u00E9 there.") != std::string::npos);
    CHECK(test::has_note(doc, "invalid-bytes-replaced"));
}

TEST_CASE("html: a UTF-16 page with a byte-order mark is decoded") {
    const std::string utf8 = page_around("<h1>Wide</h1>" + kProse);
    std::string utf16 = "\xFF\xFE";
    for (const char c : utf8) {
        utf16.push_back(c);
        utf16.push_back('\0');
    }
    CHECK(read_page(utf16).meta.title == "Wide");
}

TEST_CASE("html: a page with no article text is refused") {
    const std::string menu = page_around("<ul><li><a href=\"/a\">One</a></li><li><a href=\"/b\">Two</a></li></ul>");
    CHECK_THROWS_WITH(read_page(menu), Catch::Contains("holds no article"));
    CHECK_THROWS_AS(read_page("<html><body><script>var x = 1;</script></body></html>"), InputError);
}

TEST_CASE("html: scripts, styles, templates, noscript and hidden elements never give text") {
    const Document doc = read_page(page_around(
        "<h1>Hidden things</h1>" + kProse +
        "<script>document.write('<p>script text</p>')</script><style>p { color: red }</style>"
        "<template><p>template text</p></template><noscript><p>noscript text</p></noscript>"
        "<div hidden><p>hidden attribute text</p></div><div style=\"display: none\"><p>display none text</p></div>"
        "<p aria-hidden=\"true\">aria hidden text</p>"));
    const std::string body = body_of(doc);
    for (const char* hidden : {"script text", "color: red", "template text", "noscript text", "hidden attribute",
                               "display none", "aria hidden"}) {
        INFO(hidden);
        CHECK(body.find(hidden) == std::string::npos);
    }
    CHECK(body.find("herring season") != std::string::npos);
}

TEST_CASE("html: the headline is the page's own, not the <title> with the site's name or a kicker") {
    const Document doc = read_page(page_around(
        "<article><h1><span class=\"kicker\">Port</span> <span>Channel to be deepened for larger ships</span></h1>" +
            kProse + "</article>",
        "<meta property=\"og:title\" content=\"Channel to be deepened for larger ships | Example Gazette\">"));
    CHECK(doc.meta.title == "Channel to be deepened for larger ships");
}

TEST_CASE("html: a site's name after the title is told by the page's address, a saved page's too") {
    const auto title_of = [](std::string_view head) { return read_page(page_around("<article>" + kProse + "</article>", head)).meta.title; };
    CHECK(title_of("<meta property=\"og:title\" content=\"Channel to be deepened - Harbour Gazette Online\">"
                   "<link rel=\"canonical\" href=\"https://news.harbourgazette.co.uk/channel\">") == "Channel to be deepened");
    CHECK(title_of("<meta property=\"og:title\" content=\"Channel to be deepened | Harbourgazette\">"
                   "<link rel=\"canonical\" href=\"https://web.archive.org/web/2016/http://www.harbourgazette.de/a\">") ==
          "Channel to be deepened");
    // A title that starts with the word its site is named after keeps it.
    CHECK(title_of("<meta property=\"og:title\" content=\"Harbour works - what changes for ferries\">"
                   "<meta property=\"og:site_name\" content=\"Harbour\">") == "Harbour works - what changes for ferries");
}

TEST_CASE("html: a kicker or deck set apart in the headline's element is left out of the title") {
    const auto title_of = [](std::string_view heading) {
        return read_page(page_around("<article>" + std::string(heading) + kProse + "</article>")).meta.title;
    };
    CHECK(title_of("<h1><span class=\"dachzeile\">Hafen</span><span class=\"headline\">Fahrrinne wird vertieft</span></h1>") ==
          "Fahrrinne wird vertieft");
    CHECK(title_of("<h1><small>Port</small><br> Channel to be deepened</h1>") == "Channel to be deepened");
    CHECK(title_of("<h1><div class=\"topic-label\">Harbour works</div> Channel to be deepened</h1>") == "Channel to be deepened");
    CHECK(title_of("<h1><span class=\"overline\">Port</span>: Channel to be deepened</h1>") == "Channel to be deepened");
    CHECK(title_of("<h1>The <em>deepest</em> channel yet</h1>") == "The deepest channel yet");
    CHECK(title_of("<h1>Channel to be deepened <h4 class=\"author\">Posted by Harbour Desk on 23 February 2020</h4></h1>") ==
          "Channel to be deepened");
}

TEST_CASE("html: a headline that goes on past the metadata's title is the title, a site's name after a bar is not") {
    const auto title_of = [](std::string_view heading) {
        return read_page(page_around("<article><h1>" + std::string(heading) + "</h1>" + kProse + "</article>",
                                     "<meta property=\"og:title\" content=\"Can a channel be too deep?\">"))
            .meta.title;
    };
    CHECK(title_of("Can a channel be too deep / too wide?") == "Can a channel be too deep / too wide?");
    CHECK(title_of("Can a channel be too deep? | HARBOUR.NET") == "Can a channel be too deep?");
    CHECK(title_of("Can a channel be too deep? <span>The board answers</span>") == "Can a channel be too deep?");  // a deck
}

TEST_CASE("html: a quote or kicker in the headline's one run of text stays in the title") {
    const Document doc = read_page(page_around("<article><h1>\"Too deep\": Harbour board votes on the channel</h1>" + kProse + "</article>",
                                               "<meta property=\"og:title\" content=\"Harbour board votes on the channel\">"));
    CHECK(doc.meta.title == "\"Too deep\": Harbour board votes on the channel");
}

TEST_CASE("html: a section's <h1> is not the headline when a later <h1> is the metadata's title") {
    // The section's name heads the page (`News`), the article's own <h1> follows in the text.
    const Document doc = read_page(page_around("<article><h1>News</h1><div class=\"header\"><h1>Harbour board votes on the channel</h1></div>" +
                                                   kProse + "</article>",
                                               "<meta property=\"og:title\" content=\"Harbour board votes on the channel\">"));
    CHECK(doc.meta.title == "Harbour board votes on the channel");
}

TEST_CASE("html: a blog's linked <h1> that is the metadata's title is the headline, not a promotion's <h1> above it") {
    const Document doc = read_page(page_around("<div id=\"content\"><div class=\"post\"><h1>Have you seen my videos?</h1>My channels: one and two.</div>"
                                               "<div class=\"post\"><h1><a href=\"/2015/11/12/channel/\">Harbour board votes on the channel</a></h1>"
                                               "<div class=\"storycontent\">" + kProse + "</div></div></div>",
                                               "<meta property=\"og:title\" content=\"Harbour board votes on the channel\">"));
    CHECK(doc.meta.title == "Harbour board votes on the channel");
}

TEST_CASE("html: a section heading in the text that repeats the metadata's title does not replace the headline") {
    const Document doc = read_page(page_around("<article><h1>How the harbour board decided on the channel</h1>" + kProse +
                                                   "<h2>The vote</h2>" + kProse + "<h2>Channel works</h2>" + kProse + "</article>",
                                               "<meta property=\"og:title\" content=\"Channel works\">"));
    CHECK(doc.meta.title == "How the harbour board decided on the channel");
}

TEST_CASE("html: the headline keeps its typographic quotes when the metadata's title straightens them") {
    const Document doc = read_page(page_around("<article><h1>\u201EWir vertiefen die Rinne\u201C</h1>" + kProse + "</article>",
                                               "<meta property=\"og:title\" content=\"&quot;Wir vertiefen die Rinne&quot; - Gazette\">"));
    CHECK(doc.meta.title == "\u201EWir vertiefen die Rinne\u201C");
}

TEST_CASE("html: a headline the metadata cut short is completed from the page") {
    const auto title_of = [](std::string_view head, std::string_view heading = "") {
        return read_page(page_around("<article>" + std::string(heading) + kProse + "</article>", head)).meta.title;
    };
    // Cut with an ellipsis: the <title> holds the rest, and the site's name after it is left out.
    std::string page = page_around("<article>" + kProse + "</article>",
                                   "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                                   "\"Harbour board votes to deepen the eastern channel for...\"}</script>"
                                   "<meta property=\"og:site_name\" content=\"Gazette\">");
    page.replace(page.find("<title>Site</title>"), 19,
                 "<title>Harbour board votes to deepen the eastern channel for container ships | Gazette</title>");
    const Document doc = read_page(page);
    CHECK(doc.meta.title == "Harbour board votes to deepen the eastern channel for container ships");
    CHECK(std::any_of(doc.notes.begin(), doc.notes.end(), [](const Note& n) {
        return n.rule == "title-source" && n.message.find("cut short there and completed from the page's <title>") != std::string::npos;
    }));
    // Cut at a length without an ellipsis: the page's heading goes on mid-sentence.
    CHECK(title_of("<meta property=\"og:title\" content=\"Harbour board votes to deepen the eastern\">",
                   "<h1>Harbour board votes to deepen the eastern channel</h1>") ==
          "Harbour board votes to deepen the eastern channel");
    // A heading that adds a deck after a whole headline does not lengthen it.
    CHECK(title_of("<meta property=\"og:title\" content=\"Harbour board votes to deepen the channel\">",
                   "<h1>Harbour board votes to deepen the channel <span>\"A good day for the port\"</span></h1>") ==
          "Harbour board votes to deepen the channel");
}

TEST_CASE("html: ruby annotations (furigana) are left out of the text and the headline, with a note") {
    const Document doc = read_page(page_around(
        "<article><h1><ruby>港<rt>みなと</rt></ruby>の工事</h1>"
        "<p><ruby>港<rp>(</rp><rt>みなと</rt><rp>)</rp></ruby>の水路を深くする工事が春に始まります。<a href=\"/dict/1\"><ruby>船<rt>ふね</rt></ruby></a>"
        "が潮を待たずに入れるようになります。</p>" + kProse + "</article>"));
    CHECK(doc.meta.title == "港の工事");
    const std::string body = body_of(doc);
    CHECK(body.find("港の水路を深くする工事が春に始まります。") != std::string::npos);
    CHECK(body.find("みなと") == std::string::npos);
    CHECK(body.find("ふね") == std::string::npos);
    CHECK(std::any_of(doc.notes.begin(), doc.notes.end(), [](const Note& n) {
        return n.rule == "boilerplate-left-out" && n.message.find("ruby annotations") != std::string::npos;
    }));
}

TEST_CASE("html: a long date meta is cut between characters, never inside one (found by fuzzing)") {
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "\u00E9";
    const Document doc = read_page(page_around("<article><h1>Dated</h1>" + kProse + "</article>",
                                               "<meta property=\"article:published_time\" content=\"2024-05-14T" + accents + "\">"));
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2024-05-14");
    CHECK(doc.meta.date->text.size() <= 64);
    CHECK(unicode::decode(doc.meta.date->text).find(U'\uFFFD') == std::u32string::npos);
}

TEST_CASE("html: a control character in a date meta is taken out of the date's text, with a note (found by fuzzing)") {
    const Document doc = read_page(page_around("<article><h1>Dated</h1>" + kProse + "</article>",
                                               "<meta property=\"article:published_time\" content=\"2024-05-14T07:45:0\x10+01:00\">"));
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->text == "2024-05-14T07:45:0+01:00");
    CHECK(test::has_note(doc, "control-characters-removed"));
}

TEST_CASE("html: a UTC time the page prints on the next or previous day gives the printed day") {
    const auto date_of = [](std::string_view meta_time, std::string_view printed) {
        const Document doc = read_page(page_around(
            "<article><h1>Dated twice</h1><p class=\"date\">" + std::string(printed) + "</p>" + kProse + "</article>",
            "<meta property=\"article:published_time\" content=\"" + std::string(meta_time) + "\">"));
        REQUIRE(doc.meta.date);
        return std::pair{doc.meta.date->iso(), test::has_note(doc, "date-local-day")};
    };
    // Local midnight stored in UTC: the day the page prints.
    CHECK(date_of("2021-11-04T23:00:00Z", "5. November 2021") == std::pair{std::string("2021-11-05"), true});
    // A printed time tells the zone: the same instant, in it.
    CHECK(date_of("2020-06-13T22:30:00+00:00", "14. Juni 2020 00:30 Uhr") ==
          std::pair{std::string("2020-06-14T00:30:00+02:00"), true});
    // Noon in UTC is on no other day near by: the printed date is another one, and the metadata stands.
    CHECK(date_of("2021-11-04T12:00:00Z", "5. November 2021") == std::pair{std::string("2021-11-04T12:00:00+00:00"), false});
    // A time with its own zone is the site's local time already.
    CHECK(date_of("2021-11-04T23:00:00+01:00", "5. November 2021") == std::pair{std::string("2021-11-04T23:00:00+01:00"), false});
}

TEST_CASE("html: what a class, a landmark or hiding leaves out inside the article is noted, with its lines") {
    const Document doc = read_page(page_around("<article><h1>Noted</h1>" + kProse +
                                               "\n<div class=\"share-bar\">Share this story</div>"
                                               "\n<aside>Related: the tide tables</aside>"
                                               "\n<p hidden>Hidden promotion text</p>" + kProse + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Share this story") == std::string::npos);
    std::vector<std::string> left_out;
    for (const Note& n : doc.notes) {
        if (n.rule == "boilerplate-left-out") left_out.push_back(n.message);
    }
    const auto noted = [&](std::string_view what) {
        return std::any_of(left_out.begin(), left_out.end(), [&](const std::string& m) { return m.find(what) != std::string::npos; });
    };
    CHECK(noted("a class or id naming boilerplate (comments, sharing, related links, ads): line 2"));
    CHECK(noted("navigation, footer or aside landmarks: line 3"));
    CHECK(noted("hidden from readers: line 4"));
}

TEST_CASE("html: the author's bio after the text, opening with the byline's name, is left out with a note") {
    const Document doc = read_page(page_around("<article><h1>Bio below</h1><p class=\"byline\">By Ana Ruiz</p>" + kProse +
                                               "<p>Ana Ruiz is the Gazette's harbour correspondent and has covered the port since "
                                               "2015, after ten years at sea.</p></article>"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Ana Ruiz"});
    const std::string body = body_of(doc);
    CHECK(body.find("harbour correspondent") == std::string::npos);
    CHECK(body.find("Fishing crews asked") != std::string::npos);
    CHECK(test::has_note(doc, "author-bio"));
    // Above the text, a paragraph opening with the name is the article's.
    const Document lead = read_page(page_around("<article><h1>Named first</h1><p class=\"byline\">By Ana Ruiz</p>"
                                                "<p>Ana Ruiz, the harbour master, said on Monday that the eastern channel will be "
                                                "deepened for the larger container ships.</p>" + kProse + "</article>"));
    CHECK(body_of(lead).find("the harbour master, said on Monday") != std::string::npos);
}

TEST_CASE("html: a line that is one link to another page, past most of the text, is left out") {
    const Document doc = read_page(page_around(
        "<article><h1>Lone links</h1>" + kProse + kProse +
        "<p><a href=\"/news/ferry-timetable\">New ferry timetable starts next month</a></p>" + kProse + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("New ferry timetable") == std::string::npos);
    CHECK(body.find("Fishing crews asked") != std::string::npos);
    CHECK(test::has_note(doc, "teaser-link"));
}

TEST_CASE("html: a byline line inside the text is left out, a sentence opening with 'von' is not") {
    const std::size_t first_end = kProse.find("</p>") + 4;
    const Document doc = read_page(page_around("<article><h1>Bylined</h1>" + kProse.substr(0, first_end) +
                                               "<p>By <a href=\"/author/lena-okoro\">Lena Okoro</a></p>" + kProse.substr(first_end) +
                                               "<p>von Hafenamt (HA) und Reederei gemeinsam ein und legen einen Fahrplan vor.</p>" +
                                               kProse + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Lena Okoro") == std::string::npos);
    CHECK(body.find("legen einen Fahrplan vor") != std::string::npos);
    CHECK(test::has_note(doc, "head-line"));
}

TEST_CASE("html: a javascript: link is read as its words, not as a link") {
    const Document doc = read_page(page_around(
        "<article><h1>Glossary links</h1><p>The board voted to <a href=\"javascript:void(0)\">deepen</a> the channel and "
        "to <a href=\" JavaScript:open('x')\">widen</a> the quay, as <a href=\"https://example.org/plan\">the plan</a> says, "
        "before the herring season begins in the spring of next year.</p>" + kProse + "</article>"));
    const auto& first = std::get<Paragraph>(doc.body.front());
    REQUIRE(first.content.size() == 3);
    CHECK(std::get<Text>(first.content[0]).text == "The board voted to deepen the channel and to widen the quay, as ");
    CHECK(std::get<Link>(first.content[1]).href == "https://example.org/plan");
}

TEST_CASE("html: a page without dated metadata takes the date line or dateline at the article's edge") {
    const auto date_of = [](std::string_view article) {
        const Document doc = read_page(page_around("<article><h1>Dated by its text</h1>" + std::string(article) + "</article>"));
        REQUIRE(doc.meta.date);
        CHECK(test::has_note(doc, "date-source"));
        return doc.meta.date->iso();
    };
    CHECK(date_of("<p>27.1.2022</p>" + kProse) == "2022-01-27");
    CHECK(date_of("<p>27.1.2022 - The harbour board voted on Monday to deepen the eastern channel, so that ships can "
                  "reach the new quay without waiting for the tide.</p>" + kProse) == "2022-01-27");
    CHECK(date_of(kProse + "<p>Ines, 10. September 2017</p>") == "2017-09-10");
}

TEST_CASE("html: a byline at the article's edge names the authors when the metadata names none") {
    const Document doc = read_page(page_around("<article><h1>Signed</h1><p>Von Claudia Lindner</p>" + kProse + "</article>"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Claudia Lindner"});
    const Document below = read_page(page_around("<article><h1>Signed</h1>" + kProse +
                                                 "<p>Autorin: Uta Berger, Projektleiterin in Tunis.</p></article>"));
    CHECK(below.meta.authors == std::vector<std::string>{"Uta Berger"});
}

TEST_CASE("html: a user's name with digits in it is a name, and a date after it is not") {
    const auto authors_of = [](std::string_view byline) {
        return read_page(page_around("<article><h1>Forum post</h1><div class=\"author\">" + std::string(byline) + "</div>" + kProse + "</article>"))
            .meta.authors;
    };
    CHECK(authors_of("von Hafenkatze7 am 20.09.2020") == std::vector<std::string>{"Hafenkatze7"});
    CHECK(authors_of("Author: <a href=\"/profile/12\"><b>Kai3ko</b></a> am 02.03.2011, 09:15 Uhr") == std::vector<std::string>{"Kai3ko"});
    CHECK(authors_of("By Ana Ruiz 12.3.2021") == std::vector<std::string>{"Ana Ruiz"});
}

TEST_CASE("html: byline labels: a lowercase user's name after a label of two words (not after 'By' alone), a French 'Auteur :'") {
    const auto authors_of = [](std::string_view line) {
        return read_page(page_around("<article><h1>Forum post</h1><p>" + std::string(line) + "</p>" + kProse + "</article>")).meta.authors;
    };
    CHECK(authors_of("Gespeichert von kaimo am 3. Mai 2018 - 10:20") == std::vector<std::string>{"kaimo"});
    CHECK(authors_of("Verfasst von: ufergarten | 12. Januar 2010") == std::vector<std::string>{"ufergarten"});
    CHECK(authors_of("by kaimo").empty());
    CHECK(authors_of("Auteur : Odile Marchetti") == std::vector<std::string>{"Odile Marchetti"});
}

TEST_CASE("html: a first name or a login in the metadata yields to the byline that gives the whole name") {
    const auto authors_of = [](std::string_view author_meta, std::string_view byline) {
        return read_page(page_around("<article><h1>Named in full</h1><p class=\"byline\">" + std::string(byline) + "</p>" + kProse + "</article>",
                                     "<meta name=\"author\" content=\"" + std::string(author_meta) + "\">"))
            .meta.authors;
    };
    CHECK(authors_of("Ned", "By Ned Varga") == std::vector<std::string>{"Ned Varga"});
    CHECK(authors_of("ines.da.costa", "Por Ines Da Costa") == std::vector<std::string>{"Ines Da Costa"});
    CHECK(authors_of("jorinfeldhake", "Von Jorin Feldhake") == std::vector<std::string>{"Jorin Feldhake"});
    // Another person, or the name with a byline's furniture after it, is no fuller name.
    CHECK(authors_of("Ned", "By Ana Ruiz") == std::vector<std::string>{"Ned"});
    CHECK(authors_of("Herr_Kahn", "Von Herr_Kahn Veröffentlicht") == std::vector<std::string>{"Herr_Kahn"});
}

TEST_CASE("html: an organisation in the author meta is passed over for the byline's person") {
    const Document doc = read_page(page_around("<article><h1>By whom</h1><p class=\"byline\">By Ana Ruiz</p>" + kProse + "</article>",
                                               "<meta name=\"author\" content=\"Web Commerce GmbH www.example.de\">"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Ana Ruiz"});
}

TEST_CASE("html: NUL characters in a page do not end it, and they are removed with a note") {
    std::string page = page_around("<article><h1>With NULs</h1>" + kProse + "</article>");
    page.insert(page.find("<main>"), std::string("<p>a\0b</p>\n", 10));
    const Document doc = read_page(page);
    CHECK(body_of(doc).find("herring season") != std::string::npos);
    CHECK(test::has_note(doc, "nul-characters-removed"));
}

TEST_CASE("html: a dialog holding more text than the article is left out") {
    const std::string dialog = "<div role=\"dialog\" aria-hidden=\"true\"><h2>Training programme</h2>" + kProse + kProse + kProse + "</div>";
    const Document doc = read_page(page_around("<article><h1>The page's own</h1><p>Ferries will run every twenty minutes from "
                                               "June, the operator said, and the night service returns in the autumn.</p></article>" +
                                               dialog));
    CHECK(body_of(doc).find("Ferries will run") != std::string::npos);
    CHECK(body_of(doc).find("herring season") == std::string::npos);
}

TEST_CASE("html: picture credits in the text and the publisher's rights line under it are left out") {
    const std::size_t first_end = kProse.find("</p>") + 4;
    const std::size_t second_end = kProse.find("</p>", first_end) + 4;
    const Document doc = read_page(page_around("<article><h1>Rights</h1>" + kProse.substr(0, first_end) +
                                               "<p>The new quay at dusk. (Foto: Ines Berg)</p>" +
                                               kProse.substr(first_end, second_end - first_end) +
                                               "<p>Photograph by Tom Reed, Harbour Board</p>" + kProse.substr(second_end) +
                                               "<p>DER GAZETTE 52/2018 Alle Rechte vorbehalten</p></article>"));
    CHECK(body_of(doc).find("Rechte") == std::string::npos);
    CHECK(body_of(doc).find("Ines Berg") == std::string::npos);
    CHECK(body_of(doc).find("Tom Reed") == std::string::npos);
    CHECK(test::has_note(doc, "edge-line"));
    CHECK(test::has_note(doc, "picture-credit"));
    // The publisher's disclaimers under the text: opinions are the author's, links earn a commission.
    for (const char* disclaimer : {"Dieser Kommentar gibt die Meinung des Autors wieder und nicht die der Zeitung.",
                                   "Les opinions exprimées ici n'engagent que leurs auteurs.",
                                   "Die Links in diesem Text sind Affiliate Links."}) {
        INFO(disclaimer);
        const Document under = read_page(page_around("<article><h1>Disclaimed</h1>" + kProse + "<p>" + disclaimer + "</p></article>"));
        CHECK(body_of(under).find(std::string(disclaimer).substr(0, 20)) == std::string::npos);
    }
}

TEST_CASE("html: dates come from meta, <time>, the text under the headline or the address") {
    const auto date_of = [](std::string_view head, std::string_view top) {
        const Document doc = read_page(page_around(std::string("<article><h1>Dated</h1>") + std::string(top) + kProse + "</article>", head));
        return doc.meta.date ? doc.meta.date->iso() : std::string("none");
    };
    CHECK(date_of("<meta property=\"article:published_time\" content=\"2021-03-04T10:00:00Z\">", "") == "2021-03-04T10:00:00+00:00");
    CHECK(date_of("", "<time datetime=\"2020-02-29\">29 Feb</time>") == "2020-02-29");
    CHECK(date_of("", "<p class=\"info\">Veröffentlicht am 3. März 2021</p>") == "2021-03-03");
    CHECK(date_of("", "<div class=\"posted-on\">23.09.22</div>") == "2022-09-23");
    CHECK(date_of("<link rel=\"canonical\" href=\"https://example.org/2019/07/08/dated\">", "") == "2019-07-08");
}

TEST_CASE("html: bylines name people: 'By' and 'Von' and a trailing date left out, the site itself passed over") {
    const auto authors_of = [](std::string_view head, std::string_view top) {
        return read_page(page_around(std::string("<article><h1>By whom</h1>") + std::string(top) + kProse + "</article>", head))
            .meta.authors;
    };
    CHECK(authors_of("", "<p class=\"byline\">By Ana Ruiz and Tom Berg | 4 May 2021</p>") ==
          std::vector<std::string>{"Ana Ruiz", "Tom Berg"});
    CHECK(authors_of("", "<span class=\"author\">Von Karin Weiß am 18.10.2019</span>") == std::vector<std::string>{"Karin Weiß"});
    CHECK(authors_of("<meta property=\"og:site_name\" content=\"Example Gazette\"><meta name=\"author\" content=\"Example Gazette\">",
                     "<a href=\"/author/ana-ruiz\">Ana Ruiz</a>") == std::vector<std::string>{"Ana Ruiz"});
}

TEST_CASE("html: a byline printed without markup is read by its label, its names checked") {
    const auto authors_of = [](std::string_view top, std::string_view bottom = "") {
        return read_page(page_around(std::string("<article><h1>By whom</h1>") + std::string(top) + kProse + std::string(bottom) + "</article>"))
            .meta.authors;
    };
    // The label alone in its own element, the name in the next.
    CHECK(authors_of("<div><span>| By </span><span>Cara Stiles</span> | April 13, 2020</div>") == std::vector<std::string>{"Cara Stiles"});
    CHECK(authors_of("<h5>Autor: </h5>Peter Maahn<br>") == std::vector<std::string>{"Peter Maahn"});
    CHECK(authors_of("<div><h4>Autor</h4><p><a href=\"/profil/nh\">Nikolai Huke</a></p></div>") == std::vector<std::string>{"Nikolai Huke"});
    CHECK(authors_of("<p>By&nbsp;<a href=\"/reporters/jc\">Jose de la Cruz</a></p>") == std::vector<std::string>{"Jose de la Cruz"});
    // A longer label, a date before the name, a job title after it, a signature under the text.
    CHECK(authors_of("<div>Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022 - 12:45</div>") == std::vector<std::string>{"Pamela Sladky"});
    CHECK(authors_of("<div>Posted on September 21, 2020 by Adi Tzlil</div>") == std::vector<std::string>{"Adi Tzlil"});
    CHECK(authors_of("<p>Par Matthieu Hy le 12 mai 2021</p>") == std::vector<std::string>{"Matthieu Hy"});
    CHECK(authors_of("", "<p><strong>Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.</strong></p>") ==
          std::vector<std::string>{"Uta Staschewski"});
    // What opens with `von` or `by` but names no one.
    CHECK(authors_of("<p>Von Einheimischen, Gästen und ganz viel Kühen</p>").empty());
    CHECK(authors_of("<p>Von Barzahler-Rabatten profitieren</p>").empty());
    CHECK(authors_of("<div>Sort <span>by</span> <a href=\"?s=date\">Date</a></div>").empty());
    CHECK(authors_of("<table><tr><td>Mo</td><td>Di</td><td>Mi</td></tr></table>").empty());
    // A byline in the comments or the site's footer is not the article's.
    CHECK(read_page(page_around("<article><h1>By whom</h1>" + kProse + "</article><div class=\"comments\"><p>Von Karl Lenz</p></div>"))
              .meta.authors.empty());
}

TEST_CASE("html: a link to another article behind a short label is left out, in any language, and a cast list is kept") {
    const Document doc = read_page(page_around(
        "<article><h1>Harbour</h1>" + kProse +
        "<p>Czytaj też: <a href=\"/swiat/123,wyscig-zbrojen\">Wyścig zbrojeń ruszył z kopyta</a></p>"
        "<h6>Mire:&nbsp;<a href=\"https://example.org/ferry\">El ferry nuevo llega al puerto mañana</a></h6>"
        "<h3>MIRA: <a href=\"https://example.org/madre-captura\">Madre se acerca a conocer los motivos de captura</a></h3>"
        "<p>Kreole: <a href=\"/people/stella-hoops\">Stella Hoops</a></p>"
        "<p><strong>À lire aussi »</strong> <a href=\"/bien-etre/sommeil\">Quatre aliments pour mieux dormir la nuit, et ceux qui vous tiennent éveillé jusqu’&agrave; l’aube</a></p>" + kProse + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("mieux dormir") == std::string::npos);  // behind a furniture title that ends without a colon
    CHECK(body.find("Czytaj") == std::string::npos);
    CHECK(body.find("Madre se acerca") == std::string::npos);
    CHECK(body.find("El ferry nuevo llega") == std::string::npos);  // a no-break space after the label
    CHECK(body.find("Kreole: Stella Hoops") != std::string::npos);
    CHECK(test::has_note(doc, "teaser-link"));
}

TEST_CASE("html: the agency is the wire the text credits in its dateline or a source line, not a picture's credit") {
    const std::string publisher = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour\","
                                  "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Gazette\"}}</script>";
    const auto read_with = [&](std::string_view before, std::string_view after) {
        return read_page(page_around("<article><h1>Harbour</h1>" + std::string(before) + kProse + std::string(after) + "</article>", publisher));
    };
    const Document dateline = read_with("<p>HAMBURG (dpa/lno) - The port authority published the plan for the channel on "
                                        "Monday, after two years of hearings with the shipping lines and the city.</p>", "");
    CHECK(dateline.meta.source.name == "dpa");
    CHECK(std::any_of(dateline.notes.begin(), dateline.notes.end(), [](const Note& n) {
        return n.rule == "agency-source" && n.message.find("Example Gazette") != std::string::npos;  // the publisher kept in the note
    }));
    const Document source_line = read_with("", "<p>Quelle: Reuters</p><p>Illustration: Jane Roe</p>");
    CHECK(source_line.meta.source.name == "Reuters");
    CHECK(body_of(source_line).find("Quelle") == std::string::npos);  // credits, cut from the text
    CHECK(body_of(source_line).find("Illustration") == std::string::npos);
    CHECK(read_with("", "<p>(AFP)</p>").meta.source.name == "AFP");
    // A picture's credit, or an agency's name alone under a picture, credits no text.
    CHECK(read_with("", "<p>Foto: Jane Roe/dpa</p>").meta.source.name == "Example Gazette");
    CHECK(read_with("<figure><img src=\"/a.jpg\"><figcaption>Reuters</figcaption></figure>", "").meta.source.name == "Example Gazette");
    // A parenthesis that is no dateline's: a sentence naming the agency.
    CHECK(read_with("<p>The port authority told the agency (Reuters) it would publish the plan on Monday, after two years "
                    "of hearings with the shipping lines.</p>", "").meta.source.name == "Example Gazette");
}

TEST_CASE("html: a JSON-LD author named by a first name alone takes the whole name its description opens with") {
    const auto authors_for = [](std::string_view description) {
        const std::string head = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"Harbour\","
                                 "\"author\":{\"@id\":\"#ines\"}},{\"@type\":\"Person\",\"@id\":\"#ines\",\"name\":\"Ines\","
                                 "\"description\":\"" + std::string(description) + "\"}]}</script>";
        return read_page(page_around("<article><h1>Harbour</h1>" + kProse + "</article>", head)).meta.authors;
    };
    CHECK(authors_for("Ines Okafor ist freie Autorin und schreibt über Häfen.") == std::vector<std::string>{"Ines Okafor"});
    CHECK(authors_for("Ines van der Berg - Hafenreporterin") == std::vector<std::string>{"Ines van der Berg"});
    CHECK(authors_for("Ines writes about ports and ships.") == std::vector<std::string>{"Ines"});  // no surname follows
}

TEST_CASE("html: a line giving a date and a name beside the headline gives the author") {
    const Document doc = read_page(page_around("<article><h1>Variablen und ihr Zuhause</h1><p class=\"muted\">11.12.2019 - Amelie Loevenich</p>" +
                                               kProse + "</article>"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Amelie Loevenich"});
    REQUIRE(doc.meta.date);
    CHECK(doc.meta.date->iso() == "2019-12-11");
}

TEST_CASE("html: a byline's furniture words are not names") {
    const auto authors_of = [](std::string_view top) {
        return read_page(page_around(std::string("<article><h1>By whom</h1>") + std::string(top) + kProse + "</article>")).meta.authors;
    };
    CHECK(authors_of("<div class=\"author\"><a href=\"/follow\">Follow</a></div>").empty());
    CHECK(authors_of("<div class=\"author\">Posted</div><p>Von Karin Weiß</p>") == std::vector<std::string>{"Karin Weiß"});
}

TEST_CASE("html: a byline element's blocks are apart, and phrases in it are no names") {
    const auto authors_of = [](std::string_view byline) {
        return read_page(page_around("<article><h1>By whom</h1><div class=\"author\">" + std::string(byline) + "</div>" + kProse + "</article>"))
            .meta.authors;
    };
    CHECK(authors_of("<div>Lina Brandt</div><div>Tom Seidel</div>") == std::vector<std::string>{"Lina Brandt Tom Seidel"});
    CHECK(authors_of("<div><a>Lina Brandt</a>, <a>Tom Seidel</a></div><time>vor 3 Stunden</time>") ==
          std::vector<std::string>{"Lina Brandt", "Tom Seidel"});
    CHECK(authors_of("Lina Brandt, Redakteurin bei der Abendpost.") == std::vector<std::string>{"Lina Brandt"});
    CHECK(authors_of("Photo by Ed Marsh") == std::vector<std::string>{"Ed Marsh"});
    CHECK(authors_of("Afficher mon profil complet").empty());
    // Names typed in lowercase and brand-like logins are names still.
    CHECK(authors_of("lina brandt") == std::vector<std::string>{"lina brandt"});
    CHECK(authors_of("Mobi hassan") == std::vector<std::string>{"Mobi hassan"});
    CHECK(authors_of("team-nord Kai Lenz") == std::vector<std::string>{"team-nord Kai Lenz"});
}

TEST_CASE("html: names in metadata lose stray quotes and no-break spaces, a link's phrase gives the name it ends with") {
    const auto authors_of = [](std::string_view head, std::string_view article = "") {
        return read_page(page_around("<article><h1>By whom</h1>" + std::string(article) + kProse + "</article>", head)).meta.authors;
    };
    CHECK(authors_of("<meta name=\"author\" content=\"'Lina Brandt; Tom Seidel'\">") == std::vector<std::string>{"Lina Brandt", "Tom Seidel"});
    CHECK(authors_of("<meta name=\"dc.creator\" content=\"Ana&#160; Ruiz\">") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(authors_of("", "<a rel=\"author\" href=\"/u/7\">View all posts by Ana Ruiz</a>") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(authors_of("", "<a rel=\"author\" href=\"/u/7\">Zeige alle Beitr\u00e4ge von Ana Ruiz</a>") == std::vector<std::string>{"Ana Ruiz"});
}

TEST_CASE("html: a CMS's placeholder author in JSON-LD yields to the byline") {
    const Document doc = read_page(page_around(
        "<article><h1>By whom</h1><p class=\"byline\">By Ana Ruiz</p>" + kProse + "</article>",
        R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"By whom","author":{"@type":"Person","name":"admin"}}</script>)"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Ana Ruiz"});
}

TEST_CASE("html: the author of a blog named after them is not taken for the site") {
    const Document doc = read_page(page_around("<article><h1>Notes</h1>" + kProse + "</article>",
                                               "<meta name=\"author\" content=\"Ana Ruiz\"><meta property=\"og:site_name\" content=\"Ana Ruiz's Blog\">"));
    CHECK(doc.meta.authors == std::vector<std::string>{"Ana Ruiz"});
    const Document site = read_page(page_around("<article><h1>Notes</h1>" + kProse + "</article>",
                                                "<meta name=\"author\" content=\"Abendpost\"><meta property=\"og:site_name\" content=\"Abendpost Online\">"));
    CHECK(site.meta.authors.empty());
}

TEST_CASE("html: a JSON-LD block with line breaks raw inside its strings or a semicolon after it is read, with a note") {
    const auto read_ld = [](std::string_view json) {
        return read_page(page_around("<article><h1>Harbour</h1>" + kProse + "</article>",
                                     "<script type=\"application/ld+json\">" + std::string(json) + "</script>"));
    };
    const Document raw = read_ld("{\"@type\":\"BlogPosting\",\"headline\":\"Harbour\",\"articleBody\":\"One line\nand\tanother\","
                                 "\"author\":{\"@type\":\"Person\",\"name\":\"Ines Okafor\"}}");
    CHECK(raw.meta.authors == std::vector<std::string>{"Ines Okafor"});
    CHECK(test::has_note(raw, "json-ld-mended"));
    CHECK_FALSE(test::has_note(raw, "json-ld-unreadable"));
    const Document semicolon = read_ld("{\"@type\":\"NewsArticle\",\"headline\":\"Harbour\",\"author\":\"Ines Okafor\"};\n");
    CHECK(semicolon.meta.authors == std::vector<std::string>{"Ines Okafor"});
    const Document broken = read_ld("{\"@type\":\"NewsArticle\",\"author\":");
    CHECK(test::has_note(broken, "json-ld-unreadable"));
    CHECK_FALSE(test::has_note(broken, "json-ld-mended"));
}

TEST_CASE("html: a byline element, a staff page link and a byline's date label give the author, a picture's author does not") {
    const auto authors_of = [](std::string_view top) {
        return read_page(page_around("<article><h1>By whom</h1>" + std::string(top) + kProse + "</article>")).meta.authors;
    };
    CHECK(authors_of("<byline>Von David Brand, dpa</byline>") == std::vector<std::string>{"David Brand"});
    CHECK(authors_of("<dd><a href=\"/fr/staff/ana-ruiz/\">Ana Ruiz</a></dd>") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(authors_of("<div class=\"byline\">Reuters Updated: January 16, 2020</div>") == std::vector<std::string>{"Reuters"});
    CHECK(authors_of("<div class=\"byline\">Ana Ruiz Published 3 May</div>") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(authors_of("<div class=\"author\">Author(s): Ana Ruiz</div>") == std::vector<std::string>{"Ana Ruiz"});
    CHECK(authors_of("<figure><figcaption><span class=\"img-author\">Mike Blake/Reuters files</span></figcaption></figure>").empty());
    CHECK(authors_of("<p class=\"byline\">By AFP</p>") == std::vector<std::string>{"AFP"});  // the wire alone is the byline
    // a name printed whole and its parts apart (an author box's first name, a login) is one person
    CHECK(authors_of("<div class=\"author\"><a href=\"/author/x\">Lina brandt</a></div><span class=\"author-first\">Lina</span>"
                     "<span class=\"author-last\">brandt</span>") == std::vector<std::string>{"Lina brandt"});
}

TEST_CASE("html: dates come from a labelled line, a date line above the headline, microdata text or the title") {
    const auto date_of = [](std::string_view before, std::string_view top, std::string_view title = "Site") {
        std::string page = page_around(std::string(before) + "<article><h1>Dated</h1>" + std::string(top) + kProse + "</article>");
        page.replace(page.find("<title>Site"), 11, "<title>" + std::string(title));
        const Document doc = read_page(page);
        return doc.meta.date ? doc.meta.date->iso() : std::string("none");
    };
    CHECK(date_of("", "<div><h5>Datum: </h5>03.11.2021<br><h5>Autor: </h5>Peter Maahn</div>") == "2021-11-03");
    CHECK(date_of("", "<ul><li><span>Datum:</span>26. Januar 2022</li></ul>") == "2022-01-26");
    // A label names the date wherever its line is, far below the headline too.
    CHECK(date_of("", kProse + kProse + "<p>Mise en ligne 4 juin 2021</p>" + kProse) == "2021-06-04");
    CHECK(date_of("", kProse + kProse + "<p>Publicado el 9 de marzo de 2023</p>" + kProse) == "2023-03-09");
    CHECK(date_of("<h3>21.01.2022</h3>", "") == "2022-01-21");
    CHECK(date_of("", "<span itemprop=\"datePublished\">28. Dezember 2022</span>") == "2022-12-28");
    CHECK(date_of("", "", "23.01.2022 - Wierer darf starten") == "2022-01-23");
    CHECK(date_of("", "") == "none");
}

TEST_CASE("html: an <h1> that links home is the site's logo, and the part of the <title> that a heading prints is the title") {
    const auto title_of = [](std::string_view title, std::string_view h1) {
        std::string page = std::string("<!DOCTYPE html><html><head><title>") + std::string(title) + "</title></head><body><div id=\"header\"><h1>" +
                           std::string(h1) + "</h1></div><div class=\"entry\">" + kProse + "</div></body></html>";
        return read_page(page).meta.title;
    };
    CHECK(title_of("Time 4 talks &raquo; Blog Archiv &raquo; Kinos werden digital", "<a href=\"http://www.time4talks.com/\">Time 4 talks</a>") ==
          "Kinos werden digital");
    CHECK(title_of("Muffin Grundrezept : Muffin Rezepte", "<a href=\"/\">Muffin Rezepte</a>") == "Muffin Grundrezept");
    // The part of the <title> that a heading prints is the headline, wherever the site puts its name.
    const std::string site_first = "<!DOCTYPE html><html><head><title>Gregory Szorc's Digital Home | Mercurial's Journey to Python 3</title>"
                                   "</head><body><div class=\"post\"><h2><a href=\"/blog/2020/01/13/mercurial\">Mercurial's Journey to Python 3</a></h2>" + kProse + "</div></body></html>";
    CHECK(read_page(site_first).meta.title == "Mercurial's Journey to Python 3");
    // A heading that links to its own article is the headline.
    CHECK(title_of("Kinos werden digital | Time 4 talks", "<a href=\"/2014/02/kinos\">Kinos werden digital</a>") == "Kinos werden digital");
}

TEST_CASE("html: a note quoting the page is cut between characters, never inside one (a long class found by fuzzing)") {
    const std::string line = "Veröffentlicht: " + std::string(70, 'x') + " äöü 3. März 2021";
    const std::string long_class = "c" + std::string(58, 'x') + "ééééé";
    const Document doc = read_page("<!DOCTYPE html><html><head><title>Dated</title></head><body><div id=\"nav\"><a href=\"/\">Home</a></div>"
                                   "<div class=\"" + long_class + "\"><h1>Dated</h1><p>" + line + "</p>" + kProse + "</div></body></html>");
    REQUIRE(test::has_note(doc, "body-source"));
    for (const Note& note : doc.notes) {
        INFO(note.message);
        CHECK(note.message.find("\xEF\xBF\xBD") == std::string::npos);
        for (std::size_t i = 0; i + 1 < note.message.size(); ++i) {
            const auto lead = static_cast<unsigned char>(note.message[i]);
            if (lead >= 0xC0) CHECK((static_cast<unsigned char>(note.message[i + 1]) & 0xC0) == 0x80);
        }
    }
}

TEST_CASE("html: a paragraph of only a soft hyphen leaves no empty paragraph (found by fuzzing)") {
    const Document doc = read_page(page_around("<h1>Kredite</h1>" + kProse + "<p>\u00AD</p><p>Mehr\u200B</p>" + kProse));
    for (const Block& block : doc.body) {
        for_each_run(block, [](const Inlines& run) {
            CHECK(!run.empty());
            for (const Inline& i : run) {
                if (const auto* t = std::get_if<Text>(&i)) CHECK(!t->text.empty());
            }
        });
    }
    CHECK(body_of(doc).find("Mehr") != std::string::npos);
    CHECK(test::has_note(doc, "invisible-breaks-removed"));
}

TEST_CASE("html: soft hyphens and zero-width spaces are taken out, with a note") {
    const Document doc = read_page(page_around("<h1>Mes\u00ADsen\u00ADger</h1>" + kProse + "<p>Das Bundes\u00ADkriminal\u200Bamt ermittelt.</p>"));
    CHECK(doc.meta.title == "Messenger");
    CHECK(body_of(doc).find("Bundeskriminalamt") != std::string::npos);
    CHECK(test::has_note(doc, "invisible-breaks-removed"));
}

TEST_CASE("html: related reading, share prompts and the author's box after the text are left out") {
    const Document doc = read_page(page_around(
        "<article><h1>Edges</h1>" + kProse +
        "<h3>Read more</h3><p>Another story about ships that the site wants you to read next, with a long summary line.</p>"
        "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Another story") == std::string::npos);
    CHECK(test::has_note(doc, "boilerplate-after-title"));
    // The same furniture in other languages.
    for (const char* title : {"Vous aimerez aussi", "Verwandte Beiträge", "Zobacz też", "Lo más leído", "Pressekontakt",
                              "Weitere Informationen zum Thema", "Press contact", "Más información", "Über diese Reihe",
                              "Schon gelesen?", "Weiterführende Informationen", "Originalpublikation:", "Quellenangaben:",
                              "References", "Sources"}) {
        INFO(title);
        const Document other = read_page(page_around("<article><h1>Edges</h1>" + kProse + "<h3>" + title +
                                                     "</h3><p>Another story about ships that the site wants you to read next, "
                                                     "with a long summary line.</p></article>"));
        CHECK(body_of(other).find("Another story") == std::string::npos);
    }
}

TEST_CASE("html: breadcrumbs, authors' descriptions, tables of contents, placeholders, disclosures, comments and teasers are left out by their class") {
    const auto body_with = [](std::string_view furniture) {
        return body_of(read_page(page_around("<article><h1>Edges</h1>" + std::string(furniture) + kProse + "</article>")));
    };
    for (const char* furniture :
         {"<div class=\"entry-crumbs\"><a href=\"/\">Home</a> <a href=\"/ports\">Ports</a> Channel to be deepened, the board says</div>",
          "<div class=\"author-description\"><p>Ned Varga writes about shipping and ports for the paper, and has done so for years.</p></div>",
          "<div id=\"ez-toc-container\"><p>Contents of this page, in the order the sections follow</p></div>",
          "<div class=\"toc_container\"><p>Contents of this page, in the order the sections follow</p></div>",
          "<span class=\"loading\">Loading further stories for you, one moment please</span>",
          "<p class=\"affiliate-disclaimer\">Links marked with a star earn the site a commission on what you buy</p>",
          "<section class=\"editorial-disclosure\"><p>Links marked with a star earn the site a commission on what you buy</p></section>",
          "<section class=\"kommentare\"><p>Keine Kommentare. Contents of this page, in the order the sections follow</p></section>",
          "<div class=\"Teasers Teasers--3columns\"><p>Contents of this page, in the order the sections follow</p></div>",
          "<span class=\"post-ratings\">Contents of this page, in the order the sections follow (12 votes)</span>",
          "<p class=\"postmetadata alt\">Contents of this page, in the order the sections follow, filed under Ports</p>",
          "<blockquote class=\"wp-embedded-content\"><p><a href=\"/other\">Contents of this page, in the order the sections follow</a></p></blockquote>",
          "<div class=\"formular\" id=\"site_spenden\"><h3>Contents of this page, in the order the sections follow?</h3><p>Give what you can.</p></div>",
          "<div class=\"donation-box\"><p>Contents of this page, in the order the sections follow, are paid for by readers like you, every month.</p></div>"}) {
        INFO(furniture);
        const std::string body = body_with(furniture);
        CHECK(body.find("harbour board") != std::string::npos);
        for (const char* words : {"Channel to be deepened", "writes about shipping", "Contents of this page", "Loading further", "commission"}) {
            CHECK(body.find(words) == std::string::npos);
        }
    }
    // A section whose id only names its place in a table of contents is article text, and so is
    // a review's summary of ratings.
    CHECK(body_with("<div class=\"article-tldr-ratings-pros-cons\"><p>Pros: fresh fish and fair prices, the review's summary says.</p></div>")
              .find("fresh fish") != std::string::npos);
    CHECK(body_with("<div id=\"TOC_TITLE_1\"><p>A section the table of contents links to, holding the article's text.</p></div>")
              .find("the table of contents links to") != std::string::npos);
}

TEST_CASE("html: a recipe's ingredients in a box of their own are read with its text") {
    const std::string steps =
        "<p>Heat the oven to 180 degrees, grease a round tin, and line its base with paper so that the cake comes out whole.</p>"
        "<p>Beat the butter and the sugar until pale, then add the eggs one at a time, beating well after each, and fold in "
        "the flour with the milk.</p>"
        "<p>Bake for forty minutes, until a skewer comes out clean, then leave it to cool in the tin for ten minutes.</p>";
    const Document doc = read_page(page_around(
        "<div class=\"recipe-box\"><h2>Ingredients</h2><ul class=\"recipe-ingredients\"><li>200 g flour</li><li>150 g butter</li>"
        "<li>3 eggs</li></ul></div><article><h1>Plain sponge cake</h1>" + steps + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Heat the oven") != std::string::npos);
    CHECK(body.find("150 g butter") != std::string::npos);
    CHECK(body.find("Home") == std::string::npos);  // the widened article still leaves the page's navigation out
    // Ingredients marked by schema.org's microdata, in a tab of their own.
    const Document marked = read_page(page_around(
        "<div class=\"tabs\"><ul><li itemprop=\"recipeIngredient\">200 g flour</li><li itemprop=\"recipeIngredient\">150 g butter</li>"
        "</ul></div><article><h1>Plain sponge cake</h1>" + steps + "</article>"));
    CHECK(body_of(marked).find("150 g butter") != std::string::npos);
    // Ingredients that link to a shop are the recipe's text, not a list of links.
    const Document linked = read_page(page_around(
        "<article><h1>Plain sponge cake</h1><ul class=\"zutaten\"><li><a href=\"/shop/flour\">200 g flour</a></li>"
        "<li><a href=\"/shop/butter\">150 g butter</a></li><li><a href=\"/shop/eggs\">3 eggs</a></li></ul>" + steps + "</article>"));
    CHECK(body_of(linked).find("150 g butter") != std::string::npos);
}

TEST_CASE("html: a song's short lines without prose are its text, not label lines before it") {
    const Document doc = read_page(page_around(
        "<article><h1>Harbour song</h1><p>Low tide at the quay</p><p>the gulls sit in a row</p><p>the boats lean on the mud</p>"
        "<p>and wait for the flow</p></article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Low tide at the quay") != std::string::npos);
    CHECK(body.find("and wait for the flow") != std::string::npos);
    CHECK_FALSE(test::has_note(doc, "head-line"));
}

TEST_CASE("html: short lines after a table, before the prose, are the article's like the table") {
    const Document doc = read_page(page_around(
        "<article><h1>Sponge cake</h1><table><tr><td>200 g</td><td>flour</td></tr><tr><td>150 g</td><td>butter</td></tr></table>"
        "<h3>Energy</h3><div>2150 kcal</div><h3>Protein</h3><div>38 g</div>" + kProse + "</article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("2150 kcal") != std::string::npos);
    CHECK(body.find("38 g") != std::string::npos);
}

TEST_CASE("html: a paragraph that names a platform is article text, a short prompt to follow on it is not") {
    const Document doc = read_page(page_around(
        "<article><h1>Edges</h1>" + kProse +
        "<p>The harbour master posted the new timetable on Instagram on Tuesday, and the fishing crews answered there "
        "within the hour, most of them asking for a second meeting before the contract is signed.</p>"
        "<p>Folgen Sie uns auf Twitter und Facebook</p><p>Follow me on Instagram for more harbour news</p></article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("posted the new timetable on Instagram") != std::string::npos);
    CHECK(body.find("Folgen Sie uns") == std::string::npos);
    CHECK(body.find("Follow me") == std::string::npos);
    CHECK(test::has_note(doc, "edge-line"));
}

TEST_CASE("html: a short line with a year in a price or a phone number is text, a line that only dates the page is not") {
    const Document doc = read_page(page_around(
        "<article><h1>Edges</h1>" + kProse + "<p>Eintritt: Erwachsene: 3 \u20ac (Preis 2019)</p><p>Telefon +81 158-23-2012</p>"
        "<p>Aktualisiert am 17.01.2021.</p><p>The board meets again in March, when it expects the first bids for the dredging contract and a report from the "
        "fishing crews on the herring season.</p></article>"));
    const std::string body = body_of(doc);
    CHECK(body.find("Preis 2019") != std::string::npos);
    CHECK(body.find("158-23-2012") != std::string::npos);
    CHECK(body.find("Aktualisiert") == std::string::npos);
}

TEST_CASE("html: a list of sources on other sites is the article's, the site's own related stories are not") {
    const std::string head = "<link rel=\"canonical\" href=\"https://gazette.example/ports/channel\">";
    const auto body_with = [&](std::string_view list) {
        return body_of(read_page(page_around("<article><h1>Edges</h1>" + kProse + std::string(list) + "</article>", head)));
    };
    const std::string sources = body_with(
        "<ul><li><a href=\"https://ports.example.org/report-2021\">Annual report of the port authority on dredging</a></li>"
        "<li><a href=\"https://fisheries.example.net/herring\">Herring season and the harbour works, a study</a></li></ul>");
    CHECK(sources.find("Annual report of the port authority") != std::string::npos);
    const std::string related = body_with(
        "<ul><li><a href=\"https://gazette.example/ports/quay\">The new quay opens for the largest container ships</a></li>"
        "<li><a href=\"/ports/tides\">Why the tide decides when the ships can come in</a></li></ul>");
    CHECK(related.find("The new quay opens") == std::string::npos);
    const std::string share = body_with(
        "<p><a href=\"https://social.example.com/share?u=1\">Share</a> <a href=\"https://chat.example.com/send\">Send</a></p>");
    CHECK(share.find("Share") == std::string::npos);
}

TEST_CASE("html: an unclosed div inside <header> does not hide the article") {
    // libxml2's HTML parser ignores </header> while a <div> in it is open, and nests the rest of
    // the page inside the header: its landmark rule must yield to the text it then holds.
    const Document doc = read_page("<!DOCTYPE html><html><body><header><div class=\"logo\">Gazette</header>"
                                   "<main><h1>Nested</h1>" + kProse + "</main></body></html>");
    CHECK(body_of(doc).find("herring season") != std::string::npos);
}

TEST_CASE("html: a '<' inside a script is not taken for a tag with many attributes") {
    std::string script = "<script>var a = 1;";
    for (int i = 0; i < 100; ++i) script += " if (a < b) { x" + std::to_string(i) + "= y; }";
    script += "</script>";
    const Document doc = read_page(page_around("<h1>Script</h1>" + script + kProse));
    CHECK(doc.meta.title == "Script");
}

TEST_CASE("html: a stray quote in a tag opens no attribute value") {
    const Document doc = read_page(page_around("<h1 class=\"h1\" \"tabindex=\"0\">Quotes in tags</h1>" + kProse));
    CHECK(doc.meta.title == "Quotes in tags");
}

TEST_CASE("html: an opinion piece's 'commentary' container is not taken for comments") {
    const Document doc = read_page(page_around("<div class=\"article commentary\"><h1>Opinion</h1>" + kProse + "</div>"));
    CHECK(body_of(doc).find("herring season") != std::string::npos);
}

TEST_CASE("html: Drupal's field--label-hidden fields are read, not taken for hidden") {
    const Document doc = read_page(page_around(
        "<h1>Drupal</h1><div class=\"field field--label-hidden\">" + kProse + "</div>"));
    CHECK(body_of(doc).find("herring season") != std::string::npos);
}

TEST_CASE("html: a layout table's cell holding the article is read as paragraphs") {
    const Document doc = read_page("<html><body><table><tr><td><a href=\"/\">Home</a><br><a href=\"/x\">News</a></td><td>"
                                   "<h2>Cells</h2>" + kProse + "</td></tr></table></body></html>");
    CHECK(doc.body.size() == 3);
}

TEST_CASE("html: pages are told by their start: a doctype or <html>, past a BOM and comments") {
    CHECK(formats::looks_like_html("<!DOCTYPE html><html>"));
    CHECK(formats::looks_like_html("\xEF\xBB\xBF  <!-- saved from url -->\n<HTML lang=\"de\">"));
    CHECK(formats::looks_like_html("<!doctype HTML>"));
    CHECK_FALSE(formats::looks_like_html("<?xml version=\"1.0\"?><nitf>"));
    CHECK_FALSE(formats::looks_like_html("Plain text about <html> tags"));
}

TEST_CASE("html: hostile pages end in a clear error or a best-effort article, never a crash") {
    ReadOptions big;
    big.max_input_size = std::size_t{64} << 20;
    SECTION("50 MB of nesting: the parser stops at its depth, the article above it is read") {
        std::string page = "<html><body><h1>Deep</h1>" + kProse;
        page.reserve(50u << 20);
        while (page.size() < (50u << 20)) page += "<div>";
        const Document doc = read_page(page, big);
        CHECK(body_of(doc).find("herring season") != std::string::npos);
        CHECK_THROWS_AS(read_page(page), LimitError);  // past the default --max-input-size
    }
    SECTION("100,000 paragraphs: refused past --max-paragraphs, naming the limit") {
        std::string page = "<html><body><h1>Many</h1>";
        for (int i = 0; i < 100000; ++i) page += "<p>One more short paragraph, with a comma.</p>";
        CHECK_THROWS_AS(read_page(page, big), LimitError);
    }
    SECTION("unclosed everything: the text is read, or the nesting limit named") {
        std::string page = "<html><body><h1>Open";
        for (int i = 0; i < 40; ++i) page += "<div><p><b><i><span><a href=\"/x\">";
        const std::string text = "The harbour board voted on Monday, after a long debate, to deepen the eastern channel.";
        CHECK(body_of(read_page(page + text)).find("eastern channel") != std::string::npos);
        for (int i = 0; i < 2000; ++i) page += "<div><p><b><i><span><a href=\"/x\">";
        CHECK_THROWS_WITH(read_page(page + text), Catch::Contains("nested over 256 levels"));
    }
    SECTION("NUL bytes: read or refused, never a crash") {
        std::string page = page_around("<h1>Nul</h1>" + kProse);
        page.insert(page.find("harbour"), std::string("\0\0\0", 3));
        try {
            (void)read_page(page);
        } catch (const InputError&) {
        }
    }
    SECTION("an <!ENTITY> in the DOCTYPE is never declared or expanded") {
        const std::string page = "<!DOCTYPE html [<!ENTITY boom \"BOOMBOOMBOOMBOOM\">]><html><body><h1>Entity</h1>" + kProse +
                                 "<p>An entity reference &boom; stays what it was, in a sentence long enough to read.</p></body></html>";
        try {
            const Document doc = read_page(page);
            CHECK(body_of(doc).find("BOOMBOOM") == std::string::npos);
        } catch (const InputError& e) {
            CHECK(std::string(e.what()).find("holds no article") == std::string::npos);
        }
    }
}

TEST_CASE("html: empty headings do not crowd the headline out, a site's name with a separator and marks before a heading are left out") {
    // Forty empty <h1>s (a gallery's frames) once used up the few headings kept, so the <title>'s
    // headline part found no heading printing it.
    std::string frames;
    for (int i = 0; i < 40; ++i) frames += "<h1></h1>";
    const Document gallery = read_page("<!DOCTYPE html><html><head><title>Villa Aurora  - Ferienhaus am See</title></head><body>" + frames +
                                       "<h2>Details</h2><h2>Villa Aurora</h2><div class=\"entry\">" + kProse + "</div></body></html>");
    CHECK(gallery.meta.title == "Villa Aurora");
    // The site's name, linked home in the only <h1>, holds a separator of its own.
    const Document wiki = read_page("<!DOCTYPE html><html><head><title>Enchufla Figuren - Tanz-Figuren - Rueda am Fluss</title></head><body>"
                                    "<div id=\"header\"><h1><a href=\"/\">Tanz-Figuren - Rueda am Fluss</a></h1></div><div class=\"entry\">" +
                                    kProse + "</div></body></html>");
    CHECK(wiki.meta.title == "Enchufla Figuren");
    // Of two parts of the <title> that headings print, the section's name and the headline, the headline.
    const Document club = read_page("<!DOCTYPE html><html><head><title>Verein e.V. - Neuigkeiten \xC2\xBB Die Treffen der letzten Wochen</title></head><body>"
                                    "<h1>Sommerfest am See</h1><h1>Neue Mitglieder</h1><h1>Neuigkeiten</h1><h2>Die Treffen der letzten Wochen</h2><div class=\"entry\">" + kProse + "</div></body></html>");
    CHECK(club.meta.title == "Die Treffen der letzten Wochen");
    // A heading opened by marks alone (`[>`) is titled without them.
    const Document profile = read_page("<!DOCTYPE html><html><head><title>studio.example // \xC2\xBB Jana Berg</title></head><body>"
                                       "<div class=\"entry\"><h2>[&gt; Jana Berg</h2>" + kProse + "</div></body></html>");
    CHECK(profile.meta.title == "Jana Berg");
}

TEST_CASE("html: where JSON-LD's headline and og:title differ, the one the page prints as its <h1> is the title") {
    // A page whose og:title is `og`, JSON-LD headline `ld`, and body `body` (then prose).
    const auto page = [](const std::string& og, const std::string& ld, const std::string& body) {
        return read_page("<!DOCTYPE html><html><head><title>x</title><meta property=\"og:title\" content=\"" + og +
                         "\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + ld +
                         "\"}</script></head><body>" + body + kProse + "</body></html>");
    };
    const Document printed = page("How Can Towns Plan for Dry Summers?", "Dry Rivers Are a Warning",
                                  "<header role=\"banner\"><h1>How Can Towns Plan for Dry Summers?</h1></header>");
    CHECK(printed.meta.title == "How Can Towns Plan for Dry Summers?");
    // The <h1> holding JSON-LD's headline and a kicker before it keeps JSON-LD's headline.
    const Document kicker = page("Budgets Cyber attacks: a fifth of the budget for security", "Cyber attacks: a fifth of the budget for security",
                                 "<h1><span class=\"kicker\">Budgets</span> Cyber attacks: a fifth of the budget for security</h1>");
    CHECK(kicker.meta.title == "Cyber attacks: a fifth of the budget for security");
}

TEST_CASE("html: a paragraph holding only a TLP label atop or below the article is its handling label") {
    const Document advisory = read_page("<!DOCTYPE html><html><head><title>Advisory</title></head><body><article><h1>Advisory</h1>"
                                        "<p><strong>TLP:CLEAR</strong></p>" + kProse + "</article></body></html>");
    CHECK(advisory.meta.handling == "TLP:CLEAR");
    CHECK(test::has_note(advisory, "handling-label"));
    for (const Block& block : advisory.body) {
        if (const auto* p = std::get_if<Paragraph>(&block)) CHECK(plain_text(p->content) != "TLP:CLEAR");
    }
    const Document plain = read_page("<!DOCTYPE html><html><head><title>Plain</title></head><body><article><h1>Plain</h1>" + kProse +
                                     "</article></body></html>");
    CHECK(plain.meta.handling.empty());
}

TEST_CASE("html: the authors and dates of works a page cites or reviews are not the article's") {
    // A journal page: its reference list's items (`itemprop="citation"`) carry their own author
    // and date as <meta itemprop>; the article's author is the Dublin Core creator. The list's
    // seventy cited names were once taken for the article's authors.
    std::string references = "<ol class=\"references\">";
    for (int i = 0; i < 3; ++i) {
        references += "<li itemprop=\"citation\" itemscope itemtype=\"http://schema.org/ScholarlyArticle\">"
                      "<meta itemprop=\"author\" content=\"AB. Cited, CD. Other\"><meta itemprop=\"datePublished\" content=\"1988\">"
                      "Cited A, Other C. An earlier study. J Example. 1988.</li>";
    }
    references += "</ol>";
    const Document journal = read_page(
        "<!DOCTYPE html><html><head><title>Drug reactions in practice</title><meta name=\"dc.creator\" content=\"Mira K. Hadad\">"
        "</head><body><article itemscope itemtype=\"http://schema.org/ScholarlyArticle\"><h1>Drug reactions in practice</h1>" +
        std::string(kProse) + references + "</article></body></html>");
    CHECK(journal.meta.authors == std::vector<std::string>{"Mira K. Hadad"});
    // A shop's page: a review's datePublished is the review's, and the page states no date of its own.
    const Document shop = read_page(
        "<!DOCTYPE html><html><head><title>Garden chair</title></head><body><h1>Garden chair</h1>" + std::string(kProse) +
        "<div itemscope itemtype=\"https://schema.org/Product\"><div itemprop=\"review\" itemscope itemtype=\"https://schema.org/Review\">"
        "<span itemprop=\"author\" content=\"Jo B.\"></span><meta itemprop=\"datePublished\" content=\"2020-06-08\">Sturdy.</div></div>"
        "</body></html>");
    CHECK_FALSE(shop.meta.date.has_value());
    // A blog's post (`itemprop="blogPost"`) is the page's article: its date is the page's.
    const Document blog = read_page(
        "<!DOCTYPE html><html><head><title>Notes</title></head><body itemscope itemtype=\"https://schema.org/Blog\">"
        "<article itemprop=\"blogPost\" itemscope itemtype=\"https://schema.org/BlogPosting\"><meta itemprop=\"datePublished\" "
        "content=\"2021-03-04\"><h1>Spring notes</h1>" + std::string(kProse) + "</article></body></html>");
    REQUIRE(blog.meta.date.has_value());
    CHECK(blog.meta.date->iso().starts_with("2021-03-04"));
}
