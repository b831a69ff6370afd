// Hostile input for the readers of the news industry's formats: entity bombs and external
// entities, DTDs that would be fetched, nesting past every limit, inputs past the size limit, and
// framing with nothing inside. Each is refused with a clear error or read within the limits;
// none crashes, hangs or reads a file of this machine.
#include <catch2/catch.hpp>

#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

/// What reading `bytes` with the reader called `format` does: its error as printed, or `read N`.
std::string outcome(const std::string& format, const std::string& bytes, const ReadOptions& options = {}) {
    try {
        return "read " + std::to_string(find_reader(format)->read(bytes, "hostile", options).size());
    } catch (const Error& e) {
        return describe(e);
    }
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("hostile feeds: entity bombs and external entities are refused by every XML reader") {
    const std::string bomb = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                             "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
    const std::string xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
    for (const auto& [format, root] : {std::pair{"nitf", "<nitf><body><body.content><p>&c;&e;</p></body.content></body></nitf>"},
                                       std::pair{"newsml", "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">&c;&e;</newsItem>"},
                                       std::pair{"newsml1", "<NewsML><NewsItem>&c;&e;</NewsItem></NewsML>"}}) {
        for (const std::string& doctype : {bomb, xxe}) {
            INFO(format << " " << doctype);
            const std::string got = outcome(format, doctype + root);
            CHECK(got.find("hostile:1: not readable as") == 0);
            CHECK(got.find("internal subset") != std::string::npos);
            CHECK(got.find("root:") == std::string::npos);  // nothing of /etc/passwd
        }
    }
}

TEST_CASE("hostile feeds: a DTD that would be fetched from the network is never loaded") {
    const std::string nitf = "<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.6//EN\" \"http://192.0.2.1/nitf-3-6.dtd\">"
                             "<nitf><body><body.head><hedline><hl1>Head</hl1></hedline></body.head></body></nitf>";
    CHECK(outcome("nitf", nitf) == "read 1");
}

TEST_CASE("hostile feeds: nesting past the limit is refused before it is built, in XML, JSON and HTML bodies") {
    CHECK(outcome("nitf", "<nitf>" + repeat("<block>", 100000) + "</nitf>").find("nested") != std::string::npos);
    CHECK(outcome("ninjs", repeat("[", 100000)).find("nested") != std::string::npos);
    CHECK(outcome("json", "{\"schema\": " + repeat("[", 100000)).find("nested") != std::string::npos);
    // HTML inside a JSON string: libxml2's HTML parser nests at most 256 levels, and the body's
    // text is still read.
    const std::string deep = "{\"uri\": \"u\", \"type\": \"text\", \"headline\": \"h\", \"body_html\": \"" +
                             repeat("<div><blockquote>", 50000) + "deep text\"}";
    CHECK(outcome("ninjs", deep) == "read 1");
}

TEST_CASE("hostile feeds: inputs over the size limit are refused, naming the limit") {
    ReadOptions small;
    small.max_input_size = 1000;
    for (const char* format : {"nitf", "newsml", "newsml1", "ninjs", "json", "anpa"}) {
        INFO(format);
        CHECK(outcome(format, std::string(2000, ' '), small).find("--max-input-size") != std::string::npos);
    }
}

TEST_CASE("hostile feeds: ANPA framing with nothing in it, and a transmission of a million empty lines") {
    CHECK(outcome("anpa", "\x01") == "hostile: holds no text: the ANPA-1312 transmission has no STX, where its text would start");
    CHECK(outcome("anpa", std::string("\x01\x02\x03\x04", 4)) ==
          "hostile: holds no text: the ANPA-1312 item has neither a headline nor body text");
    CHECK(outcome("anpa", "\x16\x16\x01\n\x02" + std::string(1'000'000, '\n') + "\t   Text.\n\x03") == "read 1");
}
