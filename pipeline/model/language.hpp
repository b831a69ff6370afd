// A small language guesser for articles whose input states no language (plain text, and feeds
// that leave it out): the script first, then the commonest function words.
#pragma once

#include <string>

#include "briefkit/model.hpp"

namespace briefkit {

/// A best guess at the BCP 47 language of `doc`'s title and body; empty when no language clearly leads.
[[nodiscard]] std::string guess_language(const Document& doc);

}  // namespace briefkit
