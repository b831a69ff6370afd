#include "formats/yaml/yaml_writer.hpp"

#include <string>

#include "briefkit/overloaded.hpp"
#include "pipeline/model/article_keys.hpp"
#include "pipeline/model/utf8.hpp"

namespace briefkit::formats {

namespace {


// The YAML is written directly, in the block layout yaml-cpp's emitter uses (two-space
// indents, sequences inside maps indented, every string double-quoted), which is many times
// faster than building it through YAML::Emitter; the tests read every output back with
// yaml-cpp and compare it with the model field by field.
class YamlOut {
public:
    std::string text;

    void indent(int columns) { text.append(static_cast<std::size_t>(columns), ' '); }

    /// A double-quoted scalar: `"` and `\` escaped, the C escapes for newline, tab, return and
    /// backspace, `\xNN` for other control characters, C1 controls, NBSP and the BOM; invalid
    /// UTF-8 becomes U+FFFD.
    void quoted(std::string_view value) {
        text.push_back('"');
        std::size_t pos = 0;
        while (pos < value.size()) {
            const std::size_t run = utf8::quoted_plain_run(value, pos, '~');  // copied at once
            text.append(value, pos, run - pos);
            pos = run;
            if (pos == value.size()) break;
            const char32_t cp = utf8::next(value, pos);
            switch (cp) {
                case '"': text += "\\\""; break;
                case '\\': text += "\\\\"; break;
                case '\n': text += "\\n"; break;
                case '\t': text += "\\t"; break;
                case '\r': text += "\\r"; break;
                case '\b': text += "\\b"; break;
                default:
                    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xFEFF) {
                        escape(cp);
                    } else {
                        utf8::append(text, cp);
                    }
            }
        }
        text.push_back('"');
    }

    void field(int column, std::string_view key, std::string_view value) {
        indent(column);
        text.append(key);
        text += ": ";
        quoted(value);
        text.push_back('\n');
    }

private:
    void escape(char32_t cp) {
        static constexpr char kHex[] = "0123456789abcdef";
        int digits = 8;
        text.push_back('\\');
        if (cp < 0xFF) {
            text.push_back('x');
            digits = 2;
        } else if (cp < 0xFFFF) {
            text.push_back('u');
            digits = 4;
        } else {
            text.push_back('U');
        }
        for (; digits > 0; --digits) text.push_back(kHex[(cp >> (4 * (digits - 1))) & 0xF]);
    }
};

/// A date as its ISO string, followed by the text it came from and, when guessed, the ambiguity flag.
void date_fields(YamlOut& out, int column, const std::string& key, const Date& date) {
    out.field(column, key, date.iso());
    out.field(column, key + "_text", date.text);
    if (date.ambiguous) {
        out.indent(column);
        out.text += key + "_ambiguous: true\n";
    }
}

/// The entries of a list of `text:` and `link:` maps, each starting `- ` at `column`.
void inline_entries(YamlOut& out, const Inlines& content, int column) {
    for (const Inline& node : content) {
        out.indent(column);
        out.text += "- ";
        std::visit(overloaded{[&](const Text& t) { out.field(0, "text", t.text); },
                              [&](const Link& l) {
                                  out.field(0, "link", l.text);
                                  out.field(column + 2, "href", l.href);
                              }},
                   node);
    }
}

bool plain(const Inlines& content) { return content.size() == 1 && std::holds_alternative<Text>(content.front()); }

/// Inline content as the value of a key written at `column`: a string when it is all text,
/// else a list of `text:` and `link:` entries.
void inline_value(YamlOut& out, const Inlines& content, int column) {
    if (plain(content)) {
        out.text.push_back(' ');
        out.quoted(std::get<Text>(content.front()).text);
        out.text.push_back('\n');
    } else if (content.empty()) {
        out.text += " []\n";
    } else {
        out.text.push_back('\n');
        inline_entries(out, content, column + 2);
    }
}

/// Inline content as one entry of a sequence, its dash at `column`.
void inline_entry(YamlOut& out, const Inlines& content, int column) {
    out.indent(column);
    if (plain(content)) {
        out.text += "- ";
        out.quoted(std::get<Text>(content.front()).text);
        out.text.push_back('\n');
    } else if (content.empty()) {
        out.text += "- []\n";
    } else {
        out.text += "-\n";
        inline_entries(out, content, column + 2);
    }
}

/// A table's rows under `key`, each a sequence of cells, at `column`.
void table_rows(YamlOut& out, std::string_view key, const std::vector<std::vector<Inlines>>& rows) {
    out.text += "      ";
    out.text += key;
    out.text += rows.empty() ? ": []\n" : ":\n";
    for (const std::vector<Inlines>& row : rows) {
        out.text += row.empty() ? "        - []\n" : "        -\n";
        for (const Inlines& cell : row) inline_entry(out, cell, 10);
    }
}

void table(YamlOut& out, const Table& t) {
    out.text += "  - table:\n";
    if (!t.caption.empty()) {
        out.text += "      caption:";
        inline_value(out, t.caption, 6);
    }
    out.text += "      columns: [";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        if (c != 0) out.text += ", ";
        out.text += alignment_name(t.columns[c]);
    }
    out.text += "]\n";
    if (!t.head.empty()) table_rows(out, "head", t.head);
    table_rows(out, "rows", t.rows);
}

