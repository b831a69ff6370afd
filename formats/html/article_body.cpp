#include "formats/html/article_body.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "formats/html/body_trim.hpp"
#include "formats/html/page_metadata.hpp"
#include "formats/markup/body_markup.hpp"
#include "formats/markup/dates.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

using markup::NodeType;
using markup::XmlNode;

/// Why an element is left out before the article is looked for.
enum class Rule : std::uint8_t {
    none,
    never_text,  ///< Scripts, styles, templates, form controls: never article text.
    hidden,      ///< `hidden`, `aria-hidden="true"`, `display:none`: not shown to a reader.
    landmark,    ///< `<nav>`, `<footer>`, `<aside>` and landmark roles around the article.
    vocabulary,  ///< A class or id naming boilerplate: comments, share bars, related links, ads.
    link_list,   ///< Inside the article: a block that is mostly links (related stories, tags).
    title,       ///< Inside the article: a heading repeating the headline.
    annotation,  ///< `<rt>`, `<rp>`: a ruby annotation, the reading printed over the text (furigana).
};

/// What one element holds, measured without what is left out.
struct Measure {
    const XmlNode* node = nullptr;
    int parent = -1;
    std::uint32_t text = 0;         ///< Bytes of text, whitespace runs counted as one.
    std::uint32_t link_text = 0;    ///< Of which inside links.
    std::uint32_t inline_text = 0;  ///< Bytes of text not inside a nested block element.
    std::uint32_t inline_link = 0;  ///< Of which inside links.
    std::uint32_t commas = 0;       ///< Commas in the inline text.
    std::uint32_t prose = 0;        ///< Text of the paragraphs within that read as prose (see prose_length()).
    float score = 0;                ///< Content score as a candidate for the article's container.
    bool scored = false;
    bool block = false;  ///< A block element (a paragraph, a container, a list, a table...).
    Rule rule = Rule::none;
    bool weak = false;  ///< Left out by vocabulary that a large share of the page's text overrides.
};

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 22> kNeverText{
    "script", "style",  "noscript", "template", "svg",   "iframe", "object", "embed",  "canvas", "head",
    "button", "select", "input",    "textarea", "option", "map",   "audio",  "video",  "dialog", "math",
    "rt",     "rp"};

constexpr std::array<std::string_view, 36> kBlockTags{
    "p",     "div",   "section",  "article", "main",    "aside",  "header", "footer",     "nav",  "ul",
    "ol",    "li",    "dl",       "dt",      "dd",      "table",  "thead",  "tbody",      "tfoot", "tr",
    "td",    "th",    "blockquote", "pre",   "h1",      "h2",     "h3",     "h4",         "h5",   "h6",
    "figure", "figcaption", "form", "address", "center", "body"};

constexpr std::array<std::string_view, 8> kLandmarkRoles{"navigation", "banner",  "contentinfo", "complementary",
                                                          "search",     "menu",    "menubar",     "toolbar"};

/// Parts of a class or id that name boilerplate wherever they appear in it.
constexpr std::array<std::string_view, 73> kBoilerplateParts{
    "comment",   "disqus",     "cookie",     "consent",      "gdpr",        "newsletter",  "related", "dsgvo", "privacy",
    "share",     "sharing",    "social",     "crumb",   "outbrain",    "taboola",     "recommend",
    "paywall",   "subscri",    "signup",     "sign-up",      "promo",       "advert",      "sponsor",
    "popular",   "trending",   "most-read",  "mostread",     "read-more",   "readmore",    "more-stories",
    "author-bio", "authorbio", "author-box", "authorbox",    "about-author", "author-info", "authorinfo",
    "author-description", "author-profile", "footer",     "sidebar",
    "navbar",    "navigation", "menu",       "masthead",     "pagination",  "skip-link",   "sr-only",
    "screen-reader", "visually-hidden", "visuallyhidden", "byline", "taglist",   "tag-list",
    "toolbar",   "login",      "banner",     "disclaimer",   "tag-links",   "respond",     "news-letter",
    "ez-toc",    "toc_container", "table-of-contents", "disclosure", "post-ratings", "kommentar", "comentario",
    "postmeta",  "wp-embedded", "next-post", "donat", "spende"};

static_assert(std::all_of(kBoilerplateParts.begin(), kBoilerplateParts.end(), [](std::string_view p) { return p.size() >= 2; }),
              "PartMatcher compares a part's second byte before the rest");

/// Whole words of a class or id that name boilerplate.
constexpr std::array<std::string_view, 23> kBoilerplateWords{
    "ad",   "ads",    "adv",   "nav",   "tags",   "tools", "print", "meta", "references", "bibliography", "footnotes",
    "credit", "search", "modal", "popup", "overlay", "rating", "pager", "rss",  "teaser-list", "caption", "loading", "teasers"};

/// Parts that make an element a likelier container of the article.
constexpr std::array<std::string_view, 10> kPositiveParts{"article", "body",  "content", "entry", "main",
                                                          "post",    "text",  "story",   "blog",  "hentry"};

/// Parts that make it a less likely one.
constexpr std::array<std::string_view, 9> kNegativeParts{"media", "foot",  "contact", "scroll", "shoutbox",
                                                         "combx", "skyscraper", "shopping", "teaser"};

/// Class and id parts that name a recipe's ingredients, in the languages of the pages read.
constexpr std::array<std::string_view, 3> kIngredientParts{"ingredi", "zutat", "skladnik"};

