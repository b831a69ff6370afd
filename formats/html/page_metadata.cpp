#include "formats/html/page_metadata.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "briefkit/error.hpp"
#include "formats/html/article_body.hpp"
#include "formats/html/byline_text.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/dates.hpp"
#include "formats/markup/feed_document.hpp"
#include "formats/markup/iso_date.hpp"
#include "formats/markup/json_tree.hpp"
#include "pipeline/model/handling.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

using markup::JsonValue;
using markup::XmlNode;

/// schema.org types whose object is the article a page presents.
constexpr std::array<std::string_view, 14> kArticleTypes{
    "NewsArticle",       "Article",         "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "ReviewNewsArticle", "BackgroundNewsArticle", "BlogPosting",    "LiveBlogPosting",     "TechArticle",
    "ScholarlyArticle",  "Report",          "SatiricalArticle",     "AskPublicHealthAnnouncement"};

/// How much of the text after a page's headline is searched for its date.
constexpr std::size_t kAfterHeadline = 300;

/// The longest line read as a headline's date-and-name line (`11.12.2019 - Amelie Loevenich`).
constexpr std::size_t kLineLimit = 120;

/// How many lines after a headline, its own included, are searched for a date-and-name line.
constexpr int kLinesAfterHeadline = 6;

/// Everything one pass over the page collects for the metadata.
struct PageScan {
    std::vector<std::pair<std::string, std::string_view>> meta;  ///< `<meta>` key (lower-cased) and content.
    std::string_view lang;
    std::string_view canonical;
    std::string title_element;
    std::vector<std::string_view> json_ld;
    std::vector<std::string> h1;
    std::vector<std::string> headings;  ///< The first few `<h1>`, `<h2>` and `<h3>` texts.
    bool h1_links_home = false;  ///< True when the first `<h1>` is a link to the site's home page (a logo).
    std::string_view time_published;  ///< `datetime` of a `<time>` marked as the publication date.
    std::string_view time_first;      ///< `datetime` of the first `<time>`.
    std::string handling;        ///< The most restrictive TLP label an element's whole text is.
    int handling_line = 0;       ///< The line of that element.
    std::string microdata_headline;
    std::string microdata_date;  ///< A microdata datePublished: its `content` or `datetime`, else its text.
    std::optional<Date> labelled_date;  ///< The date after the first date label (`Datum:`, `Published on`).
    std::string labelled_date_line;
    std::optional<Date> line_date;  ///< The date of a short line just before or after the first `<h1>`.
    std::string line_date_text;
    std::vector<std::string> microdata_authors;
    std::vector<std::string> bylines;        ///< rel=author links.
    std::vector<std::string> author_marked;  ///< Elements whose class names an author, and author page links.
    std::string visible_byline;     ///< The first line after the headline that opens with a byline's label.
    std::string byline_without_h1;  ///< The first such line anywhere, for a page without a `<h1>`.
    std::string line;               ///< The text since the last block boundary, up to kLineLimit bytes.
    std::string line_before_h1;     ///< The last line before the first `<h1>`.
    bool line_before_h1_read = false;
    int lines_after_h1 = 0;         ///< How many lines of text followed the first `<h1>`.
    std::string dated_name;         ///< A name beside a date in the line just before the `<h1>` or one after it.
    std::string dated_name_line;    ///< That line.
    int quiet_depth = 0;    ///< How many enclosing elements are navigation, asides, footers or comments.
    int article_depth = 0;  ///< How many enclosing elements are `<article>`s.
    int foreign_item_depth = 0;  ///< How many enclosing elements are microdata items of another thing (foreign_item()).
    bool line_open = true;  ///< True while the text since the last block boundary may open a byline.
    std::optional<Date> class_date;  ///< The first date in an element whose class or id names a date.
    std::string class_date_text;
    std::string after_h1;            ///< The text that follows the first `<h1>`, up to kAfterHeadline bytes.
    bool in_after_h1 = false;
    std::string words;  ///< The element being scanned's class and id, lower-cased (a buffer reused).

    /// True when an element named `name` ends a line (a block or `<br>`), cached by the name's
    /// address: the tree's names are interned.
    bool is_block(std::string_view name) {
        const auto [found, added] = block_names.try_emplace(name.data(), false);
        if (added) found->second = name == "br" || html::is_block(name);
        return found->second;
    }
    std::unordered_map<const char*, bool> block_names;

    [[nodiscard]] std::string_view find(std::string_view key) const {
        for (const auto& [k, v] : meta) {
            if (k == key && !v.empty()) return v;
        }
        return {};
    }
};

/// True when the space-separated or `-`/`_`-joined words of `value` include `word` (ASCII, any case).
bool has_token(std::string_view value, std::string_view word) {
    for (std::size_t at = 0; at + word.size() <= value.size(); ++at) {
        at = value.find(word, at);
        if (at == std::string_view::npos) return false;
        const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(value[at - 1]));
        const std::size_t end = at + word.size();
        const bool ends = end == value.size() || !std::isalpha(static_cast<unsigned char>(value[end]));
        if (starts && ends) return true;
    }
    return false;
}

bool is_json_ld(const XmlNode* n) {
    const std::string type = unicode::ascii_lower(markup::attribute(n, "type"));
    return type.find("ld+json") != std::string::npos;
}

/// The text of a byline element when it reads like one: short, with letters.
void add_byline(std::vector<std::string>& out, const XmlNode* n) {
    std::string text = markup::spaced_text(n);
    if (text.empty() || text.size() > 120 || out.size() >= 8) return;
    out.push_back(std::move(text));
}

/// True when `n` is an author's name by its class or id, lower-cased in `words` (`author`,
/// `byline`, hCard's `fn`), a link to an author's or a staff member's page, or an element named
/// `<byline>` (NITF's, which some publishing systems print into their pages).
bool marks_an_author(const XmlNode* n, std::string_view words) {
    if (n->name == "byline") return true;
    if (n->name == "a") {
        const std::string href = unicode::ascii_lower(markup::attribute(n, "href"));
        for (const std::string_view part : {"/author/", "/autor/", "/autoren/", "/authors/", "/autorin/", "/staff/"}) {
            if (href.find(part) != std::string::npos) return true;
        }
    }
    if (n->name == "label" || n->name == "input" || n->name == "form") return false;
    // an author's box, a commenter, or a picture's author (`img-author`, `photo-byline`)
    static constexpr std::array<std::string_view, 10> kNotTheArticles{"bio", "about", "comment", "avatar", "box",
                                                                      "img", "image", "photo", "foto", "caption"};
    if (std::any_of(kNotTheArticles.begin(), kNotTheArticles.end(), [&](std::string_view w) { return words.find(w) != std::string_view::npos; })) {
        return false;
    }
    return words.find("author") != std::string::npos || words.find("byline") != std::string::npos ||
           has_token(words, "fn") || words.find("autor") != std::string::npos;
}

/// The line that the text node `n` begins: its text and what follows in reading order up to the
/// next block element, at most about `limit` bytes. When `n` is a label alone (`Autor:`), the
/// block that follows (the name's heading or paragraph) is read too.
std::string line_from(const XmlNode* n, std::size_t limit) {
    std::string out(n->content);
    bool names_read = !is_label_alone(out);
    auto ends_line = [&](const XmlNode* e) { return is_block(e->name) && names_read; };
    for (int climbs = 0; out.size() < limit;) {
        while (n->next == nullptr) {
            if (n->parent == nullptr || ++climbs > 3 || ends_line(n->parent)) return out;
            n = n->parent;
        }
        n = n->next;
        if (n->type == markup::NodeType::element && ends_line(n)) return out;
        const std::string text = n->type == markup::NodeType::text ? markup::collapse_space(n->content) : markup::collapsed_text(n);
        if (text.size() > limit) return out;  // a paragraph, not the rest of a byline
        out.append(" ").append(text);
        names_read = names_read || !text.empty();
    }
    return out;
}

