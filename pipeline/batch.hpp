// The batch engine: read each input, convert it to every chosen format, write the files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "pipeline/error.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/read_options.hpp"
#include "pipeline/registry.hpp"

namespace briefkit {

/// What to do with every input of a batch.
struct BatchOptions {
    ReadOptions read;                          ///< Reader options.
    WriterOptions write;                       ///< Writer options (the PDF style).
    std::vector<const WriterEntry*> formats;   ///< Output formats, each written once per input.
    std::filesystem::path output_dir = "out";  ///< Folder outputs go under, mirroring the inputs.
    bool to_stdout = false;                    ///< Write the one output to standard output instead.
};

/// How a batch went.
struct BatchResult {
    std::size_t converted = 0;  ///< Inputs whose every output was written.
    std::size_t failed = 0;     ///< Inputs that failed; each was reported.
};

/// Called once for every failed input, with the error to print.
using ErrorReporter = std::function<void(const Error&)>;

/// Called for every warning a writer gave about an input's output: the input's name and the message.
using WarningReporter = std::function<void(const std::string& file, const std::string& message)>;

/// Converts every input; a failed input is reported and the batch goes on. Writers' warnings
/// go to `warn` when one is given.
BatchResult run_batch(const std::vector<Input>& inputs, const BatchOptions& options, const ErrorReporter& report,
                      const WarningReporter& warn = {});

/// Reads one input (refusing it before reading when it is over the size limit) and converts it
/// to a document with the reader for its extension (the text reader otherwise).
[[nodiscard]] Document read_document(const Input& input, const ReadOptions& options);

}  // namespace briefkit