/// Comments and consent dialogs are left out however much of the page they fill.
constexpr std::array<std::string_view, 8> kStrongParts{"comment", "disqus",  "cookie",     "consent",
                                                       "gdpr",    "dsgvo",   "newsletter", "privacy"};

/// The element's class and id, lower-cased, joined by a space.
std::string class_and_id(const XmlNode* n) {
    std::string both(markup::attribute(n, "class"));
    both.push_back(' ');
    both.append(markup::attribute(n, "id"));
    return unicode::ascii_lower(both);
}

/// Finds which of many parts occur in a string in one pass: each position is tried only
/// against the parts that start with its byte (the vocabulary is checked on every element).
class PartMatcher {
public:
    template <std::size_t N>
    explicit PartMatcher(const std::array<std::string_view, N>& parts) {
        for (const std::string_view p : parts) by_first_[static_cast<unsigned char>(p.front())].push_back(p);
    }

    /// True when some part occurs in `s`.
    [[nodiscard]] bool in(std::string_view s) const {
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            for (const std::string_view p : by_first_[static_cast<unsigned char>(s[i])]) {
                if (s[i + 1] == p[1] && s.compare(i, p.size(), p) == 0) return true;  // every part has two bytes or more
            }
        }
        return false;
    }

private:
    std::array<std::vector<std::string_view>, 256> by_first_;
};

template <std::size_t N>
bool has_part(std::string_view s, const std::array<std::string_view, N>& parts) {
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view p) { return s.find(p) != std::string_view::npos; });
}

template <std::size_t N>
bool has_word(std::string_view s, const std::array<std::string_view, N>& words) {
    for (std::size_t at = 0; at < s.size();) {
        while (at < s.size() && (s[at] == ' ' || s[at] == '-' || s[at] == '_')) ++at;
        std::size_t end = at;
        while (end < s.size() && s[end] != ' ' && s[end] != '-' && s[end] != '_') ++end;
        if (end > at && one_of(s.substr(at, end - at), words)) return true;
        at = end;
    }
    return false;
}

bool is_hidden(const XmlNode* n) {
    if (markup::has_attribute(n, "hidden") || markup::attribute(n, "aria-hidden") == "true") return true;
    const std::string_view style = markup::attribute(n, "style");
    if (style.empty()) return false;
    std::string compact;
    for (const char c : style) {
        if (c != ' ') compact.push_back(unicode::ascii_lower(c));
    }
    return compact.find("display:none") != std::string::npos || compact.find("visibility:hidden") != std::string::npos;
}

/// The rule that leaves `n` out before the article is looked for; `weak` when the page's text may overrule it.
Rule rule_for(const XmlNode* n, bool never_text, bool& weak) {
    const std::string_view name = n->name;
    if (never_text) return name == "rt" || name == "rp" ? Rule::annotation : Rule::never_text;
    if (name == "html" || name == "body") return Rule::none;
    // Every other rule yields to the page's text (see PageMeasure): libxml2's HTML parser nests
    // the rest of a page inside a <header> whose end tag an unclosed <div> made it ignore.
    const std::string role = unicode::ascii_lower(markup::attribute(n, "role"));
    if (role == "dialog" || role == "alertdialog") return Rule::landmark;  // a pop-up, never the article
    weak = true;
    if (is_hidden(n)) return Rule::hidden;
    if (name == "nav" || name == "footer" || name == "aside") return Rule::landmark;
    if (one_of(role, kLandmarkRoles)) return Rule::landmark;
    if (name == "main" || name == "article" || markup::attribute(n, "itemprop") == "articleBody") return Rule::none;
    std::string words = class_and_id(n);
    if (words.size() < 2) return Rule::none;
    // An opinion piece's container (`commentary`) is not its comments.
    for (std::size_t at; (at = words.find("commentary")) != std::string::npos;) words.erase(at, 10);
    static const PartMatcher kBoilerplate(kBoilerplateParts);
    if (kBoilerplate.in(words) || has_word(words, kBoilerplateWords)) {
        weak = !has_part(words, kStrongParts);
        return Rule::vocabulary;
    }
    return Rule::none;
}

/// Text length as a reader sees it: whitespace runs count as one.
std::uint32_t visible_length(std::string_view text, std::uint32_t& commas) {
    std::uint32_t n = 0;
    bool space = true;
    for (const char c : text) {
        const bool s = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!s) {
            ++n;
            if (c == ',') ++commas;
        } else if (!space) {
            ++n;
        }
        space = s;
    }
    return n;
}

/// The inline text of a block that reads as prose: at least a short sentence, few of it links.
std::uint32_t prose_length(const Measure& m) {
    if (m.inline_text < 40 || m.inline_link * 4 > m.inline_text) return 0;
    return m.inline_text - m.inline_link;
}

/// Sums each element's prose and that of every element inside it.
void sum_prose(std::vector<Measure>& nodes) {
    for (Measure& m : nodes) m.prose = m.rule == Rule::none && m.block ? prose_length(m) : 0;
    for (std::size_t i = nodes.size(); i-- > 1;) {
        const Measure& m = nodes[i];
        if (m.rule == Rule::none && m.parent >= 0) nodes[static_cast<std::size_t>(m.parent)].prose += m.prose;
    }
}

/// The least prose an element left out by a weak rule must hold to be read after all.
constexpr std::uint32_t kArticleProse = 200;

