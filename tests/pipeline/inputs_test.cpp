// Input discovery: folder walks in path order, colliding outputs flagged.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "pipeline/inputs.hpp"
#include "support/test_support.hpp"

using briefkit::test::TempDir;

TEST_CASE("inputs: the walker lists folders in path order and flags siblings that would share outputs") {
    const TempDir dir;
    for (const char* name : {"a.txt", "a-b.txt", "a/z.txt", "a/.hidden.txt", ".secret/x.txt", "b.TXT", "b.txt", "c.md"}) {
        briefkit::test::write_file(dir.path() / "in" / name, "TITLE LINE HERE\n\nSome body text for the article.\n");
    }
    std::vector<std::string> order;
    std::vector<std::string> overwrites;
    briefkit::InputWalker walker({(dir.path() / "in").string()}, "");
    while (const std::optional<briefkit::Input> input = walker.next()) {
        order.push_back(input->stem);
        overwrites.push_back(input->overwrites);
    }
    // A folder sorts as if its name ended in '/', below every other character.
    CHECK(order == std::vector<std::string>{"a/z", "a-b", "a", "b", "b"});
    CHECK(overwrites[3].empty());
    CHECK(overwrites[4].find("b.") != std::string::npos);
    CHECK(!walker.needs_global_check());
    CHECK(briefkit::collect_inputs({(dir.path() / "in").string()}, "").size() == 5);
}

TEST_CASE("inputs: a folder of thousands of files is walked without comparing every pair of siblings") {
    // The walker once compared each file's output stem with every earlier sibling's, which is
    // quadratic: five billion string comparisons for a folder of 100,000 articles.
    const TempDir dir;
    for (int i = 0; i < 3000; ++i) briefkit::test::write_file(dir.path() / "in" / fmt::format("n{:05}.txt", i), "x\n");
    briefkit::test::write_file(dir.path() / "in" / "n01234.TXT", "x\n");
    std::size_t count = 0;
    std::vector<std::string> flagged;
    briefkit::InputWalker walker({(dir.path() / "in").string()}, "");
    while (const std::optional<briefkit::Input> input = walker.next()) {
        ++count;
        if (!input->overwrites.empty()) flagged.push_back(input->stem + " after " + input->overwrites);
    }
    CHECK(count == 3001);
    REQUIRE(flagged.size() == 1);
    CHECK(flagged[0].find("n01234 after") == 0);
}

TEST_CASE("inputs: a.xml and a.nitf.xml collide when XML and NITF are both written (each would write a.nitf.xml)") {
    const TempDir dir;
    for (const char* name : {"a.xml", "a.nitf.xml", "b.ninjs.json", "b.json", "c.yaml"}) {
        briefkit::test::write_file(dir.path() / "in" / name, "x\n");
    }
    const auto flagged = [&](std::vector<std::string> extensions) {
        std::vector<std::string> out;
        briefkit::InputWalker walker({(dir.path() / "in").string()}, "*");
        walker.output_extensions(std::move(extensions));
        while (const std::optional<briefkit::Input> input = walker.next()) {
            if (!input->overwrites.empty()) {
                out.push_back(input->stem + " after " + input->overwrites.substr(input->overwrites.rfind('/') + 1));
            }
        }
        return out;
    };
    CHECK(flagged({"xml", "nitf.xml"}) == std::vector<std::string>{"a after a.nitf.xml"});
    // Path order puts b.json before b.ninjs.json; a.nitf.xml and a.xml meet only through NITF.
    CHECK(flagged({"json", "ninjs.json", "newsml.xml", "xml"}) == std::vector<std::string>{"b.ninjs after b.json"});
    // Without both extensions of a pair, the outputs never meet: a.yaml beside a.nitf.yaml.
    CHECK(flagged({"yaml", "json"}).empty());
    CHECK(flagged({"nitf.xml"}).empty());
}