void body(YamlOut& out, const std::vector<Block>& blocks) {
    if (blocks.empty()) {
        out.text += "body: []\n";
        return;
    }
    out.text += "body:\n";
    for (const Block& block : blocks) {
        std::visit(overloaded{[&](const Paragraph& p) {
                                  out.text += "  - paragraph:";
                                  inline_value(out, p.content, 4);
                              },
                              [&](const Heading& h) {
                                  out.text += "  - heading:\n      level: " + std::to_string(h.level) + "\n      content:";
                                  inline_value(out, h.content, 6);
                              },
                              [&](const List& l) {
                                  out.text += "  - list:\n      ordered: ";
                                  out.text += l.ordered ? "true" : "false";
                                  out.text += "\n      items:";
                                  out.text += l.items.empty() ? " []\n" : "\n";
                                  for (const Inlines& item : l.items) inline_entry(out, item, 8);
                              },
                              [&](const Quote& q) {
                                  out.text += "  - quote:";
                                  out.text += q.paragraphs.empty() ? " []\n" : "\n";
                                  for (const Inlines& p : q.paragraphs) inline_entry(out, p, 6);
                              },
                              [&](const Table& t) { table(out, t); },
                              [&](const Preformatted& p) { out.field(2, "- preformatted", p.text); }},
                   block);
    }
}

class YamlWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        YamlOut out;
        out.text.reserve(4096);
        out.field(0, "schema", article_keys::schema_for(!doc.meta.handling.empty()));
        out.field(0, "id", doc.id);
        const Metadata& m = doc.meta;
        out.field(0, "title", m.title);
        if (m.date) date_fields(out, 0, "date", *m.date);
        if (!m.source.name.empty() || m.source.date) {
            out.text += "source:\n";
            if (!m.source.name.empty()) out.field(2, "name", m.source.name);
            if (m.source.date) date_fields(out, 2, "date", *m.source.date);
        }
        if (!m.place.empty()) out.field(0, "place", m.place);
        if (!m.url.empty()) out.field(0, "url", m.url);
        if (!m.authors.empty()) {
            out.text += "authors:\n";
            for (const std::string& a : m.authors) {
                out.text += "  - ";
                out.quoted(a);
                out.text.push_back('\n');
            }
        }
        if (!m.language.empty()) out.field(0, "language", m.language);
        if (!m.handling.empty()) out.field(0, "handling", m.handling);
        body(out, doc.body);
        if (doc.notes.empty()) {
            out.text += "notes: []\n";
        } else {
            out.text += "notes:\n";
            for (const Note& n : doc.notes) {
                out.text += "  - line: " + std::to_string(n.line) + "\n";
                out.field(4, "rule", n.rule);
                out.field(4, "message", n.message);
            }
        }
        sink.write(out.text);
    }
};

}  // namespace

std::unique_ptr<Writer> make_yaml_writer(const WriterOptions& /*options*/) { return std::make_unique<YamlWriter>(); }

}  // namespace briefkit::formats
