#include "pipeline/cli/commands.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <thread>

#include "pipeline/batch.hpp"
#include "pipeline/cli/report.hpp"
#include "pipeline/convert.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/model/deadline.hpp"
#include "pipeline/model/hash.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/registry.hpp"
#include "pipeline/shard.hpp"
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
            throw UsageError(fmt::format("unknown output format '{}' (known: {})", name, format_names(writers())));
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

/// What an empty `-o` is told.
constexpr const char* kNoOutputFolder = "-o names no folder (write -o . for the current folder)";

/// Makes sure `-o` names a folder this run can write in, creating it when it is missing, and that
/// it is not one of the input folders (whose next run would read its outputs as inputs); throws
/// UsageError before anything is converted.
void prepare_output_folder(const std::filesystem::path& output, const std::vector<std::string>& inputs) {
    if (output.empty()) throw UsageError(kNoOutputFolder);
    std::error_code ec;
    if (std::filesystem::exists(output, ec) && !std::filesystem::is_directory(output, ec)) {
        throw UsageError(fmt::format("-o {}: it is not a folder", output.string()));
    }
    std::filesystem::create_directories(output, ec);
    if (ec) throw UsageError(fmt::format("-o {}: cannot create the folder: {}", output.string(), ec.message()));
    if (::access(output.c_str(), W_OK | X_OK) != 0) {
        throw UsageError(fmt::format("-o {}: cannot write in the folder: {}", output.string(), std::strerror(errno)));
    }
    for (const std::string& input : inputs) {
        if (input != "-" && std::filesystem::is_directory(input, ec) && std::filesystem::equivalent(input, output, ec)) {
            throw UsageError(fmt::format("-o {} is the input folder {}: a rerun would read its outputs as inputs; give "
                                         "another output folder",
                                         output.string(), input));
        }
    }
}

/// Refuses a file or folder named twice among `inputs` (as `a.txt ./a.txt`): its outputs would
/// collide with themselves, and its manifest records with each other.
void refuse_repeated_inputs(const std::vector<std::string>& inputs) {
    std::map<std::pair<dev_t, ino_t>, std::string> seen;
    for (const std::string& input : inputs) {
        struct stat st {};
        if (input == "-" || ::stat(input.c_str(), &st) != 0) continue;
        const auto [it, fresh] = seen.emplace(std::pair(st.st_dev, st.st_ino), input);
        if (!fresh) {
            throw UsageError(fmt::format("{} is named twice ({} and {}); name each input once", input, it->second, input));
        }
    }
}

/// Refuses a standard input that cannot be read as a stream: closed, a folder, or open only for
/// writing. Such a descriptor fails every read, which is better said once, before any work.
void require_readable_stdin() {
    struct stat st {};
    if (::fstat(STDIN_FILENO, &st) != 0) {
        throw UsageError(fmt::format("standard input cannot be read: {}", std::strerror(errno)));
    }
    if (S_ISDIR(st.st_mode)) throw UsageError("standard input is a folder; give records on a pipe or from a file");
    const int flags = ::fcntl(STDIN_FILENO, F_GETFL);
    if (flags >= 0 && (flags & O_ACCMODE) == O_WRONLY) throw UsageError("standard input is open only for writing");
}

/// Refuses a digest output that is one of its inputs: writing it would replace an article with the PDF.
void refuse_input_as_output(const std::filesystem::path& output, const std::vector<Input>& inputs) {
    std::error_code ec;
    for (const Input& input : inputs) {
        if (!input.from_stdin && std::filesystem::equivalent(input.path, output, ec)) {
            throw UsageError(fmt::format("-o {} is an input of the digest; writing it would replace that article",
                                         output.string()));
        }
    }
}

/// Reads every input for a digest, each under the time limit; reports and counts those that
/// fail. `names` gets each article's input, for the digest's manifest.
std::vector<Document> read_for_digest(const std::vector<Input>& inputs, const DigestOptions& options,
                                      std::size_t& failed, std::vector<std::string>& names) {
    const Converter reader({options.read, {}, {}, to_milliseconds(options.timeout)});
    std::vector<Document> docs;
    for (const Input& input : inputs) {
        try {
            for (ConvertedArticle& article : reader.convert(input).articles) {
                docs.push_back(std::move(article.document));
                names.push_back(input.display);
            }
        } catch (const Error& e) {
            ++failed;
            report(e);
        }
    }
    return docs;
}