/// Keeps the byline that the text node `n`, opening with a label, begins, when what follows the
/// label reads as names.
void add_visible_byline(const XmlNode* n, PageScan& s) {
    const std::string line = plain_spaced(line_from(n, 120));
    std::string_view trimmed = line;
    while (!trimmed.empty() && (trimmed.front() == '|' || trimmed.front() == '-' || trimmed.front() == ' ')) trimmed.remove_prefix(1);
    const std::string names = clean_byline(std::string(trimmed));
    if (!(reads_as_byline(names) || names_a_user(trimmed, names)) || opens_with_label(names)) return;
    if (!s.h1.empty()) {
        s.visible_byline = trimmed;
    } else if (s.byline_without_h1.empty()) {
        s.byline_without_h1 = trimmed;
    }
}

/// True when a line whose text so far is `text` may still open a byline: it ends with a separator.
bool leaves_line_open(std::string_view text) {
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    if (text.empty()) return true;
    for (const std::string_view separator : {"|", "-", "\u2014", "\u2013", "\u2022", "\u00B7", "/"}) {
        if (text.ends_with(separator)) return true;
    }
    return false;
}

/// True when `href` leads to a site's home page: its path is empty or `/`.
bool is_home_link(std::string_view href) {
    href = archived_address(href);
    if (const std::size_t scheme = href.find("://"); scheme != std::string_view::npos) {
        href.remove_prefix(scheme + 3);
        const std::size_t path = href.find('/');
        href = path == std::string_view::npos ? std::string_view() : href.substr(path);
    }
    return href.empty() || href == "/" || href == "/index.html" || href == "/index.php";
}

/// True when the heading `h` is a link to the site's home page and nothing else: a logo.
bool links_home(const XmlNode* h) {
    const XmlNode* only = nullptr;
    for (const XmlNode* c = h->children; c != nullptr; c = c->next) {
        if (c->type == markup::NodeType::text && markup::collapse_space(c->content).empty()) continue;
        if (only != nullptr || c->type != markup::NodeType::element) return false;
        only = c;
    }
    return only != nullptr && only->name == "a" && is_home_link(markup::attribute(only, "href"));
}

/// True when an element's class and id, lower-cased in `words`, say it holds a date (`date`,
/// `time`, `published`, `meta`...).
bool names_a_date(std::string_view words) {
    static constexpr std::array<std::string_view, 11> kParts{"date", "time", "datum", "publish", "posted",
                                                             "meta", "byline", "fecha", "data", "info", "submitted"};
    return std::any_of(kParts.begin(), kParts.end(), [&](std::string_view p) { return words.find(p) != std::string_view::npos; });
}

/// Keeps `text` among the page's first headings, unless it is empty: a heading that only holds
/// an image (a logo, a gallery's frame) must not use up the few kept.
void add_heading(std::string text, PageScan& s) {
    if (s.headings.size() < 8 && !unicode::letters_key(text).empty()) s.headings.push_back(std::move(text));
}

/// Scans one element for the metadata of the page's head (meta, link, title, JSON-LD) and for its
/// headline and `<time>` elements.
void scan_head_and_headline(const XmlNode* n, PageScan& s) {
    const std::string_view name = n->name;
    if (name == "meta") {
        std::string_view key = markup::attribute(n, "property");
        if (key.empty()) key = markup::attribute(n, "name");
        if (key.empty() && s.foreign_item_depth == 0) key = markup::attribute(n, "itemprop");
        if (key.empty() && !markup::attribute(n, "http-equiv").empty()) key = markup::attribute(n, "http-equiv");
        if (!key.empty()) s.meta.emplace_back(unicode::ascii_lower(key), markup::attribute(n, "content"));
    } else if (name == "link") {
        if (unicode::ascii_lower(markup::attribute(n, "rel")) == "canonical" && s.canonical.empty()) {
            s.canonical = markup::attribute(n, "href");
        }
    } else if (name == "title") {
        if (s.title_element.empty()) s.title_element = markup::collapsed_text(n);
    } else if (name == "script") {
        if (is_json_ld(n)) s.json_ld.push_back(n->children != nullptr ? n->children->content : std::string_view());
    } else if (name == "h1") {
        if (s.h1.empty()) s.h1_links_home = links_home(n);
        std::string text = markup::collapsed_text(n);
        if (s.h1.size() < 4) s.h1.push_back(text);
        add_heading(std::move(text), s);
    } else if (name == "h2" || name == "h3") {
        add_heading(markup::collapsed_text(n), s);
    } else if (name == "time") {
        const std::string_view when = markup::attribute(n, "datetime");
        if (s.time_first.empty()) s.time_first = when;
        const std::string_view marks = markup::attribute(n, "class");
        if (s.time_published.empty() && (markup::attribute(n, "itemprop") == "datePublished" || !markup::attribute(n, "pubdate").empty() ||
                                          has_token(marks, "published") || has_token(marks, "publish") || has_token(marks, "date-published"))) {
            s.time_published = when;
        }
    }
}

/// Scans one element for schema.org microdata: the headline, the date, the author.
void scan_microdata(const XmlNode* n, PageScan& s) {
    if (s.foreign_item_depth > 0) return;
    const std::string_view name = n->name;
    const std::string_view itemprop = markup::attribute(n, "itemprop");
    if (itemprop == "headline" && s.microdata_headline.empty() && name != "meta") {
        s.microdata_headline = markup::collapsed_text(n);
    } else if (itemprop == "datePublished" && s.microdata_date.empty()) {
        s.microdata_date = markup::attribute(n, "content");
        if (s.microdata_date.empty()) s.microdata_date = markup::attribute(n, "datetime");
        if (s.microdata_date.empty() && name != "meta") s.microdata_date = unicode::shortened(markup::collapsed_text(n), 80);
    } else if (itemprop == "author" && name != "meta" && name != "link") {
        add_byline(s.microdata_authors, n);
    }
}

/// True when a container whose class and id, lower-cased, are `words` holds comments or the
/// site's footer, whose text holds no byline of the article. An article's own footer does.
bool names_comments_or_footer(std::string_view name, std::string_view words, const PageScan& s) {
    static constexpr std::array<std::string_view, 6> kContainers{"div", "section", "ul", "ol", "footer", "aside"};
    if (std::find(kContainers.begin(), kContainers.end(), name) == kContainers.end()) return false;
    static constexpr std::array<std::string_view, 4> kFooterParts{"footer", "copyright", "colophon", "site-info"};
    const bool closing = name == "footer" || s.article_depth > 0;
    const bool footer = !closing && std::any_of(kFooterParts.begin(), kFooterParts.end(), [&](std::string_view p) { return words.find(p) != std::string::npos; });
    return footer || words.find("comment") != std::string_view::npos;
}

