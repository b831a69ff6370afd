// Hyphenation points for English words: libhyphen's hyph_en_US patterns plus an exception list.
#pragma once

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace briefkit::formats::pdf {

/// Finds where an English word may be hyphenated; safe to share between threads once built.
class Hyphenator {
public:
    /// Hyphenates with the patterns at `patterns_path` (an empty path disables pattern hyphenation)
    /// and `exceptions`, words written with hyphens at their allowed points ("ta-ble"); a word written
    /// without hyphens is never hyphenated. The patterns are loaded on first use, since loading
    /// them costs more than setting a whole briefing; throws std::runtime_error when the file is missing.
    Hyphenator(const std::string& patterns_path, const std::vector<std::string>& exceptions);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    /// Byte offsets inside `word` after which a hyphen may be inserted. Only words of 6 or more
    /// ASCII letters are hyphenated, never within the first 2 or the last 3 letters, and never
    /// words written in capitals (acronyms, tickers).
    [[nodiscard]] std::vector<std::size_t> points(std::string_view word) const;

    /// The built-in exception list: names and words the en-US patterns split badly.
    static const std::vector<std::string>& default_exceptions();

    /// The path of the default patterns, from Debian's hyphen-en-us.
    static constexpr const char* kDefaultPatterns = "/usr/share/hyphen/hyph_en_US.dic";

    /// The hyphenator for the default patterns (/usr/share/hyphen/hyph_en_US.dic) and the built-in
    /// exception list, loaded once per process.
    static const Hyphenator& english();

private:
    void* dictionary() const;

    std::string path_;
    mutable std::once_flag loaded_;
    mutable void* dict_ = nullptr;  // HyphenDict*, kept out of this header
    std::map<std::string, std::vector<std::size_t>, std::less<>> exceptions_;
};

}  // namespace briefkit::formats::pdf