/// What `--since` says was briefed before: a day (`2026-12-02`: articles dated before it), or
/// the manifest of an earlier digest or batch (every article it records).
void read_since(const std::string& since, DigestRequest& request) {
    if (since.empty()) return;
    if (const std::optional<Date> day = Date::from_iso(since); day && !day->time) {
        request.since = day->day;
        return;
    }
    for (const auto& [input, record] : read_manifest(since)) {
        if (!record.id.empty() && record.status != InputStatus::failed) request.briefed.insert(record.id);
    }
}

/// Records the articles of the digest written to `output`, one manifest record each, for the
/// next digest's `--since`.
void write_digest_manifest(const DigestOptions& options, const std::vector<Document>& docs, const std::vector<std::string>& names,
                           const std::string& bytes) {
    std::string text;
    const ManifestOutput output{options.to, options.output, bytes.size(), sha256_hex(bytes)};
    for (std::size_t i = 0; i < docs.size(); ++i) {
        ManifestRecord r;
        r.input = names[i];
        r.id = docs[i].id;
        r.status = InputStatus::converted;
        r.outputs = {output};
        r.notes = docs[i].notes.size();
        text += to_json_line(r) + "\n";
    }
    write_file_atomically(options.manifest, text);
}

}  // namespace

ExitCode convert(const ConvertOptions& options) {
    BatchOptions batch;
    batch.convert = {options.read, options.write, chosen_formats(options.to), to_milliseconds(options.timeout)};
    batch.to_stdout = options.output == "-";
    batch.output_dir = options.output;
    batch.jobs = options.jobs != 0 ? options.jobs : std::max(1U, std::thread::hardware_concurrency());
    batch.manifest = options.manifest;
    batch.force = options.force;
    batch.sync = options.sync;
    batch.follow_links = options.follow_links;
    batch.shard = options.shard.empty() ? shard_from_slurm() : std::optional<Shard>(parse_shard(options.shard));
    // Counted first, for the progress line; the batch then walks the folders again as it goes.
    const InputCount count =
        count_inputs(options.inputs, options.glob, batch.shard, batch.to_stdout ? std::filesystem::path() : batch.output_dir);
    const std::size_t found = count.all;
    if (batch.to_stdout && (found != 1 || batch.convert.formats.size() != 1)) {
        throw UsageError(
            fmt::format("-o - writes to standard output and needs exactly one input and one format (-t); got {} "
                        "input(s) and {} format(s)",
                        found, batch.convert.formats.size()));
    }
    if (found == 0) {
        throw UsageError(fmt::format("no input files found (folders are searched for {})",
                                     options.glob.empty() ? default_glob() : options.glob));
    }
    refuse_repeated_inputs(options.inputs);
    if (!batch.to_stdout) prepare_output_folder(batch.output_dir, options.inputs);
    Progress progress(options.quiet);
    const StopOnSignals stop_on_signals;
    const BatchResult result =
        run_batch(options.inputs, options.glob, count.in_shard, batch,
                  {[&](const Error& e) { progress.error(e); },
                   [&](const std::string& file, const std::string& message) { progress.warning(file, message); },
                   [&](const BatchResult& so_far) { progress.update(so_far); }});
    if (result.manifest_error) progress.error(*result.manifest_error);
    progress.summary(result);
    if (result.interrupted) return ExitCode::interrupted;
    return result.failed == 0 && !result.manifest_error ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode inspect(const std::string& input, const ReadOptions& read) {
    const std::vector<Input> inputs = collect_inputs({input}, {});
    if (inputs.size() != 1) throw UsageError(fmt::format("inspect reads one file; {} holds {}", input, inputs.size()));
    const Converter converter({read, {}, chosen_formats({"yaml"})});
    std::string yaml;
    try {
        // A news message of several articles is printed as a stream of YAML documents.
        const Conversion made = converter.convert(inputs.front());
        for (std::size_t a = 0; a < made.articles.size(); ++a) {
            if (a > 0) yaml += "---\n";
            yaml += made.articles[a].outputs.front();
        }
    } catch (const Error& e) {
        report(e);
        return ExitCode::some_failed;
    }
    std::cout << yaml << std::flush;
    if (!std::cout) {
        report(OutputError("cannot write to standard output"));
        return ExitCode::some_failed;
    }
    return ExitCode::ok;
}

ExitCode digest(const DigestOptions& options) {
    const WriterEntry* format = chosen_formats({options.to}).front();
    if (format->make_collection == nullptr) {
        throw UsageError(fmt::format("format '{}' cannot hold many articles in one file; use -t pdf", format->name));
    }
    if (options.output.empty()) throw UsageError("-o names no file (write -o digest.pdf, or -o - for standard output)");
    const bool to_stdout = options.output == "-";
    WriterOptions write = options.write;
    if (write.made_at == 0) write.made_at = output_time();
    read_since(options.since, write.digest);
    const std::unique_ptr<CollectionWriter> writer = format->make_collection(write);
    const std::vector<Input> inputs = collect_inputs(options.inputs, options.glob, options.follow_links);
    if (inputs.empty()) {
        throw UsageError(fmt::format("no input files found (folders are searched for {})",
                                     options.glob.empty() ? default_glob() : options.glob));
    }
    if (!to_stdout) refuse_input_as_output(options.output, inputs);
    std::size_t failed = 0;
    std::vector<std::string> names;
    const std::vector<Document> docs = read_for_digest(inputs, options, failed, names);
    if (docs.empty()) {
        report(Error("no input could be read; no digest written", options.output));
        return ExitCode::some_failed;
    }
    try {
        std::string bytes;
        StringSink sink(bytes);
        {
            // Setting the articles may take the time limit once for each of them.
            const auto articles = static_cast<std::int64_t>(docs.size());
            const DeadlineScope deadline(to_milliseconds(options.timeout) * articles, options.output);
            writer->write(docs, sink);
        }
        if (to_stdout) {
            std::fwrite(bytes.data(), 1, bytes.size(), stdout);
            if (std::fflush(stdout) != 0) throw OutputError("cannot write to standard output");
        } else {
            write_file_atomically(options.output, bytes);
        }
        if (!options.manifest.empty()) write_digest_manifest(options, docs, names, bytes);
        for (const std::string& w : sink.warnings()) report_warning(options.output, w);
    } catch (Error& e) {
        e.name_file_if_unnamed(options.output);
        report(e);
        return ExitCode::some_failed;
    } catch (const std::bad_alloc&) {
        report(out_of_memory(options.output));
        return ExitCode::some_failed;
    }
    return failed == 0 ? ExitCode::ok : ExitCode::some_failed;
}

ExitCode stream(const StreamCommandOptions& options) {
    StreamOptions stream;
    stream.convert = {options.read, options.write,
                      chosen_formats(options.to.empty() ? std::vector<std::string>{"yaml"} : options.to),
                      to_milliseconds(options.timeout)};
    if (options.output.empty()) throw UsageError(kNoOutputFolder);
    stream.output_dir = options.output;
    stream.on_error = [](const Error& e) { report(e); };
    require_readable_stdin();
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
    for (const WriterEntry& w : writers()) {
        if (w.styles == nullptr) continue;
        fmt::print("{} styles (--style NAME, or --style PATH to a style file):\n", unicode::ascii_upper(w.name));
        for (const StyleInfo& style : w.styles()) {
            fmt::print("  {:<16} {}{}\n", style.name, style.description, style.is_default ? " (default)" : "");
        }
    }
    return ExitCode::ok;
}

ExitCode list_formats() {
    fmt::print("Output formats (-t):\n");
    for (const WriterEntry& w : writers()) {
        fmt::print("  {:<7} .{:<11} {:<37} {}\n", w.name, w.extension, w.media_type, w.description);
    }
    fmt::print("Input formats (-f; otherwise by extension, then by content):\n");
    for (const ReaderEntry& r : readers()) {
        std::string exts;
        for (std::string_view e : r.extensions) exts += fmt::format("{}.{}", exts.empty() ? "" : " ", e);
        fmt::print("  {:<7} {:<18} {}\n", r.name, exts, r.description);
    }
    return ExitCode::ok;
}

ExitCode print_schema(std::string_view format) {
    const WriterEntry* writer = find_writer(format);
    if (writer == nullptr || writer->schema == nullptr) {
        std::string with;
        for (const WriterEntry& w : writers()) {
            if (w.schema != nullptr) with += fmt::format("{}{}", with.empty() ? "" : ", ", w.name);
        }
        throw UsageError(fmt::format("'{}' has no schema to print (formats with one: {})", format, with));
    }
    const std::string_view text = writer->schema();
    std::fwrite(text.data(), 1, text.size(), stdout);
    return ExitCode::ok;
}

}  // namespace briefkit::cli
