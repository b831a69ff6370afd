// What every fuzz target shares: turning the fuzzer's bytes into a string view, failing loudly
// when an invariant breaks, and the write-and-read-back check of the reader targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "briefkit/error.hpp"
#include "briefkit/read_options.hpp"
#include "pipeline/model/writer.hpp"

namespace briefkit::fuzz {

/// The fuzzer's input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Aborts, so that libFuzzer records the input, when `ok` is false; `what` says which invariant broke.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// Which part of two documents differs, for the message of a broken round trip.
inline const char* first_difference(const Document& a, const Document& b) {
    if (a.meta.title != b.meta.title) return "the title";
    if (a.meta.date != b.meta.date) return "the date (day, time, zone, text or ambiguity)";
    if (a.meta.source != b.meta.source) return "the source";
    if (a.meta.place != b.meta.place) return "the place";
    if (a.meta.url != b.meta.url) return "the url";
    if (a.meta.authors != b.meta.authors) return "the authors";
    if (a.meta.language != b.meta.language) return "the language";
    if (a.body != b.body) return "the body";
    if (a.notes != b.notes) return "the notes";
    return a.id != b.id ? "the id" : "nothing";
}

/// A reader of Briefkit's own formats, such as formats::read_xml.
using Reader = Document (*)(std::string_view bytes, std::string_view name, const ReadOptions& options);

/// Aborts unless `doc`, written by `writer`, reads back through `read` as the same document; `format`
/// names the format in the message.
inline void require_round_trip(const Document& doc, const Writer& writer, Reader read, const char* format) {
    try {
        const Document again = read(write_to_string(writer, doc), "again", {});
        if (again != doc) std::fprintf(stderr, "%s output read back: %s differs\n", format, first_difference(doc, again));
        require(again == doc, "writing and reading back changed the document");
    } catch (const Error& e) {
        std::fprintf(stderr, "%s output refused: %s\n", format, describe(e).c_str());
        require(false, "the output of an accepted document was refused by its own reader");
    }
}

/// Aborts unless `doc`, read from a feed format, can be written as article XML and read back as
/// the same document: whatever a reader accepts, every writer must be able to carry.
void require_carried(const Document& doc);

/// Runs a reader of a file's articles on the fuzzer's input and checks each article it accepts.
template <typename Read>
int check_articles(const std::uint8_t* data, std::size_t size, Read read, const char* name) {
    try {
        for (const Document& doc : read(as_text(data, size), name, ReadOptions{})) require_carried(doc);
    } catch (const InputError&) {  // LimitError too
    }
    return 0;
}

}  // namespace briefkit::fuzz
