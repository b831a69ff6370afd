#include "formats/html/body_trim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>

#include "formats/html/byline_text.hpp"
#include "formats/html/page_metadata.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

/// What pages title the boilerplate inside an article with, case-folded, in the languages of
/// Briefkit's users: related and recommended reading, the author's box, comments, sharing,
/// newsletters and tags, and the apparatus that sends the reader elsewhere (sources, the study
/// reported on, footnotes). Not German `Literatur`, which as often names a subject (a culture
/// desk's section) as a reading list.
constexpr std::array<std::string_view, 166> kBoilerplateTitles{
    // English
    "related", "related articles", "related posts", "related stories", "related content", "related news",
    "read more", "read also", "also read", "see also", "more from", "more on this", "more stories",
    "more news", "you may also like", "you might also like", "recommended", "most popular", "most read",
    "trending", "about the author", "share this", "share this article", "share", "comments", "leave a reply",
    "leave a comment", "tags", "newsletter", "subscribe", "sign up", "follow us", "advertisement",
    "what to read next", "further reading", "latest news", "latest articles", "recent posts", "popular posts",
    "more like this", "read next", "up next", "you may also be interested in", "press contact", "media contact",
    "contact", "more information", "further information", "for more information",
    // German
    "mehr zum thema", "mehr zu diesem thema", "auch interessant", "das könnte dich auch interessieren",
    "das könnte sie auch interessieren", "das könnte dich interessieren", "das könnte sie interessieren",
    "ähnliche artikel", "ähnliche nachrichten", "ähnliche beiträge", "weitere artikel", "weitere beiträge",
    "weitere nachrichten", "weiterlesen", "lesen sie auch", "lesen sie mehr", "auch lesen", "mehr lesen",
    "über den autor", "über die autorin", "zur person", "kommentare", "kommentar schreiben", "teilen",
    "artikel teilen", "beitrag teilen", "diesen artikel teilen", "schlagwörter", "schlagworte", "mehr themen",
    "anzeige", "werbung", "empfehlungen", "unsere empfehlungen", "meistgelesen", "meistgelesene artikel",
    "verwandte artikel", "passend dazu", "war der artikel nützlich", "mehr aus", "auch spannend",
    "verwandte beiträge", "zum weiterlesen", "neueste artikel", "neueste beiträge", "das könnte ihnen auch gefallen",
    "weitere informationen", "weitere infos", "weitere topthemen", "weitere top-artikel", "weitere bilder", "mehr zu",
    "über diese reihe", "top themen", "newsticker", "kontakt", "pressekontakt", "ansprechpartner", "ansprechpartnerin",
    "ihr ansprechpartner", "schon gelesen", "weiterführende informationen", "zusatzinformationen",
    "quellen", "quellenangaben", "originalpublikation", "fußnoten", "einzelnachweise",
    "references", "sources", "bibliography", "footnotes",
    // French
    "à lire aussi", "lire aussi", "sur le même sujet", "articles similaires", "voir aussi", "partager",
    "commentaires", "à voir aussi", "vous aimerez aussi", "à lire également", "nos derniers articles",
    "contact presse", "plus d'informations", "pour en savoir plus", "en savoir plus",
    // Spanish
    "lea también", "lee también", "lea más", "lea", "lee más", "leer más", "te puede interesar", "le puede interesar", "noticias relacionadas",
    "más noticias", "vea también", "comentarios", "relacionados", "contenido relacionado", "lo más leído",
    "te recomendamos", "más información", "contacto",
    // Italian
    "leggi anche", "potrebbe interessarti", "articoli correlati", "ti potrebbe interessare", "per saperne di più",
    "contatti",
    // Polish, Dutch
    "czytaj też", "czytaj także", "zobacz też", "zobacz także", "lees ook", "gerelateerde artikelen",
};

std::string text_of(const Block& block) {
    std::string out;
    for_each_run(block, [&](const Inlines& run) {
        if (!out.empty()) out.push_back(' ');
        append_plain_text(out, run);
    });
    return out;
}

