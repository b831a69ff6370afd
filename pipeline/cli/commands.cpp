#include "pipeline/cli/commands.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <iostream>

#include "formats/pdf/style.hpp"
#include "formats/xml/article_schema.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/cli/report.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/registry.hpp"
#include "pipeline/shard.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/stream.hpp"

namespace briefkit::cli {

namespace {

/// While alive, SIGINT and SIGTERM ask the batch to stop after the inputs in flight.
class StopOnSignals {
public:
    StopOnSignals() {
        struct sigaction action {};
        action.sa_handler = [](int) { request_stop(); };
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
    }
    ~StopOnSignals() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

std::vector<const WriterEntry*> chosen_formats(const std::vector<std::string>& names) {
    std::vector<const WriterEntry*> out;
    if (names.empty()) {
        for (const WriterEntry& w : writers()) out.push_back(&w);
        return out;
    }
    for (const std::string& name : names) {
        const WriterEntry* w = find_writer(name);
        if (w == nullptr) {
            std::string known;
            for (const WriterEntry& e : writers()) known += fmt::format("{}{}", known.empty() ? "" : ", ", e.name);
            throw UsageError(fmt::format("unknown output format '{}' (known: {})", name, known));
        }
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    return out;
}

/// `--timeout` seconds as a duration; throws UsageError for a negative or absurd value.
std::chrono::milliseconds to_milliseconds(double seconds) {
    if (!(seconds >= 0) || seconds > 1e6) {
        throw UsageError(fmt::format("--timeout: {} is not a number of seconds from 0 (no limit) to 1000000", seconds));
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
}

}  // namespace

ExitCode convert(const ConvertOptions& options) {
    BatchOptions batch;
    batch.read = options.read;
    batch.write = options.write;
    batch.formats = chosen_formats(options.to);
    batch.to_stdout = options.output == "-";
    batch.output_dir = options.output;
    batch.jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    batch.manifest = options.manifest;
    batch.force = options.force;
    batch.timeout = to_milliseconds(options.timeout);
    batch.sync = options.sync;
    batch.shard = options.shard.empty() ? shard_from_slurm() : std::optional<Shard>(parse_shard(options.shard));
    // Counted first, for the progress line; the batch then walks the folders again as it goes.
    const InputCount count =
        count_inputs(options.inputs, options.glob, batch.shard, batch.to_stdout ? std::filesystem::path() : batch.output_dir);
    const std::size_t found = count.all;
    if (batch.to_stdout && (found != 1 || batch.formats.size() != 1)) {
        throw UsageError(
            fmt::format("-o - writes to standard output and needs exactly one input and one format (-t); got {} "
                        "input(s) and {} format(s)",
                        found, batch.formats.size()));
    }
    if (found == 0) {
        throw UsageError(fmt::format("no input files found (folders are searched for {})",
                                     options.glob.empty() ? default_glob() : options.glob));
    }
    Progress progress(options.quiet);
    const StopOnSignals stop_on_signals;
    const BatchResult result =
        run_batch(options.inputs, options.glob, count.in_shard, batch,
                  {[&](const Error& e) { progress.error(e); },
                   [&](const std::string& file, const std::string& message) { progress.warning(file, message); },
                   [&](const BatchResult& so_far) { progress.update(so_far); }});
    progress.summary(result);
    if (result.interrupted) return ExitCode::interrupted;
    return result.failed == 0 ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode inspect(const std::string& input, const ReadOptions& read) {
    BatchOptions batch;
    batch.read = read;
    batch.formats = chosen_formats({"yaml"});
    batch.to_stdout = true;
    const std::vector<Input> inputs = collect_inputs({input}, {});
    if (inputs.size() != 1) throw UsageError(fmt::format("inspect reads one file; {} holds {}", input, inputs.size()));
    BatchEvents events;
    events.error = [](const Error& e) { report(e); };
    const BatchResult result = run_batch(inputs, batch, events);
    return result.failed == 0 ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode digest(const DigestOptions& options) {
    const WriterEntry* format = chosen_formats({options.to}).front();
    if (format->make_collection == nullptr) {
        throw UsageError(fmt::format("format '{}' cannot hold many articles in one file; use -t pdf", format->name));
    }
    const std::unique_ptr<CollectionWriter> writer = format->make_collection(options.write);
    const std::vector<Input> inputs = collect_inputs(options.inputs, options.glob);
    if (inputs.empty()) {
        throw UsageError(fmt::format("no input files found (folders are searched for {})",
                                     options.glob.empty() ? default_glob() : options.glob));
    }
    std::vector<Document> docs;
    std::size_t failed = 0;
    for (const Input& input : inputs) {
        try {
            docs.push_back(read_document(input, options.read));
        } catch (const Error& e) {
            ++failed;
            report(e);
        }
    }
    if (docs.empty()) {
        report(Error("no input could be read; no digest written", options.output));
        return ExitCode::some_failed;
    }
    try {
        std::string bytes;
        StringSink sink(bytes);
        writer->write(docs, sink);
        write_file_atomically(options.output, bytes);
        for (const std::string& w : sink.warnings()) report_warning(options.output, w);
    } catch (const Error& e) {
        report(e);
        return ExitCode::some_failed;
    }
    return failed == 0 ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode stream(const StreamCommandOptions& options) {
    StreamOptions stream;
    stream.read = options.read;
    stream.write = options.write;
    stream.formats = chosen_formats(options.to.empty() ? std::vector<std::string>{"yaml"} : options.to);
    stream.output_dir = options.output;
    stream.timeout = to_milliseconds(options.timeout);
    std::ios::sync_with_stdio(false);
    const StreamResult result = run_stream(std::cin, std::cout, stream);
    if (!std::cout) throw OutputError("cannot write to standard output");
    return result.failed == 0 ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode merge_manifests(const std::vector<std::string>& manifests, const std::string& output,
                         const std::vector<std::string>& inputs, const std::string& glob) {
    std::vector<std::filesystem::path> paths(manifests.begin(), manifests.end());
    std::vector<std::string> expected;
    if (!inputs.empty()) {
        for (const Input& input : collect_inputs(inputs, glob)) expected.push_back(input.display);
    }
    const MergeResult merged = briefkit::merge_manifests(paths, expected);
    std::string text;
    for (const ManifestRecord& r : merged.records) text += to_json_line(r) + "\n";
    write_file_atomically(output, text);
    for (const std::string& d : merged.duplicates) report(Error("input is in more than one manifest", d));
    for (const std::string& m : merged.missing) report(Error("input is in no manifest", m));
    fmt::print(stderr, "briefkit: merged {} manifests: {} inputs, {} failed, {} duplicate, {} missing\n",
               manifests.size(), merged.records.size(), merged.failed, merged.duplicates.size(), merged.missing.size());
    return merged.duplicates.empty() && merged.missing.empty() ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode list_styles() {
    fmt::print("PDF styles (--style NAME, or --style PATH to a style file):\n");
    for (const auto& [name, description] : formats::pdf::builtin_styles()) {
        fmt::print("  {:<16} {}{}\n", name, description, name == formats::pdf::kDefaultStyle ? " (default)" : "");
    }
    return ExitCode::ok;
}

ExitCode list_formats() {
    fmt::print("Output formats (-t):\n");
    for (const WriterEntry& w : writers()) {
        fmt::print("  {:<8} .{:<6} {:<18} {}\n", w.name, w.extension, w.media_type, w.description);
    }
    fmt::print("Input formats (-f; otherwise by extension, then by content):\n");
    for (const ReaderEntry& r : readers()) {
        std::string exts;
        for (std::string_view e : r.extensions) exts += fmt::format("{}.{}", exts.empty() ? "" : " ", e);
        fmt::print("  {:<8} {:<26} {}\n", r.name, exts, r.description);
    }
    return ExitCode::ok;
}

ExitCode print_schema() {
    const std::string_view xsd = formats::article_xsd();
    std::fwrite(xsd.data(), 1, xsd.size(), stdout);
    return ExitCode::ok;
}

}  // namespace briefkit::cli
