#include "pipeline/model/handling.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

namespace briefkit::handling {

namespace {

/// TLP 2.0's labels, least restrictive first.
constexpr std::array<std::string_view, 5> kLabels{"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"};

/// `text` in capitals without its spaces: `tlp: amber + strict` gives `TLP:AMBER+STRICT`.
std::string squeezed_upper(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c != ' ' && c != '\t') out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    return out;
}

}  // namespace

std::optional<TlpLabel> tlp_label(std::string_view text) {
    if (text.size() > 40) return std::nullopt;
    const std::string key = squeezed_upper(text);
    if (key == "TLP:WHITE") return TlpLabel{"TLP:CLEAR", true};
    for (const std::string_view label : kLabels) {
        if (key == label) return TlpLabel{std::string(label), false};
    }
    return std::nullopt;
}

int tlp_rank(std::string_view label) {
    for (std::size_t i = 0; i < kLabels.size(); ++i) {
        if (label == kLabels[i]) return static_cast<int>(i);
    }
    return -1;
}

bool keep_most_restrictive(std::string& held, std::string_view label) {
    if (tlp_rank(label) <= tlp_rank(held)) return false;
    held = std::string(label);
    return true;
}

std::string taken_out_note(std::string_view what, std::string_view text, const TlpLabel& tlp) {
    return fmt::format("the {} '{}' is the article's handling label, {}, taken out of its text{}", what, text, tlp.label,
                       tlp.legacy ? " (TLP:WHITE is TLP 1.0's name for TLP:CLEAR)" : "");
}

std::optional<std::string> stated_label(std::string_view stated) {
    const std::optional<TlpLabel> tlp = tlp_label(stated);
    if (!tlp || tlp->legacy) return std::nullopt;
    return tlp->label;
}

std::string printed_label(std::string_view style, std::string_view article) {
    if (article.empty()) return std::string(style);
    if (style.empty()) return std::string(article);
    const int style_rank = tlp_rank(style);
    const int article_rank = tlp_rank(article);
    if (style_rank >= 0 && article_rank >= 0) return std::string(style_rank > article_rank ? style : article);
    return std::string(article);
}

}  // namespace briefkit::handling
