// The writer interface: a Document goes in, bytes go to a Sink.
//
// Writers never re-parse or re-normalize: what the reader decided is what they write.
// A writer is separate from its destination, so the same writer serves a file, standard
// output or a string in a test.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"

namespace briefkit {

/// Where a writer's bytes go.
class Sink {
public:
    virtual ~Sink() = default;

    /// Appends `bytes` to the destination; throws OutputError when it cannot.
    virtual void write(std::string_view bytes) = 0;

    /// Takes a warning about the output being written (a character no font could draw); the
    /// output is still complete. The default drops it.
    virtual void warn(std::string_view /*message*/) {}
};

/// A Sink that appends to a string and keeps the warnings.
class StringSink final : public Sink {
public:
    /// A sink that appends to `target`, which must outlive it.
    explicit StringSink(std::string& target) : target_(target) {}

    /// Appends `bytes` to the target string.
    void write(std::string_view bytes) override { target_.append(bytes); }

    /// Keeps `message`.
    void warn(std::string_view message) override { warnings_.emplace_back(message); }

    /// The warnings taken so far, in order.
    [[nodiscard]] const std::vector<std::string>& warnings() const { return warnings_; }

private:
    std::string& target_;
    std::vector<std::string> warnings_;
};

/// The article written in another format, for a writer that carries it inside its output.
struct Rendering {
    std::string name;        ///< A file name, such as `bk-3f2a….xml`.
    std::string media_type;  ///< Its IANA media type.
    std::string bytes;       ///< Its content.
};

/// What a digest is asked for on the command line, over what its style says; a collection
/// writer reads them (an empty value leaves the style's).
struct DigestRequest {
    std::string title;    ///< The brief's title.
    int issue = 0;        ///< The issue number; 0 prints none.
    std::string group_by;  ///< The field its sections are made by: `topic`, `place`, `agency`, `language` or `none`.
    std::string topics;   ///< The topic rules file (YAML).
    std::string sources;  ///< The sources file (YAML).
    /// The ids of articles already briefed (from `--since`), left out or marked as the style says.
    std::set<std::string, std::less<>> briefed;
    /// Articles dated before this day count as already briefed too (from `--since DATE`).
    std::optional<CalendarDay> since;
};

/// Options every writer is made with; each writer reads the ones it understands.
struct WriterOptions {
    std::string style;  ///< PDF briefing style: a built-in name or a style file path; empty for the default.
    /// When the outputs are made, in seconds since 1970 (UTC): what a format that must state a
    /// creation time (NewsML-G2's versionCreated) gives an undated article. Converter sets it
    /// once per run, from SOURCE_DATE_EPOCH when that is set, for reproducible outputs.
    std::int64_t made_at = 0;
    /// The article in the data formats a PDF briefing attaches (its XML and JSON), made by the
    /// pipeline's own writers; empty when none is given (a writer made alone, in a test).
    std::function<std::vector<Rendering>(const Document&)> renderings;
    DigestRequest digest;  ///< What the command line asks of a digest.
};

/// One output format.
class Writer {
public:
    virtual ~Writer() = default;

    /// Writes `doc` in this format to `sink`.
    virtual void write(const Document& doc, Sink& sink) const = 0;
};

/// A format that can also put many documents into one output (a PDF digest).
class CollectionWriter {
public:
    virtual ~CollectionWriter() = default;

    /// Writes every document of `docs`, in order, as one output to `sink`.
    virtual void write(std::span<const Document> docs, Sink& sink) const = 0;
};

/// `doc` written by `writer` into a string.
[[nodiscard]] inline std::string write_to_string(const Writer& writer, const Document& doc) {
    std::string out;
    StringSink sink(out);
    writer.write(doc, sink);
    return out;
}

}  // namespace briefkit
