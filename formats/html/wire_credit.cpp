#include "formats/html/wire_credit.hpp"

#include <array>

#include "formats/markup/agencies.hpp"
#include "pipeline/model/text.hpp"

namespace briefkit::formats::html {

namespace {

/// `text` without spaces (no-break ones too) at either end.
std::string_view trimmed(std::string_view text) {
    for (bool again = true; again;) {
        again = false;
        for (const std::string_view space : {std::string_view(" "), std::string_view("\xC2\xA0")}) {
            if (text.starts_with(space)) text.remove_prefix(space.size()), again = true;
            if (text.ends_with(space)) text.remove_suffix(space.size()), again = true;
        }
    }
    return text;
}

/// `name` without a rights mark and year before it (`© 2012 APA`).
std::string_view without_rights_mark(std::string_view name) {
    if (name.starts_with("\xC2\xA9")) name.remove_prefix(2);
    name = trimmed(name);
    while (!name.empty() && ((name.front() >= '0' && name.front() <= '9') || name.front() == ' ')) name.remove_prefix(1);
    return name;
}

/// The first of the agencies `names` lists (`dpa/lno`, `AFP, Reuters`) that is a known one.
std::optional<std::string_view> first_agency(std::string_view names) {
    while (!names.empty()) {
        const std::size_t end = std::min(names.find_first_of("/,;|&"), names.size());
        if (const auto agency = markup::known_agency(without_rights_mark(trimmed(names.substr(0, end))))) return agency;
        names.remove_prefix(std::min(end + 1, names.size()));
    }
    return std::nullopt;
}

/// True when `text` opens with a dash or a colon after spaces: what ends a dateline.
bool opens_with_dash(std::string_view text) {
    text = trimmed(text);
    return text.starts_with("-") || text.starts_with(":") || text.starts_with("\xE2\x80\x93") || text.starts_with("\xE2\x80\x94");
}

/// The agency in a dateline opening `paragraph`: a parenthesis within its first 60 bytes naming
/// agencies, then a dash or a colon (`Hamburg (dpa/lno) – …`).
std::optional<WireCredit> dateline_credit(std::string_view paragraph) {
    const std::size_t open = paragraph.find('(');
    if (open == std::string_view::npos || open > 60) return std::nullopt;
    const std::size_t close = paragraph.find(')', open);
    if (close == std::string_view::npos || close - open > 40 || !opens_with_dash(paragraph.substr(close + 1))) return std::nullopt;
    const auto agency = first_agency(paragraph.substr(open + 1, close - open - 1));
    if (!agency) return std::nullopt;
    return WireCredit{*agency, std::string(paragraph.substr(open, close - open + 1)), "dateline"};
}

/// The labels of a line that credits a text's source, case-folded; a picture's (`Foto:`) is none.
constexpr std::array<std::string_view, 9> kSourceLabels{"quelle", "quellen", "source", "sources", "fuente", "fonte",
                                                        "agenturen", "agentur", "mit material von"};

/// The agency a source line credits: after one of kSourceLabels, or in parentheses alone
/// (`(dpa)`, `(AFP/lno)`). A bare agency name is none: under a picture it is the picture's
/// credit (`Reuters`), beside a teaser the teaser's.
std::optional<WireCredit> source_line_credit(std::string_view line) {
    std::string_view names = trimmed(line);
    if (names.size() > 80) return std::nullopt;
    const bool parenthesised = names.starts_with('(') && names.ends_with(')');
    if (parenthesised) names = names.substr(1, names.size() - 2);
    const std::string folded = unicode::fold_case(names.substr(0, 24));
    bool labelled = false;
    for (const std::string_view label : kSourceLabels) {
        if (folded.starts_with(label) && folded.size() > label.size() && (folded[label.size()] == ':' || folded[label.size()] == ' ')) {
            names.remove_prefix(label.size() + 1);
            labelled = true;
            break;
        }
    }
    if (!labelled && (!parenthesised || names.size() > 30 || names.find(':') != std::string_view::npos)) return std::nullopt;
    const auto agency = first_agency(names);
    if (!agency) return std::nullopt;
    return WireCredit{*agency, std::string(trimmed(line)), "source line"};
}

}  // namespace

std::optional<WireCredit> credited_wire(std::string_view first_paragraph, std::span<const std::string> source_lines) {
    if (auto credit = dateline_credit(first_paragraph)) return credit;
    for (const std::string& line : source_lines) {
        if (auto credit = source_line_credit(line)) return credit;
    }
    return std::nullopt;
}

}  // namespace briefkit::formats::html
