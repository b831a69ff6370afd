#include "formats/markup/json_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory_resource>
#include <string>
#include <unordered_set>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/swar.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::markup {

struct JsonTree::Arena {
    explicit Arena(std::size_t initial) : memory(initial) {}
    std::pmr::monotonic_buffer_resource memory;
};

JsonTree::JsonTree(std::unique_ptr<Arena> arena, JsonValue root) : arena_(std::move(arena)), root_(root) {}
JsonTree::~JsonTree() = default;
JsonTree::JsonTree(JsonTree&&) noexcept = default;
JsonTree& JsonTree::operator=(JsonTree&&) noexcept = default;

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const JsonMember& member : members()) {
        if (member.key == key) return &member.value;
    }
    return nullptr;
}

std::optional<std::int64_t> JsonValue::integer() const {
    if (kind != JsonKind::number) return std::nullopt;
    std::int64_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

namespace {

/// Objects with more members than this are checked for a repeated key with a hash set.
constexpr std::size_t kFewMembers = 16;

/// Nesting past this is refused whatever --max-depth says: the scratch stacks grow with it.
constexpr std::size_t kDeepest = 10'000;

/// The 1-based line of byte `offset` of `text`, counted only for an error.
int line_at(std::string_view text, std::size_t offset) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// An object or array being read: where its values start on the scratch stack, and the key the
/// next value goes under.
struct Open {
    bool object = false;
    std::size_t first = 0;
    std::string_view key;
};

/// Reads one JSON text into values in an arena, an iterative parser with an explicit stack of
/// open containers, so hostile nesting costs heap, never the call stack.
class Parser {
public:
    Parser(std::string_view text, std::string_view name, const ReadOptions& options, std::pmr::memory_resource& arena)
        : text_(text), at_(text.data()), end_(text.data() + text.size()), name_(name), options_(options), arena_(arena) {}

    JsonValue document() {
        skip_space();
        JsonValue value;
        while (true) {
            if (!begin_value(value)) continue;  // a container opened: read its first value
            while (true) {
                if (open_.empty()) {
                    skip_space();
                    if (at_ != end_) fail(at_, fmt::format("{} after the value, where the text should end", found(at_)));
                    return value;
                }
                if (add_and_close(value)) continue;  // `value` is now the closed container
                break;
            }
        }
    }

private:
    /// Reads a value's start: a whole scalar or empty container into `value` (true), or the
    /// opening of a container with something in it, pushed onto the stack (false).
    bool begin_value(JsonValue& value) {
        if (at_ == end_) fail(at_, "the text ends where a value should be");
        const char c = *at_;
        if (c == '{' || c == '[') return open(c == '{', value);
        if (c == '"') {
            value = JsonValue{JsonKind::string, false, 0, read_string(), nullptr, nullptr};
        } else if (c == '-' || is_digit(c)) {
            value = read_number();
        } else if (c == 't' || c == 'f' || c == 'n') {
            value = read_literal();
        } else {
            fail(at_, fmt::format("{} where a value should be", found(at_)));
        }
        return true;
    }

    bool open(bool object, JsonValue& value) {
        const std::size_t depth = open_.size() + 1;
        if (depth > options_.max_depth) check_depth(depth, name_, line_at(at_), options_);
        if (depth > kDeepest) {
            throw LimitError(fmt::format("nested over {} levels deep, the most Briefkit reads of JSON", kDeepest),
                             std::string(name_), line_at(at_));
        }
        ++at_;
        skip_space();
        if (at_ != end_ && *at_ == (object ? '}' : ']')) {
            ++at_;
            value = JsonValue{object ? JsonKind::object : JsonKind::array, false, 0, {}, nullptr, nullptr};
            return true;
        }
        open_.push_back(Open{object, object ? members_.size() : elements_.size(), {}});
        if (object) open_.back().key = read_key();
        skip_space();
        return false;
    }

    /// Adds `value` to the innermost open container, then reads what follows it: a comma and
    /// the next key (false: read the next value), or the closing bracket (true, and `value` is
    /// the container, closed).
    bool add_and_close(JsonValue& value) {
        Open& top = open_.back();
        if (top.object) {
            members_.push_back(JsonMember{top.key, value});
        } else {
            elements_.push_back(value);
        }
        skip_space();
        if (at_ != end_ && *at_ == ',') {
            ++at_;
            skip_space();
            if (top.object) top.key = read_key();
            skip_space();
            return false;
        }
        const char close = top.object ? '}' : ']';
        if (at_ == end_ || *at_ != close) {
            fail(at_, fmt::format("{} where ',' or '{}' should follow {}", found(at_), close,
                                  top.object ? "an object's member" : "an array's element"));
        }
        ++at_;
        value = top.object ? close_object(top.first) : close_array(top.first);
        open_.pop_back();
        return true;
    }

    JsonValue close_array(std::size_t first) {
        const std::size_t n = elements_.size() - first;
        auto* out = static_cast<JsonValue*>(arena_.allocate(n * sizeof(JsonValue), alignof(JsonValue)));
        std::uninitialized_copy(elements_.begin() + static_cast<std::ptrdiff_t>(first), elements_.end(), out);
        elements_.resize(first);
        return JsonValue{JsonKind::array, false, static_cast<std::uint32_t>(n), {}, out, nullptr};
    }

    JsonValue close_object(std::size_t first) {
        const std::span<const JsonMember> members(members_.data() + first, members_.size() - first);
        refuse_repeated_key(members);
        auto* out = static_cast<JsonMember*>(arena_.allocate(members.size() * sizeof(JsonMember), alignof(JsonMember)));
        std::uninitialized_copy(members.begin(), members.end(), out);
        members_.resize(first);
        return JsonValue{JsonKind::object, false, static_cast<std::uint32_t>(members.size()), {}, nullptr, out};
    }

    /// Throws for the first key of `members` (in file order) that an earlier one already gave.
    void refuse_repeated_key(std::span<const JsonMember> members) const {
        const auto refuse = [&](std::string_view key) {
            throw InputError(fmt::format("the key '{}' appears twice in one object", key), std::string(name_));
        };
        if (members.size() <= kFewMembers) {
            for (std::size_t i = 1; i < members.size(); ++i) {
                for (std::size_t j = 0; j < i; ++j) {
                    if (members[i].key == members[j].key) refuse(members[i].key);
                }
            }
            return;
        }
        std::unordered_set<std::string_view> seen;
        for (const JsonMember& member : members) {
            if (!seen.insert(member.key).second) refuse(member.key);
        }
    }

    std::string_view read_key() {
        if (at_ == end_ || *at_ != '"') fail(at_, fmt::format("{} where a key in double quotes should be", found(at_)));
        const std::string_view key = read_string();
        skip_space();
        if (at_ == end_ || *at_ != ':') fail(at_, fmt::format("{} where ':' should follow the key", found(at_)));
        ++at_;
        return key;
    }

    /// Reads the string at `at_` (its opening quote), unescaped, into the arena.
    std::string_view read_string() {
        const char* start = ++at_;
        bool escaped = false;  // once it is, the text so far is in unescaped_
        while (true) {
            const char* run = at_;
            skip_plain_characters();
            if (escaped) unescaped_.append(run, at_);
            if (at_ == end_) fail(start - 1, "a string is not closed");
            if (*at_ == '"') {
                const std::string_view plain(start, static_cast<std::size_t>(at_ - start));
                ++at_;
                return store(escaped ? std::string_view(unescaped_) : plain);
            }
            if (*at_ != '\\') fail(at_, fmt::format("{} inside a string (write it as an escape)", found(at_)));
            if (!escaped) unescaped_.assign(start, at_);
            escaped = true;
            read_escape();
        }
    }

    /// Moves `at_` past characters a string holds as they are: all but quotes, backslashes and controls.
    /// They are the bulk of any string, and are passed eight bytes at a time.
    void skip_plain_characters() {
        at_ += swar::skip_words({at_, static_cast<std::size_t>(end_ - at_)}, [](std::uint64_t word) {
            return swar::has_byte(word, '"') || swar::has_byte(word, '\\') || swar::has_below(word, 0x20);
        });
        while (at_ != end_ && *at_ != '"' && *at_ != '\\' && static_cast<unsigned char>(*at_) >= 0x20) ++at_;
    }

    /// Reads one escape at `at_` (its backslash) onto the end of `unescaped_`.
    void read_escape() {
        const char* escape = at_++;
        if (at_ == end_) fail(escape, "a string is not closed");
        static constexpr std::string_view kFrom = "\"\\/bfnrt";
        static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
        if (const std::size_t i = kFrom.find(*at_); i != std::string_view::npos) {
            unescaped_.push_back(kTo[i]);
            ++at_;
            return;
        }
        if (*at_ != 'u') fail(escape, fmt::format("'\\' before {} is no escape JSON has", found(at_)));
        ++at_;
        char32_t cp = read_hex4(escape);
        if (cp >= 0xDC00 && cp <= 0xDFFF) fail(escape, "a low surrogate escape without a high one before it");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            constexpr std::string_view kUnpaired = "a high surrogate escape without a low one after it";
            if (end_ - at_ < 2 || at_[0] != '\\' || at_[1] != 'u') fail(escape, std::string(kUnpaired));
            at_ += 2;
            const char32_t low = read_hex4(escape);
            if (low < 0xDC00 || low > 0xDFFF) fail(escape, std::string(kUnpaired));
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        utf8::append(unescaped_, cp);
    }

    char32_t read_hex4(const char* escape) {
        char32_t cp = 0;
        for (int i = 0; i < 4; ++i, ++at_) {
            if (at_ == end_) fail(escape, "a \\u escape needs four hex digits");
            const char c = *at_;
            const int digit = is_digit(c)               ? c - '0'
                              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                       : -1;
            if (digit < 0) fail(escape, "a \\u escape needs four hex digits");
            cp = cp * 16 + static_cast<char32_t>(digit);
        }
        return cp;
    }

    /// Reads a number as RFC 8259 writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    JsonValue read_number() {
        const char* start = at_;
        if (*at_ == '-') ++at_;
        const auto digits = [&] {
            const char* first = at_;
            while (at_ != end_ && is_digit(*at_)) ++at_;
            if (at_ == first) fail(at_, fmt::format("{} where a digit should be", found(at_)));
            return at_ - first;
        };
        const char* whole = at_;
        std::ptrdiff_t count = digits();
        if (*whole == '0' && count > 1) fail(whole, "a number starts with 0 and more digits");
        bool exact = true;
        if (at_ != end_ && *at_ == '.') {
            ++at_;
            count += digits();
            exact = false;
        }
        if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
            ++at_;
            if (at_ != end_ && (*at_ == '+' || *at_ == '-')) ++at_;
            (void)digits();
            exact = false;
        }
        const std::string_view number(start, static_cast<std::size_t>(at_ - start));
        // Up to 18 digits and no exponent is always a finite double; past that, check.
        if ((!exact || count > 18) && !std::isfinite(std::strtod(std::string(number).c_str(), nullptr))) {
            fail(start, fmt::format("the number {} is past what a double holds", number));
        }
        return JsonValue{JsonKind::number, false, 0, store(number), nullptr, nullptr};
    }

    JsonValue read_literal() {
        static constexpr std::string_view kWords[] = {"true", "false", "null"};
        for (const std::string_view word : kWords) {
            if (static_cast<std::size_t>(end_ - at_) >= word.size() && std::memcmp(at_, word.data(), word.size()) == 0) {
                at_ += word.size();
                if (word == "null") return JsonValue{};
                return JsonValue{JsonKind::boolean, word == "true", 0, {}, nullptr, nullptr};
            }
        }
        fail(at_, fmt::format("{} where a value should be", found(at_)));
    }

    void skip_space() {
        // Indentation, most of a pretty-printed file's white space, is passed eight spaces at a time.
        static constexpr std::uint64_t kEightSpaces = swar::kOnes * ' ';
        while (at_ != end_) {
            if (end_ - at_ >= 8 && swar::load(at_) == kEightSpaces) {
                at_ += 8;
            } else if (is_space(*at_)) {
                ++at_;
            } else {
                return;
            }
        }
    }

    std::string_view store(std::string_view text) {
        if (text.empty()) return {};
        auto* out = static_cast<char*>(arena_.allocate(text.size(), 1));
        std::memcpy(out, text.data(), text.size());
        return {out, text.size()};
    }

    /// What is at `at`, for an error message: the character, or the end of the text.
    std::string found(const char* at) const {
        if (at == end_) return "the end of the text";
        const auto c = static_cast<unsigned char>(*at);
        if (c < 0x20 || c >= 0x7F) return fmt::format("byte 0x{:02X}", c);
        return fmt::format("'{}'", static_cast<char>(c));
    }

    int line_at(const char* at) const { return markup::line_at(text_, static_cast<std::size_t>(at - text_.data())); }

    [[noreturn]] void fail(const char* at, const std::string& message) const {
        throw InputError(fmt::format("not readable as JSON: {}", message), std::string(name_), line_at(at));
    }

    std::string_view text_;
    const char* at_;
    const char* end_;
    std::string_view name_;
    const ReadOptions& options_;
    std::pmr::memory_resource& arena_;
    std::vector<Open> open_;             ///< The containers being read, innermost last.
    std::vector<JsonValue> elements_;    ///< The open arrays' elements so far, innermost array's last.
    std::vector<JsonMember> members_;    ///< The open objects' members so far, innermost object's last.
    std::string unescaped_;              ///< The string being unescaped.
};

}  // namespace

JsonTree parse_json(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    if (bytes.size() > UINT32_MAX) {
        throw LimitError("over 4 GiB, the most Briefkit reads of JSON", std::string(name));
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (const std::size_t valid = utf8::valid_prefix(bytes); valid != bytes.size()) {
        throw InputError(fmt::format("not readable as JSON: byte 0x{:02X} is not valid UTF-8",
                                     static_cast<unsigned char>(bytes[valid])),
                         std::string(name), line_at(bytes, valid));
    }
    auto arena = std::make_unique<JsonTree::Arena>(bytes.size() + 256);
    const JsonValue root = Parser(bytes, name, options, arena->memory).document();
    return JsonTree(std::move(arena), root);
}

}  // namespace briefkit::formats::markup