/// The element measures of a page, in document order, with what is left out. An element left
/// out is measured, but its content is not: its text counts for none of its ancestors.
class PageMeasure {
public:
    explicit PageMeasure(const XmlNode* root) {
        visit(root, -1, false);
        // A weak rule (hidden, landmarks, vocabulary other than comments and consent dialogs)
        // yields to the page's text: an element with kArticleProse of prose and half the page's
        // text or a third of its prose is read (`<div class="page has-sidebar">`, or the rest
        // of a page that libxml2 nested inside an unclosed `<header>`).
        sum_prose(nodes_);
        const std::uint32_t page_text = nodes_.front().text;
        const std::uint32_t page_prose = nodes_.front().prose;
        for (const Measure& m : nodes_) {
            const bool holds_the_page = m.text * 2 > page_text || m.prose * 3 > page_prose;
            if (m.weak && (!holds_the_page || m.prose < kArticleProse)) weak_dropped_.insert(m.node);
        }
        if (weak_dropped_.empty()) return;
        nodes_.clear();
        second_pass_ = true;
        visit(root, -1, false);
    }

    std::vector<Measure>& nodes() { return nodes_; }

private:
    int visit(const XmlNode* n, int parent, bool in_link) {
        const int id = static_cast<int>(nodes_.size());
        nodes_.push_back(Measure{n, parent});
        const std::uint8_t kind = kind_of(n->name);
        nodes_[static_cast<std::size_t>(id)].block = (kind & kBlockKind) != 0;
        bool weak = false;
        Rule rule = rule_for(n, (kind & kNeverTextKind) != 0, weak);
        weak = weak && rule != Rule::none;
        if (weak && (!second_pass_ || weak_dropped_.count(n) == 0)) rule = Rule::none;
        nodes_[static_cast<std::size_t>(id)].rule = rule;
        nodes_[static_cast<std::size_t>(id)].weak = weak;
        if (rule != Rule::none) return id;
        Measure totals;
        for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
            if (c->type == NodeType::text) {
                const std::uint32_t len = visible_length(c->content, totals.commas);
                totals.text += len;
                totals.inline_text += len;
                if (in_link) {
                    totals.link_text += len;
                    totals.inline_link += len;
                }
            } else if (c->type == NodeType::element) {
                const int child = visit(c, id, in_link || c->name == "a");
                const Measure& m = nodes_[static_cast<std::size_t>(child)];
                if (m.rule != Rule::none) continue;
                totals.text += m.text;
                totals.link_text += m.link_text;
                if (!m.block) {
                    totals.inline_text += m.inline_text;
                    totals.inline_link += m.inline_link;
                    totals.commas += m.commas;
                }
            }
        }
        Measure& self = nodes_[static_cast<std::size_t>(id)];
        self.text = totals.text;
        self.link_text = totals.link_text;
        self.inline_text = totals.inline_text;
        self.inline_link = totals.inline_link;
        self.commas = totals.commas;
        return id;
    }

    /// Whether `name` is a block element and whether it never gives text, cached by the name's
    /// address: the tree's names are interned, so a page has a few dozen distinct ones.
    std::uint8_t kind_of(std::string_view name) {
        const auto [found, added] = kinds_.try_emplace(name.data(), 0);
        if (added) found->second = (is_block(name) ? kBlockKind : 0) | (one_of(name, kNeverText) ? kNeverTextKind : 0);
        return found->second;
    }

    static constexpr std::uint8_t kBlockKind = 1;
    static constexpr std::uint8_t kNeverTextKind = 2;
    std::unordered_map<const char*, std::uint8_t> kinds_;
    std::vector<Measure> nodes_;
    std::unordered_set<const XmlNode*> weak_dropped_;
    bool second_pass_ = false;
};

float class_weight(const XmlNode* n) {
    const std::string words = class_and_id(n);
    float weight = 0;
    if (has_part(words, kPositiveParts)) weight += 25;
    if (has_part(words, kNegativeParts)) weight -= 25;
    if (markup::attribute(n, "itemprop") == "articleBody") weight += 50;
    return weight;
}

float tag_weight(std::string_view name) {
    if (name == "div" || name == "article" || name == "main") return 5;
    if (name == "pre" || name == "td" || name == "blockquote" || name == "section") return 3;
    if (name == "ol" || name == "ul" || name == "dl" || name == "dd" || name == "dt" || name == "li" || name == "form") return -3;
    if (name.size() == 2 && name[0] == 'h') return -5;
    return 0;
}

float link_density(const Measure& m) { return m.text == 0 ? 0.0F : static_cast<float>(m.link_text) / static_cast<float>(m.text); }

bool scores_paragraphs(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kNames{"p",  "pre", "td", "section", "div", "h2",
                                                             "h3", "h4",  "h5", "h6",      "dd",  "article"};
    return one_of(name, kNames);
}

/// Readability's scoring: each paragraph's score (its length and commas) goes to its container
/// and, less and less, to the containers around it.
void score_candidates(std::vector<Measure>& nodes) {
    auto touch = [&](Measure& m) {
        if (!m.scored) {
            m.scored = true;
            m.score = tag_weight(m.node->name) + class_weight(m.node);
        }
    };
    for (const Measure& m : nodes) {
        if (m.rule != Rule::none || m.inline_text < 25 || !scores_paragraphs(m.node->name)) continue;
        const float score = 1.0F + static_cast<float>(m.commas) + std::min(static_cast<float>(m.inline_text / 100), 3.0F);
        int up = m.parent;
        for (int level = 0; up >= 0 && level < 5; ++level, up = nodes[static_cast<std::size_t>(up)].parent) {
            Measure& a = nodes[static_cast<std::size_t>(up)];
            touch(a);
            a.score += score / (level == 0 ? 1.0F : level == 1 ? 2.0F : static_cast<float>(level) * 3.0F);
        }
    }
    for (Measure& m : nodes) {
        if (m.scored) m.score *= 1.0F - link_density(m);
    }
}

}  // namespace

