// A small language guesser: the script first, then the commonest function words.
// It answers only when one language clearly leads; otherwise `language` stays empty.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "pipeline/model/language.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit {

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
    for (const Block& block : doc.body) {
        if (text.size() >= limit) break;
        for_each_run(block, [&](const Inlines& run) {
            if (text.size() >= limit) return;  // a table's further cells, past the sample
            text += ' ';
            append_plain_text(text, run);
        });
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

/// The longest function word of ASCII letters only: most words of a Latin text are longer, and
/// are not looked up.
constexpr std::size_t kLongestAsciiWord = [] {
    std::size_t longest = 0;
    for (const Profile& profile : kProfiles) {
        for (const std::string_view w : profile.words) {
            if (std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) longest = std::max(longest, w.size());
        }
    }
    return longest;
}();

/// The function words in a small open-addressed table (6 KiB). A word is packed, lower-cased,
/// into two 64-bit integers, so a lookup is a hash and an integer comparison or two.
class FunctionWords {
public:
    /// A word of at most 16 bytes as two integers, zero-padded; {0, 0} for none.
    struct Key {
        std::uint64_t lo = 0;
        std::uint64_t hi = 0;
        bool operator==(const Key&) const = default;
    };

    FunctionWords() {
        for (std::size_t p = 0; p < kProfiles.size(); ++p) {
            for (const std::string_view w : kProfiles[p].words) {
                const Key key = pack(w);
                std::size_t at = slot(key);
                while (entries_[at].profiles != 0 && !(entries_[at].key == key)) at = (at + 1) % kSlots;
                entries_[at].key = key;
                entries_[at].profiles |= std::uint32_t{1} << p;
            }
        }
    }

    /// `word` (at most 16 bytes) packed with `mask` or-ed into each byte: 0 for a word already
    /// case-folded, 0x20 to lower-case one of ASCII letters on the way.
    static Key pack(std::string_view word, std::uint8_t mask = 0) {
        Key key;
        for (std::size_t i = 0; i < word.size(); ++i) {
            const std::uint64_t byte = static_cast<unsigned char>(word[i]) | mask;
            (i < 8 ? key.lo : key.hi) |= byte << (8 * (i % 8));
        }
        return key;
    }

    /// The profiles that list the word packed in `key`, as bits; 0 when none does.
    [[nodiscard]] std::uint32_t profiles(const Key& key) const {
        for (std::size_t at = slot(key);; at = (at + 1) % kSlots) {
            if (entries_[at].profiles == 0) return 0;
            if (entries_[at].key == key) return entries_[at].profiles;
        }
    }

private:
    static constexpr std::size_t kSlots = 256;  // about twice the words, so probes stay short
    static_assert(kProfiles.size() * std::tuple_size_v<decltype(Profile::words)> * 2 <= kSlots);

    static std::size_t slot(const Key& key) {
        return static_cast<std::size_t>(((key.lo * 0x9E3779B97F4A7C15ULL) ^ (key.hi * 0xC2B2AE3D27D4EB4FULL)) >> 56);
    }

    struct Entry {
        Key key;
        std::uint32_t profiles = 0;
    };
    std::array<Entry, kSlots> entries_{};
};

const FunctionWords& function_words() {
    static const FunctionWords table;
    return table;
}

/// True for the ASCII letters, by byte.
constexpr std::array<bool, 128> kAsciiLetter = [] {
    std::array<bool, 128> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = t[static_cast<std::size_t>(c - 'a' + 'A')] = true;
    return t;
}();

/// The function words' votes for each language, and how many words were read.
struct Votes {
    std::array<int, kProfiles.size()> scores{};
    int words = 0;
};

/// The votes of the words in `sample`: the word scan is a pair of tight loops (to the next
/// letter, to the end of the word), ASCII a byte at a time.
Votes count_votes(std::string_view sample) {
    const FunctionWords& table = function_words();
    Votes votes;
    const auto vote = [&](std::string_view word, bool ascii) {
        ++votes.words;
        // Case folding never shortens a word by more than a few bytes, so longer words cannot match.
        if (word.size() > kLongestWord + 4 || (ascii && word.size() > kLongestAsciiWord)) return;
        FunctionWords::Key key;
        if (ascii) {
            key = FunctionWords::pack(word, 0x20);  // ASCII letters only
        } else {
            const std::string folded = unicode::fold_case(word);
            if (folded.empty() || folded.size() > kLongestWord) return;
            key = FunctionWords::pack(folded);
        }
        if (const std::uint32_t profiles = table.profiles(key); profiles != 0) {
            for (std::size_t p = 0; p < kProfiles.size(); ++p) votes.scores[p] += static_cast<int>((profiles >> p) & 1U);
        }
    };
    const std::size_t n = sample.size();
    std::size_t pos = 0;
    while (pos < n) {
        const auto byte = static_cast<unsigned char>(sample[pos]);
        if (byte < 0x80) {
            if (!kAsciiLetter[byte]) {
                ++pos;
                continue;
            }
        } else {
            std::size_t after = pos;
            if (!letter(utf8::next(sample, after))) {
                pos = after;
                continue;
            }
        }
        const std::size_t start = pos;
        bool ascii = true;
        while (pos < n) {
            const auto b = static_cast<unsigned char>(sample[pos]);
            if (b < 0x80) {
                if (!kAsciiLetter[b]) break;
                ++pos;
                continue;
            }
            std::size_t after = pos;
            if (!letter(utf8::next(sample, after))) break;
            pos = after;
            ascii = false;
        }
        vote(sample.substr(start, pos - start), ascii);
    }
    return votes;
}

}  // namespace

std::string guess_language(const Document& doc) {
    // 1,500 bytes are some 250 words: every guess over the corpus is the same as from 4,000, at a
    // third of the cost.
    const std::string sample = body_sample(doc, 1500);
    const auto [scores, words] = count_votes(sample);
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

}  // namespace briefkit
