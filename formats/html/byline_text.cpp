#include "formats/html/byline_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "formats/markup/agencies.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/feed_document.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

/// The labels that open a byline, folded (and as LabelForm writes them).
constexpr std::array<std::string_view, 39> kLabels{
    "written by: ",       "written by ",       "posted by ",        "posted on ",       "published by ",
    "submitted by ",      "geschrieben von ",  "verfasst von: ",    "verfasst von ",    "gespeichert von ",
    "veröffentlicht von ",
    "erstellt von ",      "ein artikel von ",  "ein beitrag von ",  "text und fotos: ", "text: ",
    "text von ",          "autor: ",           "autorin: ",         "autoren: ",        "author: ",
    "authors: ",          "redaktion: ",       "autor ",            "autorin ",         "autoren ",
    "author ",            "by: ",              "by ",               "von: ",            "von ",
    "par ",               "por ",              "di ",               "auteur : ",        "auteur: ",
    "auteur ",            "autore: ",         "author(s): "};

/// The small words that names hold (`von`, `de`, `bin`) and that join them (`und`, `y`).
constexpr std::array<std::string_view, 22> kNameParticles{"von", "van", "de", "der", "den", "la", "le", "di",
                                                          "da",  "del", "dos", "du", "zu", "ten", "ter", "bin",
                                                          "ibn", "al",  "und", "and", "y",  "et"};

bool is_name_particle(std::string_view word) {
    return std::find(kNameParticles.begin(), kNameParticles.end(), word) != kNameParticles.end();
}

bool opens_lowercase(std::string_view word) { return !word.empty() && word.front() >= 'a' && word.front() <= 'z'; }

/// True for a lowercase word a name may hold as it is spelled: a brand's or a login's, with a
/// dot, a hyphen or a digit (`auto-motor.at`, `r23`).
bool spelled_as_brand(std::string_view word) { return word.find_first_of(".-_0123456789") != std::string_view::npos; }

/// True when `name`, one name a source gives, is a phrase and no one's name: a word opening in
/// lowercase, no particle, before a capitalised one (`Redakteurin bei der Abendpost`, `Photo by Ed`),
/// or in a name of four words or more (`Afficher mon profil complet`). Names typed in lowercase
/// (`gerald roilo`, `Ana lima`) and logins pass.
bool reads_as_phrase(std::string_view name) {
    static constexpr std::array<std::string_view, 1> kSpace{" "};
    const std::vector<std::string_view> words = markup::split(name, kSpace);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!opens_lowercase(words[i]) || is_name_particle(words[i]) || spelled_as_brand(words[i])) continue;
        if (words.size() >= 4 || (i + 1 < words.size() && !opens_lowercase(words[i + 1]))) return true;
    }
    return false;
}

/// The names a phrase ends with after `by`, `von`, `of` or `par`, which may open it (`View all
/// posts by Ana Lima`, `par Ana Lima`); empty when it ends with none.
std::string_view names_after_label(std::string_view phrase) {
    static constexpr std::array<std::string_view, 6> kLabelsBefore{" by ", " von ", " of ", " par ", " BY ", " OF "};
    std::size_t tail = std::string_view::npos;
    for (const std::string_view label : kLabelsBefore) {
        if (phrase.starts_with(label.substr(1)) && tail == std::string_view::npos) tail = label.size() - 1;
        const std::size_t at = phrase.rfind(label);
        if (at != std::string_view::npos && (tail == std::string_view::npos || at + label.size() > tail)) tail = at + label.size();
    }
    if (tail == std::string_view::npos) return {};
    const std::string_view names = phrase.substr(tail);
    return names.find(' ') != std::string_view::npos && reads_as_names(names) ? names : std::string_view();
}

/// `name` without the quotation marks a page's markup left around it (`'Ana Lima`).
std::string_view unquoted(std::string_view name) {
    static constexpr std::array<std::string_view, 9> kQuotes{"'", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
                                                             "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view q : kQuotes) {
            if (name.starts_with(q)) name.remove_prefix(q.size()), trimmed = true;
            if (name.ends_with(q)) name.remove_suffix(q.size()), trimmed = true;
        }
    }
    return name;
}

}  // namespace

