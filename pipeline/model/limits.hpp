// The per-document limits readers enforce (ReadOptions says how large), each refusal a LimitError.
#pragma once

#include <cstddef>
#include <string_view>

#include "briefkit/read_options.hpp"

namespace briefkit {

/// Throws LimitError naming `name` when an input of `size` bytes is over `options.max_input_size`.
void check_input_size(std::size_t size, std::string_view name, const ReadOptions& options);

/// Throws LimitError naming `name` when a document of `blocks` body blocks is over `options.max_paragraphs`.
void check_paragraph_count(std::size_t blocks, std::string_view name, const ReadOptions& options);

struct Document;

/// Throws LimitError naming `name` when `doc` has more paragraphs (blocks, list items and quoted
/// paragraphs together) than `options.max_paragraphs`, or a paragraph or title longer than
/// `options.max_line_length` bytes.
void check_document_limits(const Document& doc, std::string_view name, const ReadOptions& options);

/// Throws LimitError naming `name` and `line` when nesting `depth` is over `options.max_depth`.
void check_depth(std::size_t depth, std::string_view name, int line, const ReadOptions& options);

}  // namespace briefkit