/// Notes a TLP label that is the whole text of `n` (`<p><strong>TLP:CLEAR</strong></p>`, a
/// banner atop an advisory), keeping the most restrictive.
void scan_handling(const XmlNode* n, PageScan& s) {
    const XmlNode* text = n->children;
    if (text == nullptr || text->next != nullptr || text->type != markup::NodeType::text || text->content.size() > 40) return;
    std::string_view content = text->content;
    const std::size_t first = content.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return;
    content = content.substr(first, content.find_last_not_of(" \t\r\n") + 1 - first);
    if (content.size() < 7 || (content[0] != 'T' && content[0] != 't')) return;
    const std::optional<handling::TlpLabel> tlp = handling::tlp_label(content);
    if (tlp && handling::keep_most_restrictive(s.handling, tlp->label)) s.handling_line = n->line;
}

/// Scans one element for metadata; true when it is navigation, an aside, comments or the site's
/// footer, whose text holds no byline of the article.
bool scan_element(const XmlNode* n, PageScan& s) {
    const std::string_view name = n->name;
    scan_head_and_headline(n, s);
    scan_handling(n, s);
    scan_microdata(n, s);
    if (name == "a" && unicode::ascii_lower(markup::attribute(n, "rel")) == "author") add_byline(s.bylines, n);
    const std::string_view class_attribute = markup::attribute(n, "class");
    const std::string_view id = markup::attribute(n, "id");
    const bool aside = name == "nav" || name == "aside" || (name == "footer" && s.article_depth == 0);
    if (class_attribute.empty() && id.empty() && name != "a" && name != "byline") return aside;
    std::string& words = s.words;
    words.assign(class_attribute).append(" ").append(id);
    for (char& c : words) c = unicode::ascii_lower(c);
    if (s.author_marked.size() < 4 && marks_an_author(n, words)) {
        if (std::string byline = clean_byline(markup::spaced_text(n)); !byline.empty()) s.author_marked.push_back(std::move(byline));
    }
    if (!s.class_date && names_a_date(words)) {
        std::string text = markup::collapsed_text(n);
        if (text.size() <= 200 && (s.class_date = date_in(text))) s.class_date_text = std::move(text);
    }
    return aside || names_comments_or_footer(name, words, s);
}

/// The name in a line that gives a date and a name apart (`04.02.2022 | 13:10 Uhr | Uta
/// Helkenberg`): a part without digits of two to four words that read as names; empty when none.
std::string name_beside_date(const std::string& line) {
    if (line.size() > kLineLimit || line.find_first_of("0123456789") == std::string::npos || !date_in(line)) return {};
    static constexpr std::array<std::string_view, 7> kSeparators{" - ", " | ", " \u00B7 ", " \u2022 ", " \u2013 ", " \u2014 ", " / "};
    const std::vector<std::string_view> parts = markup::split(line, kSeparators);
    if (parts.size() < 2) return {};
    for (const std::string_view part : parts) {
        if (part.find_first_of("0123456789") != std::string_view::npos) continue;
        std::string names = clean_byline(std::string(part));
        const auto words = static_cast<std::size_t>(std::count(names.begin(), names.end(), ' ')) + 1;
        if (words >= 2 && words <= 4 && reads_as_byline(names) && !is_furniture_word(names)) return names;
    }
    return {};
}

/// Reads a line near the first `<h1>` (the one before it, or one of the few after it) for a name
/// beside a date and for a date alone.
void read_line_near_h1(const std::string& raw, PageScan& s) {
    if (raw.find_first_of("0123456789") == std::string::npos || (!s.dated_name.empty() && s.line_date)) return;
    const std::string line = plain_spaced(raw);
    if (s.dated_name.empty() && !(s.dated_name = name_beside_date(line)).empty()) s.dated_name_line = line;
    if (!s.line_date && line.size() <= 40 && (s.line_date = date_in(line))) s.line_date_text = line;
}

/// Ends the line of text being gathered at a block boundary: before the first `<h1>` it is kept
/// as the line before it, after it one of the first few is read.
void end_line(PageScan& s) {
    if (s.line.empty()) return;
    if (s.h1.empty()) {
        std::swap(s.line, s.line_before_h1);
    } else if (s.lines_after_h1 < kLinesAfterHeadline) {
        ++s.lines_after_h1;
        read_line_near_h1(s.line, s);
    }
    s.line.clear();
}

/// Scans one text node for a byline or a date line that it opens.
void scan_text(const XmlNode* n, PageScan& s) {
    if (s.in_after_h1) {
        s.after_h1.append(unicode::whole_prefix(n->content, kAfterHeadline)).push_back(' ');
        s.in_after_h1 = s.after_h1.size() < kAfterHeadline;
    }
    const std::string_view text = n->content;
    if (std::all_of(text.begin(), text.end(), is_blank)) return;  // a blank between elements changes nothing
    const bool byline_wanted = s.line_open && s.quiet_depth == 0 && s.visible_byline.empty();
    const bool date_wanted = s.line_open && !s.labelled_date;
    const LineOpening opening = byline_wanted || date_wanted ? labels_opening(text) : LineOpening{};
    if (byline_wanted && opening.byline) add_visible_byline(n, s);
    if (date_wanted && opening.date) {
        const std::string line = plain_spaced(line_from(n, 80));
        if ((s.labelled_date = date_in(line))) s.labelled_date_line = line;
    }
    // A separator alone (` | `) keeps the line open; text ending in one opens it only when short.
    s.line_open = leaves_line_open(text) && (s.line_open || std::count_if(text.begin(), text.end(), [](char c) { return !is_blank(c); }) <= 3);
    if (s.line.size() <= kLineLimit && s.quiet_depth == 0 && s.lines_after_h1 < kLinesAfterHeadline) {
        s.line.append(unicode::whole_prefix(text, kLineLimit + 1)).push_back(' ');
    }
}

/// True when `n` is a microdata item that is a property of another item, and not the page's
/// main content (`mainEntity`, a blog's `blogPost`): a work it cites, a review, a comment, a
/// product. Its `itemprop`s (a cited paper's `author`, a review's `datePublished`) are not the article's.
bool foreign_item(const XmlNode* n) {
    if (!markup::has_attribute(n, "itemscope")) return false;
    static constexpr std::array<std::string_view, 4> kMainContent{"mainEntity", "mainEntityOfPage", "mainContentOfPage", "blogPost"};
    const std::string_view property = markup::attribute(n, "itemprop");
    return !property.empty() && std::find(kMainContent.begin(), kMainContent.end(), property) == kMainContent.end();
}

void scan(const XmlNode* n, PageScan& s) {
    for (; n != nullptr; n = n->next) {
        if (n->type == markup::NodeType::text) scan_text(n, s);
        if (n->type != markup::NodeType::element) continue;
        const bool block = s.is_block(n->name);
        if (block) end_line(s);
        const bool quiet = scan_element(n, s);
        if (n->name == "h1" && s.h1.size() == 1 && !s.line_before_h1_read) {
            s.line_before_h1_read = true;
            read_line_near_h1(s.line_before_h1, s);
        }
        s.line_open = s.line_open || block;
        s.quiet_depth += quiet ? 1 : 0;
        s.article_depth += n->name == "article" ? 1 : 0;
        const int foreign = foreign_item(n) ? 1 : 0;
        s.foreign_item_depth += foreign;
        if (n->name != "script" && n->name != "style") scan(n->children, s);
        s.quiet_depth -= quiet ? 1 : 0;
        s.article_depth -= n->name == "article" ? 1 : 0;
        s.foreign_item_depth -= foreign;
        s.line_open = s.line_open || block;
        if (block) end_line(s);
        if (n->name == "h1" && s.h1.size() == 1 && s.after_h1.empty()) s.in_after_h1 = true;
    }
}

