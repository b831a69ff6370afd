#include "formats/html/html_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "briefkit/error.hpp"
#include "briefkit/overloaded.hpp"
#include "formats/html/article_body.hpp"
#include "formats/html/byline_text.hpp"
#include "formats/html/page_charset.hpp"
#include "formats/html/page_metadata.hpp"
#include "formats/html/page_strip.hpp"
#include "formats/html/wire_credit.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/xml_tree.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/limits.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats {

namespace {

/// Appends `more` to `notes`.
void take_notes(std::vector<Note>& notes, std::vector<Note>& more) {
    notes.insert(notes.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

/// Removes soft hyphens and zero-width spaces from `text` (invisible, they only mark where a
/// browser may break a line, and would split words for search); returns how many.
std::size_t remove_invisible_breaks(std::string& text) {
    std::size_t removed = 0;
    for (const std::string_view mark : {std::string_view("\xC2\xAD"), std::string_view("\xE2\x80\x8B")}) {
        for (std::size_t at = 0; (at = text.find(mark, at)) != std::string::npos;) {
            text.erase(at, mark.size());
            ++removed;
        }
    }
    return removed;
}

/// Removes them from a run; a text left empty is taken out (the model holds no empty text).
std::size_t remove_invisible_breaks(Inlines& run) {
    std::size_t removed = 0;
    for (Inline& i : run) {
        std::visit(overloaded{[&](Text& t) { removed += remove_invisible_breaks(t.text); },
                              [&](Link& l) { removed += remove_invisible_breaks(l.text); }},
                   i);
    }
    std::erase_if(run, [](const Inline& i) { return std::holds_alternative<Text>(i) && std::get<Text>(i).text.empty(); });
    return removed;
}

/// A paragraph among the body's first or last three that holds only a TLP label (`TLP:CLEAR` atop
/// an advisory) is the article's handling label: taken out of the body, the most restrictive
/// kept, each noted. A body of that paragraph alone keeps it.
void handling_from_edges(Document& doc) {
    constexpr std::size_t kEdge = 3;
    if (doc.body.size() < 2) return;
    std::vector<std::size_t> taken;
    for (std::size_t i = 0; i < doc.body.size(); ++i) {
        if (i >= kEdge && i + kEdge < doc.body.size()) continue;
        const auto* p = std::get_if<Paragraph>(&doc.body[i]);
        if (p == nullptr) continue;
        const std::string text = plain_text(p->content);
        const std::optional<handling::TlpLabel> tlp = handling::tlp_label(text);
        if (!tlp) continue;
        handling::keep_most_restrictive(doc.meta.handling, tlp->label);
        doc.notes.push_back(Note{0, "handling-label", handling::taken_out_note("paragraph", text, *tlp)});
        taken.push_back(i);
    }
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) doc.body.erase(doc.body.begin() + static_cast<std::ptrdiff_t>(*it));
}

/// Soft hyphens and zero-width spaces out of the title and every block, with one note; a
/// paragraph or heading that held nothing else is taken out.
void remove_invisible_breaks(Document& doc) {
    std::size_t removed = remove_invisible_breaks(doc.meta.title);
    for (Block& block : doc.body) for_each_run(block, [&](Inlines& run) { removed += remove_invisible_breaks(run); });
    std::erase_if(doc.body, [](const Block& b) {
        const auto* p = std::get_if<Paragraph>(&b);
        const auto* h = std::get_if<Heading>(&b);
        return (p != nullptr && p->content.empty()) || (h != nullptr && h->content.empty());
    });
    if (removed != 0) {
        doc.notes.push_back(Note{0, "invisible-breaks-removed",
                                 fmt::format("{} soft hyphen{} and zero-width space{} (marks where a browser may break a "
                                             "line) removed",
                                             removed, removed == 1 ? "" : "s", removed == 1 ? "" : "s")});
    }
}

/// Throws InputError when `blocks` hold no text besides links (a menu, an index of other pages),
/// naming the line where the parse stopped at the nesting limit when it did.
void refuse_without_article(const std::vector<Block>& blocks, std::string_view name, int cut_line) {
    bool text = false;
    bool any = false;
    for (const Block& block : blocks) {
        for_each_run(block, [&](const Inlines& run) {
            for (const Inline& i : run) {
                const Text* t = std::get_if<Text>(&i);
                any = any || !std::holds_alternative<Text>(i) || !t->text.empty();
                text = text || (t != nullptr && t->text.find_first_not_of(" |,.;:-\u00B7") != std::string::npos);
            }
        });
    }
    if (!any && cut_line != 0) {
        throw InputError(fmt::format("holds no article before line {}, where elements are nested over 256 levels "
                                     "deep and the parser stops",
                                     cut_line),
                         std::string(name), cut_line);
    }
    if (!any) throw InputError("holds no article: the page shows no block of text", std::string(name));
    if (!text) throw InputError("holds no article: the page's text is all links (a menu or an index of pages)", std::string(name));
}

/// Removes NUL characters from the page's text, with a note at the first one's line. HTML5's
/// parser drops them from text; libxml2's would end the page at the first.
void remove_nul_characters(std::string& text, std::vector<Note>& notes) {
    const std::size_t first = text.find('\0');
    if (first == std::string::npos) return;
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(first), '\n'));
    const std::size_t removed = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\0'));
    text.erase(std::remove(text.begin(), text.end(), '\0'), text.end());
    notes.push_back(Note{line, "nul-characters-removed",
                         fmt::format("{} NUL character{} removed from the page's text, the first at line {}", removed,
                                     removed == 1 ? "" : "s", line)});
}

