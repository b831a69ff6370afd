// The news agencies Briefkit knows by name, for the readers that find one credited in a header
// line, a dateline (`BERLIN (dpa) -`) or a source line (`Quelle: Reuters`).
#pragma once

#include <optional>
#include <string_view>

namespace briefkit::formats::markup {

/// The agency's own spelling (`dpa`, `Reuters`, `ТАСС`) when `text`, whole and in any case,
/// names a known agency or outlet; nullopt otherwise (and for text over 40 bytes).
[[nodiscard]] std::optional<std::string_view> known_agency(std::string_view text);

}  // namespace briefkit::formats::markup