bool is_article_type(std::string_view type) {
    if (type.starts_with("http://schema.org/") || type.starts_with("https://schema.org/")) {
        type.remove_prefix(type.find("schema.org/") + 11);
    }
    return std::find(kArticleTypes.begin(), kArticleTypes.end(), type) != kArticleTypes.end();
}

bool is_article_object(const JsonValue& v) {
    const JsonValue* type = v.find("@type");
    if (type == nullptr) return false;
    if (type->is_string()) return is_article_type(type->text);
    return std::any_of(type->items().begin(), type->items().end(),
                       [](const JsonValue& t) { return t.is_string() && is_article_type(t.text); });
}

/// The first article object in `v` (itself, in `@graph`, in an array, or nested), or nullptr.
const JsonValue* find_article(const JsonValue& v, int depth = 0) {
    if (depth > 8) return nullptr;
    if (v.is_object()) {
        if (is_article_object(v)) return &v;
        for (const markup::JsonMember& m : v.members()) {
            if (m.key == "@graph" || m.key == "mainEntity" || m.key == "mainEntityOfPage") {
                if (const JsonValue* found = find_article(m.value, depth + 1)) return found;
            }
        }
    } else if (v.is_array()) {
        for (const JsonValue& e : v.items()) {
            if (const JsonValue* found = find_article(e, depth + 1)) return found;
        }
    }
    return nullptr;
}

std::string_view string_of(const JsonValue* v) { return v != nullptr && v->is_string() ? v->text : std::string_view(); }

/// A name from a JSON-LD person or organisation: a string, or an object's `name`.
std::string_view name_of(const JsonValue& v) {
    if (v.is_string()) return v.text;
    return string_of(v.find("name"));
}

bool is_organisation(const JsonValue& v) {
    const std::string_view type = string_of(v.find("@type"));
    return type == "Organization" || type == "NewsMediaOrganization" || type == "Corporation";
}

/// The JSON-LD fields of the page's article object.
struct JsonLdArticle {
    std::string headline;
    std::string date;
    std::vector<std::string> authors;
    std::string publisher;
    std::string language;
    std::string url;
};

/// The object in `v` whose `@id` is `id`, or nullptr.
const JsonValue* find_by_id(const JsonValue& v, std::string_view id, int depth = 0) {
    if (depth > 8) return nullptr;
    if (v.is_object()) {
        if (string_of(v.find("@id")) == id && v.size > 1) return &v;
        for (const markup::JsonMember& m : v.members()) {
            if (const JsonValue* found = find_by_id(m.value, id, depth + 1)) return found;
        }
    } else if (v.is_array()) {
        for (const JsonValue& e : v.items()) {
            if (const JsonValue* found = find_by_id(e, id, depth + 1)) return found;
        }
    }
    return nullptr;
}

void read_ld_authors(const JsonValue* author, const JsonValue& root, JsonLdArticle& out) {
    if (author == nullptr) return;
    auto add = [&](const JsonValue& given) {
        // Yoast and others give the author as a reference to a Person elsewhere in the graph.
        const JsonValue* referred = given.is_object() && given.find("name") == nullptr
                                        ? find_by_id(root, string_of(given.find("@id")))
                                        : nullptr;
        const JsonValue& a = referred != nullptr ? *referred : given;
        if (is_organisation(a)) return;
        std::string name = markup::collapse_space(markup::resolve_references(name_of(a)));
        // A profile named by its first name alone (Yoast's Person) whose description opens with the whole name.
        if (std::string whole = name_from_description(name, markup::collapse_space(string_of(a.find("description")))); !whole.empty()) {
            name = std::move(whole);
        }
        if (!name.empty() && name.size() < 100) {
            for (std::string& n : markup::authors_from_byline(name)) out.authors.push_back(std::move(n));
        }
    };
    if (author->is_array()) {
        for (const JsonValue& a : author->items()) add(a);
    } else {
        add(*author);
    }
}

/// `text` as search engines read a JSON-LD block that is not quite JSON: control characters
/// written raw inside strings (a line break in an `articleBody`) escaped, and a `;` after the
/// value (a script's habit) left out. Empty when there is nothing to mend.
std::string mended_json_ld(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 64);
    bool in_string = false;
    bool changed = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string && c == '\\' && i + 1 < text.size()) {
            out += c;
            out += text[++i];
            continue;
        }
        if (c == '"') in_string = !in_string;
        if (in_string && static_cast<unsigned char>(c) < 0x20) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            changed = true;
            continue;
        }
        out += c;
    }
    while (!out.empty() && is_blank(out.back())) out.pop_back();
    if (!out.empty() && out.back() == ';') {
        out.pop_back();
        changed = true;
    }
    return changed ? out : std::string();
}

/// The article a JSON-LD tree describes, if it describes one.
std::optional<JsonLdArticle> ld_article(const markup::JsonTree& tree) {
    const JsonValue* article = find_article(tree.root());
    if (article == nullptr) return std::nullopt;
    JsonLdArticle out;
    out.headline = markup::collapse_space(markup::resolve_references(string_of(article->find("headline"))));
    if (out.headline.empty()) out.headline = markup::collapse_space(markup::resolve_references(string_of(article->find("name"))));
    out.date = string_of(article->find("datePublished"));
    if (out.date.empty()) out.date = string_of(article->find("dateCreated"));
    read_ld_authors(article->find("author"), tree.root(), out);
    if (const JsonValue* p = article->find("publisher"); p != nullptr) out.publisher = markup::collapse_space(name_of(*p));
    out.language = string_of(article->find("inLanguage"));
    out.url = string_of(article->find("url"));
    return out;
}

/// The article of the first JSON-LD block that describes one; a block that is not JSON is read
/// as mended_json_ld() mends it, with a note, or passed over with one.
std::optional<JsonLdArticle> read_json_ld(const PageScan& s, const ReadOptions& options, std::vector<Note>& notes) {
    ReadOptions json_options = options;
    json_options.max_depth = std::max<std::size_t>(options.max_depth, 64);
    for (const std::string_view text : s.json_ld) {
        std::string mended;  // outlives the tree read from it
        try {
            std::optional<markup::JsonTree> tree;
            try {
                tree.emplace(markup::parse_json(text, "JSON-LD", json_options));
            } catch (const InputError&) {
                mended = mended_json_ld(text);
                if (mended.empty()) throw;
                tree.emplace(markup::parse_json(mended, "JSON-LD", json_options));
            }
            std::optional<JsonLdArticle> article = ld_article(*tree);
            if (!article) continue;
            if (!mended.empty()) {
                notes.push_back(Note{0, "json-ld-mended",
                                     "a JSON-LD block that is not quite JSON (control characters raw inside its strings, or a ';' "
                                     "after it) was read as search engines read it"});
            }
            return article;
        } catch (const Error& e) {
            notes.push_back(Note{0, "json-ld-unreadable",
                                 fmt::format("a JSON-LD block was not read, its metadata not used: {}", e.what())});
        }
    }
    return std::nullopt;
}

/// A date from a metadata value: ISO 8601 (a space for the `T` too), else its leading day.
std::optional<Date> page_date(std::string_view text) {
    text = unicode::whole_prefix(text, 64);  // a date's text is never longer; a longer one is cut between characters
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    if (auto d = markup::parse_iso8601(text)) return d;
    std::string spaced(text);
    if (spaced.size() > 10 && spaced[10] == ' ') {
        spaced[10] = 'T';
        if (const std::size_t zone = spaced.find(' ', 11); zone != std::string::npos) spaced.erase(zone, 1);
        if (auto d = markup::parse_iso8601(spaced)) return d;
    }
    if (text.size() >= 10) {
        if (auto d = markup::parse_iso8601(text.substr(0, 10))) {
            d->text = std::string(text);
            return d;
        }
    }
    return std::nullopt;
}