namespace {

/// The article's container and the siblings that continue it, as measure indices.
struct Selection {
    int container = -1;
    std::vector<int> parts;  ///< The container and the siblings taken with it, in document order.
};

const Measure& at(const std::vector<Measure>& nodes, int i) { return nodes[static_cast<std::size_t>(i)]; }

bool is_page_root(std::string_view name) { return name == "body" || name == "html"; }

/// The share of prose (in tenths) that the text an ancestor adds to the article's container must
/// have for the ancestor to hold the article.
constexpr std::uint32_t kProseShare = 6;

/// The best-scoring candidate, moved up to an ancestor that scores higher (the article split
/// into several scored parts) or is its only content.
int best_container(const std::vector<Measure>& nodes) {
    int best = -1;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const Measure& m = at(nodes, i);
        if (m.scored && m.rule == Rule::none && (best < 0 || m.score > at(nodes, best).score)) best = i;
    }
    if (best < 0) {
        for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
            if (at(nodes, i).node->name == "body") return i;
        }
        return 0;
    }
    float last = at(nodes, best).score;
    const float threshold = last / 3;
    for (int p = at(nodes, best).parent; p >= 0 && !is_page_root(at(nodes, p).node->name); p = at(nodes, p).parent) {
        const Measure& parent = at(nodes, p);
        if (!parent.scored) continue;
        if (parent.score < threshold) break;
        if (parent.score > last) {
            best = p;
            break;
        }
        last = parent.score;
    }
    // An article split into several containers (a page builder's rows, a lead apart from the
    // text) is whole in the ancestor whose added text is mostly prose too.
    // The highest such ancestor is taken, so that a step adding a line of furniture does not stop it.
    const Measure& from = at(nodes, best);
    int whole = best;
    for (int p = from.parent; p >= 0 && !is_page_root(at(nodes, p).node->name); p = at(nodes, p).parent) {
        const Measure& up = at(nodes, p);
        const std::uint32_t added = up.text - from.text;
        const std::uint32_t added_prose = up.prose - from.prose;
        const std::uint32_t added_links = up.link_text - from.link_text;
        const bool mostly_prose = added_prose * 10 >= added * kProseShare;
        const bool more_sections = added_prose * 2 >= from.prose && added_links * 3 < added;  // its other sections
        if (mostly_prose || more_sections) whole = p;
    }
    return whole;
}

/// True when a short paragraph without links reads as prose: it ends a sentence.
bool ends_sentence(const XmlNode* n) {
    const std::string text = markup::collapsed_text(n);
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' || text.ends_with(".\"") ||
                             text.ends_with("\xE2\x80\x9C") || text.ends_with("\xE2\x80\x9D"));
}

Selection select_article(const std::vector<Measure>& nodes) {
    Selection s;
    s.container = best_container(nodes);
    const Measure& best = at(nodes, s.container);
    if (best.parent < 0) {
        s.parts.push_back(s.container);
        return s;
    }
    const float threshold = std::max(10.0F, best.score * 0.2F);
    const std::string_view best_class = markup::attribute(best.node, "class");
    for (int i = best.parent + 1; i < static_cast<int>(nodes.size()); ++i) {
        const Measure& m = at(nodes, i);
        if (m.parent != best.parent) continue;
        if (m.rule != Rule::none) continue;
        bool take = i == s.container;
        if (!take && m.scored) {
            const float bonus = !best_class.empty() && markup::attribute(m.node, "class") == best_class ? best.score * 0.2F : 0;
            take = m.score + bonus >= threshold;
        }
        if (!take && m.node->name == "p") {
            const float density = link_density(m);
            take = (m.text > 80 && density < 0.25F) || (m.text > 0 && m.text <= 80 && density == 0 && ends_sentence(m.node));
        }
        if (take) s.parts.push_back(i);
    }
    return s;
}

/// How many ancestors element `i` has.
int depth_of(const std::vector<Measure>& nodes, int i) {
    int depth = 0;
    for (i = at(nodes, i).parent; i >= 0; i = at(nodes, i).parent) ++depth;
    return depth;
}

/// The lowest element that holds both `a` and `b`: both walked up to one depth, then together.
int common_ancestor(const std::vector<Measure>& nodes, int a, int b) {
    int depth_a = depth_of(nodes, a);
    int depth_b = depth_of(nodes, b);
    for (; depth_a > depth_b; --depth_a) a = at(nodes, a).parent;
    for (; depth_b > depth_a; --depth_b) b = at(nodes, b).parent;
    while (a != b && a >= 0 && b >= 0) {
        a = at(nodes, a).parent;
        b = at(nodes, b).parent;
    }
    return std::max(a, 0);
}

