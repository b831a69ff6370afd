// The YAML writer: `schema: briefkit/article/1` documents.
//
// Written directly in yaml-cpp's block layout (yaml-cpp reads every output back in the
// tests). Every string scalar is double-quoted, so values
// such as `true`, `null`, `3`, `no`, `#x`, leading spaces, CR and `\N` read back
// exactly as written with any YAML 1.2 parser. Dates are ISO 8601 strings.
#pragma once

#include <memory>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// A new YAML writer.
[[nodiscard]] std::unique_ptr<Writer> make_yaml_writer(const WriterOptions& options = {});

}  // namespace briefkit::formats