/// `23.09.22`, the day, month and two-digit year (of this century) that pages print under a headline.
std::optional<Date> short_year_date(std::string_view word) {
    while (!word.empty() && std::string_view(",;|)").find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    if (word.size() < 6 || word.size() > 8 || word[word.size() - 3] != '.') return std::nullopt;
    const std::size_t dot = word.find('.');
    if (dot == 0 || dot > 2 || word.size() - dot < 5) return std::nullopt;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] != '.' && !markup::ascii_digit(word[i])) return std::nullopt;
    }
    const std::string iso = fmt::format("20{}-{:0>2}-{:0>2}", word.substr(word.size() - 2),
                                        word.substr(dot + 1, word.size() - 3 - dot - 1), word.substr(0, dot));
    std::optional<Date> date = markup::parse_iso8601(iso);
    if (date) date->text = std::string(word);
    return date;
}

/// A date in the page's address: `/2022/12/01/` or `/2022-12-01`.
std::optional<Date> address_date(std::string_view url) {
    for (std::size_t at = 0; at + 10 <= url.size(); ++at) {
        const auto digits = [&](std::size_t from, std::size_t n) {
            for (std::size_t i = from; i < from + n; ++i) {
                if (i >= url.size() || url[i] < '0' || url[i] > '9') return false;
            }
            return true;
        };
        if (url[at] != '/' || !digits(at + 1, 4) || (url[at + 1] != '1' && url[at + 1] != '2')) continue;
        const char sep = url[at + 5];
        if ((sep != '/' && sep != '-') || !digits(at + 6, 2) || url[at + 8] != sep || !digits(at + 9, 2)) continue;
        const std::string iso = fmt::format("{}-{}-{}", url.substr(at + 1, 4), url.substr(at + 6, 2), url.substr(at + 9, 2));
        if (auto d = markup::parse_iso8601(iso)) return d;
    }
    return std::nullopt;
}

/// The first of `keys` the page's meta gives, with the key.
std::pair<std::string_view, std::string_view> first_meta(const PageScan& s, std::initializer_list<std::string_view> keys) {
    for (const std::string_view key : keys) {
        if (const std::string_view v = s.find(key); !v.empty()) return {key, v};
    }
    return {};
}

/// The separators sites put between a headline and their name in a `<title>`.
constexpr std::array<std::string_view, 7> kTitleSeparators{" | ", " - ", " – ", " — ", " :: ", " · ", " » "};

/// True when the part of a title after its last separator names the site: it holds the site's
/// name or is part of it, or holds the name of the site's address.
bool names_site(std::string_view part, const std::string& site_key, const std::string& host) {
    const std::string key = unicode::letters_key(part);
    if (key.empty()) return false;
    if (!site_key.empty() && (key.find(site_key) != std::string::npos || site_key.find(key) != std::string::npos)) return true;
    return host.size() >= 4 && key.find(host) != std::string::npos;
}

/// `title` without a site name around it: when the page's `<h1>` is `title` up to a separator,
/// the `<h1>`; else `title` without a part after its last separator that names the site (`site`,
/// or the address `url`), or one before its first that `site` names.
std::string without_site_name(const std::string& title, const PageScan& s, std::string_view site, std::string_view url) {
    for (const std::string& h : s.h1) {
        if (h.size() < 8 || !title.starts_with(h) || title.size() == h.size()) continue;
        const std::string_view rest = std::string_view(title).substr(h.size());
        for (const std::string_view sep : kTitleSeparators) {
            if (rest.starts_with(sep)) return h;
        }
    }
    // A part of the title that a heading of the page prints is the headline (`Headline | Site`,
    // `Site » Section » Headline`); of several, the longest (a section's name is a heading too).
    if (const std::vector<std::string_view> parts = markup::split(title, kTitleSeparators); parts.size() > 1) {
        std::string_view printed;
        for (const std::string_view part : parts) {
            const std::string key = unicode::letters_key(part);
            if (key.size() < 8 || part.size() <= printed.size()) continue;
            for (const std::string& h : s.headings) {
                if (unicode::letters_key(h) == key) printed = part;
            }
        }
        if (!printed.empty()) return markup::collapse_space(printed);
    }
    const std::string site_key = unicode::letters_key(site);
    const std::string host = host_name(url);
    if (site_key.empty() && host.empty()) return title;
    for (const std::string_view sep : kTitleSeparators) {
        const std::size_t last = title.rfind(sep);
        if (last == std::string::npos || last == 0) continue;
        if (names_site(std::string_view(title).substr(last + sep.size()), site_key, host)) return title.substr(0, last);
        // A site's name before the title is told only when it is the name or a part of it: a
        // title may well start with the word its site is named after.
        const std::size_t first = title.find(sep);
        const std::string head = unicode::letters_key(std::string_view(title).substr(0, first));
        if (!head.empty() && site_key.find(head) != std::string::npos) return title.substr(first + sep.size());
    }
    return title;
}

void note_source(std::vector<Note>& notes, std::string_view rule, std::string_view field, std::string_view source) {
    notes.push_back(Note{0, std::string(rule), fmt::format("the {} is the page's {}", field, source)});
}

/// When the page's only `<h1>` is a link home (the site's logo) and one of the parts its
/// `<title>` is split into by separators (`Time 4 talks » Blog Archiv » Weitere
/// Digitalisierung…`), that `<h1>` is the site's name and the title is the part at the other
/// end; empty otherwise.
std::string title_beside_site_h1(const PageScan& s) {
    if (s.h1.size() != 1 || !s.h1_links_home) return {};
    const std::string h1_key = unicode::letters_key(s.h1.front());
    if (h1_key.empty()) return {};
    static constexpr std::array<std::string_view, kTitleSeparators.size() + 1> kSeparators = [] {
        std::array<std::string_view, kTitleSeparators.size() + 1> all{};
        std::copy(kTitleSeparators.begin(), kTitleSeparators.end(), all.begin());
        all.back() = " : ";  // `Headline : Site`, as some sites space it
        return all;
    }();
    // A site's name may hold a separator itself (`Enchufla Figuren - Salsa-Figuren - Rueda in Berlin`).
    const std::string_view title = s.title_element;
    const std::string_view h1 = s.h1.front();
    if (markup::split(h1, kSeparators).size() > 1) {
        for (const std::string_view sep : kSeparators) {
            if (title.size() > h1.size() + sep.size() && title.ends_with(h1) && title.substr(0, title.size() - h1.size()).ends_with(sep)) {
                return markup::collapse_space(title.substr(0, title.size() - h1.size() - sep.size()));
            }
            if (title.size() > h1.size() + sep.size() && title.starts_with(h1) && title.substr(h1.size()).starts_with(sep)) {
                return markup::collapse_space(title.substr(h1.size() + sep.size()));
            }
        }
    }
    const std::vector<std::string_view> parts = markup::split(s.title_element, kSeparators);
    if (parts.size() < 2) return {};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (unicode::letters_key(parts[i]) != h1_key) continue;
        return markup::collapse_space(i == 0 ? parts.back() : parts.front());
    }
    return {};
}

