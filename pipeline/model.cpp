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

namespace {

std::size_t count_words(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

}  // namespace

std::size_t word_count(const Document& doc) {
    std::size_t words = 0;
    for (const Block& block : doc.body) {
        std::visit(overloaded{
                       [&](const Paragraph& p) { words += count_words(plain_text(p.content)); },
                       [&](const Heading& h) { words += count_words(plain_text(h.content)); },
                       [&](const List& l) {
                           for (const Inlines& item : l.items) words += count_words(plain_text(item));
                       },
                       [&](const Quote& q) {
                           for (const Inlines& p : q.paragraphs) words += count_words(plain_text(p));
                       }},
                   block);
    }
    return words;
}

}  // namespace briefkit
