// Reading an input's bytes: a regular file, standard input, a pipe, FIFO or device.
#pragma once

#include <filesystem>
#include <string>

#include "briefkit/read_options.hpp"
#include "pipeline/inputs.hpp"

namespace briefkit {

/// The bytes of `input`: a regular file over `options.max_input_size` is refused before it is
/// read, a stream as soon as it passes the limit. A pipe or FIFO is read without blocking past
/// the calling thread's deadline, and a FIFO no program writes to within a second fails. Throws
/// InputError (or LimitError) naming the input.
[[nodiscard]] std::string read_input(const Input& input, const ReadOptions& options);

/// The whole content of the file at `path`; empty when it cannot be read.
[[nodiscard]] std::string read_file_or_empty(const std::filesystem::path& path);

}  // namespace briefkit
