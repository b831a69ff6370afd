// How well the briefing sets its body text, over folders of articles: every input read through
// the registry and laid out as the PDF writer lays it out (BriefingComposer::layout(), the
// style's measure, fonts and hyphenation), then the body paragraphs' lines measured:
//
//   - characters per line, mean and 95th percentile (comfortable reading is 55 to 75);
//   - word spacing: the widest and narrowest gap of a justified line (not a paragraph's last)
//     as a multiple of the normal space, how many lines exceed 1.5 times it, and how many hold
//     a space wider than half an em (TeX's limit within tolerance: faces differ in their space,
//     0.26 em in Noto Serif, 0.32 em in DejaVu Serif, so a ratio alone compares unlike gaps);
//   - hyphens per 100 lines, two hyphenated lines in a row, three in a row;
//   - paragraphs whose last line is one word.
//
// Each figure overall and per language (the document's language: en, de, ru... `?` when none).
//
//   build/release/bench/briefkit_typesetting [--style NAME] [--show] DIR...
//
// --show names each paragraph (file, block) with a word space past 3 times the normal one or
// three hyphenated lines in a row, to look at.
//
// A body paragraph is a block set at the style's body size and leading, outside a box or a
// table (the key points box, metadata, headings, notes are others).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include "briefkit/error.hpp"
#include "formats/pdf/briefing.hpp"
#include "formats/pdf/font_set.hpp"
#include "formats/pdf/hyphenation.hpp"
#include "formats/pdf/style.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/registry.hpp"
#include "slurp.hpp"

namespace fs = std::filesystem;
using namespace briefkit;
using namespace briefkit::formats::pdf;

namespace {

/// The measures of the lines of one language's body paragraphs.
struct Tally {
    std::vector<double> chars;  // per line
    double widest = 0;          // word space, times the normal one
    double narrowest = 1e9;
    std::size_t loose = 0;      // justified lines spaced over 1.5 times
    std::size_t loose_em = 0;   // justified lines with a word space over half an em
    std::size_t lines = 0;
    std::size_t hyphenated = 0;
    std::size_t two_in_a_row = 0;
    std::size_t three_in_a_row = 0;
    std::size_t paragraphs = 0;
    std::size_t one_word_last = 0;
    std::size_t documents = 0;
};

/// The words on `line`: one, and one more for each piece set after a word space.
std::size_t words_on(const TextLine& line) {
    std::size_t words = line.pieces.empty() ? 0 : 1;
    for (const Placed& p : line.pieces) words += p.space_before ? 1 : 0;
    return words;
}

/// Characters on `line`: its glyphs and its word spaces.
std::size_t chars_on(const TextLine& line) {
    std::size_t n = 0;
    for (const Placed& p : line.pieces) n += p.codes.size() + (p.space_before ? 1 : 0);
    return n;
}

/// The widest and narrowest word space on `line`, each a multiple of the normal space, and the
/// widest in ems.
std::tuple<double, double, double> spacing_of(const TextLine& line) {
    double widest = 0;
    double narrowest = 1e9;
    double widest_em = 0;
    for (std::size_t i = 1; i < line.pieces.size(); ++i) {
        const Placed& p = line.pieces[i];
        if (!p.space_before || p.space_advance <= 0) continue;
        const Placed& before = line.pieces[i - 1];
        const double gap = p.x - (before.x + before.width);
        const double normal = p.space_advance * p.size / 1000.0;
        widest = std::max(widest, gap / normal);
        narrowest = std::min(narrowest, gap / normal);
        widest_em = std::max(widest_em, gap / p.size);
    }
    return {widest, narrowest, widest_em};
}

/// The worst of one paragraph: its widest word space and its longest run of hyphenated lines.
struct ParagraphWorst {
    double widest = 0;
    std::size_t run = 0;
};

ParagraphWorst measure_paragraph(const std::vector<TextLine>& lines, bool justified, Tally& t) {
    ++t.paragraphs;
    ParagraphWorst worst;
    std::size_t run = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const TextLine& line = lines[i];
        ++t.lines;
        t.chars.push_back(static_cast<double>(chars_on(line)));
        run = line.hyphenated ? run + 1 : 0;
        t.hyphenated += line.hyphenated ? 1 : 0;
        t.two_in_a_row += run == 2 ? 1 : 0;
        t.three_in_a_row += run == 3 ? 1 : 0;
        worst.run = std::max(worst.run, run);
        if (justified && i + 1 < lines.size() && words_on(line) > 1) {
            const auto [widest, narrowest, widest_em] = spacing_of(line);
            t.widest = std::max(t.widest, widest);
            worst.widest = std::max(worst.widest, widest);
            t.narrowest = std::min(t.narrowest, narrowest);
            t.loose += widest > 1.5 ? 1 : 0;
            t.loose_em += widest_em > 0.5 + 1e-9 ? 1 : 0;
        }
    }
    if (lines.size() > 1 && words_on(lines.back()) == 1) ++t.one_word_last;
    return worst;
}

