#include "formats/markup/json_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
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

}  // namespace

Json parse_json(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    const std::string file(name);
    check_input_size(bytes.size(), name, options);
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    // The callback sees every object and array open (their depth is checked before they are
    // built) and every key (a key twice in one object is refused, not silently overwritten).
    std::vector<std::set<std::string, std::less<>>> keys;
    const Json::parser_callback_t check = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) {
            check_depth(static_cast<std::size_t>(depth) + 1, name, 0, options);
            if (event == Json::parse_event_t::object_start) keys.emplace_back();
        } else if (event == Json::parse_event_t::object_end && !keys.empty()) {
            keys.pop_back();
        } else if (event == Json::parse_event_t::key && !keys.empty()) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!keys.back().insert(key).second) {
                throw InputError(fmt::format("the key '{}' appears twice in one object", key), file);
            }
        }
        return true;
    };
    try {
        return Json::parse(bytes.begin(), bytes.end(), check);
    } catch (const Json::parse_error& e) {
        std::string message = e.what();
        if (const std::size_t cut = message.find("syntax error "); cut != std::string::npos) message.erase(0, cut);
        throw InputError(fmt::format("not readable as JSON: {}", message), file, line_at(bytes, e.byte));
    } catch (const Json::exception& e) {
        // A number past what a double holds (`4e4444444`) is no syntax error, but as unreadable.
        std::string message = e.what();
        if (const std::size_t cut = message.find("] "); cut != std::string::npos) message.erase(0, cut + 2);
        throw InputError(fmt::format("not readable as JSON: {}", message), file);
    }
}

}  // namespace briefkit::formats::markup