std::string clean_byline(std::string text) {
    if (text.empty() || text.size() > 160) return {};
    for (bool again = true; again;) {
        again = false;
        const std::string lower = unicode::fold_case(text.substr(0, 24));
        for (const std::string_view label : kLabels) {
            if (lower.starts_with(label)) {
                text.erase(0, label.size());
                again = true;
                break;
            }
        }
    }
    // `Posted on September 21, 2020 by Adi Tzlil`: the names follow the date.
    for (const std::string_view by : {" by ", " von ", " par "}) {
        const std::size_t at = unicode::ascii_lower(text).find(by);
        if (at != std::string::npos && text.find_first_of("0123456789") < at) text.erase(0, at + by.size());
    }
    static constexpr std::array<std::string_view, 9> kEnds{" am ", " on ", " | ", " • ", " · ", " — ", " - ", " / ", " ("};
    for (const std::string_view end : kEnds) {
        if (const std::size_t at = text.find(end); at != std::string::npos) text.resize(at);
    }
    // A date or a time starts the byline's tail; a digit inside a word is part of a user's name
    // (`von Hafenkatze7 am 20.09.2020`).
    std::size_t digit = text.find('@');
    for (std::size_t i = 0; i < digit && i < text.size(); ++i) {
        const auto before = static_cast<unsigned char>(i == 0 ? ' ' : text[i - 1]);
        if (text[i] >= '0' && text[i] <= '9' && before < 0x80 && std::isalnum(before) == 0) digit = i;
    }
    if (digit != std::string::npos) text.resize(digit);
    while (!text.empty() && std::string_view(" ,:;").find(text.back()) != std::string_view::npos) text.pop_back();
    // A name never ends in a small word: `Par Matthieu Hy le 12 mai` leaves `le` before the date.
    for (std::size_t space = text.rfind(' '); digit != std::string::npos && space != std::string::npos && space + 1 < text.size() &&
                                              std::all_of(text.begin() + static_cast<std::ptrdiff_t>(space) + 1, text.end(),
                                                          [](char c) { return c >= 'a' && c <= 'z'; });
         space = text.rfind(' ')) {
        text.resize(space);
        while (!text.empty() && std::string_view(" ,:;").find(text.back()) != std::string_view::npos) text.pop_back();
    }
    // What a date line's label leaves (`Stand: 3.2.2022`, `Zuletzt geändert am ...`) names no
    // one; the label after a name (`Reuters Updated: January 16`) ends the names.
    static constexpr std::array<std::string_view, 8> kDateLineWords{"stand",     "zuletzt",   "aktualisiert", "updated",
                                                                 "last updated", "published", "veröffentlicht", "erschienen"};
    const std::string lower = unicode::ascii_lower(text);
    for (const std::string_view word : kDateLineWords) {
        if (lower.starts_with(word)) return {};
        for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            const char after = at + word.size() < lower.size() ? lower[at + word.size()] : ':';
            if (at < text.size() && lower[at - 1] == ' ' && (after == ':' || (after == ' ' && word != "stand"))) {
                text.resize(at);
                break;
            }
        }
    }
    while (!text.empty() && std::string_view(" ,:;").find(text.back()) != std::string_view::npos) text.pop_back();
    if (text.size() < 2 || text.size() > 80) return {};
    return text;
}

namespace {

/// The labels that open a line giving a date, as LabelForm writes them.
constexpr std::array<std::string_view, 24> kDateLabels{
    "datum: ",        "date: ",         "veröffentlicht: ", "veröffentlicht am ", "erschienen am: ", "erschienen am ",
    "publiziert am ", "published: ",    "published on ",    "posted on ",         "publié le ",      "erstellt am ",
    "stand: ",        "aktualisiert am ", "letzte änderung: ", "verfasst am ",     "gepostet am ",    "mise en ligne le ",
    "mise en ligne ", "publicado el ",  "publicado: ",      "pubblicato il ",     "gepubliceerd op ", "opublikowano: "};

}  // namespace

bool is_furniture_word(std::string_view name) {
    static constexpr std::array<std::string_view, 30> kWords{
        "by",   "von",    "posted", "author", "autor",  "autorin", "authors", "autoren", "auteur", "autore", "datum",
        "date", "quelle", "source", "follow", "folgen", "admin",   "no author", "unknown", "anonymous",
        "paid content", "sponsored", "anzeige", "advertisement", "werbung",
        "published", "veröffentlicht", "updated", "aktualisiert", "erschienen"};
    const std::string folded = unicode::fold_case(name);
    return std::find(kWords.begin(), kWords.end(), folded) != kWords.end() || name.find("\u2192") != std::string_view::npos;
}

