#include "formats/json/json_writer.hpp"

#include <string>

#include "briefkit/overloaded.hpp"
#include "pipeline/model/article_keys.hpp"
#include "pipeline/model/json_text.hpp"

namespace briefkit::formats {

namespace {


/// Builds the JSON text: `"key": value` pairs with the commas between them; the top object's
/// members each on a line of their own.
class JsonOut {
public:
    std::string text;

    /// Starts a member `"key": ` of the object being written, after a comma unless it is the first.
    void key(std::string_view name) {
        if (depth_ == 1) {
            text += first_ ? "\n  " : ",\n  ";
        } else if (!first_) {
            text += ", ";
        }
        first_ = false;
        // Keys are the schema's own names, which need no escaping.
        text.push_back('"');
        text += name;
        text += "\": ";
    }
    void string(std::string_view name, std::string_view value) {
        key(name);
        append_json_string(text, value);
    }
    void open(char bracket) {
        text.push_back(bracket);
        first_ = true;
        ++depth_;
    }
    void close(char bracket) {
        if (--depth_ == 0) text.push_back('\n');
        text.push_back(bracket);
        first_ = false;
    }
    /// Separates array elements.
    void next() {
        if (!first_) text += ", ";
        first_ = false;
    }

private:
    bool first_ = true;
    int depth_ = 0;
};

void date_members(JsonOut& out, std::string_view key, const Date& date) {
    out.string(key, date.iso());
    out.string(std::string(key) + "_text", date.text);
    if (date.ambiguous) {
        out.key(std::string(key) + "_ambiguous");
        out.text += "true";
    }
}

/// Inline content: a string when it is one run of text, else a list of text and link objects.
void inline_value(JsonOut& out, const Inlines& content) {
    if (content.size() == 1 && std::holds_alternative<Text>(content.front())) {
        append_json_string(out.text, std::get<Text>(content.front()).text);
        return;
    }
    out.open('[');
    for (const Inline& node : content) {
        out.next();
        out.open('{');
        std::visit(overloaded{[&](const Text& t) { out.string("text", t.text); },
                              [&](const Link& l) {
                                  out.string("link", l.text);
                                  out.string("href", l.href);
                              }},
                   node);
        out.close('}');
    }
    out.close(']');
}

void inline_list(JsonOut& out, const std::vector<Inlines>& list) {
    out.open('[');
    for (const Inlines& item : list) {
        out.next();
        inline_value(out, item);
    }
    out.close(']');
}

void table_rows(JsonOut& out, std::string_view key, const std::vector<std::vector<Inlines>>& rows) {
    out.key(key);
    out.open('[');
    for (const std::vector<Inlines>& row : rows) {
        out.next();
        inline_list(out, row);
    }
    out.close(']');
}

void table(JsonOut& out, const Table& t) {
    out.open('{');
    if (!t.caption.empty()) {
        out.key("caption");
        inline_value(out, t.caption);
    }
    out.key("columns");
    out.open('[');
    for (const Alignment a : t.columns) {
        out.next();
        append_json_string(out.text, alignment_name(a));
    }
    out.close(']');
    if (!t.head.empty()) table_rows(out, "head", t.head);
    table_rows(out, "rows", t.rows);
    out.close('}');
}

void block(JsonOut& out, const Block& b) {
    out.open('{');
    std::visit(overloaded{[&](const Paragraph& p) {
                              out.key("paragraph");
                              inline_value(out, p.content);
                          },
                          [&](const Heading& h) {
                              out.key("heading");
                              out.open('{');
                              out.key("level");
                              out.text += std::to_string(h.level);
                              out.key("content");
                              inline_value(out, h.content);
                              out.close('}');
                          },
                          [&](const List& l) {
                              out.key("list");
                              out.open('{');
                              out.key("ordered");
                              out.text += l.ordered ? "true" : "false";
                              out.key("items");
                              inline_list(out, l.items);
                              out.close('}');
                          },
                          [&](const Quote& q) {
                              out.key("quote");
                              inline_list(out, q.paragraphs);
                          },
                          [&](const Table& t) {
                              out.key("table");
                              table(out, t);
                          },
                          [&](const Preformatted& p) { out.string("preformatted", p.text); }},
               b);
    out.close('}');
}

void metadata(JsonOut& out, const Metadata& m) {
    out.string("title", m.title);
    if (m.date) date_members(out, "date", *m.date);
    if (!m.source.name.empty() || m.source.date) {
        out.key("source");
        out.open('{');
        if (!m.source.name.empty()) out.string("name", m.source.name);
        if (m.source.date) date_members(out, "date", *m.source.date);
        out.close('}');
    }
    if (!m.place.empty()) out.string("place", m.place);
    if (!m.url.empty()) out.string("url", m.url);
    if (!m.authors.empty()) {
        out.key("authors");
        out.open('[');
        for (const std::string& a : m.authors) {
            out.next();
            append_json_string(out.text, a);
        }
        out.close(']');
    }
    if (!m.language.empty()) out.string("language", m.language);
    if (!m.handling.empty()) out.string("handling", m.handling);
}

/// `"key": [` with one element per line, then `]`.
template <typename List, typename F>
void member_lines(JsonOut& out, std::string_view key, const List& list, F&& element) {
    out.key(key);
    out.text += "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        out.text += i == 0 ? "\n    " : ",\n    ";
        element(list[i]);
    }
    out.text += list.empty() ? "]" : "\n  ]";
}

class JsonWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        JsonOut out;
        out.text.reserve(4096);
        out.open('{');
        out.string("schema", article_keys::schema_for(!doc.meta.handling.empty()));
        out.string("id", doc.id);
        metadata(out, doc.meta);
        member_lines(out, "body", doc.body, [&](const Block& b) { block(out, b); });
        member_lines(out, "notes", doc.notes, [&](const Note& n) {
            out.open('{');
            out.key("line");
            out.text += std::to_string(n.line);
            out.string("rule", n.rule);
            out.string("message", n.message);
            out.close('}');
        });
        out.close('}');
        out.text += '\n';
        sink.write(out.text);
    }
};

}  // namespace

std::unique_ptr<Writer> make_json_writer(const WriterOptions& /*options*/) { return std::make_unique<JsonWriter>(); }

}  // namespace briefkit::formats
