// Collects the reader's repair notes.
//
// Structural repairs (a rejoined paragraph, a moved dateline) are noted one by one.
// Mechanical repairs that can touch many lines (collapsed spaces, joined hard-wrapped
// lines) are tallied per rule and become one note listing every line they touched,
// so a damaged file gets a readable list of notes that still accounts for every repair.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit::formats::text {

/// Gathers notes while a file is read and hands them over in input order.
class NoteLog {
public:
    /// Records one repair at `line`.
    void add(int line, std::string_view rule, std::string message);

    /// Records that tallied rule `rule` (described as `what`, such as "runs of spaces collapsed") touched `line`.
    void tally(int line, std::string_view rule, std::string_view what);

    /// All notes, sorted by line; each tallied rule becomes one note at its first line.
    [[nodiscard]] std::vector<Note> finish() const;

private:
    struct Tally {
        std::string what;
        std::vector<int> lines;
    };
    std::vector<Note> notes_;
    std::map<std::string, Tally, std::less<>> tallies_;
};

/// Line numbers as compact ranges: `3, 5-7, 12`.
[[nodiscard]] std::string line_ranges(const std::vector<int>& sorted_lines);

}  // namespace briefkit::formats::text