std::string plain_spaced(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const bool nbsp = text[at] == '\xC2' && at + 1 < text.size() && text[at + 1] == '\xA0';
        out.push_back(nbsp ? ' ' : text[at]);
        at += nbsp ? 1 : 0;
    }
    return markup::collapse_space(out);
}

namespace {

/// True when `text` may open with one of kLabels or kDateLabels: its first letter is one they
/// start with. A cheap test before a text node's start is put in LabelForm.
bool may_open_label(std::string_view text) {
    static constexpr std::array<bool, 256> kFirstLetters = [] {
        std::array<bool, 256> letters{};
        for (const std::string_view label : kLabels) letters[static_cast<unsigned char>(label.front())] = true;
        for (const std::string_view label : kDateLabels) letters[static_cast<unsigned char>(label.front())] = true;
        return letters;
    }();
    const auto first = std::find_if(text.begin(), text.end(), [](char c) { return !is_blank(c) && c != '|' && c != '-'; });
    return first != text.end() && kFirstLetters[static_cast<unsigned char>(unicode::ascii_lower(*first))];
}

/// The start of a line as kLabels are written: without the separators and spaces before it,
/// ASCII letters lowered, each run of spaces (no-break ones too) one space, and one space at the
/// end. Held in place, without allocating, because every text node of a page is tried.
class LabelForm {
public:
    /// The form of the first `limit` bytes of `text` (at most 46).
    LabelForm(std::string_view text, std::size_t limit) {
        while (!text.empty() && (is_blank(text.front()) || text.front() == '|' || text.front() == '-')) text.remove_prefix(1);
        text = text.substr(0, std::min(limit, chars_.size() - 2));
        for (std::size_t i = 0; i < text.size(); ++i) {
            const bool nbsp = text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
            if (nbsp || is_blank(text[i])) {
                i += nbsp ? 1 : 0;
                if (size_ > 0 && chars_[size_ - 1] != ' ') chars_[size_++] = ' ';
                continue;
            }
            chars_[size_++] = unicode::ascii_lower(text[i]);
        }
        if (size_ > 0 && chars_[size_ - 1] != ' ') chars_[size_++] = ' ';
    }

    /// The form.
    [[nodiscard]] std::string_view view() const { return {chars_.data(), size_}; }

    /// True when the form opens with one of `labels`.
    template <std::size_t N>
    [[nodiscard]] bool opens_with(const std::array<std::string_view, N>& labels) const {
        return std::any_of(labels.begin(), labels.end(), [&](std::string_view label) { return view().starts_with(label); });
    }

    /// True when the form is one of `labels` and nothing more.
    template <std::size_t N>
    [[nodiscard]] bool is_one_of(const std::array<std::string_view, N>& labels) const {
        return std::find(labels.begin(), labels.end(), view()) != labels.end();
    }

private:
    std::array<char, 48> chars_{};
    std::size_t size_ = 0;
};

}  // namespace

bool opens_with_label(std::string_view text) { return LabelForm(text, 24).opens_with(kLabels); }

bool names_a_user(std::string_view line, std::string_view names) {
    // A label of two words or more (`Posted by`, `Gespeichert von`), not `By` or `Von` alone,
    // which a sentence may open with.
    const LabelForm form(line, 24);
    const bool strong = std::any_of(kLabels.begin(), kLabels.end(), [&](std::string_view label) {
        return label.find(' ') + 1 < label.size() && form.view().starts_with(label);
    });
    if (!strong || names.size() < 3 || names.size() > 32 || is_furniture_word(names)) return false;
    bool letter = false;
    for (const char c : names) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || std::isalpha(u) != 0) {
            letter = true;
        } else if (std::isdigit(u) == 0 && c != '_' && c != '.' && c != '-') {
            return false;
        }
    }
    return letter;
}

bool is_label_alone(std::string_view text) {
    if (text.size() > 40) return false;
    const LabelForm form(text, 40);
    return form.is_one_of(kLabels) || form.is_one_of(kDateLabels);
}

LineOpening labels_opening(std::string_view text) {
    if (!may_open_label(text)) return {};
    const LabelForm form(text, 24);
    return LineOpening{form.opens_with(kLabels), form.opens_with(kDateLabels)};
}