/// `title` without the ellipsis a source ends a headline it cut short with, and the spaces before it.
std::string_view without_ellipsis(std::string_view title, bool& had_one) {
    had_one = false;
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view end : {std::string_view("..."), std::string_view("\xE2\x80\xA6"), std::string_view(" ")}) {
            if (title.ends_with(end)) {
                title.remove_suffix(end.size());
                had_one = had_one || end != " ";
                trimmed = true;
            }
        }
    }
    return title;
}

/// The whole headline where `title` is one cut short (`…deepen the channel for...`, or
/// `…deepen the eastern` beside the `<h1>`'s `…deepen the eastern channel`): the
/// longest of `fuller` that starts with it and goes on with words, not a separator and a site's
/// name. A title without an ellipsis is taken as cut only by a heading the page shows that goes on
/// in lowercase, mid-sentence (not a deck after the headline). Empty when `title` is whole.
std::string completed_title(std::string_view title, std::span<const std::pair<std::string, std::string_view>> fuller,
                            const PageScan& s, std::string_view& source) {
    bool ellipsis = false;
    const std::string_view stem = without_ellipsis(title, ellipsis);
    if (stem.size() < 20) return {};
    std::string best;
    const auto consider = [&](const std::string& text, std::string_view from) {
        if (text.size() <= title.size() || text.size() <= best.size() || !text.starts_with(stem)) return;
        const std::string_view rest = std::string_view(text).substr(stem.size());
        if (rest.starts_with("...") || rest.starts_with("\xE2\x80\xA6")) return;  // cut in the same place
        for (const std::string_view sep : kTitleSeparators) {
            if (rest.starts_with(sep)) return;
        }
        const std::u32string words = unicode::decode(rest.substr(0, 16));
        const auto first = std::find_if(words.begin(), words.end(), [](char32_t c) { return unicode::is_letter(c) || (c >= '0' && c <= '9'); });
        if (first == words.end() || (!ellipsis && !unicode::is_lower(*first))) return;
        best = text;
        source = from;
    };
    for (const std::string& h : s.headings) consider(h, "heading");
    if (!ellipsis) return best;
    for (const auto& [text, from] : fuller) consider(text, from);
    return best;
}

/// Where the metadata's titles disagree (a search engine's headline in JSON-LD, the printed one in
/// og:title), the index of the first of them (the first `kMetadataTitles` of `candidates`) that
/// the page prints as an `<h1>`, when the first title is no part of that `<h1>` (a headline
/// without its kicker); else 0.
constexpr std::size_t kMetadataTitles = 5;
std::size_t printed_metadata_title(std::span<const std::pair<std::string, std::string_view>> candidates, const PageScan& s) {
    if (s.h1_links_home) return 0;
    std::string first_key;
    for (std::size_t i = 0; i < kMetadataTitles && i < candidates.size(); ++i) {
        const std::string key = unicode::letters_key(candidates[i].first);
        if (key.empty()) continue;
        if (first_key.empty()) first_key = key;
        for (const std::string& h : s.h1) {
            const std::string h1_key = unicode::letters_key(h);
            if (h1_key == key) return h1_key.find(first_key) == std::string::npos ? i : 0;
        }
    }
    return 0;
}

void choose_title(const PageScan& s, const std::optional<JsonLdArticle>& ld, std::string_view site, PageMetadata& out) {
    const std::string beside_site = title_beside_site_h1(s);
    const std::pair<std::string, std::string_view> candidates[] = {
        {ld ? ld->headline : std::string(), "JSON-LD headline"},
        {s.microdata_headline, "microdata headline"},
        {markup::collapse_space(s.find("og:title")), "og:title meta"},
        {markup::collapse_space(s.find("twitter:title")), "twitter:title meta"},
        {markup::collapse_space(first_meta(s, {"dc.title", "dcterms.title", "citation_title"}).second), "Dublin Core or citation title meta"},
        {beside_site, "<title>, its only <h1> (the site's name) left out"},
        {s.h1.size() == 1 && !s.h1_links_home ? s.h1.front() : std::string(), "only <h1>"},
        {s.title_element, "<title>"},
    };
    for (std::size_t i = printed_metadata_title(candidates, s); i < std::size(candidates); ++i) {
        const auto& [title, source] = candidates[i];
        if (title.empty()) continue;
        std::string_view whole_source;
        const std::string whole = completed_title(title, std::span(candidates).subspan(i + 1), s, whole_source);
        const std::string& chosen = whole.empty() ? title : whole;
        out.meta.title = without_site_name(chosen, s, site, out.meta.url);
        std::string named = out.meta.title == chosen ? std::string(source) : fmt::format("{}, the site's name left out", source);
        if (!whole.empty()) named += fmt::format(", cut short there and completed from the page's {}", whole_source);
        note_source(out.notes, "title-source", "title", named);
        return;
    }
}

/// A date the page prints near its article, with where: in an element named a date, after a
/// date's label, under or beside the headline.
std::optional<std::pair<Date, std::string>> printed_date(const PageScan& s) {
    if (s.class_date) return std::pair{*s.class_date, fmt::format("text '{}'", unicode::shortened(s.class_date_text, 80))};
    if (s.labelled_date) return std::pair{*s.labelled_date, fmt::format("line '{}'", unicode::shortened(s.labelled_date_line, 80))};
    if (std::optional<Date> d = date_in(markup::collapse_space(s.after_h1))) return std::pair{*d, std::string("text after its headline")};
    if (s.line_date) return std::pair{*s.line_date, fmt::format("line '{}' beside its headline", unicode::shortened(s.line_date_text, 80))};
    return std::nullopt;
}

/// For a page whose metadata gives no date, the one its text or address shows: a printed date,
/// else one in the address or the title.
void date_from_text(const PageScan& s, PageMetadata& out) {
    if (auto printed = printed_date(s)) {
        out.meta.date = std::move(printed->first);
        note_source(out.notes, "date-source", "date", printed->second);
        return;
    }
    if (std::optional<Date> d = address_date(out.meta.url)) {
        out.meta.date = std::move(d);
        note_source(out.notes, "date-source", "date", "address (a date in its path)");
        return;
    }
    const auto [title_key, meta_title] = first_meta(s, {"og:title", "twitter:title"});
    for (const std::string_view title : {std::string_view(s.title_element), meta_title}) {
        if (std::optional<Date> d = date_in(markup::collapse_space(title))) {
            out.meta.date = std::move(d);
            note_source(out.notes, "date-source", "date", fmt::format("title '{}'", unicode::shortened(title, 80)));
            return;
        }
    }
}

/// Minutes since the epoch of `day` at `time` (midnight without one).
std::chrono::sys_time<std::chrono::minutes> minutes_of(const CalendarDay& day, const std::optional<TimeOfDay>& time) {
    using namespace std::chrono;
    const sys_days start{year_month_day(year(day.year), month(static_cast<unsigned>(day.month)), std::chrono::day(static_cast<unsigned>(day.day)))};
    return start + hours(time ? time->hour : 0) + minutes(time ? time->minute : 0);
}

/// The date the page prints for its metadata's UTC instant, where a site stores its local time
/// in UTC and so gives the day before or after the printed one (`2021-11-04T23:00:00Z`, printed
/// `05.11.2021`): with the printed time, the same instant in the zone they imply (a whole
/// quarter hour, UTC−12 to UTC+14); without one, the printed day when the instant lies within
/// three hours of it, as near zones put it. nullopt when the two do not tell one instant.
std::optional<Date> printed_local_date(const Date& instant, const Date& printed) {
    using namespace std::chrono;
    if (!instant.time || instant.utc_offset != 0 || instant.day == printed.day) return std::nullopt;
    const auto at = minutes_of(instant.day, instant.time);
    if (printed.time) {
        const minutes offset = minutes_of(printed.day, printed.time) - at;
        if (offset.count() % 15 != 0 || offset < -hours(12) || offset > hours(14)) return std::nullopt;
        Date local = printed;
        local.time->second = instant.time->second;
        local.utc_offset = static_cast<int>(offset.count());
        return local;
    }
    const auto start = minutes_of(printed.day, std::nullopt);
    if (at < start - hours(3) || at >= start + days(1) + hours(3)) return std::nullopt;
    return Date{printed.day, std::nullopt, std::nullopt, printed.text, printed.ambiguous};
}

