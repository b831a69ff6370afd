// A small language guesser: the script first, then the commonest function words.
// It answers only when one language clearly leads; otherwise `language` stays empty.
#include <utf8proc.h>

#include <array>
#include <unordered_map>
#include <vector>

#include "pipeline/overloaded.hpp"
#include "pipeline/reader/article_parts.hpp"
#include "pipeline/utf8.hpp"

namespace briefkit::reader {

namespace {

struct Profile {
    std::string_view tag;
    std::array<std::string_view, 12> words;
};

// Function words, already case-folded. Each list is the language's most frequent short words.
constexpr std::array<Profile, 10> kProfiles{{
    {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "said", "was"}},
    {"de", {"der", "die", "und", "das", "nicht", "ist", "den", "mit", "sich", "des", "auf", "ein"}},
    {"fr", {"le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "qui", "au"}},
    {"es", {"el", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "se"}},
    {"it", {"il", "di", "che", "della", "e", "per", "gli", "non", "una", "con", "sono", "nel"}},
    {"pt", {"o", "os", "que", "do", "da", "em", "para", "com", "uma", "não", "dos", "as"}},
    {"tr", {"ve", "bir", "bu", "için", "ile", "olarak", "da", "de", "olan", "çok", "gibi", "daha"}},
    {"ru", {"и", "в", "не", "на", "что", "с", "по", "как", "это", "из", "к", "для"}},
    {"uk", {"і", "та", "що", "не", "на", "в", "з", "до", "як", "це", "у", "й"}},
    {"ky", {"жана", "менен", "үчүн", "бул", "деп", "боюнча", "да", "дагы", "ал", "болуп", "кыргыз", "эле"}},
}};

std::string body_sample(const Document& doc, std::size_t limit) {
    std::string text = doc.meta.title;
    for (const Block& block : doc.body) {
        if (text.size() >= limit) break;
        std::visit(overloaded{[&](const Paragraph& p) { text += ' ' + plain_text(p.content); },
                              [&](const Heading& h) { text += ' ' + plain_text(h.content); },
                              [&](const List& l) {
                                  for (const Inlines& i : l.items) text += ' ' + plain_text(i);
                              },
                              [&](const Quote& q) {
                                  for (const Inlines& p : q.paragraphs) text += ' ' + plain_text(p);
                              }},
                   block);
    }
    return text.substr(0, std::min(text.size(), limit));
}

bool letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// Longest function word in bytes; longer words are counted but never looked up.
constexpr std::size_t kLongestWord = 12;

// Every function word with the profiles that list it.
const std::unordered_map<std::string_view, std::vector<std::size_t>>& function_words() {
    static const auto table = [] {
        std::unordered_map<std::string_view, std::vector<std::size_t>> t;
        for (std::size_t p = 0; p < kProfiles.size(); ++p) {
            for (const std::string_view w : kProfiles[p].words) t[w].push_back(p);
        }
        return t;
    }();
    return table;
}

}  // namespace

std::string detect_language(const Document& doc) {
    const std::string sample = body_sample(doc, 4000);
    const auto& table = function_words();
    std::array<int, kProfiles.size()> scores{};
    std::string word;
    int words = 0;
    auto flush = [&] {
        if (word.empty()) return;
        ++words;
        // Case folding never shortens a word by more than a few bytes, so longer words cannot match.
        if (word.size() <= kLongestWord + 4) {
            if (const auto it = table.find(fold_case(word)); it != table.end()) {
                for (const std::size_t p : it->second) ++scores[p];
            }
        }
        word.clear();
    };
    for (std::size_t pos = 0; pos < sample.size();) {
        const std::size_t start = pos;
        const char32_t cp = utf8::next(sample, pos);
        if (letter(cp)) {
            word.append(sample, start, pos - start);
        } else {
            flush();
        }
    }
    flush();
    if (words < 8) return {};
    std::string_view best;
    int best_score = 0;
    int second = 0;
    for (std::size_t p = 0; p < kProfiles.size(); ++p) {
        const int score = scores[p];
        if (score > best_score) {
            second = best_score;
            best_score = score;
            best = kProfiles[p].tag;
        } else if (score > second) {
            second = score;
        }
    }
    // At least one word in twelve is a function word of the winner, which leads the runner-up clearly.
    if (best_score * 12 < words || best_score < second * 2) return {};
    return std::string(best);
}

}  // namespace briefkit::reader
