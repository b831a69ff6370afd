#include "support/test_support.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "briefkit/overloaded.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/text/text_reader.hpp"
#include "pipeline/model/hash.hpp"

namespace fs = std::filesystem;

namespace briefkit::test {

fs::path source_dir() { return BRIEFKIT_SOURCE_DIR; }

std::optional<fs::path> corpus_dir() {
    if (const char* env = std::getenv("BRIEFKIT_CORPUS")) {
        if (fs::is_directory(env)) return fs::path(env);
        return std::nullopt;
    }
    const fs::path beside = source_dir() / ".." / "shared" / "corpus";
    if (fs::is_directory(beside)) return beside.lexically_normal();
    return std::nullopt;
}

Document read(std::string_view text, const ReadOptions& options, std::string_view name) {
    return formats::read_text(text, name, options);
}

std::string table_text(const Table& table) {
    std::string out;
    if (!table.caption.empty()) out += "[" + plain_text(table.caption) + "]\n";
    for (const auto* rows : {&table.head, &table.rows}) {
        for (const std::vector<Inlines>& row : *rows) {
            for (std::size_t c = 0; c < row.size(); ++c) out += (c == 0 ? "" : " | ") + plain_text(row[c]);
            out += "\n";
        }
        if (rows == &table.head && !table.head.empty()) out += "--\n";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

std::vector<std::string> block_texts(const Document& doc) {
    std::vector<std::string> out;
    for (const Block& b : doc.body) {
        std::visit(overloaded{[&](const Paragraph& p) { out.push_back(plain_text(p.content)); },
                              [&](const Heading& h) { out.push_back(plain_text(h.content)); },
                              [&](const List& l) {
                                  std::string s;
                                  for (const Inlines& i : l.items) s += (s.empty() ? "" : " | ") + plain_text(i);
                                  out.push_back(s);
                              },
                              [&](const Quote& q) {
                                  std::string s;
                                  for (const Inlines& p : q.paragraphs) s += (s.empty() ? "" : " | ") + plain_text(p);
                                  out.push_back(s);
                              },
                              [&](const Table& t) { out.push_back(table_text(t)); },
                              [&](const Preformatted& p) { out.push_back(p.text); }},
                   b);
    }
    return out;
}

bool has_note(const Document& doc, std::string_view rule) {
    for (const Note& n : doc.notes) {
        if (n.rule == rule) return true;
    }
    return false;
}

namespace {

struct SchemaDeleter {
    void operator()(xmlSchemaPtr s) const { xmlSchemaFree(s); }
};
struct ParserCtxtDeleter {
    void operator()(xmlSchemaParserCtxtPtr p) const { xmlSchemaFreeParserCtxt(p); }
};
struct ValidCtxtDeleter {
    void operator()(xmlSchemaValidCtxtPtr v) const { xmlSchemaFreeValidCtxt(v); }
};
struct DocDeleter {
    void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};

void collect(void* ctx, const xmlError* error) {
    auto* out = static_cast<std::string*>(ctx);
    *out += "line " + std::to_string(error->line) + ": " + (error->message ? error->message : "?");
}

xmlSchemaPtr article_schema() {
    static std::unique_ptr<xmlSchema, SchemaDeleter> schema = [] {
        const std::string path = (source_dir() / "formats" / "xml" / "article.xsd").string();
        std::unique_ptr<xmlSchemaParserCtxt, ParserCtxtDeleter> parser(xmlSchemaNewParserCtxt(path.c_str()));
        return std::unique_ptr<xmlSchema, SchemaDeleter>(xmlSchemaParse(parser.get()));
    }();
    return schema.get();
}

std::string str(const YAML::Node& node) { return node ? node.as<std::string>() : std::string("<absent>"); }

void compare(std::ostringstream& diff, const std::string& what, const std::string& want, const std::string& got) {
    if (want != got) diff << what << ": wrote '" << want << "', read back '" << got << "'\n";
}

void compare_date(std::ostringstream& diff, const std::string& what, const std::optional<Date>& date,
                  const YAML::Node& map, const std::string& key) {
    if (!date) {
        if (map[key]) diff << what << ": absent in the model but present in YAML\n";
        return;
    }
    compare(diff, what, date->iso(), str(map[key]));
    compare(diff, what + "_text", date->text, str(map[key + "_text"]));
    const bool ambiguous = map[key + "_ambiguous"] && map[key + "_ambiguous"].as<bool>();
    if (ambiguous != date->ambiguous) diff << what << ": ambiguous flag differs\n";
}

std::string inline_text(const YAML::Node& node) {
    if (node.IsScalar()) return "T:" + node.as<std::string>();
    std::string s;
    for (const YAML::Node& item : node) {
        s += item["text"] ? "T:" + item["text"].as<std::string>()
                          : "L:" + item["link"].as<std::string>() + "@" + item["href"].as<std::string>();
    }
    return s;
}

std::string inline_text(const Inlines& content) {
    std::string s;
    for (const Inline& i : content) {
        std::visit(overloaded{[&](const Text& t) { s += "T:" + t.text; },
                              [&](const Link& l) { s += "L:" + l.text + "@" + l.href; }},
                   i);
    }
    return s;
}

/// A table as one string: caption, alignments, then header and body rows of cells.
std::string table_inlines(const Table& t) {
    std::string s = "caption:" + inline_text(t.caption) + "|columns:";
    for (const Alignment a : t.columns) s += std::string(alignment_name(a)) + ",";
    for (const auto& [name, rows] : {std::pair{"|head:", &t.head}, std::pair{"|rows:", &t.rows}}) {
        s += name;
        for (const std::vector<Inlines>& row : *rows) {
            for (const Inlines& cell : row) s += "[" + inline_text(cell) + "]";
            s += ";";
        }
    }
    return s;
}

/// The same string for a `table:` map as the YAML writer wrote it.
std::string yaml_table(const YAML::Node& t) {
    if (!t) return "<no table>";
    std::string s = "caption:" + (t["caption"] ? inline_text(t["caption"]) : std::string()) + "|columns:";
    for (const YAML::Node& a : t["columns"]) s += a.as<std::string>() + ",";
    for (const auto& [name, key] : {std::pair{"|head:", "head"}, std::pair{"|rows:", "rows"}}) {
        s += name;
        for (const YAML::Node& row : t[key]) {
            for (const YAML::Node& cell : row) s += "[" + inline_text(cell) + "]";
            s += ";";
        }
    }
    return s;
}

}  // namespace

std::string xsd_errors(const std::string& xml) {
    xmlSchemaPtr schema = article_schema();
    if (schema == nullptr) return "the schema itself did not parse";
    std::string errors;
    std::unique_ptr<xmlDoc, DocDeleter> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "article.xml", "UTF-8", XML_PARSE_NONET));
    if (!doc) return "not well-formed XML";
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtDeleter> ctxt(xmlSchemaNewValidCtxt(schema));
    xmlSchemaSetValidStructuredErrors(ctxt.get(), reinterpret_cast<xmlStructuredErrorFunc>(&collect), &errors);
    const int rc = xmlSchemaValidateDoc(ctxt.get(), doc.get());
    if (rc != 0 && errors.empty()) errors = "invalid (code " + std::to_string(rc) + ")";
    return errors;
}

namespace {

std::string collapsed(std::string_view text) { return formats::markup::collapse_space(text); }

}  // namespace

std::string carried(const Document& doc) {
    const Metadata& m = doc.meta;
    std::string out = "title: " + collapsed(m.title) + "\ndate: " + (m.date ? m.date->iso() : "") +
                      "\nsource: " + collapsed(m.source.name) + " " + (m.source.date ? m.source.date->iso() : "") +
                      "\nplace: " + collapsed(m.place) + "\nurl: " + m.url + "\nauthors:";
    for (const std::string& a : m.authors) {
        if (!collapsed(a).empty()) out += " [" + collapsed(a) + "]";
    }
    out += "\nlanguage: " + m.language + "\nbody:\n";
    for (const Block& block : doc.body) {
        for_each_run(block, [&](const Inlines& run) {
            if (const std::string text = collapsed(plain_text(run)); !text.empty()) out += text + "\n";
        });
    }
    return out;
}

Document every_kind_for_feeds(const std::string& nasty) {
    Document doc = every_kind(nasty);
    doc.meta.authors = {"First Author " + nasty, "Second Author"};
    doc.id = document_id(doc);
    return doc;
}

std::optional<fs::path> schemas_dir() {
    const std::optional<fs::path> corpus = corpus_dir();
    if (!corpus) return std::nullopt;
    const fs::path schemas = (*corpus / ".." / "schemas").lexically_normal();
    if (!fs::is_directory(schemas)) return std::nullopt;
    return schemas;
}

std::string newsml_g2_xsd_errors(const std::string& xml) {
    static const std::unique_ptr<xmlSchema, SchemaDeleter> schema = [] {
        const fs::path xsd = *schemas_dir() / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd";
        std::unique_ptr<xmlSchemaParserCtxt, ParserCtxtDeleter> parser(xmlSchemaNewParserCtxt(xsd.c_str()));
        return std::unique_ptr<xmlSchema, SchemaDeleter>(xmlSchemaParse(parser.get()));
    }();
    if (!schema) return "the NewsML-G2 schema did not parse";
    std::string errors;
    std::unique_ptr<xmlDoc, DocDeleter> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "item.xml", "UTF-8", XML_PARSE_NONET));
    if (!doc) return "not well-formed XML";
    std::unique_ptr<xmlSchemaValidCtxt, ValidCtxtDeleter> ctxt(xmlSchemaNewValidCtxt(schema.get()));
    xmlSchemaSetValidStructuredErrors(ctxt.get(), reinterpret_cast<xmlStructuredErrorFunc>(&collect), &errors);
    const int rc = xmlSchemaValidateDoc(ctxt.get(), doc.get());
    if (rc != 0 && errors.empty()) errors = "invalid (code " + std::to_string(rc) + ")";
    return errors;
}