/// When the metadata's date is a UTC instant that the page prints on another day, the printed
/// date (see printed_local_date()), with a note.
void printed_day_for_utc_instant(const PageScan& s, PageMetadata& out) {
    // Most pages give a time with its zone: the printed date (a parse, a quoted note) is looked
    // for only when the metadata's time is in UTC.
    if (!out.meta.date || !out.meta.date->time || out.meta.date->utc_offset != 0) return;
    const auto printed = printed_date(s);
    if (!printed) return;
    std::optional<Date> local = printed_local_date(*out.meta.date, printed->first);
    if (!local) return;
    out.notes.push_back(Note{0, "date-local-day",
                             fmt::format("the metadata's time {} is in UTC; the page's {} prints it on the day where the "
                                         "page is, and the date is {}",
                                         out.meta.date->iso(), printed->second, local->iso())});
    out.meta.date = std::move(local);
}

void choose_date(const PageScan& s, const std::optional<JsonLdArticle>& ld, PageMetadata& out) {
    const auto [key, meta_date] =
        first_meta(s, {"article:published_time", "og:article:published_time", "article.published", "datepublished",
                       "publishdate", "publish-date", "pubdate", "dc.date.issued", "dcterms.issued", "dcterms.created",
                       "dc.date", "dcterms.date", "date", "citation_publication_date", "citation_date", "sailthru.date",
                       "parsely-pub-date", "publication_date", "publish_date", "date_published",
                       "shareaholic:article_published_time", "last-modified"});
    const std::string meta_source = fmt::format("'{}' meta", key);
    const std::pair<std::string_view, std::string_view> candidates[] = {
        {ld ? std::string_view(ld->date) : std::string_view(), "JSON-LD datePublished"},
        {meta_date, meta_source},
        {s.microdata_date, "microdata datePublished"},
        {s.time_published, "<time> marked as the publication date"},
        {s.time_first, "first <time datetime>"},
    };
    for (const auto& [text, source] : candidates) {
        if (text.empty()) continue;
        if (std::optional<Date> d = page_date(text)) {
            out.meta.date = std::move(d);
            note_source(out.notes, "date-source", "date", source);
            printed_day_for_utc_instant(s, out);
            return;
        }
        out.notes.push_back(Note{0, "date-unreadable", fmt::format("the page's {} '{}' is not a date; it was passed over", source, unicode::shortened(text, 80))});
    }
    date_from_text(s, out);
}

/// True when `value` is an address, not a name (`article:author` often is).
bool is_address(std::string_view value) { return value.starts_with("http") || value.find("://") != std::string_view::npos; }

/// The bylines the page's meta gives under `key`.
std::vector<std::string> meta_bylines(const PageScan& s, std::string_view key) {
    std::vector<std::string> out;
    if (key == "twitter:data1" && unicode::fold_case(s.find("twitter:label1")) != "written by") return out;
    for (const auto& [k, v] : s.meta) {
        if (k == key && !v.empty() && !is_address(v) && v.size() <= 200) out.push_back(clean_byline(markup::collapse_space(v)));
    }
    return out;
}

/// True when `name` is an organisation's, not a person's: a web address or a legal form (`GmbH`,
/// `e.V.`, `Ltd`). A newsroom's collective name (`Redaktion`, `Staff`) is the byline it prints.
bool names_organisation(std::string_view name) {
    const std::string folded = " " + unicode::fold_case(name) + " ";
    static constexpr std::array<std::string_view, 16> kMarks{
        "www.", ".de ", ".com ", ".at ", ".ch ", ".it ", ".org ", ".net ", " gmbh", " e.v.", " e. v.", " ag ",
        " inc", " ltd", " llc", " verlag"};
    return std::any_of(kMarks.begin(), kMarks.end(), [&](std::string_view m) { return folded.find(m) != std::string::npos; });
}

/// True when `name` is the site's own name or part of it (`Spiegel` of `Spiegel Online`), not
/// the person whose site it is (`Ana Lima` of `Ana Lima's Blog`).
bool names_site(std::string_view name, const std::string& folded_site) {
    if (folded_site.empty()) return false;
    const std::string f = unicode::fold_case(name);
    const std::size_t at = folded_site.find(f);
    if (at != std::string::npos) {
        const std::string_view after = std::string_view(folded_site).substr(at + f.size());
        return !(after.starts_with("'s ") || after.starts_with("\xE2\x80\x99s "));
    }
    return f.find(folded_site) != std::string::npos;
}

/// The words of `name` as keys (`Ines M. Da Costa` gives `ines`, `m`, `da`, `costa`;
/// a login's pieces too: `ines.da.costa`).
std::vector<std::string> name_keys(std::string_view name) {
    std::vector<std::string> keys;
    static constexpr std::array<std::string_view, 5> kBreaks{" ", ".", "_", "-", "\xC2\xA0"};
    for (const std::string_view part : markup::split(name, kBreaks)) {
        if (std::string key = unicode::letters_key(part); !key.empty()) keys.push_back(std::move(key));
    }
    return keys;
}

/// True when `fuller` names the person `partial` names only in part: a first name alone
/// (`Ned`, beside `Ned Varga`) or a login (`ines.da.costa`, `jorinfeldhake`)
/// whose every piece, or whose letters, the fuller name's words give; a word of a byline's
/// furniture (`Veröffentlicht`) is no part of a name.
bool names_more_fully(const std::string& partial, const std::string& fuller) {
    if (fuller.find(' ') == std::string::npos || partial.find(' ') != std::string::npos) return false;
    static constexpr std::array<std::string_view, 1> kSpace{" "};
    const std::vector<std::string_view> spelled = markup::split(fuller, kSpace);
    if (std::any_of(spelled.begin(), spelled.end(), [](std::string_view w) { return is_furniture_word(w); })) return false;
    const std::vector<std::string> parts = name_keys(partial);
    const std::vector<std::string> words = name_keys(fuller);
    if (parts.empty() || words.size() < 2) return false;
    std::string joined;
    for (const std::string& w : words) joined += w;
    if (parts.size() == 1 && (parts.front() == joined || parts.front() == words.front() + words.back())) return true;
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return std::find(words.begin(), words.end(), p) != words.end(); });
}

/// Where the names of the chosen source each name one person only in part, the first later
/// source that names each of them fully, if any.
const std::pair<std::vector<std::string>, std::string>* fuller_source(
    const std::vector<std::string>& chosen, std::span<const std::pair<std::vector<std::string>, std::string>> later) {
    for (const auto& source : later) {
        if (source.first.size() != chosen.size()) continue;
        bool all = true;
        for (std::size_t i = 0; i < chosen.size() && all; ++i) all = names_more_fully(chosen[i], source.first[i]);
        if (all) return &source;
    }
    return nullptr;
}

