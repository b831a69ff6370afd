#include "formats/markup/body_markup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

#include "briefkit/overloaded.hpp"
#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::markup {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// A table as NITF and XHTML both write it: caption, a `col` per column, `thead` and `tbody`.
void write_table(XmlOut& out, const Table& table) {
    out.start("table");
    if (!table.caption.empty()) write_inlines(out, "caption", table.caption);
    for (const Alignment a : table.columns) {
        out.start("col");
        out.attribute("align", alignment_name(a));
        out.end();
    }
    const auto rows = [&](std::string_view group, std::string_view cell_name,
                          const std::vector<std::vector<Inlines>>& list) {
        if (list.empty()) return;
        out.start(group);
        for (const std::vector<Inlines>& row : list) {
            out.start("tr");
            for (std::size_t c = 0; c < row.size(); ++c) {
                const Alignment a = c < table.columns.size() ? table.columns[c] : Alignment::left;
                if (a == Alignment::left) {
                    write_inlines(out, cell_name, row[c]);
                } else {
                    write_inlines(out, cell_name, row[c], "align", alignment_name(a));
                }
            }
            out.end();
        }
        out.end();
    };
    rows("thead", "th", table.head);
    rows("tbody", "td", table.rows);
    out.end();
}

std::string heading_name(const Heading& h, BodyDialect dialect) {
    if (dialect == BodyDialect::nitf) return "hl2";
    return fmt::format("h{}", std::clamp(h.level, 1, 6));
}

}  // namespace

void write_inlines(XmlOut& out, std::string_view name, const Inlines& content, std::string_view attribute,
                   std::string_view value) {
    out.start(name);
    if (!attribute.empty()) out.attribute(attribute, value);
    out.mixed(true);
    for (const Inline& node : content) {
        std::visit(overloaded{[&](const Text& t) { out.text(t.text); },
                              [&](const Link& l) {
                                  out.start("a");
                                  out.attribute("href", l.href);
                                  out.text(l.text);
                                  out.end();
                              }},
                   node);
    }
    out.mixed(false);
    out.end();
}

void write_blocks(XmlOut& out, const std::vector<Block>& blocks, BodyDialect dialect) {
    const bool nitf = dialect == BodyDialect::nitf;
    for (const Block& block : blocks) {
        std::visit(overloaded{[&](const Paragraph& p) { write_inlines(out, "p", p.content); },
                              [&](const Heading& h) {
                                  const std::string name = heading_name(h, dialect);
                                  write_inlines(out, name, h.content);
                              },
                              [&](const List& l) {
                                  out.start(l.ordered ? "ol" : "ul");
                                  for (const Inlines& item : l.items) write_inlines(out, "li", item);
                                  out.end();
                              },
                              [&](const Quote& q) {
                                  out.start(nitf ? "bq" : "blockquote");
                                  if (nitf) out.start("block");
                                  for (const Inlines& p : q.paragraphs) write_inlines(out, "p", p);
                                  if (nitf) out.end();
                                  out.end();
                              },
                              [&](const Table& t) { write_table(out, t); },
                              [&](const Preformatted& p) { out.element("pre", p.text); }},
                   block);
    }
}

std::string collapse_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

void append_text_paragraphs(std::string_view text, std::vector<Block>& blocks) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    const auto blank = [](std::string_view line) { return collapse_space(line).empty(); };
    const auto indented = [](std::string_view line) { return line.starts_with(' ') || line.starts_with('\t'); };
    // Paragraphs are set apart by blank lines or a first-line indent, and their lines are
    // wrapped; text with neither has a paragraph on each line.
    bool grouped = false;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (!blank(lines[i - 1]) && (blank(lines[i]) || indented(lines[i]))) grouped = true;
    }
    std::string paragraph;
    const auto flush = [&] {
        if (std::string p = collapse_space(paragraph); !p.empty()) blocks.emplace_back(Paragraph{{Text{std::move(p)}}});
        paragraph.clear();
    };
    for (const std::string_view line : lines) {
        if (!grouped || blank(line) || indented(line)) flush();
        paragraph += ' ';
        paragraph += line;
    }
    flush();
}

std::string collapsed_text(const XmlNode* node) { return collapse_space(all_text(node)); }

namespace {

/// True when `left_out` is given and leaves `node` out.
bool skipped(const NodeFilter* left_out, const XmlNode* node) { return left_out != nullptr && (*left_out)(node); }

/// Elements whose content is never text of the article.
bool never_text(const XmlNode* node) {
    static constexpr std::array<std::string_view, 9> kNames{"script", "style",  "template", "noscript", "head",
                                                            "iframe", "object", "embed",    "svg"};
    return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return is(node, n); });
}

