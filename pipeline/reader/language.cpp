// A small language guesser: the script first, then the commonest function words.
// It answers only when one language clearly leads; otherwise `language` stays empty.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
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

/// The title and the first blocks' text, each after a space, cut to `limit` bytes.
std::string body_sample(const Document& doc, std::size_t limit) {
    std::string text = doc.meta.title;
    text.reserve(limit + 256);
    const auto add = [&](const Inlines& content) {
        text += ' ';
        for (const Inline& node : content) {
            std::visit(overloaded{[&](const Text& t) { text += t.text; }, [&](const Link& l) { text += l.text; }},
                       node);
        }
    };
    for (const Block& block : doc.body) {
        if (text.size() >= limit) break;
        std::visit(overloaded{[&](const Paragraph& p) { add(p.content); }, [&](const Heading& h) { add(h.content); },
                              [&](const List& l) {
                                  for (const Inlines& i : l.items) add(i);
                              },
                              [&](const Quote& q) {
                                  for (const Inlines& p : q.paragraphs) add(p);
                              }},
                   block);
    }
    if (text.size() > limit) text.resize(limit);
    return text;
}

bool letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// Longest function word in bytes; longer words are counted but never looked up.
constexpr std::size_t kLongestWord = 12;
static_assert([] {
    for (const Profile& profile : kProfiles) {
        for (const std::string_view w : profile.words) {
            if (w.empty() || w.size() > kLongestWord) return false;
        }
    }
    return true;
}());

/// A function word and the profiles that list it, one bit per profile.
struct FunctionWord {
    std::string_view word;
    std::uint32_t profiles = 0;
};

/// The function words by length and first byte. A word is looked up by comparing it with the
/// two or three of its bucket; most words find theirs empty.
class FunctionWords {
public:
    FunctionWords() {
        for (std::size_t p = 0; p < kProfiles.size(); ++p) {
            for (const std::string_view w : kProfiles[p].words) {
                std::vector<FunctionWord>& bucket = buckets_[index(w.size(), w[0])];
                auto it = std::find_if(bucket.begin(), bucket.end(), [&](const FunctionWord& f) { return f.word == w; });
                if (it == bucket.end()) it = bucket.insert(bucket.end(), FunctionWord{w, 0});
                it->profiles |= std::uint32_t{1} << p;
            }
        }
    }

    /// True when some function word has this length and first byte.
    [[nodiscard]] bool may_hold(std::size_t length, char first) const {
        return length <= kLongestWord && !buckets_[index(length, first)].empty();
    }

    /// The profiles that list `word` (already case-folded), as bits; 0 when none does.
    [[nodiscard]] std::uint32_t profiles(std::string_view word) const {
        if (word.empty() || word.size() > kLongestWord) return 0;
        for (const FunctionWord& f : buckets_[index(word.size(), word[0])]) {
            if (f.word == word) return f.profiles;
        }
        return 0;
    }

private:
    static std::size_t index(std::size_t length, char first) { return length * 256 + static_cast<unsigned char>(first); }

    std::array<std::vector<FunctionWord>, (kLongestWord + 1) * 256> buckets_;
};

const FunctionWords& function_words() {
    static const FunctionWords table;
    return table;
}

}  // namespace

std::string detect_language(const Document& doc) {
    const std::string sample = body_sample(doc, 4000);
    const FunctionWords& table = function_words();
    std::array<int, kProfiles.size()> scores{};
    int words = 0;
    std::size_t word_start = 0;
    std::size_t word_end = 0;  // the word being read is sample[word_start, word_end)
    bool in_word = false;
    bool ascii = true;
    auto flush = [&] {
        if (!in_word) return;
        in_word = false;
        ++words;
        const std::string_view word(sample.data() + word_start, word_end - word_start);
        // Case folding never shortens a word by more than a few bytes, so longer words cannot match.
        if (word.size() <= kLongestWord + 4) {
            std::array<char, kLongestWord + 4> lower{};
            std::string folded;
            std::string_view key;
            if (ascii) {
                if (word.size() > kLongestWord) return;
                const char first = word[0] >= 'A' && word[0] <= 'Z' ? static_cast<char>(word[0] - 'A' + 'a') : word[0];
                if (!table.may_hold(word.size(), first)) return;
                for (std::size_t i = 0; i < word.size(); ++i) {
                    const char c = word[i];
                    lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
                }
                key = std::string_view(lower.data(), word.size());
            } else {
                folded = fold_case(word);
                if (folded.empty() || !table.may_hold(folded.size(), folded[0])) return;
                key = folded;
            }
            if (const std::uint32_t profiles = table.profiles(key); profiles != 0) {
                for (std::size_t p = 0; p < kProfiles.size(); ++p) scores[p] += static_cast<int>((profiles >> p) & 1U);
            }
        }
    };
    for (std::size_t pos = 0; pos < sample.size();) {
        const std::size_t start = pos;
        const auto byte = static_cast<unsigned char>(sample[pos]);
        const char32_t cp = byte < 0x80 ? (++pos, byte) : utf8::next(sample, pos);
        if (letter(cp)) {
            if (!in_word) {
                in_word = true;
                word_start = start;
                ascii = true;
            }
            ascii = ascii && cp < 0x80;
            word_end = pos;
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