/// The bytes of a block's text inside links.
std::size_t link_bytes(const Block& block) {
    std::size_t n = 0;
    for_each_run(block, [&](const Inlines& run) {
        for (const Inline& i : run) {
            if (const Link* l = std::get_if<Link>(&i)) n += l->text.size();
        }
    });
    return n;
}

/// True when `text` is (or, before a colon, starts with) a boilerplate title.
bool is_boilerplate_title(std::string_view text) {
    if (text.empty() || text.size() > 120) return false;
    std::string folded = unicode::fold_case(text);
    while (!folded.empty() && std::string_view(" :.!?…»>").find(folded.back()) != std::string_view::npos) folded.pop_back();
    const std::size_t colon = folded.find(':');
    const std::string_view head = std::string_view(folded).substr(0, colon);
    const auto matches = [&](std::string_view title) {
        return head == title || (head.starts_with(title) && head.size() > title.size() && head[title.size()] == ' ' &&
                                 folded.size() <= 60);
    };
    return std::any_of(kBoilerplateTitles.begin(), kBoilerplateTitles.end(), matches);
}

/// True for a block a reader reads as the article's prose: a paragraph or quotation of a
/// sentence or more, few of it links.
bool is_prose(const Block& block, std::size_t size, std::size_t links) {
    if (!std::holds_alternative<Paragraph>(block) && !std::holds_alternative<Quote>(block)) return false;
    return size >= 100 && links * 4 < size;
}

/// How much of a block's text the rules keep (see Edges).
constexpr std::size_t kKeptText = 256;

/// True when `text` ends as a sentence does, a closing quotation mark or bracket allowed.
bool ends_sentence(std::string_view text) {
    while (!text.empty() && std::string_view("\"')»”“’ ").find(text.back()) != std::string_view::npos) text.remove_suffix(1);
    while (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE2\x80\x9C") || text.ends_with("\xC2\xBB")) {
        text.remove_suffix(text.ends_with("\xC2\xBB") ? 2 : 3);
    }
    return !text.empty() && std::string_view(".!?…").find(text.back()) != std::string_view::npos;
}

/// What invites a reader to do something other than read the article (subscribe, follow,
/// donate, download the app), and the publisher's rights line and disclaimers, case-folded.
constexpr std::array<std::string_view, 40> kCallsToAction{
    "newsletter", "artikel teilen", "abonnier", "subscribe", "follow us", "follow me", "folgen sie uns", "folge uns", "folge mir", "unterstütze", "unterstützen sie", "support us",
    "supporting our", "support our", "download the", "app store", "google play", "letter to the editor",
    "leserbrief", "spende", "donat", "sign up", "registrier", "suscríbete", "abonnez", "not logged in",
    "nicht eingeloggt",
    // the rights line under an article
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati",
    // the publisher's disclaimers: opinions are the author's, links earn a commission
    "meinung des autors", "meinung der autorin", "n'engagent que", "views expressed", "opinions expressed",
    "affiliate link", "affiliate-link", "eine provision"};

/// Platforms a short prompt sends the reader to (`Folgen Sie uns auf Twitter`), case-folded; a
/// paragraph of the article may name them too (a story about an Instagram account).
constexpr std::array<std::string_view, 6> kPlatforms{"telegram", "whatsapp", "youtube", "instagram", "twitter", "facebook"};

/// True when `text`, case-folded, holds one of `words`.
template <std::size_t N>
bool folded_holds(const std::string& text, const std::array<std::string_view, N>& words) {
    const std::string folded = unicode::fold_case(text);
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return folded.find(w) != std::string::npos; });
}

/// True for a short block that invites the reader elsewhere, or credits a picture (`©`).
bool is_call_to_action(const std::string& text) {
    if (text.size() > 250) return false;
    if (text.size() <= 120 && (text.find("\xC2\xA9") != std::string::npos || folded_holds(text, kPlatforms))) return true;
    return folded_holds(text, kCallsToAction);
}