/// True for a heading of the article's own: in its container, or beside it in an element that
/// holds little else (an `<article>` with a header and the text). It may be a link (a blog's
/// title links to the post's own address): see is_link_heading().
bool heads_article(const std::vector<Measure>& nodes, int heading, int container) {
    const Measure& h = at(nodes, heading);
    if (h.text == 0 || h.text > 400) return false;
    const Measure& shared = at(nodes, common_ancestor(nodes, heading, container));
    const Measure& body = at(nodes, container);
    return shared.node == body.node || shared.text <= body.text + body.text / 2 + 400;
}

/// True for a heading that is mostly a link's words: a teaser's, unless the metadata names it.
bool is_link_heading(const Measure& h) { return h.link_text * 2 > h.text; }

/// True when two titles are one: the same words, or one holding the other as most of it (a
/// kicker or the site's name added).
bool same_title(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return shorter.size() * 10 >= longer.size() * 5 && longer.find(shorter) != std::string::npos;
}

/// The text of `n` as a reader sees it: scripts, styles and hidden elements left out.
std::string visible_text(const XmlNode* n) {
    std::string out;
    for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text) {
            out.append(c->content);
        } else if (c->type == NodeType::reference) {
            out.append(markup::entity_text(c->name));
        } else if (c->type == NodeType::element && !one_of(c->name, kNeverText) && !is_hidden(c)) {
            out.append(visible_text(c));
        }
    }
    return out;
}

/// Newsroom names for the lines set above or below a headline in the same heading: the kicker
/// (overline, roofline, Dachzeile, Spitzmarke, eyebrow, surtitre, antetítulo, volanta, occhiello)
/// and the deck (subtitle, standfirst).
constexpr std::array<std::string_view, 16> kHeadlineLineParts{
    "kicker",   "overline", "roofline", "dachzeile", "spitzmarke", "eyebrow",  "topline",  "surtitre",
    "antetit",  "volanta",  "occhiello", "subtitle", "subline",    "standfirst", "small",  "topic"};

/// True when a part of a heading is a line of its own beside the headline: a kicker or a deck by
/// its name, a `<small>`, a block (a byline's `<h4>` that a page nests in its `<h1>` too), or a
/// part that a `<br>` ends.
bool beside_headline(const XmlNode* part) {
    if (part->type != NodeType::element) return false;
    if (part->name == "small" || is_block(part->name)) return true;  // a div, a p, a heading inside the heading
    const XmlNode* next = part->next;
    while (next != nullptr && next->type == NodeType::text && markup::collapse_space(std::string(next->content)).empty()) next = next->next;
    if (next != nullptr && next->type == NodeType::element && next->name == "br") return true;
    return has_part(class_and_id(part), kHeadlineLineParts);
}

/// `text` without the separators (a colon, a dash, a bar) that joined it to a part left out.
std::string trim_separators(std::string text) {
    static constexpr std::array<std::string_view, 7> kSeparators{" ", ":", "-", "|", "/", "\xE2\x80\x93", "\xE2\x80\x94"};
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        for (const std::string_view sep : kSeparators) {
            if (text.starts_with(sep)) text.erase(0, sep.size()), trimmed = true;
            if (text.ends_with(sep)) text.erase(text.size() - sep.size()), trimmed = true;
        }
        // A first word of marks alone (`[>`, `»`, `>>`) is a decoration, unless it opens a quote
        // or a parenthesis set apart by a space (`« Gute Löhne »`).
        const std::size_t space = text.find(' ');
        if (space != std::string::npos && space > 0) {
            const std::string_view first = std::string_view(text).substr(0, space);
            static constexpr std::array<std::string_view, 7> kOpeners{"\xC2\xAB", "\xE2\x80\x9E", "\xE2\x80\x9C", "\"", "'", "(", "\xE2\x80\x9A"};
            const bool opens = std::any_of(kOpeners.begin(), kOpeners.end(), [&](std::string_view o) { return first.find(o) != std::string_view::npos; });
            if (!opens && unicode::letters_key(first).empty() && first.find_first_of("0123456789") == std::string_view::npos) {
                text.erase(0, space + 1);
                trimmed = true;
            }
        }
    }
    return text;
}

/// The main part of a heading: the whole, or what is left of it once a kicker or deck in an
/// element of its own is left out, or else the one of its parts that holds most of its text.
std::string main_part(const XmlNode* heading) {
    std::string whole = markup::collapse_space(visible_text(heading));
    std::string longest;
    std::string headline;
    int parts = 0;
    bool joined = false;  // text between the parts joins them: one title
    bool set_apart = false;
    for (const XmlNode* c = heading->children; c != nullptr; c = c->next) {
        std::string part = markup::collapse_space(c->type == NodeType::element ? visible_text(c) : std::string(c->content));
        if (part.empty()) continue;
        ++parts;
        if (c->type != NodeType::element) joined = true;
        if (beside_headline(c)) {
            set_apart = true;
        } else {
            if (!headline.empty()) headline.push_back(' ');
            headline.append(part);
        }
        if (part.size() > longest.size()) longest = std::move(part);
    }
    if (parts > 1 && set_apart) {
        headline = trim_separators(markup::collapse_space(headline));
        if (!headline.empty()) return headline;
    }
    return trim_separators(!joined && parts > 1 && longest.size() * 10 >= whole.size() * 6 ? longest : whole);
}

/// True when `n` holds text and no element.
bool holds_only_text(const XmlNode* n) {
    for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::element) return false;
    }
    return true;
}

