// Typographic rendering of text as the briefing prints it: the model keeps what the author
// typed (straight quotes, `--`, a spaced hyphen), the page shows the marks a typesetter would
// set, each language's own quotation marks among them.
#pragma once

#include <string>
#include <string_view>

namespace briefkit::formats::pdf {

/// Sets the runs of one paragraph typographically, in order: a quote's side is read from the
/// character before it, across the runs (a link's text, then the text after it).
class Typographer {
public:
    /// A typographer for text in `language` (a BCP 47 tag; English's marks when it names none).
    explicit Typographer(std::string_view language);

    /// `text` with straight double quotes made the language's opening and closing marks (`“ ”`
    /// in English, `„ “` in German, `« »` in French, with a narrow no-break space inside, and in
    /// Russian), straight single quotes apostrophes (`don’t`, `’90s`) or single quotation marks,
    /// `--` a dash, a hyphen with a space on each side the language's dash (` — ` in English and
    /// Russian, ` – ` in German and French, the space before it a no-break one, so that no line
    /// opens with a dash), and `...` an ellipsis. Addresses (`://`, `www.`)
    /// are left as written.
    [[nodiscard]] std::string set(std::string_view text);

private:
    void set_spaced_dash(std::string& out) const;

    std::string open_double_, close_double_;  // the language's marks, spaces inside included
    std::string open_single_, close_single_;
    std::string spaced_dash_;  // what ` - ` becomes, spaces included
    char32_t before_ = U' ';    // the last character set, in this run or the one before
    bool double_open_ = false;  // a double quotation mark opened and not yet closed
};

}  // namespace briefkit::formats::pdf