/// Labels and agency marks that credit a picture or a source, case-folded (`Foto: ...`,
/// `(REUTERS/Name)`, `Quelle: Landesamt`, `Image illustrative : ...`).
constexpr std::array<std::string_view, 24> kPictureCredits{
    "foto:", "fotos:", "photo:", "photos:", "bild:", "bildquelle:", "image:", "credit:", "(reuters/", "(ap photo",
    "(afp/", "/afp)", "getty images", "(foto ", "photograph by", "photo by", "photos by", "image by",
    "quelle:", "illustration:", "image illustrative", "image d'illustration", "photo d'illustration", "imagen ilustrativa"};

/// True for a short paragraph that credits a picture the page showed beside the text, or a source.
bool is_picture_credit(const std::string& text) { return text.size() <= 120 && folded_holds(text, kPictureCredits); }

/// True for a short line that only dates the page (`Veröffentlichung: 2. Februar 2022`): of
/// seven words at most, one of them a date, not a year in a price or a phone number.
bool is_date_line(const std::string& text) {
    if (text.size() > 60 || std::count(text.begin(), text.end(), ' ') >= 7) return false;
    std::string_view line = text;
    while (line.ends_with('.')) line.remove_suffix(1);  // `Aktualisiert am 17.01.2021.`
    return date_in(line).has_value();
}

/// Why a block is left out of the body.
enum class Cut { keep, titled, after_title, head_line, edge_line, credit, tail, teaser, author_bio };

/// The blocks of a body with their text and what is decided about each. Only the start of a
/// long block's text is kept: every rule that reads a block's words reads short ones.
struct Edges {
    std::vector<std::string> texts;  ///< Each block's text, up to kKeptText bytes.
    std::vector<std::size_t> sizes;  ///< Each block's whole text's length.
    std::vector<Cut> cuts;
    std::vector<char> prose;  ///< Whether each block is prose (is_prose()).
    std::size_t prose_total = 0;
};

/// True when `prose_seen` bytes of prose come before a block: most of the article's (six tenths).
bool past_most(std::size_t prose_seen, const Edges& e) { return prose_seen * 10 >= e.prose_total * 6; }

/// The runs of a paragraph or a heading; null for any other block.
const Inlines* line_runs(const Block& block) {
    if (const auto* p = std::get_if<Paragraph>(&block)) return &p->content;
    if (const auto* h = std::get_if<Heading>(&block)) return &h->content;
    return nullptr;
}

/// True when `run` is a link to another page whose text is a title: four words or more (a name,
/// `Kreole: <a>Stella Hoops</a>`, is none).
bool links_a_title(const Inline& run) {
    const auto* link = std::get_if<Link>(&run);
    return link != nullptr && !link->href.starts_with('#') && std::count(link->text.begin(), link->text.end(), ' ') >= 3;
}

/// True when `block` is a link to another page behind a short label (`Read also: <a>…</a>`,
/// `Mire: <a>…</a>`, `Czytaj też: <a>…</a>`, `À lire aussi » <a>…</a>`): a teaser for another
/// article set in the text, in whatever language. The label is at most three words ending in a
/// colon, or a furniture title (kBoilerplateTitles); the link, a title of four words or more, is the rest.
bool is_labelled_teaser(const Block& block) {
    const Inlines* content = line_runs(block);
    if (content == nullptr || content->size() != 2 || !links_a_title(content->back())) return false;
    const auto* label = std::get_if<Text>(&content->front());
    if (label == nullptr) return false;
    std::string_view words = label->text;
    for (bool trimmed = true; trimmed;) {  // spaces and no-break spaces (`MIRA:&nbsp;`)
        trimmed = words.ends_with(' ') || words.ends_with("\u00A0");
        if (trimmed) words.remove_suffix(words.ends_with(' ') ? 1 : 2);
    }
    if (words.size() > 32) return false;
    return (words.ends_with(':') && std::count(words.begin(), words.end(), ' ') <= 2) || is_boilerplate_title(words);
}

/// True when `block` is a paragraph or heading that is one link to another page and nothing
/// else, its text a title of four words or more.
bool is_lone_link(const Block& block) {
    const Inlines* content = line_runs(block);
    return content != nullptr && content->size() == 1 && links_a_title(content->front());
}