/// The authors from the first source that names a person: JSON-LD, then meta, microdata, rel=author
/// links and bylines. A source naming only the site itself (an organisation) is passed over; a
/// first name or a login yields to a later source that names the same person in full.
void choose_authors(const PageScan& s, const std::optional<JsonLdArticle>& ld, std::string_view site, PageMetadata& out) {
    std::vector<std::pair<std::vector<std::string>, std::string>> sources;
    if (ld) sources.emplace_back(names_of(ld->authors), "JSON-LD author");
    for (const std::string_view key : {"author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
                                       "citation_author", "parsely-author", "sailthru.author", "byl", "twitter:data1"}) {
        sources.emplace_back(names_of(meta_bylines(s, key)), fmt::format("'{}' meta", key));
    }
    sources.emplace_back(names_of(s.microdata_authors), "microdata author");
    sources.emplace_back(names_of(s.bylines), "rel=author links");
    sources.emplace_back(names_of(s.author_marked), "byline");
    if (const std::string& line = s.h1.empty() ? s.byline_without_h1 : s.visible_byline; !line.empty()) {
        sources.emplace_back(names_of({clean_byline(line)}), fmt::format("byline '{}'{}", unicode::shortened(line, 80),
                                                                         s.h1.empty() ? "" : " after the headline"));
    }
    if (!s.dated_name.empty()) {
        sources.emplace_back(names_of({s.dated_name}), fmt::format("line '{}' beside its headline", unicode::shortened(s.dated_name_line, 80)));
    }
    const std::string folded_site = unicode::fold_case(site);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        auto& [names, source] = sources[i];
        if (names.empty()) continue;
        if (std::all_of(names.begin(), names.end(), [&](const std::string& n) { return names_organisation(n) || names_site(n, folded_site); })) {
            continue;
        }
        if (const auto* fuller = fuller_source(names, std::span(sources).subspan(i + 1))) {
            out.meta.authors = fuller->first;
            note_source(out.notes, "author-source", "author list",
                        fmt::format("{}, which names '{}' in full where the {} gives '{}'", fuller->second, fuller->first.front(),
                                    source, names.front()));
            return;
        }
        out.meta.authors = std::move(names);
        note_source(out.notes, "author-source", "author list", source);
        return;
    }
}

/// A language tag from a page's spelling of one (`de_DE`, `en-us`).
std::string language_tag(std::string_view value) {
    std::string tag = markup::collapse_space(value);
    std::replace(tag.begin(), tag.end(), '_', '-');
    return is_language_tag(tag) ? tag : std::string();
}

void choose_language(const PageScan& s, const std::optional<JsonLdArticle>& ld, PageMetadata& out) {
    const std::pair<std::string_view, std::string_view> candidates[] = {
        {ld ? std::string_view(ld->language) : std::string_view(), "JSON-LD inLanguage"},
        {s.lang, "<html lang>"},
        {s.find("og:locale"), "og:locale meta"},
        {s.find("content-language"), "Content-Language"},
        {s.find("dc.language"), "dc.language meta"},
    };
    for (const auto& [value, source] : candidates) {
        if (std::string tag = language_tag(value); !tag.empty()) {
            out.meta.language = std::move(tag);
            note_source(out.notes, "language-source", "language", source);
            return;
        }
    }
}

void choose_address(const PageScan& s, const std::optional<JsonLdArticle>& ld, PageMetadata& out) {
    const std::pair<std::string_view, std::string_view> candidates[] = {
        {s.canonical, "<link rel=canonical>"},
        {s.find("og:url"), "og:url meta"},
        {ld ? std::string_view(ld->url) : std::string_view(), "JSON-LD url"},
    };
    for (const auto& [value, source] : candidates) {
        const std::string url = markup::collapse_space(value);
        if ((url.starts_with("http://") || url.starts_with("https://")) && url.size() <= kMaxUrlLength) {
            out.meta.url = url;
            note_source(out.notes, "url-source", "address", source);
            return;
        }
    }
}

}  // namespace

/// The first date written in `text` (`Veröffentlicht am 18. Oktober 2019, 10:12 Uhr`): the
/// first run of one to five words that reads as a whole date.
std::optional<Date> date_in(std::string_view given) {
    std::string spaced(given);  // a no-break space parts words too (`Bonn,&nbsp;11.10.2021`)
    for (std::size_t at = 0; (at = spaced.find("\xC2\xA0", at)) != std::string::npos;) spaced.replace(at, 2, " ");
    const std::string_view text = spaced;
    std::vector<std::string_view> words;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(words[i].front())) && !std::isalpha(static_cast<unsigned char>(words[i].front())) &&
            static_cast<unsigned char>(words[i].front()) < 0x80) {
            continue;
        }
        for (std::size_t n = std::min<std::size_t>(5, words.size() - i); n >= 1; --n) {
            const char* begin = words[i].data();
            std::string_view span(begin, static_cast<std::size_t>(words[i + n - 1].data() + words[i + n - 1].size() - begin));
            while (!span.empty() && std::string_view(",;|)").find(span.back()) != std::string_view::npos) span.remove_suffix(1);
            if (!markup::has_year_digits(span)) continue;
            if (auto reading = markup::parse_date(span, DateOrder::dmy)) return std::move(reading->date);
        }
        if (std::optional<Date> d = short_year_date(words[i])) return d;
    }
    return std::nullopt;
}

PageMetadata read_page_metadata(const XmlNode* root, const ReadOptions& options) {
    PageScan s;
    if (root != nullptr) {
        s.lang = markup::attribute(root, "lang");
        scan(root, s);
    }
    PageMetadata out;
    const std::optional<JsonLdArticle> ld = read_json_ld(s, options, out.notes);
    std::string site = ld ? ld->publisher : std::string();
    std::string_view site_source = "JSON-LD publisher";
    if (site.empty()) {
        site = markup::collapse_space(first_meta(s, {"og:site_name", "application-name", "publisher", "dc.publisher"}).second);
        site_source = "site name meta";
    }
    if (!site.empty()) {
        out.meta.source.name = site;
        note_source(out.notes, "agency-source", "agency", site_source);
    }
    choose_address(s, ld, out);
    choose_title(s, ld, site, out);
    choose_date(s, ld, out);
    choose_authors(s, ld, site, out);
    choose_language(s, ld, out);
    if (!s.handling.empty()) {
        out.meta.handling = s.handling;
        out.notes.push_back(Note{s.handling_line, "handling-label", fmt::format("the handling label is the page's text '{}'", s.handling)});
    }
    return out;
}

std::string_view archived_address(std::string_view url) {
    if (const std::size_t archived = url.find("web.archive.org/web/"); archived != std::string_view::npos) {
        if (const std::size_t inner = url.find("http", archived + 20); inner != std::string_view::npos) url.remove_prefix(inner);
    }
    return url;
}

std::string host_name(std::string_view url) {
    url = archived_address(url);
    if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/:?#"));
    std::vector<std::string_view> labels;
    for (std::size_t at = 0; at <= url.size();) {
        const std::size_t dot = std::min(url.find('.', at), url.size());
        labels.push_back(url.substr(at, dot - at));
        at = dot + 1;
    }
    if (labels.size() < 2) return {};
    labels.pop_back();  // the top-level domain
    static constexpr std::array<std::string_view, 6> kSecondLevel{"co", "com", "org", "net", "gov", "ac"};  // bbc.co.uk
    if (labels.size() > 1 && std::find(kSecondLevel.begin(), kSecondLevel.end(), labels.back()) != kSecondLevel.end()) labels.pop_back();
    return unicode::ascii_lower(labels.back());
}

}  // namespace briefkit::formats::html
