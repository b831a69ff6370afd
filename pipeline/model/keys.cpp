#include "pipeline/model/keys.hpp"

#include <algorithm>

namespace briefkit {

std::string KeyCheck::problem(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        std::string list;
        for (std::string_view k : known_) list += (list.empty() ? "" : ", ") + std::string(k);
        return "is not a key here (expected one of: " + list + ")";
    }
    if (!seen_.emplace(key).second) return "appears twice";
    return {};
}

}  // namespace briefkit