/// Titles of page furniture, and, past most of the prose, all that follows such a heading.
void cut_titled(const std::vector<Block>& blocks, Edges& e) {
    std::size_t prose_seen = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (e.prose[i] != 0) prose_seen += e.sizes[i];
        const bool heading = std::holds_alternative<Heading>(blocks[i]);
        if (is_labelled_teaser(blocks[i]) || (past_most(prose_seen, e) && is_lone_link(blocks[i]))) {
            e.cuts[i] = Cut::teaser;
            continue;
        }
        if ((e.sizes[i] > 120 && !heading) || !is_boilerplate_title(e.texts[i])) continue;
        e.cuts[i] = Cut::titled;
        if (heading && past_most(prose_seen, e)) {
            for (std::size_t k = i + 1; k < blocks.size(); ++k) e.cuts[k] = Cut::after_title;
            return;
        }
    }
}

/// True for a short line that is a byline: a byline's label and names (`By Lena Okoro`, `Von
/// Jan Brandt und Eva Lind`), wherever a page sets it in the text; a sentence that opens with
/// `von` is none.
bool is_byline_line(const std::string& text) {
    return text.size() < 80 && !ends_sentence(text) && opens_with_label(text) && !clean_byline(text).empty();
}

/// Short label lines before the first prose (kickers, bylines, dates) and bylines anywhere; date
/// lines, credits and calls to action before the first prose or past most of it.
void cut_edge_lines(const std::vector<Block>& blocks, Edges& e) {
    std::size_t prose_seen = 0;
    bool prose_started = false;
    bool table_seen = false;  // short lines after a table are the article's, as the table is
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const bool prose = e.prose[i] != 0;
        if (prose) prose_seen += e.sizes[i];
        const bool candidate = e.cuts[i] == Cut::keep && std::holds_alternative<Paragraph>(blocks[i]);
        const bool at_edge = !prose_started || prose_seen * 10 >= e.prose_total * 7;
        // Short lines come before the article's text only where there is some: a poem's or a
        // song's lines are its text.
        const bool before_text = e.prose_total > 0 && !prose_started && !table_seen;
        const bool head_line = (before_text && e.sizes[i] < 80 && !ends_sentence(e.texts[i])) || is_byline_line(e.texts[i]);
        prose_started = prose_started || prose;
        table_seen = table_seen || std::holds_alternative<Table>(blocks[i]);
        if (!candidate) continue;
        if (head_line) {
            e.cuts[i] = Cut::head_line;
        } else if (is_picture_credit(e.texts[i])) {
            e.cuts[i] = Cut::credit;
        } else if (at_edge && (is_date_line(e.texts[i]) || is_call_to_action(e.texts[i]))) {
            e.cuts[i] = Cut::edge_line;
        }
    }
}

/// From the end back to the last prose: short lines that end no sentence, and headings with
/// nothing kept after them.
void cut_tail(const std::vector<Block>& blocks, Edges& e) {
    std::size_t last_prose = blocks.size();
    for (std::size_t i = blocks.size(); i-- > 0;) {
        if (e.prose[i] != 0) {
            last_prose = i;
            break;
        }
    }
    bool kept_after = false;
    for (std::size_t i = blocks.size(); last_prose < blocks.size() && i-- > last_prose + 1;) {
        if (e.cuts[i] != Cut::keep) continue;
        const bool short_line =
            std::holds_alternative<Paragraph>(blocks[i]) && e.sizes[i] < 60 && !ends_sentence(e.texts[i]);
        if (short_line || (std::holds_alternative<Heading>(blocks[i]) && !kept_after)) {
            e.cuts[i] = Cut::tail;
        } else {
            kept_after = true;
        }
    }
}

/// True when `text` opens with `name` as a whole name: the text is the name, or goes on after it
/// with a space, a comma or a bracket (`Ana Ruiz is a senior writer…`, `Jan Brandt (Jahrgang 1970)`).
bool opens_with_name(std::string_view text, std::string_view name) {
    if (!text.starts_with(name)) return false;
    return text.size() == name.size() || std::string_view(" ,(").find(text[name.size()]) != std::string_view::npos;
}

