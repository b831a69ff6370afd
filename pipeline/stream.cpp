#include "pipeline/stream.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/batch.hpp"
#include "pipeline/error.hpp"
#include "pipeline/json_text.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/registry.hpp"

namespace briefkit {

namespace {

using nlohmann::json;


}  // namespace

StreamResult run_stream(std::istream& in, std::ostream& out, const StreamOptions& options) {
    std::vector<std::unique_ptr<Writer>> writers;
    for (const WriterEntry* f : options.formats) writers.push_back(f->make(options.write));
    StreamResult result;
    std::string line;
    std::size_t number = 0;
    std::string reply;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line == "\r") continue;
        // The reply is written by hand: it carries whole documents, on the stream's hot path.
        std::string id = "null";
        reply.clear();
        try {
            json record;
            try {
                record = json::parse(line);
            } catch (const json::exception& e) {
                throw InputError(fmt::format("record is not JSON: {}", e.what()), "stdin", static_cast<int>(number));
            }
            if (!record.is_object()) throw InputError("record is not a JSON object", "stdin", static_cast<int>(number));
            if (record.contains("id")) id = record["id"].dump(-1, ' ', false, json::error_handler_t::replace);
            const std::string name = record.contains("id") ? id : fmt::format("record {}", number);
            Document doc;
            if (record.contains("text") && record["text"].is_string()) {
                const std::string& text = record["text"].get_ref<const std::string&>();
                doc = choose_reader({}, text, options.read.from).read(text, name, options.read);
            } else if (record.contains("path") && record["path"].is_string()) {
                const std::filesystem::path path = record["path"].get<std::string>();
                doc = read_document(Input{path.string(), path.string(), path.stem().string(), false, {}, {}}, options.read);
            } else {
                throw InputError("record has neither a \"text\" nor a \"path\" string", name);
            }
            reply = "{\"id\":" + id + ",\"status\":\"converted\",\"document_id\":";
            append_json_string(reply, doc.id);
            reply += ",\"outputs\":{";
            for (std::size_t f = 0; f < writers.size(); ++f) {
                std::string bytes;
                StringSink sink(bytes);
                writers[f]->write(doc, sink);
                const WriterEntry& format = *options.formats[f];
                if (f > 0) reply += ",";
                append_json_string(reply, format.name);
                reply += ":";
                if (format.text) {
                    append_json_string(reply, bytes);
                } else {
                    const std::filesystem::path target =
                        options.output_dir / (doc.id + "." + std::string(format.extension));
                    write_file_atomically(target, bytes);
                    append_json_string(reply, target.string());
                }
            }
            reply += fmt::format("}},\"notes\":{},\"error\":null}}", doc.notes.size());
            ++result.converted;
        } catch (const Error& e) {
            reply = "{\"id\":" + id + ",\"status\":\"failed\",\"error\":{\"code\":";
            append_json_string(reply, dynamic_cast<const OutputError*>(&e) != nullptr ? "output" : "input");
            reply += ",\"message\":";
            append_json_string(reply, describe(e));
            reply += "}}";
            ++result.failed;
        }
        out << reply << '\n' << std::flush;
    }
    return result;
}

}  // namespace briefkit