/// The text of `node` that is read: what never is text, and what `left_out` leaves out (a ruby
/// annotation, a hidden "opens in a new window"), is not part of a link's label.
void append_read_text(std::string& out, const XmlNode* node, const NodeFilter* left_out) {
    for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text) {
            out.append(c->content);
        } else if (c->type == NodeType::reference) {
            out.append(entity_text(c->name));
        } else if (c->type == NodeType::element && !never_text(c) && !skipped(left_out, c)) {
            append_read_text(out, c, left_out);
        }
    }
}

std::string read_text(const XmlNode* node, const NodeFilter* left_out) {
    std::string out;
    append_read_text(out, node, left_out);
    return out;
}

/// True for a `javascript:` address, whatever its case and the spaces before it.
bool is_script_address(std::string_view href) {
    while (!href.empty() && is_space(href.front())) href.remove_prefix(1);
    return unicode::ascii_lower(href.substr(0, 11)) == "javascript:";
}

/// Pictures and other media, left out of the body with a note.
bool is_media(const XmlNode* node) {
    static constexpr std::array<std::string_view, 8> kNames{"media", "img", "figure", "picture",
                                                            "video", "audio", "photo", "graphic"};
    return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return is(node, n); });
}

/// A page's or item's furniture around the text (its header of metadata, navigation, footer,
/// asides), left out of the body with a note.
bool is_furniture(const XmlNode* node) {
    static constexpr std::array<std::string_view, 4> kNames{"header", "nav", "footer", "aside"};
    return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return is(node, n); });
}

/// Elements read through: their children are blocks (a layout table's cell holds a page's text).
bool is_container(const XmlNode* node) {
    static constexpr std::array<std::string_view, 14> kNames{"block",  "div",  "section", "article", "main",
                                                             "body",   "body.content", "html", "center", "td",
                                                             "th",     "form", "fieldset", "details"};
    return std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return is(node, n); });
}

int heading_level(const XmlNode* node) {
    const std::string_view name = node->name;
    if (name == "hl1") return 1;
    if (name == "hl2") return 2;
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
    return 0;
}

bool is_block(const XmlNode* node) {
    static constexpr std::array<std::string_view, 11> kNames{"p",  "ul",  "ol",    "bq",  "blockquote", "table",
                                                             "pre", "dl", "hr", "nitf-table", "li"};
    return heading_level(node) != 0 || is_container(node) || is_media(node) || never_text(node) || is_furniture(node) ||
           std::any_of(kNames.begin(), kNames.end(), [&](std::string_view n) { return is(node, n); });
}

/// True for an element that ends a line of text: a block or a `<br>`.
bool ends_line(const XmlNode* node) { return is(node, "br") || is_block(node); }

/// Collects inline content: text runs with whitespace made single spaces, and links.
class InlineBuilder {
public:
    explicit InlineBuilder(const NodeFilter* left_out = nullptr) : left_out_(left_out) {}

    void text(std::string_view t) {
        // A stretch of words with single spaces between them is appended at once.
        for (std::size_t at = 0; at < t.size();) {
            if (is_space(t[at])) {
                pending_space_ = true;
                ++at;
                continue;
            }
            std::size_t end = at + 1;
            while (end < t.size()) {
                if (!is_space(t[end])) {
                    ++end;
                } else if (t[end] == ' ' && end + 1 < t.size() && !is_space(t[end + 1])) {
                    end += 2;
                } else {
                    break;
                }
            }
            std::string& run = current();
            if (pending_space_ && started_) run.push_back(' ');
            pending_space_ = false;
            started_ = true;
            run.append(t.data() + at, end - at);
            at = end;
        }
    }

    void link(const std::string& text_value, std::string_view href) {
        // A `javascript:` address runs code on a click (a glossary pop-up, a share button): like a
        // script, it is not content, and the words are the text they are.
        if (is_script_address(href)) {
            text(text_value);
            return;
        }
        const std::string label = collapse_space(text_value);
        if (label.empty()) return;
        if (pending_space_ && started_) current().push_back(' ');
        pending_space_ = false;
        started_ = true;
        out_.emplace_back(Link{label, std::string(href)});
        after_link_ = true;
    }

