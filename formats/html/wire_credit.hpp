// The wire a web article credits in its text: the agency in the dateline that opens it
// (`BERLIN (dpa) -`, `LONDON (Reuters) -`) or in a source line at its edges (`Quelle: AFP`,
// `(dpa/lno)`). A site that runs an agency's story names itself as publisher; the agency is
// what the model's source is.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace briefkit::formats::html {

/// An agency the text credits, and where.
struct WireCredit {
    std::string_view agency;  ///< As the agency spells itself (markup::known_agency()).
    std::string words;        ///< The words that credit it (`(dpa) -`, `Quelle: Reuters`).
    std::string_view where;   ///< `dateline` or `source line`.
};

/// The agency credited by the dateline opening `first_paragraph`, else by the first of
/// `source_lines` (short lines cut from the body's edges, credit lines) that is a source line:
/// a source's label (`Quelle:`, `Source:`, `Fuente:`) or nothing before agencies joined by `/`
/// or `,`. A picture's credit (`Foto: dpa/…`) credits no text. Nullopt when none names a known agency.
[[nodiscard]] std::optional<WireCredit> credited_wire(std::string_view first_paragraph, std::span<const std::string> source_lines);

}  // namespace briefkit::formats::html
