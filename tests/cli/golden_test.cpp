// Golden files: every text output (XML, YAML, JSON, NITF, ninjs, NewsML-G2) of the bundled
// samples and fixtures, byte for byte. NewsML-G2 states when an undated article's item was made:
// the goldens are made at a fixed time, as SOURCE_DATE_EPOCH would fix it.
//
// To accept new output after a deliberate change, run the tests with
// BRIEFKIT_ACCEPT_GOLDEN=1 and review the result with `git diff tests/golden`.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "pipeline/batch.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace briefkit;

namespace {

std::vector<fs::path> golden_inputs() {
    std::vector<fs::path> out;
    for (const char* folder : {"samples", "tests/fixtures"}) {
        for (const auto& e : fs::directory_iterator(test::source_dir() / folder)) {
            if (e.path().extension() == ".txt" || e.path().extension() == ".html") out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool accepting() {
    const char* env = std::getenv("BRIEFKIT_ACCEPT_GOLDEN");
    return env != nullptr && std::string(env) == "1";
}

}  // namespace

TEST_CASE("golden: samples and fixtures convert to exactly the reviewed text outputs") {
    const auto inputs = golden_inputs();
    REQUIRE(inputs.size() >= 4);
    for (const fs::path& path : inputs) {
        Input input{path, path.filename().string(), path.stem(), false, {}, {}};
        const Document doc = read_document(input, {});
        for (const WriterEntry& w : writers()) {
            if (w.name == "pdf") continue;  // PDFs are checked by their text, fonts and structure (pdf_test.cpp)
            WriterOptions options;
            options.made_at = 1'767'225'600;  // 2026-01-01T00:00:00Z
            const std::string got = write_to_string(*w.make(options), doc);
            const fs::path golden =
                test::source_dir() / "tests" / "golden" / (path.stem().string() + "." + std::string(w.extension));
            if (accepting()) {
                test::write_file(golden, got);
                continue;
            }
            INFO(golden.string() << " (accept changes with BRIEFKIT_ACCEPT_GOLDEN=1, then review git diff)");
            REQUIRE(fs::exists(golden));
            CHECK(got == test::read_file(golden));
        }
    }
}

TEST_CASE("golden: every sample's XML validates and its YAML reads back field by field") {
    for (const fs::path& path : golden_inputs()) {
        Input input{path, path.filename().string(), path.stem(), false, {}, {}};
        const Document doc = read_document(input, {});
        INFO(path.string());
        CHECK(test::xsd_errors(write_to_string(*find_writer("xml")->make({}), doc)).empty());
        CHECK(test::yaml_differences(doc, write_to_string(*find_writer("yaml")->make({}), doc)).empty());
    }
}
