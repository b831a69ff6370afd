// Finding a font file by its family name, as the desktop does: through fontconfig, so that a
// style may say `Noto Serif` or `Noto Serif:bold` rather than where Debian puts the file.
#pragma once

#include <string>

namespace briefkit::formats::pdf {

/// The file of the installed font that `spec` names: a family, optionally followed by
/// fontconfig's `:bold`, `:italic` or `:style=...` (`Noto Serif:bold`). Throws
/// std::runtime_error saying what fontconfig offers instead when no installed font is of that
/// family (fontconfig itself always offers its nearest).
[[nodiscard]] std::string font_file_for(const std::string& spec);

}  // namespace briefkit::formats::pdf
