// Handling labels: the Traffic Light Protocol of FIRST (TLP 2.0) as articles and styles state it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace briefkit::handling {

/// A TLP label read from text, in the form TLP 2.0 writes it.
struct TlpLabel {
    std::string label;    ///< `TLP:CLEAR`, `TLP:GREEN`, `TLP:AMBER`, `TLP:AMBER+STRICT` or `TLP:RED`.
    bool legacy = false;  ///< True when the text used TLP 1.0's `TLP:WHITE`, which TLP 2.0 calls `TLP:CLEAR`.
};

/// The TLP label `text` is, alone (`TLP:AMBER`, `tlp: amber+strict`, `TLP:WHITE`), or nullopt
/// for any other text.
[[nodiscard]] std::optional<TlpLabel> tlp_label(std::string_view text);

/// How restrictive a label written as tlp_label() writes it is: 0 for `TLP:CLEAR` up to 4 for
/// `TLP:RED`; -1 for a label that is not TLP.
[[nodiscard]] int tlp_rank(std::string_view label);

/// Sets `held` to `label` when `label` is more restrictive (an empty `held` is the least); true when it did.
bool keep_most_restrictive(std::string& held, std::string_view label);

/// The note a reader gives for text it took out of an article as its label: `what` names the
/// text (`line`, `paragraph`), `text` quotes it.
[[nodiscard]] std::string taken_out_note(std::string_view what, std::string_view text, const TlpLabel& tlp);

/// The label `stated` gives as an article file must state it: a TLP 2.0 label (any case or
/// spacing, not TLP 1.0's `TLP:WHITE`); nullopt for anything else, which a reader refuses
/// with kNotALabel.
[[nodiscard]] std::optional<std::string> stated_label(std::string_view stated);

/// What a reader says of a `handling` value stated_label() refuses, after the value.
inline constexpr std::string_view kNotALabel = "not a TLP 2.0 label such as TLP:AMBER";

/// The label to print for an article labelled `article` under a style's `style` label: the
/// more restrictive where both are TLP, else the article's own (a style's label is the default
/// for articles that state none); either may be empty.
[[nodiscard]] std::string printed_label(std::string_view style, std::string_view article);

}  // namespace briefkit::handling
