// Fuzz target: the NDJSON record parser of `briefkit stream`, one line of arbitrary bytes.
#include "briefkit/error.hpp"
#include "fuzz_support.hpp"
#include "pipeline/stream.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    try {
        const StreamRecord record = parse_stream_record(fuzz::as_text(data, size), 1);
        fuzz::require(!record.id.empty() && !record.name.empty(), "a record without an id text or a name");
        fuzz::require(!(record.text && record.path), "a record with both a text and a path");
    } catch (const InputError&) {
    }
    return 0;
}
