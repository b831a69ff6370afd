// Hyphenation points for words of any language Debian ships patterns for: libhyphen with the
// hyph_*.dic patterns of the hyphen-* packages (UTF-8 or an 8-bit charset, as each file says),
// plus an exception list; chosen by the document's language.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// Finds where a word may be hyphenated; safe to share between threads once built.
class Hyphenator {
public:
    /// Hyphenates with the patterns at `patterns_path` (an empty path disables pattern hyphenation)
    /// and `exceptions`, words written with hyphens at their allowed points ("ta-ble"); a word written
    /// without hyphens is never hyphenated. `capitals_mark_names` is false for a language that
    /// capitalises every noun (German). The patterns are loaded on first use, since loading
    /// them costs more than setting a whole briefing; throws std::runtime_error when the file is missing.
    Hyphenator(const std::string& patterns_path, const std::vector<std::string>& exceptions, bool capitals_mark_names = true);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    /// Byte offsets inside UTF-8 `word` after which a hyphen may be inserted. Only words of 6 or
    /// more letters (and nothing else) are hyphenated, never within the first 2 or the last 2
    /// letters (more where the patterns ask: English's last 3), and never words written in
    /// capitals (acronyms, tickers) or holding a letter the patterns' charset lacks.
    [[nodiscard]] std::vector<std::size_t> points(std::string_view word) const;

    /// True when a capitalised word is likely a name, to be hyphenated only where nothing else
    /// sets the paragraph; false for a language that capitalises every noun.
    [[nodiscard]] bool capitals_mark_names() const { return capitals_mark_names_; }

    /// The built-in exception list: names and words the en-US patterns split badly.
    static const std::vector<std::string>& default_exceptions();

    /// The folder of Debian's hyphenation patterns (the hyphen-* packages).
    static constexpr const char* kPatternsFolder = "/usr/share/hyphen";

    /// The path of the default patterns, from Debian's hyphen-en-us.
    static constexpr const char* kDefaultPatterns = "/usr/share/hyphen/hyph_en_US.dic";

    /// The hyphenator for the default patterns (/usr/share/hyphen/hyph_en_US.dic) and the built-in
    /// exception list, loaded once per process.
    static const Hyphenator& english();

    /// The patterns file for BCP 47 language tag `tag` in `folder`: `hyph_de_AT.dic` for `de-AT`,
    /// else the language's own country's (`hyph_de_DE.dic`), the language's alone (`hyph_fr.dic`)
    /// or the first of its countries'; `no` is Bokmål. Empty when the folder holds none, and for English (see english()).
    [[nodiscard]] static std::string patterns_for(std::string_view tag, const std::string& folder = kPatternsFolder);

    struct Dictionary;

private:
    const Dictionary* dictionary() const;

    std::string path_;
    bool capitals_mark_names_ = true;
    mutable std::once_flag loaded_;
    mutable std::shared_ptr<const Dictionary> dict_;  // loaded once per process for each file, shared
    std::map<std::string, std::vector<std::size_t>, std::less<>> exceptions_;
};

/// The hyphenators of one style, one per language, made when a document first asks for it.
class Hyphenators {
public:
    /// Hyphenators with `extra_exceptions` (a style's) beside each language's own; none at all
    /// when `enabled` is false.
    Hyphenators(bool enabled, std::vector<std::string> extra_exceptions);
    ~Hyphenators();

    /// The hyphenator for a document in language `tag` (English when it is empty); null when
    /// hyphenation is off or Debian has no patterns for the language (or they are not installed).
    [[nodiscard]] const Hyphenator* for_language(std::string_view tag) const;

private:
    bool enabled_;
    std::vector<std::string> extra_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Hyphenator>, std::less<>> by_language_;
};

}  // namespace briefkit::formats::pdf