/// The first words of `text`, where a dateline stands (`BERLIN, 27.1.2022 - ...`).
std::string_view opening_words(std::string_view text) {
    std::size_t end = 0;
    for (int words = 0; words < 4 && end != std::string_view::npos; ++words) end = text.find(' ', end + 1);
    return end == std::string_view::npos ? text : text.substr(0, end);
}

/// The text of the article's first paragraph, under its own headings (a title, a deck) if it has
/// them, where a dateline stands; empty when the body opens otherwise.
std::string opening_paragraph(const std::vector<Block>& body) {
    const auto searched = body.begin() + std::min<std::ptrdiff_t>(3, std::ssize(body));
    const auto paragraph = std::find_if(body.begin(), searched, [](const Block& b) { return std::holds_alternative<Paragraph>(b); });
    if (paragraph == searched || !std::all_of(body.begin(), paragraph, [](const Block& b) { return std::holds_alternative<Heading>(b); })) {
        return {};
    }
    return plain_text(std::get<Paragraph>(*paragraph).content);
}

/// For a page whose metadata gives no date, the one its article prints at its edges: in a short
/// line cut before or after the text, at the start of the first paragraph (a dateline), or in a
/// short last paragraph (a signature). Sets the date and its `date-source` note.
void date_from_edges(Document& doc, const std::vector<std::string>& edge_lines) {
    std::vector<std::pair<std::string, std::string_view>> places;
    places.reserve(edge_lines.size() + 2);
    for (const std::string& line : edge_lines) places.emplace_back(line, "short line at the article's edge");
    if (!doc.body.empty()) {
        if (const std::string first = opening_paragraph(doc.body); !first.empty()) {
            places.emplace_back(opening_words(first), "dateline opening the article");
        }
        if (const auto* last = std::get_if<Paragraph>(&doc.body.back()); last != nullptr && doc.body.size() > 1) {
            if (std::string text = plain_text(last->content); text.size() <= 80) places.emplace_back(std::move(text), "closing line");
        }
    }
    for (const auto& [text, where] : places) {
        if (std::optional<Date> date = html::date_in(text)) {
            doc.meta.date = std::move(date);
            doc.notes.push_back(Note{0, "date-source", fmt::format("the date is the page's {} '{}'", where, unicode::shortened(text, 80))});
            return;
        }
    }
}

