// The sources file: what a desk knows of each agency it reads (YAML).
//
//     sources:
//       - name: AKIpress
//         aliases: [AKI Press, akipress.org]
//         country: KG
//         language: ru
//         ownership: private
//         reliability: B          # the Admiralty grade of the source, A to F
//         credit: "AKIpress News Agency, Bishkek"
//         handling: TLP:GREEN     # optional: the label of every item from it
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace briefkit::brief {

/// One agency of the sources file.
struct SourceEntry {
    std::string name;                  ///< The name printed.
    std::vector<std::string> aliases;  ///< Other names articles give it.
    std::string country;               ///< Where it is based.
    std::string language;              ///< The language it writes in.
    std::string ownership;             ///< Who owns it (`state`, `private`, `public broadcaster`).
    char reliability = 0;              ///< Its Admiralty grade, `A` to `F`; 0 when not given.
    std::string credit;                ///< The credit line printed under its items; empty: its name.
    std::string handling;              ///< The TLP label of its items; empty for none.
};

/// The sources file's agencies, found by any of their names.
class SourceList {
public:
    /// An empty list: every agency unknown.
    SourceList() = default;

    /// Reads the sources file at `path`; throws UsageError naming the file, line and key.
    [[nodiscard]] static SourceList load(const std::string& path);

    /// Reads a sources file's `text`, read from `origin`; throws as load() does.
    [[nodiscard]] static SourceList parse(const std::string& text, const std::string& origin);

    /// The entry whose name or alias is `agency` (case and spacing aside); null when none is.
    [[nodiscard]] const SourceEntry* find(std::string_view agency) const;

    /// The entries, in the file's order.
    [[nodiscard]] const std::vector<SourceEntry>& entries() const { return entries_; }

private:
    std::vector<SourceEntry> entries_;
};

/// What an Admiralty reliability grade means: `A` is `completely reliable` ... `F` `reliability
/// cannot be judged`; empty for any other letter.
[[nodiscard]] std::string_view reliability_meaning(char grade);

}  // namespace briefkit::brief
