// Turning command-line INPUT arguments into the list of articles to convert.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace briefkit {

/// One article to convert and where its outputs go.
struct Input {
    // Plain strings rather than std::filesystem::path, which keeps a parsed copy of every
    // component: a batch of 100,000 inputs holds them all.
    std::string path;              ///< The file to read; empty for standard input.
    std::string display;           ///< The name used in messages: the path as given, or `-`.
    std::string stem;              ///< Output path relative to the output folder, without extension.
    bool from_stdin = false;       ///< True for `-`.
    std::string problem;           ///< Why this input cannot be read (such as a missing file); empty if fine.
};

/// Expands files, folders (recursively, keeping files whose name matches `glob`;
/// hidden files and folders are skipped) and `-` into inputs, in a stable order.
/// Output stems mirror each folder's tree, so `in/a/b.txt` under folder `in` has stem `a/b`;
/// when several folders are given, each one's tree goes under its own name (`in/a/b`).
[[nodiscard]] std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, const std::string& glob);

/// The default glob: every extension a registered reader takes (`*.txt`).
[[nodiscard]] std::string default_glob();

}  // namespace briefkit