bool have_jsonschema() {
    return fs::exists("/usr/bin/python3") &&
           run_command({"/usr/bin/python3", "-c", "import jsonschema; jsonschema.Draft202012Validator"}).exit_code == 0;
}

std::string json_schema_errors(const std::vector<fs::path>& files, const fs::path& schema) {
    // One python process validates every file: the list goes in on standard input.
    static constexpr const char* kScript = R"(import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
for path in sys.stdin.read().splitlines():
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    if errors:
        print(path + ": " + errors[0].message[:300])
)";
    std::string list;
    for (const fs::path& f : files) list += f.string() + "\n";
    const RunResult r = run_command({"/usr/bin/python3", "-c", kScript, schema.string()}, list);
    if (r.exit_code != 0) return "python3-jsonschema failed: " + r.err;
    return r.out;
}

std::string yaml_differences(const Document& doc, const std::string& yaml) {
    std::ostringstream diff;
    const YAML::Node root = YAML::Load(yaml);
    compare(diff, "schema", doc.meta.handling.empty() ? "briefkit/article/2" : "briefkit/article/3", str(root["schema"]));
    compare(diff, "id", doc.id, str(root["id"]));
    compare(diff, "title", doc.meta.title, str(root["title"]));
    compare_date(diff, "date", doc.meta.date, root, "date");
    const YAML::Node source = root["source"];
    if (doc.meta.source.name.empty() && !doc.meta.source.date) {
        if (source) diff << "source: present in YAML only\n";
    } else {
        if (!doc.meta.source.name.empty()) compare(diff, "source.name", doc.meta.source.name, str(source["name"]));
        compare_date(diff, "source.date", doc.meta.source.date, source, "date");
    }
    auto optional_field = [&](const char* key, const std::string& value) {
        compare(diff, key, value.empty() ? "<absent>" : value, str(root[key]));
    };
    optional_field("place", doc.meta.place);
    optional_field("url", doc.meta.url);
    optional_field("language", doc.meta.language);
    optional_field("handling", doc.meta.handling);
    std::vector<std::string> authors;
    if (root["authors"]) authors = root["authors"].as<std::vector<std::string>>();
    if (authors != doc.meta.authors) diff << "authors differ\n";

    const YAML::Node body = root["body"];
    if (!body || body.size() != doc.body.size()) {
        diff << "body: " << doc.body.size() << " blocks written, " << (body ? body.size() : 0) << " read\n";
    } else {
        for (std::size_t i = 0; i < doc.body.size(); ++i) {
            const YAML::Node b = body[i];
            const std::string where = "body[" + std::to_string(i) + "]";
            std::visit(overloaded{[&](const Paragraph& p) {
                                      compare(diff, where, inline_text(p.content),
                                              b["paragraph"] ? inline_text(b["paragraph"]) : "<no paragraph>");
                                  },
                                  [&](const Heading& h) {
                                      compare(diff, where, std::to_string(h.level) + inline_text(h.content),
                                              b["heading"] ? b["heading"]["level"].as<std::string>() +
                                                                 inline_text(b["heading"]["content"])
                                                           : "<no heading>");
                                  },
                                  [&](const List& l) {
                                      std::string want = l.ordered ? "ordered" : "bullet";
                                      for (const Inlines& item : l.items) want += "|" + inline_text(item);
                                      std::string got = "<no list>";
                                      if (b["list"]) {
                                          got = b["list"]["ordered"].as<bool>() ? "ordered" : "bullet";
                                          for (const YAML::Node& item : b["list"]["items"]) got += "|" + inline_text(item);
                                      }
                                      compare(diff, where, want, got);
                                  },
                                  [&](const Quote& q) {
                                      std::string want;
                                      for (const Inlines& p : q.paragraphs) want += "|" + inline_text(p);
                                      std::string got = "<no quote>";
                                      if (b["quote"]) {
                                          got.clear();
                                          for (const YAML::Node& p : b["quote"]) got += "|" + inline_text(p);
                                      }
                                      compare(diff, where, want, got);
                                  },
                                  [&](const Table& t) { compare(diff, where, table_inlines(t), yaml_table(b["table"])); },
                                  [&](const Preformatted& p) {
                                      compare(diff, where, p.text,
                                              b["preformatted"] ? str(b["preformatted"]) : "<no preformatted>");
                                  }},
                       doc.body[i]);
        }
    }
    const YAML::Node notes = root["notes"];
    if (!notes || notes.size() != doc.notes.size()) {
        diff << "notes: count differs\n";
    } else {
        for (std::size_t i = 0; i < doc.notes.size(); ++i) {
            const Note& n = doc.notes[i];
            compare(diff, "note line", std::to_string(n.line), notes[i]["line"].as<std::string>());
            compare(diff, "note rule", n.rule, str(notes[i]["rule"]));
            compare(diff, "note message", n.message, str(notes[i]["message"]));
        }
    }
    return diff.str();
}