/// True when `text` ends with a part set off by a bar or a middle dot (`… | FASSETTE.NET`): a
/// site's name, which a headline never holds.
bool ends_with_site_part(std::string_view text) {
    for (const std::string_view bar : {std::string_view(" | "), std::string_view(" \xC2\xB7 "), std::string_view(" \xE2\x80\xA2 ")}) {
        if (text.find(bar) != std::string_view::npos) return true;
    }
    return false;
}

/// A heading that may be the article's headline.
struct HeadingCandidate {
    int index;         ///< The heading's node.
    std::string text;  ///< Its main part (main_part()).
    bool nearest;      ///< True when it may head the text by position alone: not a link, above the text or first in it.
};

/// The article's `<h1>`s, then its `<h2>`s (heads_article()), each level nearest above the text
/// first, then those in the text in order; a blog's date heading is none.
std::vector<HeadingCandidate> article_headings(const std::vector<Measure>& nodes, int container) {
    std::vector<HeadingCandidate> headings;
    for (const std::string_view level : {std::string_view("h1"), std::string_view("h2")}) {
        std::vector<HeadingCandidate> before;
        std::vector<HeadingCandidate> in_text;
        for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
            const Measure& m = at(nodes, i);
            if (m.rule != Rule::none || m.node->name != level || !heads_article(nodes, i, container)) continue;
            std::string text = main_part(m.node);
            if (text.empty() || markup::parse_date(text, DateOrder::dmy)) continue;  // a blog's date heading
            const bool link = is_link_heading(m);
            if (i < container) {
                before.push_back({i, std::move(text), !link});
            } else {
                const bool first = !link && std::none_of(in_text.begin(), in_text.end(), [](const HeadingCandidate& h) { return h.nearest; });
                in_text.push_back({i, std::move(text), first});
            }
        }
        std::reverse(before.begin(), before.end());
        headings.insert(headings.end(), std::make_move_iterator(before.begin()), std::make_move_iterator(before.end()));
        headings.insert(headings.end(), std::make_move_iterator(in_text.begin()), std::make_move_iterator(in_text.end()));
    }
    return headings;
}

/// True when the metadata's title (its letters `meta_key`) names `heading` (its letters `key`):
/// a heading placed to head the text when one holds the other (same_title()); a linked heading,
/// or an `<h1>` further into the text, only word for word; an `<h2>` there is a section's.
bool names_heading(const std::vector<Measure>& nodes, const HeadingCandidate& heading, const std::string& key,
                   const std::string& meta_key, int container) {
    if (heading.nearest) return same_title(key, meta_key);
    return !key.empty() && key == meta_key && (heading.index < container || at(nodes, heading.index).node->name == "h1");
}

/// The article's headline as the page shows it, and the heading it is in (-1 for the metadata's):
/// the heading that the metadata's title names (its kicker or site name left out; a linked
/// heading too), else the page's `<h1>` nearest above the text (or first in it), else, on a
/// page whose `<h1>`s are not the article's, the `<h2>` nearest above it.
std::pair<std::string, int> find_headline(const std::vector<Measure>& nodes, int container, std::string_view meta_title) {
    const std::vector<HeadingCandidate> headings = article_headings(nodes, container);
    const std::string meta_key = unicode::letters_key(meta_title);
    for (const HeadingCandidate& h : headings) {
        const std::string key = unicode::letters_key(h.text);
        if (!names_heading(nodes, h, key, meta_key, container)) continue;
        // A heading whose one run of text says more than the metadata's title (`…: einfach
        // köstlich!`, `"Pure Leere": …`) is the headline the page shows, unless the more is the
        // site's name after a bar; a kicker or deck in an element of its own does not lengthen it.
        if (key.size() > meta_key.size() && !ends_with_site_part(h.text) && holds_only_text(at(nodes, h.index).node)) {
            return {h.text, h.index};
        }
        // A heading holding the metadata's title and more (a kicker) is titled as the metadata says.
        return {key.size() > meta_key.size() ? std::string(meta_title) : h.text, h.index};
    }
    for (const HeadingCandidate& h : headings) {
        if (h.nearest && (at(nodes, h.index).node->name == "h1" || meta_key.empty())) return {h.text, h.index};
    }
    return {std::string(), -1};
}

/// True when `i` is inside (or is) one of the selection's parts.
bool inside(const std::vector<Measure>& nodes, int i, const std::vector<char>& in_parts) {
    for (; i >= 0; i = at(nodes, i).parent) {
        if (in_parts[static_cast<std::size_t>(i)] != 0) return true;
    }
    return false;
}

bool cleaned_conditionally(std::string_view name) {
    static constexpr std::array<std::string_view, 8> kNames{"div", "section", "ul", "ol", "table", "form", "dl", "header"};
    return one_of(name, kNames);
}

/// True when element `n` is a recipe's ingredient or a list of them: by schema.org's microdata
/// (`itemprop="recipeIngredient"`) or by its class or id.
bool names_own_ingredients(const XmlNode* n) {
    const std::string_view itemprop = markup::attribute(n, "itemprop");
    return itemprop == "recipeIngredient" || itemprop == "ingredients" || has_part(class_and_id(n), kIngredientParts);
}

/// Counts the links under `n` and those of them that lead off the site named `site` (as
/// host_name() names it): absolute addresses to another site, the Wayback Machine's unwrapped.
void count_links(const XmlNode* n, const std::string& site, int& links, int& leaving) {
    for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type != NodeType::element) continue;
        if (c->name == "a") {
            const std::string_view href = markup::attribute(c, "href");
            ++links;
            if (!site.empty() && href.find("://") != std::string_view::npos) {
                const std::string to = host_name(href);
                if (!to.empty() && to != site) ++leaving;
            }
        }
        count_links(c, site, links, leaving);
    }
}

