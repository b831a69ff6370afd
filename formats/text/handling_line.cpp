// The handling label: a line near the start or the end that holds nothing but a TLP label
// (`TLP:AMBER`, `**TLP:RED**`, `[TLP: GREEN]`), as analysts mark their notes and reports.
#include <algorithm>

#include "formats/text/article_parts.hpp"
#include "pipeline/model/handling.hpp"

namespace briefkit::formats::text {

namespace {

/// How many non-blank lines at each end may hold the label.
constexpr std::size_t kLinesSearched = 5;

/// `text` without the marks a label is set off by: `*`, `_`, `#`, `=`, `-`, brackets, spaces.
std::string_view undecorated(std::string_view text) {
    constexpr std::string_view kMarks = "*_#=-[]() \t";
    const std::size_t first = text.find_first_not_of(kMarks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kMarks) + 1 - first);
}

/// The indexes of the first and the last `kLinesSearched` non-blank lines.
std::vector<std::size_t> end_lines(const std::vector<Line>& lines) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0, seen = 0; i < lines.size() && seen < kLinesSearched; ++i) {
        if (!lines[i].blank()) out.push_back(i), ++seen;
    }
    for (std::size_t i = lines.size(), seen = 0; i > 0 && seen < kLinesSearched; --i) {
        if (!lines[i - 1].blank() && std::find(out.begin(), out.end(), i - 1) == out.end()) out.push_back(i - 1), ++seen;
    }
    return out;
}

}  // namespace

void read_handling_label(Draft& d, NoteLog& notes) {
    std::vector<std::size_t> taken;
    for (const std::size_t i : end_lines(d.lines)) {
        const Line& line = d.lines[i];
        const std::optional<handling::TlpLabel> tlp = handling::tlp_label(undecorated(line.text));
        if (!tlp) continue;
        handling::keep_most_restrictive(d.meta.handling, tlp->label);
        notes.add(line.number, "handling-label", handling::taken_out_note("line", line.text, *tlp));
        taken.push_back(i);
    }
    std::sort(taken.begin(), taken.end());
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) d.lines.erase(d.lines.begin() + static_cast<std::ptrdiff_t>(*it));
}

}  // namespace briefkit::formats::text
