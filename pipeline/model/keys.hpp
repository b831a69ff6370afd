// Strict key checking for the files Briefkit reads by hand-written schema (article YAML, PDF
// styles): every key of a mapping must be known and appear once, and both files word a
// breach the same way.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit {

/// Checks the keys of one mapping, in the order they appear.
class KeyCheck {
public:
    /// A check of a mapping whose keys may be those of `known`.
    explicit KeyCheck(std::span<const std::string_view> known) : known_(known.begin(), known.end()) {}

    /// What is wrong with `key`, the mapping's next key, worded to follow the key's name in an
    /// error (`is not a key here (expected one of: a, b)` or `appears twice`); empty when nothing is.
    [[nodiscard]] std::string problem(std::string_view key);

private:
    std::vector<std::string_view> known_;
    std::set<std::string, std::less<>> seen_;
};

}  // namespace briefkit
