// The trailer: what follows the last body paragraph. The original URL on a line of its own,
// `Kaynak/Source:`-style labels (named or empty), the wire sign-off `Reuter` (`REUTER`,
// `Reuters`, `Reuter...`) and the lone `-` or `--` line a wire desk leaves where it cut a table.
#include <fmt/format.h>

#include <regex>

#include "formats/text/article_parts.hpp"

namespace briefkit::formats::text {

namespace {

/// The name after a source label (`Kaynak/Source: Kabar` gives `Kabar`; an empty label gives "").
std::optional<std::string> source_label(std::string_view text) {
    static const std::regex re(
        R"(^(?:kaynak\s*/\s*source|kaynak|sources?|quelle|fuente|fonte|fonti|источник|джерело|булак|дереккөз|manba)\s*:\s*(.*)$)",
        std::regex::icase);
    if (text.size() > 200 || text.find(':') == std::string_view::npos) return std::nullopt;
    std::cmatch m;
    if (!std::regex_match(text.begin(), text.end(), m, re)) return std::nullopt;
    return m[1].str();
}

bool sign_off(std::string_view text) {
    static const std::regex re(R"(^\(?reuters?\)?(?:\.{1,3}|…)?$)", std::regex::icase);
    // At most "(Reuters)..." or "(Reuters)…": short, and starting with '(' or r.
    if (text.empty() || text.size() > 14 || (text[0] != '(' && text[0] != 'r' && text[0] != 'R')) return false;
    return std::regex_match(text.begin(), text.end(), re);
}

/// A line of one to three hyphens and nothing else: the mark of a cut.
bool cut_mark(std::string_view text) {
    return !text.empty() && text.size() <= 3 && text.find_first_not_of('-') == std::string_view::npos;
}

}  // namespace

void read_trailer(Draft& d, NoteLog& notes) {
    std::size_t end = d.lines.size();
    while (true) {
        while (end > 0 && d.lines[end - 1].blank()) --end;
        if (end <= 1) break;  // the first line is never trailer
        const Line& line = d.lines[end - 1];
        if (auto name = source_label(line.text)) {
            if (name->empty()) {
                notes.add(line.number, "source-label-dropped", fmt::format("empty source label '{}' dropped", line.text));
            } else if (auto url = url_line(*name); url && d.meta.url.empty()) {
                d.meta.url = *url;
                notes.add(line.number, "source-label-read", fmt::format("source label '{}' read as the url", line.text));
            } else {
                d.trailer_source = *name;
                notes.add(line.number, "source-label-read",
                          fmt::format("source label '{}' read as source '{}'", line.text, *name));
            }
        } else if (auto url = url_line(line.text); url && d.meta.url.empty()) {
            d.meta.url = *url;
            notes.add(line.number, "url-moved", fmt::format("URL line '{}' read as the article's url", line.text));
        } else if (sign_off(line.text)) {
            if (d.trailer_source.empty()) d.trailer_source = "Reuters";
            notes.add(line.number, "sign-off-removed",
                      fmt::format("wire sign-off '{}' removed from the body (a Reuters story)", line.text));
        } else if (cut_mark(line.text)) {
            notes.add(line.number, "cut-mark-removed",
                      fmt::format("lone '{}' line at the end of the story (where the desk cut it) removed", line.text));
        } else {
            break;
        }
        --end;
    }
    d.body_end = end;
}

}  // namespace briefkit::formats::text
