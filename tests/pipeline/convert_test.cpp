// convert(): one article from bytes to every requested output, as every command uses it.
#include <catch2/catch.hpp>

#include <chrono>

#include "briefkit/error.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

ConversionOptions options_for(const std::vector<std::string_view>& names) {
    ConversionOptions options;
    for (std::string_view name : names) options.formats.push_back(find_writer(name));
    return options;
}

const std::string kArticle = "HEADLINE OF THE DAY\n\nThe first paragraph says what happened.\n";

}  // namespace

TEST_CASE("convert: one output per format, in the order asked, the same as each writer alone") {
    const Converter converter(options_for({"yaml", "xml"}));
    const Conversion made = converter.convert(kArticle, "a.txt");
    REQUIRE(made.articles.size() == 1);
    REQUIRE(made.articles.front().outputs.size() == 2);
    CHECK(made.articles.front().outputs[0] == write_to_string(*find_writer("yaml")->make({}), made.articles.front().document));
    CHECK(made.articles.front().outputs[1] == write_to_string(*find_writer("xml")->make({}), made.articles.front().document));
    CHECK(made.articles.front().document.meta.title == "HEADLINE OF THE DAY");
}

TEST_CASE("convert: with no format it only reads, and the reader is chosen by -f, extension, then content") {
    const Converter text(options_for({}));
    CHECK(text.convert(kArticle, "a").articles.front().outputs.empty());
    ConversionOptions as_yaml = options_for({});
    as_yaml.read.from = "yaml";
    CHECK_THROWS_AS(Converter(as_yaml).convert(kArticle, "a"), InputError);
    const Conversion sniffed = text.convert(test::kHandWrittenYaml, "edited");
    CHECK(sniffed.articles.front().document.meta.title == "Water council agrees on summer quotas");
}

TEST_CASE("convert: an error names the article, and a skip test that holds reads nothing more") {
    const test::TempDir dir;
    test::write_file(dir.path() / "empty.txt", "");
    const Input empty{(dir.path() / "empty.txt").string(), "in/empty.txt", "empty", false, {}, {}};
    const Converter converter(options_for({"xml"}));
    try {
        (void)converter.convert(empty);
        FAIL("converted an empty file");
    } catch (const InputError& e) {
        CHECK(e.file() == "in/empty.txt");
    }
    bool asked = false;
    const Conversion skipped = converter.convert(empty, [&](std::string_view bytes) {
        asked = true;
        return bytes.empty();
    });
    CHECK(asked);
    CHECK(skipped.skipped);
    CHECK(skipped.articles.empty());
}

TEST_CASE("convert: an article past its time limit fails as a limit naming it") {
    ConversionOptions options = options_for({"pdf"});
    options.timeout = std::chrono::milliseconds(1);
    std::string long_article = "A LONG ARTICLE\n\n";
    for (int i = 0; i < 3000; ++i) long_article += "Paragraph " + std::to_string(i) + " of a long article goes on.\n\n";
    try {
        (void)Converter(options).convert(long_article, "record 7");
        FAIL("finished within a millisecond");
    } catch (const LimitError& e) {
        CHECK(e.file() == "record 7");
        CHECK(e.message().find("--timeout") != std::string::npos);
    }
}
