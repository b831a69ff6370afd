#include "formats/ninjs/ninjs_writer.hpp"

#include <algorithm>
#include <string>

#include "briefkit/overloaded.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/xml_out.hpp"
#include "pipeline/model/json_text.hpp"

namespace briefkit::formats {

namespace {

/// The members of one JSON object, written in order on lines of their own.
class Members {
public:
    explicit Members(std::string& out) : out_(out) { out_ += "{"; }

    /// Starts member `key`; its value is written next.
    std::string& key(std::string_view key) {
        out_ += first_ ? "\n  " : ",\n  ";
        first_ = false;
        out_.push_back('"');  // ninjs' own member names need no escaping
        out_ += key;
        out_ += "\": ";
        return out_;
    }
    void string(std::string_view key_name, std::string_view value) { append_json_string(key(key_name), value); }
    void close() { out_ += "\n}\n"; }

private:
    std::string& out_;
    bool first_ = true;
};

/// `{"role": ..., "value": ...}` and the like: an object of string members on one line.
void small_object(std::string& out, std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
    out += '{';
    bool first = true;
    for (const auto& [k, v] : members) {
        if (!first) out += ", ";
        first = false;
        append_json_string(out, k);
        out += ": ";
        append_json_string(out, v);
    }
    out += '}';
}

/// `"key": [{...}]`: a list of one small object.
void one_object_list(Members& m, std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> members) {
    std::string& out = m.key(key);
    out += '[';
    small_object(out, members);
    out += ']';
}

/// True when `url` can stand as it is where ninjs asks for a URI (RFC 3986): a scheme, and
/// only ASCII characters a URI may hold.
bool is_uri(std::string_view url) {
    const std::size_t colon = url.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    return std::all_of(url.begin(), url.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b > 0x20 && b < 0x7F && std::string_view("<>\"{}|\\^`").find(c) == std::string_view::npos;
    });
}

/// True when `date` can be an RFC 3339 date-time: it has a time and a zone.
bool is_date_time(const Date& date) { return date.time.has_value() && date.utc_offset.has_value(); }

/// Appends the plain text of the body as a JSON string: each run of text on a line of its own,
/// blocks between blank lines, links as their text.
void append_plain_body(std::string& out, const Document& doc) {
    out.push_back('"');
    bool first_block = true;
    for (const Block& block : doc.body) {
        if (!first_block) out += "\\n\\n";
        first_block = false;
        bool first_run = true;
        for_each_run(block, [&](const Inlines& run) {
            if (!first_run) out += "\\n";
            first_run = false;
            for (const Inline& node : run) {
                std::visit(overloaded{[&](const Text& t) { append_json_escaped(out, t.text); },
                                      [&](const Link& l) { append_json_escaped(out, l.text); }},
                           node);
            }
        });
    }
    out.push_back('"');
}

void write_dates(Members& m, std::vector<std::pair<std::string_view, std::string>>& descriptions, const Metadata& meta) {
    if (meta.date && is_date_time(*meta.date)) {
        m.string("firstCreated", meta.date->iso());
        m.string("versionCreated", meta.date->iso());
    } else if (meta.date) {
        descriptions.emplace_back("briefkit-date", meta.date->iso());
    }
    if (meta.source.date && is_date_time(*meta.source.date)) {
        m.string("contentCreated", meta.source.date->iso());
    } else if (meta.source.date) {
        descriptions.emplace_back("briefkit-source-date", meta.source.date->iso());
    }
}

void write_bodies(Members& m, const Document& doc) {
    if (doc.body.empty()) return;
    std::string& out = m.key("bodies");
    out += "[\n    {\"role\": \"main\", \"contentType\": \"text/html\", \"value\": \"";
    // The HTML is written escaped for the JSON string it goes in, in one pass, onto the end of the text.
    markup::XmlOut html(false, markup::XmlOut::Form::json_string, std::move(out));
    markup::write_blocks(html, doc.body, markup::BodyDialect::xhtml);
    out = html.finish();
    out.pop_back();  // the newline finish() ends a document with
    out += "\"},\n    {\"role\": \"main\", \"contentType\": \"text/plain\", \"value\": ";
    append_plain_body(out, doc);
    out += "}\n  ]";
}

class NinjsWriter final : public Writer {
public:
    void write(const Document& doc, Sink& sink) const override {
        const Metadata& meta = doc.meta;
        std::string out;
        out.reserve(8192);
        Members m(out);
        const bool url_is_uri = !meta.url.empty() && is_uri(meta.url);
        m.string("uri", url_is_uri ? meta.url : "urn:briefkit:" + doc.id);
        small_object(m.key("standard"), {{"name", "ninjs"},
                                         {"version", "3.1"},
                                         {"schema", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}});
        m.string("type", "text");
        m.string("representationType", "full");
        std::vector<std::pair<std::string_view, std::string>> descriptions;
        write_dates(m, descriptions, meta);
        if (!meta.language.empty()) m.string("language", meta.language);
        if (!meta.handling.empty()) m.string("usageTerms", meta.handling);
        if (!meta.title.empty()) one_object_list(m, "headlines", {{"role", "main"}, {"value", meta.title}});
        if (!meta.authors.empty()) {
            std::string by;
            for (std::size_t i = 0; i < meta.authors.size(); ++i) {
                by += i == 0 ? "" : i + 1 == meta.authors.size() ? " and " : ", ";
                by += meta.authors[i];
            }
            m.string("by", by);
            std::string& people = m.key("people");
            people += '[';
            for (std::size_t i = 0; i < meta.authors.size(); ++i) {
                if (i != 0) people += ", ";
                small_object(people, {{"name", meta.authors[i]}, {"rel", "author"}});
            }
            people += ']';
        }
        if (!meta.place.empty()) m.string("located", meta.place);
        if (!meta.source.name.empty()) one_object_list(m, "infoSources", {{"name", meta.source.name}, {"role", "source"}});
        if (!meta.url.empty() && !url_is_uri) {
            std::string& ids = m.key("altIds");
            ids += '[';
            small_object(ids, {{"role", "briefkit-id"}, {"value", doc.id}});
            ids += ", ";
            small_object(ids, {{"role", "briefkit-url"}, {"value", meta.url}});
            ids += ']';
        } else {
            one_object_list(m, "altIds", {{"role", "briefkit-id"}, {"value", doc.id}});
        }
        if (!descriptions.empty()) {
            std::string& list = m.key("descriptions");
            list += '[';
            for (std::size_t i = 0; i < descriptions.size(); ++i) {
                if (i != 0) list += ", ";
                small_object(list, {{"role", descriptions[i].first}, {"value", descriptions[i].second}});
            }
            list += ']';
        }
        write_bodies(m, doc);
        m.close();
        sink.write(out);
    }
};

}  // namespace

std::unique_ptr<Writer> make_ninjs_writer(const WriterOptions& /*options*/) { return std::make_unique<NinjsWriter>(); }

}  // namespace briefkit::formats