void print_tally(const std::string& label, Tally& t) {
    if (t.lines == 0) return;
    std::sort(t.chars.begin(), t.chars.end());
    double sum = 0;
    for (const double c : t.chars) sum += c;
    const double p95 = t.chars[std::min(t.chars.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(t.chars.size()))) - 1)];
    fmt::print("{:<6} {:>6} {:>8} {:>7.1f} {:>5.0f} {:>7.2f} {:>7.2f} {:>6} {:>6} {:>9.2f} {:>5} {:>5} {:>9}\n", label, t.documents, t.lines,
               sum / static_cast<double>(t.lines), p95, t.widest, t.narrowest > 1e8 ? 0.0 : t.narrowest, t.loose, t.loose_em,
               100.0 * static_cast<double>(t.hyphenated) / static_cast<double>(t.lines), t.two_in_a_row, t.three_in_a_row,
               t.one_word_last);
}

/// Every file under `dir`, in name order.
std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string style_name = "briefing";
    bool show = false;  // name each paragraph with a space past 3 times or three hyphens in a row
    std::vector<std::string> dirs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--show") {
            show = true;
        } else if (arg == "--style" && i + 1 < argc) {
            style_name = argv[++i];
        } else {
            dirs.push_back(arg);
        }
    }
    if (dirs.empty()) {
        fmt::print(stderr, "usage: briefkit_typesetting [--style NAME] [--show] DIR...\n");
        return 2;
    }
    const Style style = load_style(style_name);
    FontSet fonts(style);
    const Hyphenators hyphenators(style.hyphenate, style.hyphenation_exceptions);
    std::map<std::string, Tally> by_language;
    Tally all;
    std::size_t refused = 0;
    for (const std::string& dir : dirs) {
        for (const fs::path& path : files_under(dir)) {
            const std::string bytes = bench::slurp(path);
            std::vector<Document> docs;
            try {
                docs = choose_reader(path.string(), bytes, "").read(bytes, path.string(), ReadOptions{});
            } catch (const Error&) {
                ++refused;
                continue;
            }
            for (const Document& doc : docs) {
                const std::string language = doc.meta.language.empty() ? std::string("?") : unicode::ascii_lower(doc.meta.language.substr(0, 2));
                BriefingComposer composer(style, fonts, hyphenators.for_language(doc.meta.language));
                const ArticleLayout layout = composer.layout(doc);
                Tally& t = by_language[language];
                ++t.documents;
                ++all.documents;
                for (std::size_t b = 0; b < layout.blocks.size(); ++b) {
                    const FlowBlock& block = layout.blocks[b];
                    if (block.size != style.size_body || block.leading != style.leading || block.background || block.table_rules) continue;
                    measure_paragraph(block.lines, style.justify, t);
                    const ParagraphWorst worst = measure_paragraph(block.lines, style.justify, all);
                    if (show && (worst.widest > 3 || worst.run > 2)) {
                        fmt::print("{}: block {}: widest space {:.2f}x, {} hyphenated lines in a row\n", path.string(), b, worst.widest, worst.run);
                    }
                }
            }
        }
    }
    fmt::print("style {}; {} inputs refused by their reader\n", style.name, refused);
    fmt::print("{:<6} {:>6} {:>8} {:>7} {:>5} {:>7} {:>7} {:>6} {:>6} {:>9} {:>5} {:>5} {:>9}\n", "lang", "docs", "lines", "chars", "p95",
               "widest", "tightst", ">1.5x", ">.5em", "hyph/100", "2-row", "3-row", "1-word-ln");
    for (auto& [language, t] : by_language) {
        if (t.lines >= 200 || language == "?") print_tally(language, t);
    }
    print_tally("all", all);
    return 0;
}
