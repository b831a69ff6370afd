#include "pipeline/stream.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/batch.hpp"
#include "pipeline/error.hpp"
#include "pipeline/output_file.hpp"

namespace briefkit {

namespace {

using nlohmann::json;

json error_json(const std::string& code, const std::string& message) { return {{"code", code}, {"message", message}}; }

}  // namespace

StreamResult run_stream(std::istream& in, std::ostream& out, const StreamOptions& options) {
    std::vector<std::unique_ptr<Writer>> writers;
    for (const WriterEntry* f : options.formats) writers.push_back(f->make(options.write));
    const ReaderEntry& text_reader = readers().front();
    StreamResult result;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line == "\r") continue;
        json reply;
        reply["id"] = nullptr;
        try {
            json record;
            try {
                record = json::parse(line);
            } catch (const json::exception& e) {
                throw InputError(fmt::format("record is not JSON: {}", e.what()), "stdin", static_cast<int>(number));
            }
            if (!record.is_object()) throw InputError("record is not a JSON object", "stdin", static_cast<int>(number));
            if (record.contains("id")) reply["id"] = record["id"];
            const std::string name = record.contains("id") ? record["id"].dump() : fmt::format("record {}", number);
            Document doc;
            if (record.contains("text") && record["text"].is_string()) {
                doc = text_reader.read(record["text"].get<std::string>(), name, options.read);
            } else if (record.contains("path") && record["path"].is_string()) {
                const std::filesystem::path path = record["path"].get<std::string>();
                doc = read_document(Input{path.string(), path.string(), path.stem().string(), false, {}}, options.read);
            } else {
                throw InputError("record has neither a \"text\" nor a \"path\" string", name);
            }
            json outputs = json::object();
            for (std::size_t f = 0; f < writers.size(); ++f) {
                std::string bytes;
                StringSink sink(bytes);
                writers[f]->write(doc, sink);
                const WriterEntry& format = *options.formats[f];
                if (format.text) {
                    outputs[std::string(format.name)] = std::move(bytes);
                } else {
                    const std::filesystem::path target =
                        options.output_dir / (doc.id + "." + std::string(format.extension));
                    write_file_atomically(target, bytes);
                    outputs[std::string(format.name)] = target.string();
                }
            }
            reply["status"] = "converted";
            reply["document_id"] = doc.id;
            reply["outputs"] = std::move(outputs);
            reply["notes"] = doc.notes.size();
            reply["error"] = nullptr;
            ++result.converted;
        } catch (const Error& e) {
            reply["status"] = "failed";
            reply["error"] = error_json(dynamic_cast<const OutputError*>(&e) != nullptr ? "output" : "input", describe(e));
            ++result.failed;
        }
        out << reply.dump(-1, ' ', false, json::error_handler_t::replace) << '\n' << std::flush;
    }
    return result;
}

}  // namespace briefkit
