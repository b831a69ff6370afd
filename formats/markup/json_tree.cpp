#include "formats/markup/json_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"

namespace briefkit::formats::markup {

namespace {

/// The 1-based line of byte `offset` of `bytes`.
int line_at(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    return 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// Builds the parsed value from nlohmann-json's SAX events, refusing on the way what
/// parse_json() refuses: nesting past --max-depth (before the value is built) and a key given
/// twice in one object. Its own handler, not the library's callback parser: that one calls a
/// std::function for every value and this check needed a set of every object's keys.
class StrictBuilder {
public:
    StrictBuilder(std::string_view bytes, std::string_view name, const ReadOptions& options)
        : bytes_(bytes), name_(name), options_(options) {}

    bool null() { return value(nullptr); }
    bool boolean(bool b) { return value(b); }
    bool number_integer(Json::number_integer_t n) { return value(n); }
    bool number_unsigned(Json::number_unsigned_t n) { return value(n); }
    bool number_float(Json::number_float_t n, const Json::string_t& /*text*/) { return value(n); }
    bool string(Json::string_t& s) { return value(std::move(s)); }
    bool binary(Json::binary_t& b) { return value(std::move(b)); }

    bool start_object(std::size_t /*size*/) { return open(Json::value_t::object); }
    bool start_array(std::size_t /*size*/) { return open(Json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(Json::string_t& key) {
        Json& object = *open_.back();
        if (object.contains(key)) {
            throw InputError(fmt::format("the key '{}' appears twice in one object", key), std::string(name_));
        }
        member_ = &object[std::move(key)];
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& e) {
        std::string message = e.what();
        if (const std::size_t cut = message.find("syntax error "); cut != std::string::npos) {
            message.erase(0, cut);
            throw InputError(fmt::format("not readable as JSON: {}", message), std::string(name_),
                             line_at(bytes_, position));
        }
        // A number past what a double holds (`4e4444444`) is no syntax error, but as unreadable.
        if (const std::size_t cut = message.find("] "); cut != std::string::npos) message.erase(0, cut + 2);
        throw InputError(fmt::format("not readable as JSON: {}", message), std::string(name_));
    }

    /// The value parsed.
    Json take() { return std::move(root_); }

private:
    template <typename T>
    bool value(T&& v) {
        place(Json(std::forward<T>(v)));
        return true;
    }

    /// Puts `v` where the next value goes: the root, the next array element or the last key's member.
    Json* place(Json&& v) {
        if (open_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        *member_ = std::move(v);
        return member_;
    }

    bool open(Json::value_t type) {
        check_depth(open_.size() + 1, name_, 0, options_);
        open_.push_back(place(Json(type)));
        return true;
    }

    bool close() {
        open_.pop_back();
        return true;
    }

    std::string_view bytes_;
    std::string_view name_;
    const ReadOptions& options_;
    Json root_;
    std::vector<Json*> open_;  ///< The objects and arrays being filled, innermost last.
    Json* member_ = nullptr;   ///< Where the value after the last key goes.
};

}  // namespace

Json parse_json(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    StrictBuilder builder(bytes, name, options);
    (void)Json::sax_parse(bytes.begin(), bytes.end(), &builder);
    return builder.take();
}

}  // namespace briefkit::formats::markup