bool reads_as_names(std::string_view text) {
    std::size_t words = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        const std::string_view word = text.substr(at, end - at);
        at = end + 1;
        if (word.empty() || word == "&") continue;
        ++words;
        const auto first = static_cast<unsigned char>(word.front());
        const bool capital = (first >= 'A' && first <= 'Z') || first >= 0x80;
        if (!capital && !is_name_particle(word)) return false;
        if (word.find_first_of("!?:\"“”„«»") != std::string_view::npos) return false;
    }
    // A sorting menu's `By date`, `By name` names no one.
    static constexpr std::array<std::string_view, 6> kSortKeys{"date", "datum", "name", "title", "relevance", "popularity"};
    return words >= 1 && words <= 8 && text.size() >= 3 &&
           std::find(kSortKeys.begin(), kSortKeys.end(), unicode::fold_case(text)) == kSortKeys.end();
}

bool reads_as_byline(std::string_view names) {
    if (names.empty()) return false;
    for (std::size_t at = 0, part = 0; at <= names.size(); ++part) {
        const std::size_t end = std::min(names.find(',', at), names.size());
        std::string_view piece = names.substr(at, end - at);
        while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
        at = end + 1;
        if (!reads_as_names(piece) && (part == 0 || !markup::is_byline_title(piece))) return false;
    }
    return true;
}

std::vector<std::string> names_of(const std::vector<std::string>& bylines) {
    std::vector<std::string> names;
    for (const std::string& b : bylines) {
        for (const std::string& a : markup::authors_from_byline(plain_spaced(b))) {
            std::string name = markup::collapse_space(unquoted(a));
            if (reads_as_phrase(name)) name = names_after_label(name);
            if (name.empty() || is_furniture_word(name)) continue;
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
        }
    }
    // a wire beside a person (`Von David Hutzler, dpa`) credits the agency, not another author
    const auto is_agency = [](const std::string& n) { return markup::known_agency(n).has_value(); };
    if (!std::all_of(names.begin(), names.end(), is_agency)) std::erase_if(names, is_agency);
    // a page that prints a name whole and each of its parts apart (`Matthias Roth`, `Matthias`,
    // `Roth`): the parts go
    const auto listed = [&](std::string_view word) {
        return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return unicode::fold_case(n) == unicode::fold_case(word); });
    };
    const auto whole_with_parts = [&](const std::string& whole) {
        static constexpr std::array<std::string_view, 1> kSpace{" "};
        const std::vector<std::string_view> words = markup::split(whole, kSpace);
        return words.size() > 1 && whole.find_first_of(":|/()\xE2") == std::string::npos &&
               std::all_of(words.begin(), words.end(), listed);
    };
    const auto part_of_another = [&](const std::string& n) {
        if (n.find(' ') != std::string::npos) return false;
        return std::any_of(names.begin(), names.end(), [&](const std::string& whole) {
            if (!whole_with_parts(whole)) return false;
            const std::string folded = " " + unicode::fold_case(whole) + " ";
            return folded.find(" " + unicode::fold_case(n) + " ") != std::string::npos;
        });
    };
    std::erase_if(names, part_of_another);
    return names;
}

std::string name_from_description(std::string_view given, std::string_view description) {
    if (given.empty() || given.find(' ') != std::string_view::npos || !description.starts_with(given) ||
        description.substr(given.size(), 1) != " ") {
        return {};
    }
    std::string name(given);
    std::string_view rest = description.substr(given.size() + 1);
    for (int added = 0; added < 3 && !rest.empty(); ++added) {
        const std::size_t end = std::min(rest.find(' '), rest.size());
        std::string_view word = rest.substr(0, end);
        const bool closes = word.ends_with(',') || word.ends_with(';');
        if (closes) word.remove_suffix(1);
        const std::u32string letters = unicode::decode(word.substr(0, 4));
        const bool capitalised = !letters.empty() && unicode::is_upper_or_title(letters.front()) && word.size() > 1;
        if (!capitalised && !is_name_particle(word)) break;
        name.append(" ").append(word);
        if (closes) break;
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    while (name.size() > given.size() && is_name_particle(name.substr(name.rfind(' ') + 1))) name.erase(name.rfind(' '));
    return name.size() > given.size() ? name : std::string();
}

std::vector<std::string> byline_names(std::string_view line) {
    if (!opens_with_label(line)) return {};
    const std::string names = clean_byline(plain_spaced(line));
    if (!reads_as_byline(names) && !names_a_user(line, names)) return {};
    return names_of({names});
}

}  // namespace briefkit::formats::html
