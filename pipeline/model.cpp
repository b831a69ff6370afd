#include "pipeline/model.hpp"

#include <fmt/format.h>

#include "pipeline/overloaded.hpp"

namespace briefkit {

std::string Date::iso() const {
    std::string out = fmt::format("{:04}-{:02}-{:02}", day.year, day.month, day.day);
    if (time) out += fmt::format("T{:02}:{:02}:{:02}", time->hour, time->minute, time->second);
    return out;
}

std::string plain_text(const Inlines& content) {
    std::string out;
    for (const Inline& node : content) {
        std::visit(overloaded{[&](const Text& t) { out += t.text; },
                              [&](const Link& l) { out += l.text; }},
                   node);
    }
    return out;
}

}  // namespace briefkit
