// Stream mode: NDJSON records in, NDJSON results out, one long-lived process, for record
// pipes such as Spark's RDD.pipe, Hadoop Streaming and Beam.
#pragma once

#include <filesystem>
#include <istream>
#include <ostream>
#include <vector>

#include "pipeline/read_options.hpp"
#include "pipeline/registry.hpp"

namespace briefkit {

/// How a stream is converted.
struct StreamOptions {
    ReadOptions read;                          ///< Reader options.
    WriterOptions write;                       ///< Writer options.
    std::vector<const WriterEntry*> formats;   ///< Output formats.
    std::filesystem::path output_dir = "out";  ///< Where outputs that cannot travel inline (PDF) are written.
};

/// How a stream went.
struct StreamResult {
    std::size_t converted = 0;  ///< Records converted.
    std::size_t failed = 0;     ///< Records that produced an error record.
};

/// Reads one record per line from `in`: `{"id": ANY, "text": STRING}` or `{"id": ANY, "path": STRING}`,
/// and writes one result per record to `out`, in input order and flushed per record:
/// `{"id", "status": "converted"|"failed", "document_id", "outputs": {FORMAT: TEXT or PATH}, "notes", "error"}`.
/// Text formats travel inline; a binary one (PDF) is written to `output_dir/<document id>.<ext>` and
/// its path given. A bad record yields an error record and the stream goes on.
StreamResult run_stream(std::istream& in, std::ostream& out, const StreamOptions& options);

}  // namespace briefkit