namespace {

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

}  // namespace

RunResult run_briefkit(const std::vector<std::string>& args, const std::string& input) {
    std::vector<std::string> all{BRIEFKIT_EXE};
    all.insert(all.end(), args.begin(), args.end());
    return run_command(all, input);
}

RunResult run_command(const std::vector<std::string>& args, const std::string& input) {
    const TempDir io;
    write_file(io.path() / "in", input);
    std::string cmd;
    for (const std::string& a : args) cmd += (cmd.empty() ? "" : " ") + shell_quote(a);
    cmd += " < " + shell_quote((io.path() / "in").string()) + " > " + shell_quote((io.path() / "out").string()) +
           " 2> " + shell_quote((io.path() / "err").string());
    const int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(io.path() / "out");
    r.err = read_file(io.path() / "err");
    return r;
}

bool have_tool(const std::string& name) {
    return std::system(("command -v " + shell_quote(name) + " > /dev/null 2>&1").c_str()) == 0;
}

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("briefkit-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const fs::path& path, std::string_view bytes) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Document every_kind(const std::string& nasty) {
    Document doc;
    doc.meta.title = nasty;
    doc.meta.date = Date{{2020, 5, 27}, TimeOfDay{4, 58, 41}, std::nullopt, "27.05.2020 04:58:41", false};
    doc.meta.source = Source{nasty, Date{{2020, 5, 26}, TimeOfDay{9, 30, 0}, 360, "05/26/2020 0930 +0600", true}};
    doc.meta.place = nasty;
    doc.meta.url = "http://example.org/?a=1&b=<2>";
    doc.meta.authors = {nasty, "Second Author"};
    doc.meta.language = "en";
    doc.body.push_back(Paragraph{{Text{nasty}}});
    doc.body.push_back(Paragraph{{Text{"see "}, Link{nasty, "http://example.org/\"q\""}, Text{" here"}}});
    doc.body.push_back(Heading{3, {Text{nasty}}});
    doc.body.push_back(List{true, {{Text{nasty}}, {Text{"two"}, Link{"x", "http://x.org"}}}});
    doc.body.push_back(Quote{{{Text{nasty}}, {Text{"second"}}}});
    doc.body.push_back(Table{{Text{nasty}},
                             {Alignment::left, Alignment::right, Alignment::center},
                             {{{Text{nasty}}, {Text{"1986"}}, {}}},
                             {{{Text{"CHILE"}}, {Text{"22"}}, {Link{nasty, "http://x.org"}}}, {{}, {Text{nasty}}, {}}}});
    doc.body.push_back(Preformatted{"  col  a\n\n" + nasty + "   x"});
    doc.notes.push_back(Note{7, "paragraph-rejoined", nasty});
    doc.id = document_id(doc);
    return doc;
}

