// Lossless round trips: text to model to XML to model to YAML to model gives the same model.
#include <catch2/catch.hpp>

#include <algorithm>

#include "formats/text/text_reader.hpp"
#include "formats/xml/xml_reader.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_reader.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
namespace fs = std::filesystem;

namespace {

/// What went wrong in text -> model -> XML -> model -> YAML -> model for `doc`; empty when nothing.
std::string round_trip_problem(const Document& doc, std::string_view name) {
    const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
    const Document from_xml = formats::read_xml(xml, name, {});
    if (!(from_xml == doc)) return "the model read back from XML differs";
    const std::string yaml = write_to_string(*formats::make_yaml_writer(), from_xml);
    const Document from_yaml = formats::read_yaml(yaml, name, {});
    if (!(from_yaml == doc)) return "the model read back from YAML differs";
    if (write_to_string(*formats::make_xml_writer(), from_yaml) != xml) return "the second XML differs from the first";
    if (write_to_string(*formats::make_yaml_writer(), from_yaml) != yaml) return "the second YAML differs from the first";
    return {};
}

/// The first difference between two models, for the failure message.
std::string first_difference(const Document& a, const Document& b) {
    if (a.id != b.id) return "id: " + a.id + " / " + b.id;
    if (!(a.meta == b.meta)) return "metadata: title '" + a.meta.title + "' / '" + b.meta.title + "'";
    if (a.body.size() != b.body.size()) return "body length";
    for (std::size_t i = 0; i < a.body.size(); ++i) {
        if (!(a.body[i] == b.body[i])) return "body block " + std::to_string(i);
    }
    if (!(a.notes == b.notes)) return "notes";
    return "none";
}

std::vector<fs::path> text_files_under(const fs::path& root) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

void check_round_trips(const std::vector<fs::path>& files) {
    std::size_t exact = 0;
    for (const fs::path& path : files) {
        const Document doc = read_document(Input{path, path.string(), path.stem(), false, {}, {}}, {});
        const std::string problem = round_trip_problem(doc, path.string());
        if (problem.empty()) {
            ++exact;
            continue;
        }
        const Document back =
            formats::read_xml(write_to_string(*formats::make_xml_writer(), doc), path.string(), {});
        FAIL_CHECK(path.string() << ": " << problem << " (first difference: " << first_difference(doc, back) << ")");
    }
    CHECK(exact == files.size());
}

}  // namespace

TEST_CASE("round trip: every fixture and sample comes back the same through XML and YAML") {
    std::vector<fs::path> files = text_files_under(test::source_dir() / "tests" / "fixtures");
    const std::vector<fs::path> samples = text_files_under(test::source_dir() / "samples");
    files.insert(files.end(), samples.begin(), samples.end());
    REQUIRE(files.size() >= 7);
    check_round_trips(files);
}

TEST_CASE("round trip: every corpus article comes back the same through XML and YAML", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("corpus absent: skipped");
        return;
    }
    const std::vector<fs::path> files = text_files_under(*corpus);
    REQUIRE(files.size() > 1000);
    check_round_trips(files);
}

TEST_CASE("round trip: every hostile string comes back exactly from YAML, and from XML") {
    for (const std::string& nasty : test::kHostileStrings) {
        INFO("string: " << nasty);
        const Document doc = test::every_kind(nasty);
        const std::string yaml = write_to_string(*formats::make_yaml_writer(), doc);
        CHECK(formats::read_yaml(yaml, "h.yaml", {}) == doc);
        if (nasty.empty()) continue;  // XML writes an empty run of text as nothing at all
        const std::string xml = write_to_string(*formats::make_xml_writer(), doc);
        CHECK(formats::read_xml(xml, "h.xml", {}) == doc);
    }
}

TEST_CASE("round trip: the handling label comes back from every format that is read as well as written") {
    const Document doc = formats::read_text("TLP:AMBER+STRICT\n\nPORT STRIKE HALTS GRAIN EXPORTS\n\n12.06.2023\n\n"
                                            "Dock workers stopped loading grain on Monday.\n",
                                            "note.txt", {});
    REQUIRE(doc.meta.handling == "TLP:AMBER+STRICT");
    int formats_read = 0;
    for (const WriterEntry& writer : writers()) {
        const ReaderEntry* reader = find_reader(writer.name);
        if (reader == nullptr) continue;
        INFO(writer.name);
        const std::string written = write_to_string(*writer.make(WriterOptions{}), doc);
        const std::vector<Document> back = reader->read(written, "back", {});
        REQUIRE(back.size() == 1);
        CHECK(back.front().meta.handling == "TLP:AMBER+STRICT");
        ++formats_read;
    }
    CHECK(formats_read >= 6);  // XML, YAML, JSON, NITF, NewsML-G2, ninjs
    // Without a label, an article is still written as version 2.
    Document unlabelled = doc;
    unlabelled.meta.handling.clear();
    CHECK(write_to_string(*formats::make_yaml_writer(), unlabelled).starts_with("schema: \"briefkit/article/2\""));
    CHECK(write_to_string(*formats::make_xml_writer(), unlabelled).find("version=\"2\"") != std::string::npos);
}
