// The interchange formats over every article of the shared corpus (seed, seedstyle, reuters) and
// the samples: text read, then written as JSON, ninjs, NewsML-G2 and NITF and read back, gives
// the same title, dates, agency, place, URL, authors, language and body text (JSON gives the
// same document, exactly); and every output is valid against its schema: JSON against
// Briefkit's, ninjs against IPTC's 3.1, NewsML-G2 against IPTC's 2.35. Block kinds may differ
// where a format has no such block (NITF's one heading level, ninjs' plain text). Skipped
// where the corpus or the validator is absent.
#include <catch2/catch.hpp>

#include "formats/json/json_writer.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace briefkit;

namespace {

/// Every article of the corpus's text folders and the samples.
std::vector<fs::path> articles() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(test::source_dir() / "samples")) out.push_back(e.path());
    if (const auto corpus = test::corpus_dir()) {
        for (const char* folder : {"seed", "seedstyle", "reuters"}) {
            for (const auto& e : fs::directory_iterator(*corpus / folder)) {
                if (e.path().extension() == ".txt") out.push_back(e.path());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

Document read_back(const WriterEntry& format, const std::string& bytes) {
    const ReaderEntry* reader = find_reader(format.name);
    REQUIRE(reader != nullptr);
    std::vector<Document> docs = reader->read(bytes, "written", {});
    REQUIRE(docs.size() == 1);
    return std::move(docs.front());
}

}  // namespace

TEST_CASE("interchange: every article read back from JSON, ninjs, NewsML-G2 and NITF carries what it held", "[corpus]") {
    if (!test::corpus_dir()) WARN("corpus absent: the samples alone are checked");
    std::size_t checked = 0;
    for (const fs::path& path : articles()) {
        const Document doc = read_document(Input{path, path.string(), path.stem(), false, {}, {}}, {});
        for (const char* name : {"json", "ninjs", "newsml", "nitf"}) {
            const WriterEntry& format = *find_writer(name);
            const Document back = read_back(format, write_to_string(*format.make({}), doc));
            INFO(path.string() << " as " << name);
            if (std::string_view(name) == "json") {
                CHECK(back == doc);
            } else {
                CHECK(test::carried(back) == test::carried(doc));
            }
        }
        ++checked;
    }
    CHECK(checked >= 6);
}

TEST_CASE("interchange: every JSON, ninjs and NewsML-G2 output of the corpus is valid against its schema", "[corpus]") {
    const auto schemas = test::schemas_dir();
    if (!schemas || !test::have_jsonschema()) {
        WARN("IPTC's schemas or python3-jsonschema are not here: skipped");
        return;
    }
    test::TempDir dir;
    const fs::path own_schema = dir.path() / "article.schema.json";
    test::write_file(own_schema, formats::article_json_schema());
    std::vector<fs::path> json_files;
    std::vector<fs::path> ninjs_files;
    std::size_t invalid_g2 = 0;
    for (const fs::path& path : articles()) {
        const Document doc = read_document(Input{path, path.string(), path.stem(), false, {}, {}}, {});
        const std::string stem = path.parent_path().filename().string() + "-" + path.stem().string();
        json_files.push_back(dir.path() / (stem + ".json"));
        test::write_file(json_files.back(), write_to_string(*find_writer("json")->make({}), doc));
        ninjs_files.push_back(dir.path() / (stem + ".ninjs.json"));
        test::write_file(ninjs_files.back(), write_to_string(*find_writer("ninjs")->make({}), doc));
        const std::string errors = test::newsml_g2_xsd_errors(write_to_string(*find_writer("newsml")->make({}), doc));
        if (!errors.empty()) {
            ++invalid_g2;
            WARN(path.string() << ": " << errors);
        }
    }
    CHECK(invalid_g2 == 0);
    CHECK(test::json_schema_errors(json_files, own_schema) == "");
    CHECK(test::json_schema_errors(ninjs_files, *schemas / "ninjs" / "ninjs-schema_3.1.json") == "");
}
