// Stream mode: NDJSON records in, NDJSON results out, one long-lived process, for record
// pipes such as Spark's RDD.pipe, Hadoop Streaming and Beam.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/error.hpp"
#include "pipeline/convert.hpp"

namespace briefkit {

/// How a stream is converted.
struct StreamOptions {
    ConversionOptions convert;                 ///< Reader and writer options, output formats and each record's time limit.
    std::filesystem::path output_dir = "out";  ///< Where outputs that cannot travel inline (PDF) are written.
    std::function<void(const Error&)> on_error;  ///< Called with each failed record's error, in order.
};

/// How a stream went.
struct StreamResult {
    std::size_t converted = 0;  ///< Records converted.
    std::size_t failed = 0;     ///< Records that produced an error record.
};

/// One NDJSON record of a stream, as parse_stream_record() found it.
struct StreamRecord {
    std::string id = "null";          ///< The record's `id` as compact JSON text; `null` when it has none.
    std::string name;                 ///< What errors call the record: its id, or `record N` without one.
    std::optional<std::string> text;  ///< The article itself, when the record carries a `text` string.
    std::optional<std::string> path;  ///< The article's file, when it carries a `path` string instead.
};

/// Parses the `number`th line of a stream; throws InputError (naming `stdin` and the line) when it is
/// not a JSON object. A record with neither `text` nor `path` is returned with both empty.
[[nodiscard]] StreamRecord parse_stream_record(std::string_view line, std::size_t number);

/// Reads one record per line from `in`: `{"id": ANY, "text": STRING}` or `{"id": ANY, "path": STRING}`,
/// and writes one result per record to `out`, in input order and flushed per record:
/// `{"id", "status": "converted"|"failed", "document_id", "outputs": {FORMAT: TEXT or PATH}, "notes", "error"}`.
/// Text formats travel inline; a binary one (PDF) is written to `output_dir/<document id>.<ext>` and
/// its path given. A bad record yields an error record and the stream goes on. A stream that
/// cannot be read (a folder, a descriptor not open for reading) throws InputError.
StreamResult run_stream(std::istream& in, std::ostream& out, const StreamOptions& options);

}  // namespace briefkit
