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

std::string body_text(const Document& doc) {
    std::string out;
    for (const Block& block : doc.body) {
        std::visit(overloaded{
                       [&](const Paragraph& p) { out += plain_text(p.content) + "\n"; },
                       [&](const Heading& h) { out += plain_text(h.content) + "\n"; },
                       [&](const List& l) {
                           for (const Inlines& item : l.items) out += plain_text(item) + "\n";
                       },
                       [&](const Quote& q) {
                           for (const Inlines& p : q.paragraphs) out += plain_text(p) + "\n";
                       },
                   },
                   block);
    }
    return out;
}

}  // namespace briefkit
