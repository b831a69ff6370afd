// The PDF briefing writer, checked from outside: qpdf, pdftotext, pdffonts and pdfinfo
// (Debian's qpdf and poppler-utils, installed by scripts/install-deps) read what it wrote.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>

#include "formats/pdf/font_lookup.hpp"
#include "formats/pdf/pdf_writer.hpp"
#include "formats/pdf/style.hpp"
#include "formats/pdf/title_case.hpp"
#include "pipeline/batch.hpp"
#include "support/test_support.hpp"

using namespace briefkit;
namespace fs = std::filesystem;

namespace {

void require_tools() {
    for (const char* tool : {"qpdf", "pdftotext", "pdffonts", "pdfinfo"}) {
        INFO(tool << " is missing: run scripts/install-deps (Debian packages qpdf and poppler-utils)");
        REQUIRE(test::have_tool(tool));
    }
}

Document read_path(const fs::path& path) {
    const Input input{path, path.filename().string(), path.stem(), false, {}, {}};
    return read_document(input, {});
}

// `text` with the typesetter's marks back as typed (the briefing prints `"` as “ or „ or «, `--`
// and a spaced hyphen as a dash, `...` as an ellipsis), so that typed and printed words compare.
std::string as_typed(std::string text) {
    static const std::pair<std::string_view, std::string_view> kMarks[] = {
        {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""}, {"\u2018", "'"},
        {"\u2019", "'"},  {"\u201A", "'"},  {"\u2039", "'"},  {"\u203A", "'"},  {"\u2014", "-"},  {"\u2013", "-"},
        {"\u2026", "..."}, {"\u202F", ""},  {"\u00A0", " "},  {"---", "-"},    {"--", "-"}};
    for (const auto& [mark, typed] : kMarks) {
        for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at + typed.size())) {
            text.replace(at, mark.size(), typed);
        }
    }
    return text;
}

std::vector<std::string> words_of(const std::string& printed) {
    std::istringstream in(as_typed(printed));
    std::vector<std::string> out;
    std::string w;
    while (in >> w) {
        // pdftotext takes any line-final hyphen for a hyphenation and drops it, so a token made
        // only of dashes ("--" ending a table row) cannot be compared.
        if (w.find_first_not_of('-') == std::string::npos) continue;
        // A long token broken after a slash (`October/` `December`), or an address before its
        // path's punctuation, comes back in two parts.
        const bool continues_address =
            !out.empty() && ((out.back().size() > 1 && out.back().ends_with('/') && !out.back().ends_with("//")) ||
                             (out.back().find("://") != std::string::npos && std::string_view("-._?#&=").find(w.front()) != std::string_view::npos));
        if (continues_address) {
            out.back() += w;
            continue;
        }
        out.push_back(w);
    }
    return out;
}

// The names the briefing capitalises in a headline set in sentence case.
std::vector<std::string> printed_names(const Document& doc) {
    std::vector<std::string> names = doc.meta.authors;
    names.push_back(doc.meta.place);
    names.push_back(doc.meta.source.name);
    return names;
}

// The title (as printed) and body words of `doc`.
std::vector<std::string> model_words(const Document& doc, bool title_cased) {
    const std::string body = body_text(doc);
    std::vector<std::string> out =
        words_of(title_cased ? formats::pdf::title_case(doc.meta.title, body, doc.meta.language, printed_names(doc)) : doc.meta.title);
    for (const std::string& w : words_of(body)) out.push_back(w);
    return out;
}

// Empty when every word of `expected` appears in `got` in order; else what went missing.
// `word` without its hyphens: a line may break after a hyphen the author wrote (`non-|performing`),
// and pdftotext takes every line-final hyphen for an inserted one, dropping it (`nonperforming`).
std::string without_hyphens(std::string word) {
    std::erase(word, '-');
    return word;
}

std::string missing_words(const std::vector<std::string>& expected, const std::vector<std::string>& got) {
    std::size_t i = 0;
    for (const std::string& w : got) {
        if (i < expected.size() && (w == expected[i] || without_hyphens(w) == without_hyphens(expected[i]))) ++i;
    }
    if (i == expected.size()) return {};
    std::string context;
    for (std::size_t k = i; k < expected.size() && k < i + 6; ++k) context += expected[k] + " ";
    return "matched " + std::to_string(i) + " of " + std::to_string(expected.size()) + " words; missing from: " + context;
}