/// True when a block of links cites other sites: most of its links (two thirds, of two or
/// more) lead off the site, with titles of 25 letters on average (sources, a link roll), not
/// the site's own related stories, nor buttons or menus of short words.
bool cites_other_sites(const Measure& m, const std::string& site) {
    int links = 0;
    int leaving = 0;
    count_links(m.node, site, links, leaving);
    return links >= 2 && leaving * 3 >= links * 2 && m.link_text >= static_cast<std::uint32_t>(links) * 25;
}

/// True when element `i` or one around it names a recipe's ingredients, which are the article's
/// text however many of them link to a shop.
bool names_ingredients(const std::vector<Measure>& nodes, int i) {
    for (; i >= 0; i = at(nodes, i).parent) {
        if (names_own_ingredients(at(nodes, i).node)) return true;
    }
    return false;
}

/// Readability's conditional cleaning, for the blocks inside the article: a block of few sentences
/// that is mostly links (related stories, tag lists, a share bar) is left out; so is a heading
/// that repeats the headline.
void clean_inside(std::vector<Measure>& nodes, const Selection& s, std::string_view title, int headline, const std::string& site) {
    if (headline >= 0) nodes[static_cast<std::size_t>(headline)].rule = Rule::title;
    std::vector<char> in_parts(nodes.size(), 0);
    std::uint32_t article_prose = 0;
    for (const int p : s.parts) {
        in_parts[static_cast<std::size_t>(p)] = 1;
        article_prose += at(nodes, p).prose;
    }
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        Measure& m = nodes[static_cast<std::size_t>(i)];
        if (m.rule != Rule::none || in_parts[static_cast<std::size_t>(i)] != 0 || !inside(nodes, m.parent, in_parts)) continue;
        const std::string_view name = m.node->name;
        if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !title.empty() &&
            m.text <= title.size() + 8 && markup::collapsed_text(m.node) == title) {
            m.rule = Rule::title;
            continue;
        }
        if (!cleaned_conditionally(name) || m.commas >= 10 || m.text == 0 || m.prose * 2 >= article_prose) continue;
        const float density = link_density(m);
        const float weight = class_weight(m.node);
        if ((weight < 25 && density > 0.33F) || (weight >= 25 && density > 0.5F)) {
            if (!names_ingredients(nodes, i) && !cites_other_sites(m, site)) m.rule = Rule::link_list;
        }
    }
}

/// True when element `j` is inside element `i`.
bool descends_from(const std::vector<Measure>& nodes, int j, int i) {
    for (j = at(nodes, j).parent; j >= 0 && j >= i; j = at(nodes, j).parent) {
        if (j == i) return true;
    }
    return false;
}

/// The article's lead paragraphs (its standfirst, an intro in a header of its own): prose between
/// its headline and the first block of its text, outside both.
std::vector<int> find_ledes(const std::vector<Measure>& nodes, const Selection& s, int headline) {
    std::vector<int> ledes;
    const int first = *std::min_element(s.parts.begin(), s.parts.end());
    if (headline < 0 || headline >= first) return ledes;
    int inside_until = -1;  // the last index inside the lede taken last
    for (int i = headline + 1; i < first; ++i) {
        const Measure& m = at(nodes, i);
        if (i <= inside_until || m.rule != Rule::none || !m.block) continue;
        if (m.inline_text != m.text || prose_length(m) < 60) continue;
        ledes.push_back(i);
        inside_until = i;
        while (inside_until + 1 < first && descends_from(nodes, inside_until + 1, i)) ++inside_until;
    }
    return ledes;
}

std::string_view rule_name(Rule rule) {
    switch (rule) {
        case Rule::none: return "";
        case Rule::never_text: return "not text (scripts, styles, form controls)";
        case Rule::hidden: return "hidden from readers";
        case Rule::landmark: return "navigation, footer or aside landmarks";
        case Rule::vocabulary: return "a class or id naming boilerplate (comments, sharing, related links, ads)";
        case Rule::link_list: return "mostly links (related stories, tag lists)";
        case Rule::title: return "a heading repeating the headline";
        case Rule::annotation: return "ruby annotations (the reading printed over the text)";
    }
    return "";
}

std::string describe(const XmlNode* n) {
    std::string out = fmt::format("<{}", n->name);
    if (const std::string_view id = markup::attribute(n, "id"); !id.empty()) out += fmt::format(" id=\"{}\"", unicode::shortened(id, 60));
    if (const std::string_view c = markup::attribute(n, "class"); !c.empty()) out += fmt::format(" class=\"{}\"", unicode::shortened(c, 60));
    return out + ">";
}

/// True when `n` holds text a reader would see, scripts and styles aside.
bool holds_text(const XmlNode* n) {
    for (const XmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == NodeType::text && !markup::collapse_space(std::string(c->content)).empty()) return true;
        if (c->type == NodeType::reference) return true;
        if (c->type == NodeType::element && !one_of(c->name, kNeverText) && holds_text(c)) return true;
    }
    return false;
}