    /// Appends the text of `node`'s children, links kept.
    void walk(const XmlNode* node) {
        for (const XmlNode* c = node->children; c != nullptr; c = c->next) {
            if (c->type == NodeType::text) {
                text(c->content);
            } else if (c->type == NodeType::reference) {
                text(entity_text(c->name));
            } else if (c->type == NodeType::element && !never_text(c) && !is_media(c) && !skipped(left_out_, c)) {
                if (is(c, "br")) {
                    pending_space_ = true;
                } else if (is(c, "a") && !attribute(c, "href").empty()) {
                    link(read_text(c, left_out_), attribute(c, "href"));
                } else {
                    walk(c);
                }
            }
        }
    }

    Inlines take() {
        Inlines done = std::move(out_);
        out_.clear();
        started_ = pending_space_ = after_link_ = false;
        return done;
    }

    [[nodiscard]] bool empty() const { return out_.empty(); }

private:
    std::string& current() {
        if (out_.empty() || after_link_ || !std::holds_alternative<Text>(out_.back())) {
            out_.emplace_back(Text{});
            after_link_ = false;
        }
        return std::get<Text>(out_.back()).text;
    }

    const NodeFilter* left_out_;
    Inlines out_;
    bool started_ = false;
    bool pending_space_ = false;
    bool after_link_ = false;
};

/// True when a run holds no link and no text but spaces and no-break spaces.
bool is_blank(const Inlines& run) {
    return std::all_of(run.begin(), run.end(), [](const Inline& i) {
        const Text* t = std::get_if<Text>(&i);
        if (t == nullptr) return false;
        std::string_view rest = t->text;
        while (!rest.empty()) {
            if (rest.starts_with("\xC2\xA0")) {
                rest.remove_prefix(2);
            } else if (is_space(rest.front())) {
                rest.remove_prefix(1);
            } else {
                return false;
            }
        }
        return true;
    });
}

Inlines inlines_of(const XmlNode* node, const NodeFilter* left_out) {
    InlineBuilder builder(left_out);
    builder.walk(node);
    return builder.take();
}

/// Reads blocks from a run of sibling nodes.
class BlockReader {
public:
    BlockReader(bool lines_are_files, const NodeFilter* left_out)
        : lines_are_files_(lines_are_files), left_out_(left_out), loose_(left_out) {}

    void run(const XmlNode* first) {
        for (const XmlNode* n = first; n != nullptr; n = n->next) node(n);
        flush_loose();
    }

    BodyRead result;

private:
    void node(const XmlNode* n) {
        if (n->type == NodeType::text) {
            loose_.text(n->content);
            return;
        }
        if (n->type == NodeType::reference) {
            loose_.text(entity_text(n->name));
            return;
        }
        if (n->type != NodeType::element || skipped(left_out_, n)) return;
        if (!is_block(n)) {
            if (is(n, "br")) {
                flush_loose();
            } else if (is(n, "a") && !attribute(n, "href").empty()) {
                loose_.link(read_text(n, left_out_), attribute(n, "href"));
            } else {
                loose_.walk(n);
            }
            return;
        }
        flush_loose();
        block(n);
    }