// Every problem qpdf, pdftotext and pdffonts find in `pdf`, and its words against `doc`'s.
std::string pdf_problems(const fs::path& pdf, const Document& doc, const std::string& style_name = formats::pdf::kDefaultStyle) {
    const formats::pdf::Style style = formats::pdf::load_style(style_name);
    const bool title_cased = style.title_case;
    std::string problems;
    const test::RunResult check = test::run_command({"qpdf", "--check", pdf.string()});
    if (check.exit_code != 0 || check.out.find("WARNING") != std::string::npos || !check.err.empty()) {
        problems += "qpdf --check: " + check.out + check.err + "\n";
    }
    // pdftotext's reading order takes a table column by column; its layout mode keeps the rows.
    const bool tables = std::any_of(doc.body.begin(), doc.body.end(), [](const Block& b) { return std::holds_alternative<Table>(b); });
    // Its layout mode reads the margin column's lines with the text column's: only the text
    // column is read (points are pixels at its default 72 dpi).
    const double measure = style.measure > 0 ? style.measure : style.page_width - style.margin_left - style.margin_right;
    const auto text_x = static_cast<int>(style.page_width - style.margin_right - measure - 1);
    const std::vector<std::string> layout{"pdftotext", "-layout", "-x", std::to_string(text_x), "-y", "0", "-W",
                                          std::to_string(static_cast<int>(style.page_width) - text_x), "-H",
                                          std::to_string(static_cast<int>(style.page_height) + 1), "-enc", "UTF-8", pdf.string(), "-"};
    const test::RunResult text = test::run_command(tables ? layout : std::vector<std::string>{"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    if (text.exit_code != 0 || !text.err.empty()) problems += "pdftotext: " + text.err + "\n";
    // Layout mode leaves a word hyphenated at a line end in two parts (`ac-` / `quired`).
    static const std::regex line_end_hyphen(R"(([a-z])-\n\s*([a-z]))");
    const std::string extracted = tables ? std::regex_replace(text.out, line_end_hyphen, "$1$2") : text.out;
    if (const std::string m = missing_words(model_words(doc, title_cased), words_of(extracted)); !m.empty()) {
        problems += "pdftotext words: " + m + "\n";
    }
    const test::RunResult fonts = test::run_command({"pdffonts", pdf.string()});
    std::istringstream lines(fonts.out);
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        if (++n <= 2) continue;
        // Columns: name type... encoding emb sub uni object-id generation.
        std::istringstream cols(line);
        std::vector<std::string> c;
        std::string col;
        while (cols >> col) c.push_back(col);
        if (c.size() < 6 || c[c.size() - 5] != "yes" || c[c.size() - 4] != "yes" || c[c.size() - 3] != "yes") {
            problems += "pdffonts: not embedded, subset and mapped to Unicode: " + line + "\n";
        }
    }
    if (n < 3) problems += "pdffonts: no fonts\n";
    return problems;
}

std::string write_pdf(const Document& doc, const WriterOptions& options = {}) {
    return write_to_string(*formats::make_pdf_writer(options), doc);
}

int page_count(const fs::path& pdf) {
    const test::RunResult info = test::run_command({"pdfinfo", pdf.string()});
    std::smatch m;
    static const std::regex pages(R"(Pages:\s+(\d+))");
    return std::regex_search(info.out, m, pages) ? std::stoi(m[1]) : -1;
}

std::vector<fs::path> sample_inputs() {
    std::vector<fs::path> out;
    for (const char* dir : {"samples", "tests/fixtures"}) {
        for (const auto& e : fs::directory_iterator(test::source_dir() / dir)) {
            if (e.path().extension() == ".txt") out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Where a bookmark or a link goes: a page (from 1) and the height shown at the window's top.
struct Target {
    int page = 0;
    double y = 0;
};

/// The text of `pdf`'s page `page` in the area `height` points tall below `top` (PDF user space)
/// between `left` and `right`.
std::string text_in(const fs::path& pdf, int page, double left, double right, double top, double height) {
    constexpr double kPageHeight = 841.89;
    const auto n = [](double v) { return std::to_string(static_cast<int>(std::lround(v))); };
    return test::run_command({"pdftotext", "-f", std::to_string(page), "-l", std::to_string(page), "-x", n(left), "-y",
                              n(kPageHeight - top), "-W", n(right - left), "-H", n(height), pdf.string(), "-"})
        .out;
}

// Checks a brief's bookmarks, contents and top stories against where each story really is:
// every story bookmarked under its section, its bookmark landing on its headline, and every
// link of the front pages landing on a story or a section, printing that page's number.
void check_digest(const fs::path& pdf, std::size_t stories) {
    const test::RunResult json = test::run_command({"qpdf", "--json=2", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf", pdf.string()});
    REQUIRE(json.exit_code == 0);
    const YAML::Node root = YAML::Load(json.out);
    std::map<std::string, int> page_of;
    for (std::size_t i = 0; i < root["pages"].size(); ++i) page_of[root["pages"][i]["object"].as<std::string>()] = static_cast<int>(i) + 1;
    std::vector<std::pair<std::string, Target>> marks;  // every bookmark but the front page's
    std::size_t story_marks = 0;
    const YAML::Node outlines = root["outlines"];
    REQUIRE(outlines.size() >= 2);
    CHECK(outlines[0]["title"].as<std::string>() == "Front page and contents");
    int first_body_page = 1000000;
    for (std::size_t i = 1; i < outlines.size(); ++i) {
        const auto add = [&](const YAML::Node& o) {
            marks.push_back({o["title"].as<std::string>(), {o["destpageposfrom1"].as<int>(), o["dest"][2].as<double>()}});
            first_body_page = std::min(first_body_page, marks.back().second.page);
        };
        add(outlines[i]);
        for (const auto& kid : outlines[i]["kids"]) {
            add(kid);
            ++story_marks;
        }
    }
    CHECK(story_marks == stories);
    for (const auto& [title, target] : marks) {
        INFO(title << " bookmarked at page " << target.page << ", " << target.y);
        // The headline (or the section head) stands just below where the bookmark lands.
        std::string flat;
        for (const std::string& w : words_of(text_in(pdf, target.page, 0, 596, target.y, 60))) flat += w + " ";
        CHECK(flat.find(words_of(title).front()) != std::string::npos);
    }
    const YAML::Node objects = root["qpdf"][1];
    std::size_t links = 0;
    for (const auto& [ref, page] : page_of) {
        if (page >= first_body_page) continue;
        for (const auto& annot : objects["obj:" + ref]["value"]["/Annots"]) {
            const YAML::Node link = objects["obj:" + annot.as<std::string>()]["value"];
            if (!link["/Dest"]) continue;
            const YAML::Node dest = objects["obj:" + link["/Dest"].as<std::string>()]["value"];
            const Target to{page_of.at(dest[0].as<std::string>()), dest[2].as<double>()};
            const auto hit = std::find_if(marks.begin(), marks.end(), [&](const auto& m) {
                return m.second.page == to.page && std::abs(m.second.y - to.y) < 0.01;
            });
            INFO("a link of page " << page << " to page " << to.page << ", " << to.y);
            REQUIRE(hit != marks.end());
            // The row or the top story ends in that page's number.
            const YAML::Node rect = link["/Rect"];
            const std::vector<std::string> words = words_of(text_in(pdf, page, rect[0].as<double>(), rect[2].as<double>() + 1,
                                                                    rect[3].as<double>(), rect[3].as<double>() - rect[1].as<double>()));
            REQUIRE(!words.empty());
            CHECK(words.back() == std::to_string(to.page));
            ++links;
        }
    }
    CHECK(links >= marks.size());  // each story and section in the contents, top stories besides
}

}  // namespace

TEST_CASE("pdf: samples and fixtures pass qpdf --check, extract every word in order, embed subset fonts") {
    require_tools();
    const test::TempDir dir;
    for (const fs::path& input : sample_inputs()) {
        // pdftotext gives the right-to-left runs of a line in the order they stand on a
        // left-to-right page, so that fixture is checked word by word in a test of its own.
        if (input.filename() == "desert-rail-rtl-multiscript.txt") continue;
        INFO(input.filename().string());
        const Document doc = read_path(input);
        const fs::path pdf = dir.path() / (input.stem().string() + ".pdf");
        test::write_file(pdf, write_pdf(doc));
        CHECK(pdf_problems(pdf, doc) == "");
    }
}

TEST_CASE("pdf: Cyrillic, Turkish and Kazakh text extracts exactly, in both styles") {
    require_tools();
    const Document doc = read_path(test::source_dir() / "tests/fixtures/steppe-letters-multiscript.txt");
    for (const char* style : {"briefing", "letter-compact"}) {
        INFO(style);
        const test::TempDir dir;
        const fs::path pdf = dir.path() / "letters.pdf";
        WriterOptions options;
        options.style = style;
        test::write_file(pdf, write_pdf(doc, options));
        const test::RunResult text = test::run_command({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
        CHECK(text.err.empty());
        std::string flat;
        for (const std::string& w : words_of(text.out)) flat += w + " ";
        std::istringstream paragraphs(body_text(doc));
        for (std::string paragraph; std::getline(paragraphs, paragraph);) {
            std::string expected;
            for (const std::string& w : words_of(paragraph)) expected += w + " ";
            CHECK(flat.find(expected) != std::string::npos);
        }
        for (const char* letters : {"ё", "й", "ў", "ş", "İ", "ı", "ә", "қ", "ң", "ө", "ү", "Ї", "š", "“", "—", "–", "«"}) {
            CHECK(text.out.find(letters) != std::string::npos);
        }
        CHECK(pdf_problems(pdf, doc, style) == "");
    }
}

TEST_CASE("pdf: the same input and style give byte-identical files with a trailer /ID") {
    const Document doc = read_path(test::source_dir() / "samples/kyrgyz-water-council.txt");
    const std::string a = write_pdf(doc);
    const std::string b = write_pdf(doc);
    CHECK(a == b);
    CHECK(a.find("/ID [ <") != std::string::npos);
    CHECK(a.rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("pdf: SOURCE_DATE_EPOCH sets the creation date, else the article's date does") {
    const Document doc = read_path(test::source_dir() / "samples/kyrgyz-water-council.txt");
    REQUIRE(doc.meta.date);
    const std::string article_day = doc.meta.date->iso().substr(0, 10);
    std::string compact = article_day;
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(write_pdf(doc).find("/CreationDate (D:" + compact) != std::string::npos);
    ::setenv("SOURCE_DATE_EPOCH", "1600000000", 1);
    const std::string pinned = write_pdf(doc);
    CHECK(pinned.find("/CreationDate (D:20200913122640+00'00')") != std::string::npos);
    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    CHECK_THROWS_AS(formats::make_pdf_writer({}), UsageError);
    ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("pdf: links carry no border box") {
    const Document doc = read_path(test::source_dir() / "samples/kyrgyz-water-council.txt");
    REQUIRE(!doc.meta.url.empty());
    const std::string pdf = write_pdf(doc);
    CHECK(pdf.find("/URI") != std::string::npos);
    CHECK(pdf.find("/Border [ 0 0 0 ]") != std::string::npos);
}

TEST_CASE("pdf: the seed's briefing fits on one A4 page in at most 80 KB", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("../shared/corpus is absent; skipped");
        return;
    }
    require_tools();
    const test::TempDir dir;
    for (const auto& e : fs::directory_iterator(*corpus / "seed")) {
        if (e.path().extension() != ".txt") continue;
        const Document doc = read_path(e.path());
        const std::string bytes = write_pdf(doc);
        const fs::path pdf = dir.path() / "seed.pdf";
        test::write_file(pdf, bytes);
        CHECK(bytes.size() <= 80 * 1024);
        CHECK(page_count(pdf) == 1);
        CHECK(pdf_problems(pdf, doc) == "");
    }
}

TEST_CASE("pdf: every seedstyle article passes qpdf, pdftotext and pdffonts", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("../shared/corpus is absent; skipped");
        return;
    }
    require_tools();
    const test::TempDir dir;
    const auto writer = formats::make_pdf_writer({});
    std::size_t checked = 0;
    for (const auto& e : fs::directory_iterator(*corpus / "seedstyle")) {
        if (e.path().extension() != ".txt") continue;
        const Document doc = read_path(e.path());
        const fs::path pdf = dir.path() / (e.path().stem().string() + ".pdf");
        test::write_file(pdf, write_to_string(*writer, doc));
        INFO(e.path().filename().string());
        CHECK(pdf_problems(pdf, doc) == "");
        ++checked;
    }
    CHECK(checked == 300);
}

TEST_CASE("digest: every contents row and top story links to its story and prints its page, and stories are bookmarked by section") {
    require_tools();
    const test::TempDir dir;
    std::vector<std::string> args{"digest"};
    for (const fs::path& p : sample_inputs()) args.push_back(p.string());
    args.insert(args.end(), {"-o", (dir.path() / "digest.pdf").string()});
    const test::RunResult r = test::run_briefkit(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    check_digest(dir.path() / "digest.pdf", sample_inputs().size());
}

TEST_CASE("digest: twenty corpus articles get a correct contents page and twenty bookmarks", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("../shared/corpus is absent; skipped");
        return;
    }
    require_tools();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(*corpus / "seedstyle")) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    files.resize(20);
    const test::TempDir dir;
    std::vector<std::string> args{"digest"};
    for (const fs::path& p : files) args.push_back(p.string());
    args.insert(args.end(), {"-o", (dir.path() / "digest.pdf").string()});
    REQUIRE(test::run_briefkit(args).exit_code == 0);
    check_digest(dir.path() / "digest.pdf", 20);
    CHECK(test::run_command({"qpdf", "--check", (dir.path() / "digest.pdf").string()}).out.find("WARNING") ==
          std::string::npos);
}

TEST_CASE("styles: each kind of mistake is refused with the file, line and key") {
    const std::string good = formats::pdf::builtin_styles().empty() ? "" : "";
    const std::string fonts =
        "fonts:\n"
        "  body: /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf\n"
        "  body_bold: /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf\n"
        "  sans: /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\n"
        "  sans_bold: /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf\n";
    const std::string page = "page:\n  size: A4\n  margins_mm: {top: 10, bottom: 10, left: 10, right: 10}\n";
    struct Case {
        const char* kind;
        std::string yaml;
        const char* key;
        int line;
    };
    const std::vector<Case> cases{
        {"unknown key", page + fonts + "colour: {}\n", "colour", 9},
        {"wrong type", page + fonts + "sizes:\n  body: large\n", "sizes.body", 10},
        {"missing font file", page + "fonts:\n  body: /no/such/font.ttf\n", "fonts.body", 5},
        {"negative margin", "page:\n  size: A4\n  margins_mm: {top: -5, bottom: 10, left: 10, right: 10}\n" + fonts,
         "page.margins_mm.top", 3},
        {"bad colour", page + fonts + "colours:\n  accent: blue\n", "colours.accent", 10},
        {"unknown page size", "page:\n  size: A3\n" + fonts, "page.size", 2},
        {"missing section", page, "fonts", 1},
        {"wrong toggle", page + fonts + "options:\n  key_points: maybe\n", "options.key_points", 10},
    };
    for (const Case& c : cases) {
        INFO(c.kind);
        try {
            (void)formats::pdf::parse_style(c.yaml, "bad-style.yaml", ".");
            FAIL("accepted");
        } catch (const UsageError& e) {
            CHECK(e.file() == "bad-style.yaml");
            CHECK(e.line() == c.line);
            CHECK(e.message().find(std::string("'") + c.key + "'") != std::string::npos);
            CHECK(e.message().find("expected") != std::string::npos);
        }
    }
    CHECK_THROWS_AS(formats::pdf::parse_style("page: [unclosed", "broken.yaml", "."), UsageError);
    CHECK_THROWS_AS(formats::pdf::load_style("no-such-style"), UsageError);
}

TEST_CASE("styles: a key given twice is refused, worded as article YAML words it") {
    const std::string yaml = "page:\n  size: A4\n  size: Letter\n";
    try {
        (void)formats::pdf::parse_style(yaml, "twice.yaml", ".");
        FAIL("accepted");
    } catch (const UsageError& e) {
        CHECK(e.line() == 3);
        CHECK(e.message() == "style key 'page.size': appears twice");
    }
}

TEST_CASE("styles: a key that is not a plain scalar is refused, not an abort (found by fuzzing)") {
    CHECK_THROWS_AS(formats::pdf::parse_style("? :", "fuzz.yaml", "."), UsageError);
    CHECK_THROWS_AS(formats::pdf::parse_style("? [a, b]\n: c\n", "fuzz.yaml", "."), UsageError);
    CHECK_THROWS_AS(formats::pdf::parse_style("page: {? {a: b} : c}\n", "fuzz.yaml", "."), UsageError);
}

TEST_CASE("styles: briefkit styles lists both, and --style picks the page size") {
    require_tools();
    const test::RunResult list = test::run_briefkit({"styles"});
    CHECK(list.exit_code == 0);
    CHECK(list.out.find("briefing") != std::string::npos);
    CHECK(list.out.find("letter-compact") != std::string::npos);
    const test::TempDir dir;
    const std::string sample = (test::source_dir() / "samples/library-hours.txt").string();
    for (const auto& [style, size] : {std::pair<std::string, std::string>{"briefing", "595.276 x 841.89"},
                                      {"letter-compact", "612 x 792"},
                                      {(test::source_dir() / "styles/letter-compact.yaml").string(), "612 x 792"}}) {
        INFO(style);
        const fs::path out = dir.path() / fs::path(style).stem();
        const test::RunResult r = test::run_briefkit({"convert", sample, "-t", "pdf", "--style", style, "-o", out.string()});
        REQUIRE(r.exit_code == 0);
        CHECK(test::run_command({"pdfinfo", (out / "library-hours.pdf").string()}).out.find(size) != std::string::npos);
    }
    const test::RunResult bad = test::run_briefkit({"convert", sample, "-t", "pdf", "--style", "nope", "-o", dir.path().string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("unknown style 'nope'") != std::string::npos);
}

TEST_CASE("digest: an unreadable input is reported and the digest holds the rest") {
    require_tools();
    const test::TempDir dir;
    test::write_file(dir.path() / "in/empty.txt", "");
    test::write_file(dir.path() / "in/binary.txt", std::string("PK\x03\x04\0\0\0\0", 8));
    fs::copy_file(test::source_dir() / "samples/library-hours.txt", dir.path() / "in/library-hours.txt");
    fs::copy_file(test::source_dir() / "samples/kyrgyz-water-council.txt", dir.path() / "in/kyrgyz.txt");
    const fs::path out = dir.path() / "digest.pdf";
    const test::RunResult r = test::run_briefkit({"digest", (dir.path() / "in").string(), "-o", out.string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("empty.txt") != std::string::npos);
    CHECK(r.err.find("binary.txt") != std::string::npos);
    REQUIRE(fs::exists(out));
    check_digest(out, 2);

    const fs::path none = dir.path() / "none.pdf";
    const test::RunResult all_bad =
        test::run_briefkit({"digest", (dir.path() / "in/empty.txt").string(), "-o", none.string()});
    CHECK(all_bad.exit_code == 1);
    CHECK(!fs::exists(none));
    CHECK(test::run_briefkit({"digest", (dir.path() / "in").string(), "-t", "yaml", "-o", none.string()}).exit_code == 2);
}

TEST_CASE("pdf: a character no font has is drawn visibly, listed in the briefing and warned about") {
    require_tools();
    const test::TempDir dir;
    // Two Egyptian hieroglyphs, which no face of the styles has.
    test::write_file(dir.path() / "glyphs.txt",
                     "TRADE TALKS RESUME\n\n3 March 2024\n\nThe delegation signed under \xF0\x93\x80\x80\xF0\x93\x80\x81 (a seal) "
                     "on Sunday, officials said, and talks will resume on Monday morning.\n");
    const test::RunResult r =
        test::run_briefkit({"convert", (dir.path() / "glyphs.txt").string(), "-t", "pdf", "-o", dir.path().string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("briefkit: warning: ") != std::string::npos);
    CHECK(r.err.find("U+13000") != std::string::npos);
    CHECK(r.err.find("U+13001") != std::string::npos);
    const test::RunResult text = test::run_command({"pdftotext", "-enc", "UTF-8", (dir.path() / "glyphs.pdf").string(), "-"});
    CHECK(text.out.find("Rendering notes") != std::string::npos);
    CHECK(text.out.find("\xEF\xBF\xBD\xEF\xBF\xBD (a seal)") != std::string::npos);  // drawn as U+FFFD U+FFFD
}

TEST_CASE("pdf: a table prints its rows in order, each on one line with its cells apart, in both styles") {
    require_tools();
    const Document doc = read_path(test::source_dir() / "samples/harbour-results-wire.txt");
    for (const char* style : {"briefing", "letter-compact"}) {
        INFO(style);
        const test::TempDir dir;
        const fs::path pdf = dir.path() / "tables.pdf";
        WriterOptions options;
        options.style = style;
        test::write_file(pdf, write_pdf(doc, options));
        const test::RunResult text = test::run_command({"pdftotext", "-layout", "-enc", "UTF-8", pdf.string(), "-"});
        std::vector<std::string> lines;
        std::istringstream in(text.out);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        std::size_t at = 0;  // rows are found in order, each on a line after the one before
        int tables = 0;
        for (const Block& block : doc.body) {
            const auto* table = std::get_if<Table>(&block);
            if (table == nullptr) continue;
            ++tables;
            for (const std::vector<Inlines>& row : table->rows) {
                std::string pattern;
                for (const Inlines& cell : row) {
                    if (cell.empty()) continue;
                    if (!pattern.empty()) pattern += R"(\s{2,})";  // never run into the next cell
                    pattern += std::regex_replace(plain_text(cell), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
                }
                const std::regex row_pattern(pattern);
                INFO(pattern);
                while (at < lines.size() && !std::regex_search(lines[at], row_pattern)) ++at;
                CHECK(at < lines.size());
            }
        }
        CHECK(tables == 2);
    }
}

TEST_CASE("pdf: the right-to-left and multiscript fixture sets Arabic, Hebrew, Devanagari and Chinese from embedded subsets, each word extractable") {
    require_tools();
    const test::TempDir dir;
    const fs::path input = test::source_dir() / "tests/fixtures/desert-rail-rtl-multiscript.txt";
    const test::RunResult r = test::run_briefkit({"convert", input.string(), "-t", "pdf", "-o", dir.path().string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning") == std::string::npos);  // every character found a face
    const fs::path pdf = dir.path() / "desert-rail-rtl-multiscript.pdf";
    CHECK(test::run_command({"qpdf", "--check", pdf.string()}).exit_code == 0);
    const test::RunResult fonts = test::run_command({"pdffonts", pdf.string()});
    for (const char* face : {"NotoNaskhArabic", "NotoSerifHebrew", "NotoSerifDevanagari", "DroidSansFallback"}) {
        INFO(face);
        CHECK(fonts.out.find(face) != std::string::npos);
    }
    CHECK(fonts.out.find(" no ") == std::string::npos);  // embedded, subset, with a ToUnicode map
    const test::RunResult text = test::run_command({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    // Right-to-left words come back in reading order (pdftotext reverses what is drawn left to right).
    for (const char* word : {"\u0627\u0644\u0645\u0633\u0624\u0648\u0644\u0648\u0646", "\u0627\u0644\u0627\u062B\u0646\u064A\u0646",
                             "\u05D4\u05E8\u05D0\u05E9\u05D5\u05E0\u05D4", "\u05D4\u05E4\u05E7\u05D9\u05D3\u05D9\u05DD",
                             "\u0905\u0927\u093F\u0915\u093E\u0930\u093F\u092F\u094B\u0902",
                             "\u65B0\u94C1\u8DEF\u7EBF\u5468\u4E00\u5F00\u901A\u8D27\u8FD0"}) {
        INFO(word);
        CHECK(text.out.find(word) != std::string::npos);
    }
}

TEST_CASE("pdf: words drawn with ligatures (fi, fl, ffl) give their letters back to pdftotext") {
    require_tools();
    const test::TempDir dir;
    test::write_file(dir.path() / "ligatures.txt",
                     "OFFICIALS FIND FLAWS\n\n3 March 2024\n\nThe office staff found a baffling flaw in the fifth filing, "
                     "officials said on Monday.\n");
    const test::RunResult r =
        test::run_briefkit({"convert", (dir.path() / "ligatures.txt").string(), "-t", "pdf", "-o", dir.path().string()});
    REQUIRE(r.exit_code == 0);
    const test::RunResult text = test::run_command({"pdftotext", "-enc", "UTF-8", (dir.path() / "ligatures.pdf").string(), "-"});
    CHECK(text.out.find("The office staff found a baffling flaw in the fifth filing,") != std::string::npos);
    const std::string stream = test::run_command({"qpdf", "--qdf", "--object-streams=disable", (dir.path() / "ligatures.pdf").string(), "-"}).out;
    CHECK((stream.find("<00660066006C>") != std::string::npos || stream.find("<0066006C>") != std::string::npos ||
           stream.find("<00660069>") != std::string::npos));  // a ToUnicode entry: one code standing for ffl, fl or fi
}

TEST_CASE("pdf: each link is a Link element of the structure holding its annotation, which says where it goes") {
    require_tools();
    const test::TempDir dir;
    const fs::path input = test::source_dir() / "samples/tram-line-opening-web.html";
    REQUIRE(test::run_briefkit({"convert", input.string(), "-t", "pdf", "-o", dir.path().string()}).exit_code == 0);
    const fs::path pdf = dir.path() / "tram-line-opening-web.pdf";
    CHECK(test::run_command({"qpdf", "--check", pdf.string()}).exit_code == 0);
    const std::string tree = test::run_command({"pdfinfo", "-struct", pdf.string()}).out;
    CHECK(tree.find("Link (inline)") != std::string::npos);
    CHECK(tree.find("      Object ") != std::string::npos);  // the Link's kid: its annotation, by reference
    const std::string objects = test::run_command({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), "-"}).out;
    std::size_t links = 0;
    std::size_t described = 0;
    std::size_t parented = 0;
    for (std::size_t at = objects.find("/Subtype /Link"); at != std::string::npos; at = objects.find("/Subtype /Link", at + 1)) {
        const std::size_t start = objects.rfind(" obj", at);
        const std::string annotation = objects.substr(start, at - start);
        ++links;
        described += annotation.find("/Contents <feff004c0069006e006b00200074006f0020") != std::string::npos ? 1 : 0;  // "Link to "
        parented += annotation.find("/StructParent ") != std::string::npos ? 1 : 0;
    }
    CHECK(links > 0);
    CHECK(described == links);
    CHECK(parented == links);
}

TEST_CASE("pdf: a Link element holds its link's text beside its annotation, in the paragraph's reading order") {
    require_tools();
    const test::TempDir dir;
    const fs::path input = test::source_dir() / "samples/tram-line-opening-web.html";
    REQUIRE(test::run_briefkit({"convert", input.string(), "-t", "pdf", "-o", dir.path().string()}).exit_code == 0);
    const std::string tree = test::run_command({"pdfinfo", "-struct-text", (dir.path() / "tram-line-opening-web.pdf").string()}).out;
    // The paragraph's text before the link, the Link with its words and annotation, the text after.
    const std::regex in_order(R"(and that"\n\s+Link \(inline\)\n\s+"weekly tickets"\n\s+Object \d+ 0\n\s+"would be valid on both\.")");
    CHECK(std::regex_search(tree, in_order));
    // An address broken over three lines of the margin is one Link holding its three annotations.
    const std::regex address(R"(Link \(inline\)\n\s+"https://courier\.example\.org/[^"]*"\n(\s+Object \d+ 0\n){3})");
    CHECK(std::regex_search(tree, address));
}

TEST_CASE("pdf: an OpenType CFF face a style names is embedded subset as CID Type 0C, and its text extracts") {
    require_tools();
    std::string c059;
    try {
        c059 = formats::pdf::font_file_for("C059");
    } catch (const std::exception&) {
        WARN("C059 (Debian fonts-urw-base35) is not installed: skipped");
        return;
    }
    REQUIRE(c059.ends_with(".otf"));
    const test::TempDir dir;
    std::string yaml = test::read_file(test::source_dir() / "styles" / "briefing.yaml");
    yaml = std::regex_replace(yaml, std::regex("  body: \"Noto Serif\""), "  body: \"C059\"");
    test::write_file(dir.path() / "cff.yaml", yaml);
    for (const fs::path& input : sample_inputs()) {
        if (input.filename() == "desert-rail-rtl-multiscript.txt") continue;
        INFO(input.filename().string());
        const Document doc = read_path(input);
        const fs::path pdf = dir.path() / (input.stem().string() + ".pdf");
        test::write_file(pdf, write_to_string(*formats::make_pdf_writer(WriterOptions{(dir.path() / "cff.yaml").string(), 0, {}, {}}), doc));
        CHECK(pdf_problems(pdf, doc, (dir.path() / "cff.yaml").string()) == "");
        const std::string fonts = test::run_command({"pdffonts", pdf.string()}).out;
        CHECK(std::regex_search(fonts, std::regex(R"([A-Z]{6}\+C059-Roman +CID Type 0C \(OT\) +Identity-H +yes yes yes)")));
    }
}
