// The format table and the writers it makes: unique names, readers chosen by -f, extension
// and content, byte-identical output.
#include <catch2/catch.hpp>

#include <set>

#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

TEST_CASE("writers: output is byte-identical for the same document") {
    for (const WriterEntry& w : writers()) {
        const auto a = write_to_string(*w.make({}), test::every_kind("same"));
        const auto b = write_to_string(*w.make({}), test::every_kind("same"));
        CHECK(a == b);
    }
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

TEST_CASE("registry: readers are chosen by -f, then by extension, then by content") {
    const std::string yaml = "schema: \"briefkit/article/1\"\ntitle: x\nbody: []\n";
    const std::string xml = "<?xml version=\"1.0\"?>\n<article xmlns=\"urn:briefkit:article:1\"/>";
    CHECK(choose_reader("a.yml", "", "").name == "yaml");
    CHECK(choose_reader("a.XML", "", "").name == "xml");
    CHECK(choose_reader("a.txt", yaml, "").name == "text");
    CHECK(choose_reader("", yaml, "").name == "yaml");
    CHECK(choose_reader("notes", xml, "").name == "xml");
    CHECK(choose_reader("", "HEADLINE\n\nBody text.\n", "").name == "text");
    CHECK(choose_reader("a.txt", "", "yaml").name == "yaml");
}