/// Past most of the prose, a paragraph that opens with the name of one of `authors` (a person's
/// name of two words or more): the author's box, a bio (`Eva Lind arbeitet als
/// Wissenschaftlerin…`) or the name line above one.
void cut_author_bios(const std::vector<Block>& blocks, std::span<const std::string> authors, Edges& e) {
    std::size_t prose_seen = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const bool most_read = past_most(prose_seen, e);
        if (e.prose[i] != 0) prose_seen += e.sizes[i];
        if (!most_read || e.cuts[i] != Cut::keep || !std::holds_alternative<Paragraph>(blocks[i])) continue;
        if (std::any_of(authors.begin(), authors.end(), [&](const std::string& name) {
                return name.find(' ') != std::string::npos && opens_with_name(e.texts[i], name);
            })) {
            e.cuts[i] = Cut::author_bio;
        }
    }
}

/// One note for each kind of cut, quoting the start of what it left out.
void note_cuts(const Edges& e, std::vector<Note>& notes) {
    struct Kind {
        Cut cut;
        std::string_view rule;
        std::string_view what;
    };
    static constexpr std::array<Kind, 8> kKinds{{
        {Cut::titled, "boilerplate-title", "titled as page furniture (related reading, sharing, the author's box)"},
        {Cut::after_title, "boilerplate-after-title", "after such a title, past most of the article's text"},
        {Cut::head_line, "head-line", "as short label lines before the article's text (kickers, bylines, dates) or bylines in it"},
        {Cut::edge_line, "edge-line", "as date lines, picture credits or invitations to subscribe, follow or donate"},
        {Cut::credit, "picture-credit", "as the credits of pictures beside the text"},
        {Cut::tail, "short-tail", "as short lines and headings after the last paragraph of prose"},
        {Cut::teaser, "teaser-link", "as links to other pages, behind a label (`Read also: …`) or alone past most of the text"},
        {Cut::author_bio, "author-bio", "as the author's box after the text (opening with the byline's name)"},
    }};
    for (const Kind& kind : kKinds) {
        std::size_t count = 0;
        std::string quoted;
        for (std::size_t i = 0; i < e.cuts.size(); ++i) {
            if (e.cuts[i] != kind.cut) continue;
            if (++count <= 3) quoted += fmt::format("{}\u201C{}\u201D", count == 1 ? "" : ", ", unicode::shortened(e.texts[i], 60));
        }
        if (count == 0) continue;
        if (count > 3) quoted += fmt::format(" and {} more", count - 3);
        notes.push_back(Note{0, std::string(kind.rule),
                             fmt::format("{} block{} left out {}: {}", count, count == 1 ? "" : "s", kind.what, quoted)});
    }
}

}  // namespace

CutLines trim_body_edges(std::vector<Block>& blocks, std::vector<Note>& notes, std::span<const std::string> authors) {
    Edges e;
    for (const Block& b : blocks) {
        std::string text = text_of(b);
        e.sizes.push_back(text.size());
        e.prose.push_back(is_prose(b, text.size(), link_bytes(b)) ? 1 : 0);
        if (e.prose.back() != 0) e.prose_total += text.size();
        if (text.size() > kKeptText) text.resize(unicode::whole_prefix(text, kKeptText).size());
        e.texts.push_back(std::move(text));
    }
    e.cuts.assign(blocks.size(), Cut::keep);
    cut_titled(blocks, e);
    cut_edge_lines(blocks, e);
    cut_author_bios(blocks, authors, e);
    if (std::find(e.cuts.begin(), e.cuts.end(), Cut::after_title) == e.cuts.end()) cut_tail(blocks, e);
    note_cuts(e, notes);
    CutLines lines;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Cut cut = e.cuts[i];
        if ((cut == Cut::head_line || cut == Cut::edge_line || cut == Cut::tail) && e.sizes[i] <= kKeptText) {
            lines.edges.push_back(e.texts[i]);
        } else if (cut == Cut::credit) {
            lines.credits.push_back(e.texts[i]);
        }
    }
    std::size_t at = 0;
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [&](const Block&) { return e.cuts[at++] != Cut::keep; }),
                 blocks.end());
    return lines;
}

}  // namespace briefkit::formats::html