/// For a page whose metadata names no author, the names a byline at the article's edges gives
/// (`Von Claudia Lindner` above the text, `Autorin: ...` below it): in a short line cut there, or
/// in a short first or last paragraph. Sets them and their note.
void authors_from_edges(Document& doc, const std::vector<std::string>& edge_lines) {
    std::vector<std::string> lines = edge_lines;
    for (const Block* edge : {&doc.body.front(), &doc.body.back()}) {
        if (const auto* p = std::get_if<Paragraph>(edge)) {
            if (std::string text = plain_text(p->content); text.size() <= 160) lines.push_back(std::move(text));
        }
    }
    for (const std::string& line : lines) {
        if (std::vector<std::string> names = html::byline_names(line); !names.empty()) {
            doc.meta.authors = std::move(names);
            doc.notes.push_back(Note{0, "author-source", fmt::format("the author list is the page's byline '{}' at the article's edge", unicode::shortened(line, 80))});
            return;
        }
    }
}

/// The agency is the wire the article's text credits (html::credited_wire()) when it credits
/// one; the publisher the metadata names stays in the note.
void agency_from_text(Document& doc, const html::CutLines& cut) {
    std::vector<std::string> lines = cut.edges;
    lines.insert(lines.end(), cut.credits.begin(), cut.credits.end());
    const std::optional<html::WireCredit> wire = html::credited_wire(opening_paragraph(doc.body), lines);
    if (!wire || wire->agency == doc.meta.source.name) return;
    const std::string publisher = doc.meta.source.name.empty() ? std::string() : fmt::format(" (the page names its publisher {})", doc.meta.source.name);
    doc.meta.source.name = std::string(wire->agency);
    std::erase_if(doc.notes, [](const Note& n) { return n.rule == "agency-source"; });
    doc.notes.push_back(Note{0, "agency-source", fmt::format("the agency is the wire the text credits in its {}, '{}'{}", wire->where,
                                                             unicode::shortened(wire->words, 60), publisher)});
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
    std::string_view s = bytes.substr(0, 4096);
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (true) {
        const std::size_t start = s.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) return false;
        s.remove_prefix(start);
        if (!s.starts_with("<!--")) break;
        const std::size_t end = s.find("-->");
        if (end == std::string_view::npos) return false;
        s.remove_prefix(end + 3);
    }
    const std::string head = unicode::ascii_lower(s.substr(0, 14));
    return head.starts_with("<!doctype html") || head.starts_with("<html");
}

Document read_html(std::string_view bytes, std::string_view name, const ReadOptions& options) {
    check_input_size(bytes.size(), name, options);
    Document doc;
    std::string text = html::page_to_utf8(bytes, name, doc.notes);
    remove_nul_characters(text, doc.notes);
    html::strip_non_text(text);
    const markup::XmlTree tree = markup::parse_html(text, name, options);
    std::string().swap(text);  // the tree holds copies of all it needs
    const markup::XmlNode* root = tree.root();
    if (root == nullptr) throw InputError("holds no HTML elements", std::string(name));
    if (const int cut = tree.depth_cut_line(); cut != 0) {
        doc.notes.push_back(Note{cut, "nesting-cut",
                                 fmt::format("elements are nested over 256 levels deep at line {}; the page was read up "
                                             "to there and the rest left out",
                                             cut)});
    }
    check_deadline();
    html::PageMetadata page = html::read_page_metadata(root, options);
    doc.meta = std::move(page.meta);
    take_notes(doc.notes, page.notes);
    check_deadline();
    html::ArticleBody body = html::extract_article(root, doc.meta.title, doc.meta.authors, doc.meta.url);
    refuse_without_article(body.blocks, name, tree.depth_cut_line());
    if (!body.headline.empty() && body.headline != doc.meta.title) {
        doc.meta.title = std::move(body.headline);
        for (Note& note : doc.notes) {
            if (note.rule == "title-source") {
                note.message = fmt::format("the title is the article's heading at line {}, as the page shows it", body.headline_line);
            }
        }
    }
    doc.body = std::move(body.blocks);
    take_notes(doc.notes, body.notes);
    if (!doc.meta.date) date_from_edges(doc, body.cut_lines.edges);
    if (doc.meta.authors.empty() && !doc.body.empty()) authors_from_edges(doc, body.cut_lines.edges);
    agency_from_text(doc, body.cut_lines);
    handling_from_edges(doc);
    remove_invisible_breaks(doc);
    markup::finish_feed_document(doc, "HTML", "", name, options);
    return doc;
}

}  // namespace briefkit::formats