    void block(const XmlNode* n) {
        if (never_text(n) || is(n, "hr")) return;
        if (is_furniture(n) && left_out_ == nullptr) {
            note(n, "furniture-left-out",
                 fmt::format("a <{}> element (furniture around the text: metadata, navigation) was left out",
                             n->name));
            return;
        }
        if (is_media(n)) {
            note(n, "media-left-out", fmt::format("a <{}> element (a picture or other media) is not article text and was left out",
                                                  n->name));
            return;
        }
        if (is_container(n) || is_furniture(n)) {
            for (const XmlNode* c = n->children; c != nullptr; c = c->next) node(c);
            flush_loose();
            return;
        }
        if (const int level = heading_level(n); level != 0) {
            add(Heading{level, inlines_of(n, left_out_)}, n);
        } else if (is(n, "p") || is(n, "li")) {
            paragraph(n);
        } else if (is(n, "ul") || is(n, "ol")) {
            list(n);
        } else if (is(n, "bq") || is(n, "blockquote")) {
            quote(n);
        } else if (is(n, "table") || is(n, "nitf-table")) {
            table(n);
        } else if (is(n, "pre")) {
            std::string text = all_text(n);
            while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
            if (text.starts_with('\n')) text.erase(0, 1);
            if (!text.empty()) result.blocks.emplace_back(Preformatted{std::move(text)});
        } else if (is(n, "dl")) {
            for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
                if (c->type == NodeType::element) paragraph(c);
            }
        }
    }

    /// A paragraph; one holding block elements (a `<p>` around a table in loose HTML) is read through.
    void paragraph(const XmlNode* n) {
        for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
            if (c->type == NodeType::element && is_block(c) && !is(c, "li")) {
                for (const XmlNode* d = n->children; d != nullptr; d = d->next) node(d);
                flush_loose();
                return;
            }
        }
        add(Paragraph{inlines_of(n, left_out_)}, n);
    }

    /// Adds `block` unless it is blank: a spacer such as `<p>&nbsp;</p>` is layout, not text.
    void add(Block block, const XmlNode* /*n*/) {
        bool blank = true;
        for_each_run(block, [&](const Inlines& run) { blank = blank && is_blank(run); });
        if (!blank) result.blocks.push_back(std::move(block));
    }

    void list(const XmlNode* n) {
        List l;
        l.ordered = is(n, "ol");
        for_each_element(n, [&](const XmlNode* item) {
            if (skipped(left_out_, item)) return;
            Inlines content = inlines_of(item, left_out_);
            if (!content.empty()) l.items.push_back(std::move(content));
        });
        if (!l.items.empty()) result.blocks.emplace_back(std::move(l));
    }

    void quote(const XmlNode* n) {
        BlockReader inner(lines_are_files_, left_out_);
        inner.run(n->children);
        Quote q;
        for (const Block& b : inner.result.blocks) {
            for_each_run(b, [&](const Inlines& run) {
                if (!run.empty()) q.paragraphs.push_back(run);
            });
        }
        if (!q.paragraphs.empty()) result.blocks.emplace_back(std::move(q));
    }

    void table(const XmlNode* n);

    void note(const XmlNode* n, std::string rule, std::string message) {
        const int at = lines_are_files_ ? line(n) : 0;
        for (const Note& seen : result.notes) {
            if (seen.rule == rule && seen.line == at) return;
        }
        result.notes.push_back(Note{at, std::move(rule), std::move(message)});
    }

    void flush_loose() {
        if (loose_.empty()) return;
        result.blocks.emplace_back(Paragraph{loose_.take()});
    }

    bool lines_are_files_;
    const NodeFilter* left_out_;
    InlineBuilder loose_;
};

/// The rows of a table element, through `thead`, `tbody` and `tfoot`, with whether each is a header row.
void collect_rows(const XmlNode* n, bool in_head, std::vector<std::pair<const XmlNode*, bool>>& rows) {
    for_each_element(n, [&](const XmlNode* c) {
        if (is(c, "tr")) {
            rows.emplace_back(c, in_head);
        } else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
            collect_rows(c, is(c, "thead"), rows);
        }
    });
}

void BlockReader::table(const XmlNode* n) {
    Table t;
    std::vector<std::pair<const XmlNode*, bool>> rows;
    collect_rows(n, false, rows);
    std::vector<Alignment> declared;
    for_each_element(n, [&](const XmlNode* c) {
        if (is(c, "caption")) t.caption = inlines_of(c, left_out_);
        if (is(c, "col")) declared.push_back(alignment_from_name(attribute(c, "align")).value_or(Alignment::left));
    });
    std::size_t columns = declared.size();
    std::vector<std::vector<Inlines>> cells(rows.size());
    std::vector<bool> all_th(rows.size(), true);
    std::vector<std::optional<Alignment>> seen_align;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for_each_element(rows[r].first, [&](const XmlNode* cell) {
            if (!is(cell, "td") && !is(cell, "th")) return;
            if (!is(cell, "th")) all_th[r] = false;
            const std::size_t c = cells[r].size();
            if (seen_align.size() <= c) seen_align.resize(c + 1);
            if (const auto a = alignment_from_name(attribute(cell, "align")); a && !seen_align[c]) seen_align[c] = a;
            cells[r].push_back(inlines_of(cell, left_out_));
        });
        columns = std::max(columns, cells[r].size());
    }
    if (columns == 0) return;
    for (std::size_t c = 0; c < columns; ++c) {
        t.columns.push_back(c < declared.size() ? declared[c]
                            : c < seen_align.size() && seen_align[c] ? *seen_align[c]
                                                                      : Alignment::left);
    }
    bool body_started = false;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        cells[r].resize(columns);
        const bool head = rows[r].second || (!body_started && all_th[r] && !cells[r].empty());
        if (!head) body_started = true;
        (head && !body_started ? t.head : t.rows).push_back(std::move(cells[r]));
    }
    if (t.rows.empty() && t.head.empty()) return;
    result.blocks.emplace_back(std::move(t));
}

}  // namespace

BodyRead read_blocks(const XmlNode* first, bool lines_are_files, const NodeFilter* left_out) {
    BlockReader reader(lines_are_files, left_out);
    reader.run(first);
    return std::move(reader.result);
}

std::string spaced_text(const XmlNode* node) { return collapse_space(all_text(node, ends_line)); }

}  // namespace briefkit::formats::markup
