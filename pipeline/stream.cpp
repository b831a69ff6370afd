#include "pipeline/stream.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <string>

#include "briefkit/error.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/model/json_text.hpp"
#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

using nlohmann::json;

/// Records nested deeper than this are refused before they are parsed; a record is an object of
/// strings and an id, so real ones are one or two levels deep.
constexpr int kMaxRecordDepth = 64;

/// True when the brackets and braces of `line`, outside strings, nest deeper than kMaxRecordDepth.
bool too_deep(std::string_view line) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxRecordDepth) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

/// Reads one line of `in` into `line`, keeping at most `limit` bytes of it (the rest is skipped);
/// returns false at the end of the stream, and sets `cut` when the line was longer than `limit`.
/// It reads in chunks with istream::getline, which scans the stream's buffer as fast as
/// std::getline does (a byte at a time through sbumpc() was six times slower).
bool read_line(std::istream& in, std::string& line, std::size_t limit, bool& cut) {
    line.clear();
    cut = false;
    bool any = false;
    char chunk[65536];
    for (;;) {
        in.getline(chunk, sizeof chunk);
        // A read error (standard input a folder, or closed) sets badbit and extracts nothing.
        if (in.bad()) throw InputError("cannot read standard input", "stdin");
        const auto extracted = static_cast<std::size_t>(in.gcount());
        // A full chunk sets failbit without extracting the delimiter; an ended line extracted (and
        // counted) its '\n'; at the end of the stream eofbit is set.
        const bool full = in.fail() && !in.eof() && extracted == sizeof chunk - 1;
        const bool ended = !full && !in.eof();
        const std::size_t stored = ended ? extracted - 1 : extracted;
        any = any || extracted > 0;
        const std::size_t room = limit - line.size();
        line.append(chunk, std::min(stored, room));
        cut = cut || stored > room;
        if (!full) return ended || any;
        in.clear();
    }
}

/// The result line of a record that failed with `e`, which is also handed to `options.on_error`.
std::string failure_reply(const std::string& id, const Error& e, const StreamOptions& options) {
    std::string reply = "{\"id\":" + id + ",\"status\":\"" + std::string(status_name(InputStatus::failed)) +
                        "\",\"error\":{\"code\":";
    append_json_string(reply, e.error_class());
    reply += ",\"message\":";
    append_json_string(reply, describe(e));
    reply += "}}";
    if (options.on_error) options.on_error(e);
    return reply;
}

}  // namespace

StreamRecord parse_stream_record(std::string_view line, std::size_t number) {
    if (too_deep(line)) {
        throw LimitError(fmt::format("record is nested over {} levels deep", kMaxRecordDepth), "stdin",
                         static_cast<int>(number));
    }
    json record;
    try {
        record = json::parse(line);
    } catch (const json::exception& e) {
        throw InputError(fmt::format("record is not JSON: {}", e.what()), "stdin", static_cast<int>(number));
    }
    if (!record.is_object()) throw InputError("record is not a JSON object", "stdin", static_cast<int>(number));
    StreamRecord out;
    const auto id = record.find("id");
    if (id != record.end()) out.id = id->dump(-1, ' ', false, json::error_handler_t::replace);
    out.name = id != record.end() ? out.id : fmt::format("record {}", number);
    if (const auto text = record.find("text"); text != record.end() && text->is_string()) {
        out.text = std::move(text->get_ref<std::string&>());
    } else if (const auto path = record.find("path"); path != record.end() && path->is_string()) {
        out.path = std::move(path->get_ref<std::string&>());
    }
    return out;
}

namespace {

/// The result line of one article of a record: `item` (from 1) is given when the record's input
/// held several articles (a news message), each answered on a line of its own.
std::string article_reply(const StreamRecord& record, const ConvertedArticle& article, std::size_t item,
                          const StreamOptions& options) {
    const Document& doc = article.document;
    std::string reply = "{\"id\":" + record.id + ",\"status\":\"" + std::string(status_name(InputStatus::converted)) + "\",";
    if (item != 0) reply += fmt::format("\"item\":{},", item);
    reply += "\"document_id\":";
    append_json_string(reply, doc.id);
    reply += ",\"outputs\":{";
    for (std::size_t f = 0; f < article.outputs.size(); ++f) {
        const std::string& bytes = article.outputs[f];
        const WriterEntry& format = *options.convert.formats[f];
        if (f > 0) reply += ",";
        append_json_string(reply, format.name);
        reply += ":";
        if (format.text) {
            append_json_string(reply, bytes);
        } else {
            const std::filesystem::path target = options.output_dir / (doc.id + "." + std::string(format.extension));
            write_file_atomically(target, bytes);
            append_json_string(reply, target.string());
        }
    }
    reply += fmt::format("}},\"notes\":{},\"error\":null}}", doc.notes.size());
    return reply;
}

/// Converts the record parsed from `line` and returns its result lines; throws Error on failure.
/// The reply is written by hand: it carries whole documents, on the stream's hot path.
std::string convert_record(const StreamRecord& record, const Converter& converter, const StreamOptions& options) {
    Conversion made;
    if (record.text) {
        made = converter.convert(*record.text, record.name);
    } else if (record.path) {
        const std::filesystem::path path = *record.path;
        made = converter.convert(Input{path.string(), path.string(), path.stem().string(), false, {}, {}}, {},
                                 record.name);
    } else {
        throw InputError("record has neither a \"text\" nor a \"path\" string", record.name);
    }
    std::string replies;
    for (std::size_t a = 0; a < made.articles.size(); ++a) {
        if (a > 0) replies += '\n';
        replies += article_reply(record, made.articles[a], made.articles.size() == 1 ? 0 : a + 1, options);
    }
    return replies;
}

}  // namespace

StreamResult run_stream(std::istream& in, std::ostream& out, const StreamOptions& options) {
    const Converter converter(options.convert);
    StreamResult result;
    std::string line;
    std::size_t number = 0;
    // A record holds its article as a JSON string, where escapes can make text up to six times
    // longer; a longer line is skipped, not held in memory whole.
    const std::size_t line_limit = options.convert.read.max_input_size * 6 + 65536;
    bool cut = false;
    while (read_line(in, line, line_limit, cut)) {
        ++number;
        if (line.empty() || line == "\r") continue;
        std::string id = "null";
        std::string name;  // the record's name once parsed; until then "record N" (made only on failure)
        std::string reply;
        try {
            if (cut) {
                throw LimitError(fmt::format("record is over the {}-byte limit (six times --max-input-size)", line_limit),
                                 "stdin", static_cast<int>(number));
            }
            const StreamRecord record = parse_stream_record(line, number);
            id = record.id;
            name = record.name;
            reply = convert_record(record, converter, options);
            ++result.converted;
        } catch (Error& e) {
            e.name_file_if_unnamed(name.empty() ? fmt::format("record {}", number) : name);
            reply = failure_reply(id, e, options);
            ++result.failed;
        } catch (const std::bad_alloc&) {
            reply = failure_reply(id, out_of_memory(name.empty() ? fmt::format("record {}", number) : name), options);
            ++result.failed;
        }
        out << reply << '\n' << std::flush;
    }
    return result;
}

}  // namespace briefkit