/// One note per rule that left something out inside the article, with the lines (each once).
void note_left_out(const std::vector<Measure>& nodes, const Selection& s, std::vector<Note>& notes) {
    std::vector<char> in_parts(nodes.size(), 0);
    for (const int p : s.parts) in_parts[static_cast<std::size_t>(p)] = 1;
    struct LeftOut {
        std::size_t elements = 0;
        std::vector<int> lines;
    };
    std::map<Rule, LeftOut> left_out;
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const Measure& m = at(nodes, i);
        if (m.rule == Rule::none || m.rule == Rule::never_text || !inside(nodes, m.parent, in_parts)) continue;
        // An element a rule left out before measuring is not measured: what it held is looked at
        // here (an annotation is noted all the same).
        if (m.text == 0 && m.rule != Rule::annotation && !holds_text(m.node)) continue;
        LeftOut& l = left_out[m.rule];
        ++l.elements;
        if (l.lines.empty() || l.lines.back() != m.node->line) l.lines.push_back(m.node->line);
    }
    for (const auto& [rule, l] : left_out) {
        std::string list;
        for (std::size_t i = 0; i < l.lines.size() && i < 12; ++i) list += fmt::format("{}{}", i == 0 ? "" : ", ", l.lines[i]);
        if (l.lines.size() > 12) list += fmt::format(" and {} more", l.lines.size() - 12);
        notes.push_back(Note{l.lines.front(), "boilerplate-left-out",
                             fmt::format("{} element{} inside the article left out as {}: line{} {}", l.elements,
                                         l.elements == 1 ? "" : "s", rule_name(rule), l.lines.size() == 1 ? "" : "s", list)});
    }
}

/// A recipe's article whose ingredients stand apart from its text (a box or a tab of their own)
/// is whole in the lowest element holding both: the selection widened to it, below the page's
/// root. The selection as it was when no element names ingredients outside it.
Selection with_ingredients(const std::vector<Measure>& nodes, Selection s) {
    for (int i = 0; i < static_cast<int>(nodes.size()); ++i) {
        const Measure& m = at(nodes, i);
        if (m.rule != Rule::none || m.text == 0 || !names_own_ingredients(m.node)) continue;
        if (descends_from(nodes, i, s.container) || descends_from(nodes, s.container, i)) return s;
        const int both = common_ancestor(nodes, i, s.container);
        if (is_page_root(at(nodes, both).node->name)) return s;
        return Selection{both, {both}};
    }
    return s;
}

}  // namespace

ArticleBody extract_article(const XmlNode* root, std::string_view meta_title, std::span<const std::string> authors, std::string_view page_url) {
    ArticleBody out;
    if (root == nullptr) return out;
    PageMeasure measure(root);
    std::vector<Measure>& nodes = measure.nodes();
    score_candidates(nodes);
    sum_prose(nodes);
    check_deadline();
    const Selection s = with_ingredients(nodes, select_article(nodes));
    auto [headline_text, headline] = find_headline(nodes, s.container, meta_title);
    if (headline >= 0) {
        out.headline = std::move(headline_text);
        out.headline_line = at(nodes, headline).node->line;
    }
    clean_inside(nodes, s, out.headline.empty() ? meta_title : std::string_view(out.headline), headline, host_name(page_url));
    std::unordered_set<const XmlNode*> left_out;
    for (const Measure& m : nodes) {
        if (m.rule != Rule::none) left_out.insert(m.node);
    }
    const Measure& container = at(nodes, s.container);
    std::unordered_set<const XmlNode*> parts;
    for (const int p : s.parts) parts.insert(at(nodes, p).node);
    const markup::NodeFilter filter = [&](const XmlNode* n) {
        if (left_out.count(n) != 0) return true;
        return n->parent == container.node->parent && container.parent >= 0 && parts.count(n) == 0;
    };
    markup::BodyRead read = markup::read_blocks(container.parent >= 0 ? container.node->parent->children : container.node,
                                                true, &filter);
    const std::vector<int> ledes = find_ledes(nodes, s, headline);
    for (const int lede : ledes) {
        const XmlNode* node = at(nodes, lede).node;
        const markup::NodeFilter only_lede = [&](const XmlNode* n) {
            return left_out.count(n) != 0 || (n->parent == node->parent && n != node);
        };
        markup::BodyRead lead = markup::read_blocks(node->parent != nullptr ? node->parent->children : node, true, &only_lede);
        out.blocks.insert(out.blocks.end(), std::make_move_iterator(lead.blocks.begin()), std::make_move_iterator(lead.blocks.end()));
    }
    out.blocks.insert(out.blocks.end(), std::make_move_iterator(read.blocks.begin()), std::make_move_iterator(read.blocks.end()));
    out.cut_lines = trim_body_edges(out.blocks, out.notes, authors);
    const std::uint32_t page_text = nodes.front().text;
    std::uint32_t kept = 0;
    for (const int p : s.parts) kept += at(nodes, p).text;
    out.notes.push_back(Note{container.node->line, "body-source",
                             fmt::format("the body is read from {} at line {}{}, {}% of the page's visible text",
                                         describe(container.node), container.node->line,
                                         s.parts.size() > 1 ? fmt::format(" and {} blocks beside it", s.parts.size() - 1) : "",
                                         page_text == 0 ? 0 : kept * 100 / page_text)});
    note_left_out(nodes, s, out.notes);
    out.notes.insert(out.notes.end(), read.notes.begin(), read.notes.end());
    return out;
}

bool is_block(std::string_view name) { return one_of(name, kBlockTags); }

}  // namespace briefkit::formats::html
