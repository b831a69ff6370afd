// The PDF briefing writer: one article per PDF, or many in a digest with a cover and contents.
//
// Laid out from a style (styles/), typeset with total-fit line breaking and hyphenation,
// fonts embedded as compact subsets, byte-identical for the same input and style. Built
// on libharu (libhpdf 2.3.0); README.md says what is done around its defects.
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// A writer of one briefing per document, in the style `options.style` names (default `briefing`).
/// Throws UsageError when the style cannot be loaded, and when SOURCE_DATE_EPOCH is set but is not
/// a number of seconds.
[[nodiscard]] std::unique_ptr<Writer> make_pdf_writer(const WriterOptions& options = {});

/// A writer of digests: a cover, a contents page and every document from a new page.
[[nodiscard]] std::unique_ptr<CollectionWriter> make_pdf_digest_writer(const WriterOptions& options = {});

/// What decides a PDF's bytes besides the style's name: `|` and the SHA-256 of the style file's
/// content when `options.style` names a regular file; empty for a built-in style.
[[nodiscard]] std::string pdf_settings_key(const WriterOptions& options);

}  // namespace briefkit::formats
