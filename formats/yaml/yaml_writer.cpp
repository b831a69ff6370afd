#include "formats/yaml/yaml_writer.hpp"

#include <yaml-cpp/yaml.h>

#include "pipeline/error.hpp"
#include "pipeline/overloaded.hpp"

namespace briefkit::formats {

namespace {

/// Emits one string scalar, always double-quoted.
void quoted(YAML::Emitter& out, const std::string& value) { out << YAML::DoubleQuoted << value; }

void field(YAML::Emitter& out, const char* key, const std::string& value) {
    out << YAML::Key << key << YAML::Value;
    quoted(out, value);
}

/// A date as its ISO string, followed by the text it came from and, when guessed, the ambiguity flag.
void date_fields(YAML::Emitter& out, const char* key, const Date& date) {
    field(out, key, date.iso());
    field(out, (std::string(key) + "_text").c_str(), date.text);
    if (date.ambiguous) out << YAML::Key << (std::string(key) + "_ambiguous") << YAML::Value << true;
}

/// Starts a sequence, in flow style (`[]`) when it will be empty.
void begin_seq(YAML::Emitter& out, bool empty) {
    if (empty) out << YAML::Flow;
    out << YAML::BeginSeq;
}

/// Inline content: a plain string when it is all text, else a list of `text:` and `link:` entries.
void inlines(YAML::Emitter& out, const Inlines& content) {
    if (content.size() == 1 && std::holds_alternative<Text>(content.front())) {
        quoted(out, std::get<Text>(content.front()).text);
        return;
    }
    out << YAML::BeginSeq;
    for (const Inline& node : content) {
        out << YAML::BeginMap;
        std::visit(overloaded{[&](const Text& t) { field(out, "text", t.text); },
                              [&](const Link& l) {
                                  field(out, "link", l.text);
                                  field(out, "href", l.href);
                              }},
                   node);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void body(YAML::Emitter& out, const std::vector<Block>& blocks) {
    out << YAML::Key << "body" << YAML::Value;
    begin_seq(out, blocks.empty());
    for (const Block& block : blocks) {
        out << YAML::BeginMap;
        std::visit(overloaded{[&](const Paragraph& p) {
                                  out << YAML::Key << "paragraph" << YAML::Value;
                                  inlines(out, p.content);
                              },
                              [&](const Heading& h) {
                                  out << YAML::Key << "heading" << YAML::Value << YAML::BeginMap;
                                  out << YAML::Key << "level" << YAML::Value << h.level;
                                  out << YAML::Key << "content" << YAML::Value;
                                  inlines(out, h.content);
                                  out << YAML::EndMap;
                              },
                              [&](const List& l) {
                                  out << YAML::Key << "list" << YAML::Value << YAML::BeginMap;
                                  out << YAML::Key << "ordered" << YAML::Value << l.ordered;
                                  out << YAML::Key << "items" << YAML::Value;
                                  begin_seq(out, l.items.empty());
                                  for (const Inlines& item : l.items) inlines(out, item);
                                  out << YAML::EndSeq << YAML::EndMap;
                              },
                              [&](const Quote& q) {
                                  out << YAML::Key << "quote" << YAML::Value;
                                  begin_seq(out, q.paragraphs.empty());
                                  for (const Inlines& p : q.paragraphs) inlines(out, p);
                                  out << YAML::EndSeq;
                              }},
                   block);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

class YamlWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        YAML::Emitter out;
        out.SetBoolFormat(YAML::TrueFalseBool);
        out << YAML::BeginMap;
        field(out, "schema", "briefkit/article/1");
        field(out, "id", doc.id);
        const Metadata& m = doc.meta;
        field(out, "title", m.title);
        if (m.date) date_fields(out, "date", *m.date);
        if (!m.source.name.empty() || m.source.date) {
            out << YAML::Key << "source" << YAML::Value << YAML::BeginMap;
            if (!m.source.name.empty()) field(out, "name", m.source.name);
            if (m.source.date) date_fields(out, "date", *m.source.date);
            out << YAML::EndMap;
        }
        if (!m.place.empty()) field(out, "place", m.place);
        if (!m.url.empty()) field(out, "url", m.url);
        if (!m.authors.empty()) {
            out << YAML::Key << "authors" << YAML::Value << YAML::BeginSeq;
            for (const std::string& a : m.authors) quoted(out, a);
            out << YAML::EndSeq;
        }
        if (!m.language.empty()) field(out, "language", m.language);
        body(out, doc.body);
        out << YAML::Key << "notes" << YAML::Value;
        begin_seq(out, doc.notes.empty());
        for (const Note& n : doc.notes) {
            out << YAML::BeginMap;
            out << YAML::Key << "line" << YAML::Value << n.line;
            field(out, "rule", n.rule);
            field(out, "message", n.message);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
        out << YAML::EndMap;
        if (!out.good()) throw OutputError("YAML writer: " + out.GetLastError());
        sink.write(std::string_view(out.c_str(), out.size()));
        sink.write("\n");
    }
};

}  // namespace

std::unique_ptr<Writer> make_yaml_writer(const WriterOptions& /*options*/) { return std::make_unique<YamlWriter>(); }

}  // namespace briefkit::formats
