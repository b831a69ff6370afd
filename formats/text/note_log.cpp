#include "formats/text/note_log.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace briefkit::formats::text {

void NoteLog::add(int line, std::string_view rule, std::string message) {
    notes_.push_back(Note{line, std::string(rule), std::move(message)});
}

void NoteLog::tally(int line, std::string_view rule, std::string_view what) {
    auto it = tallies_.find(rule);
    if (it == tallies_.end()) it = tallies_.emplace(std::string(rule), Tally{std::string(what), {}}).first;
    std::vector<int>& lines = it->second.lines;
    if (lines.empty() || lines.back() != line) lines.push_back(line);
}

std::string line_ranges(const std::vector<int>& sorted_lines) {
    std::string out;
    for (std::size_t i = 0; i < sorted_lines.size();) {
        std::size_t j = i;
        while (j + 1 < sorted_lines.size() && sorted_lines[j + 1] == sorted_lines[j] + 1) ++j;
        if (!out.empty()) out += ", ";
        out += j == i ? fmt::format("{}", sorted_lines[i]) : fmt::format("{}-{}", sorted_lines[i], sorted_lines[j]);
        i = j + 1;
    }
    return out;
}

std::vector<Note> NoteLog::finish() const {
    std::vector<Note> out = notes_;
    for (const auto& [rule, t] : tallies_) {
        std::vector<int> lines = t.lines;
        std::sort(lines.begin(), lines.end());
        lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
        const char* noun = lines.size() == 1 ? "line" : "lines";
        out.push_back(Note{lines.front(), rule, fmt::format("{} on {} {}", t.what, noun, line_ranges(lines))});
    }
    std::stable_sort(out.begin(), out.end(), [](const Note& a, const Note& b) { return a.line < b.line; });
    return out;
}

}  // namespace briefkit::formats::text