const std::vector<std::string> kHostileStrings = {
    "true", "null", "~", "3", "0x1F", "1e3", "no", "yes", "off", "#x", "- item", "key: value", "[a, b]", "{a: b}",
    "  leading spaces", "trailing spaces  ", "line\nbreak", "carriage\rreturn", "tab\there", "back\\slash \\N \\n",
    "\"quoted\"", "'single'", "&amp; <tag> & < >", "emoji \xF0\x9F\x98\x80 and \xE4\xB8\xAD\xE6\x96\x87", "",
    "%percent", "@at", "`tick", "!tag", "*alias", "&anchor", "|", ">", "?", ":", ",", "...", "---",
    "\xEF\xBB\xBF" "bom inside", "next line\xC2\x85", "line sep\xE2\x80\xA8", "nbsp\xC2\xA0",
};

std::filesystem::path make_articles(const std::filesystem::path& dir, int count) {
    const std::vector<std::string> bases{read_file(source_dir() / "samples/kyrgyz-water-council.txt"),
                                         read_file(source_dir() / "samples/grain-freight-wire.txt"),
                                         read_file(source_dir() / "samples/library-hours.txt")};
    for (int i = 0; i < count; ++i) {
        std::string text = bases[static_cast<std::size_t>(i) % bases.size()];
        text += "\n\nThis is copy number " + std::to_string(i) + " of the article, made for the batch tests.\n";
        write_file(dir / "in" / ("part" + std::to_string(i % 7)) / ("article-" + std::to_string(i) + ".txt"), text);
    }
    return dir / "in";
}

std::vector<nlohmann::json> read_ndjson(const std::filesystem::path& path) {
    std::vector<nlohmann::json> out;
    std::istringstream in(read_file(path));
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
}

const std::string kHandWrittenYaml = R"(schema: briefkit/article/1
title: Water council agrees on summer quotas
date: 2020-05-27
place: Bishkek
body:
  - paragraph: >
      The council met on Tuesday and agreed
      on the quotas for the summer.
  - paragraph: Farmers' groups welcomed the decision.
)";

}  // namespace briefkit::test
