#include "pipeline/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <filesystem>
#include <csignal>
#include <limits>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/report.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/registry.hpp"
#include "pipeline/version.hpp"

namespace briefkit::cli {

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  every input converted\n"
    "  1  some inputs failed (each reported on stderr); every other input was still written\n"
    "  2  usage error (unknown option or format, no inputs); nothing was converted\n"
    "  130  interrupted by SIGINT or SIGTERM; the inputs in flight were finished and the manifest written\n"
    "Errors are printed as 'briefkit: error: FILE:LINE: message'.";

/// Parses a size such as `16M`, `16MiB`, `500k` or `1048576` into bytes.
std::size_t parse_size(const std::string& text, std::string_view option) {
    std::size_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr == text.data()) {
        throw UsageError(fmt::format("{}: '{}' is not a size (try 2M)", option, text));
    }
    std::string unit(ptr, end);
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int shift = -1;
    if (unit == "" || unit == "b") shift = 0;
    if (unit == "k" || unit == "kb" || unit == "kib") shift = 10;
    if (unit == "m" || unit == "mb" || unit == "mib") shift = 20;
    if (unit == "g" || unit == "gb" || unit == "gib") shift = 30;
    if (shift >= 0) {
        if (value > (std::numeric_limits<std::size_t>::max() >> shift)) {
            throw UsageError(fmt::format("{}: '{}' is too large", option, text));
        }
        return value << shift;
    }
    throw UsageError(fmt::format("{}: unknown unit '{}' (use K, M or G)", option, unit));
}

/// Reader options shared by `convert` and `inspect`, in their raw command-line form.
struct ReadFlags {
    std::string date_order = "dmy";
    std::string encoding = "auto";
    std::string max_input_size = "2M";
    std::string max_line_length = "256K";
    std::size_t max_paragraphs = ReadOptions{}.max_paragraphs;
    std::size_t max_depth = ReadOptions{}.max_depth;
    std::string from;

    void add_to(CLI::App& app) {
        std::vector<std::string> names;
        for (const ReaderEntry& r : readers()) names.emplace_back(r.name);
        app.add_option("-f,--from", from,
                       "Input format for every input: text, xml or yaml (default: by file extension, then by "
                       "content; see 'briefkit formats')")
            ->check(CLI::IsMember(names));
        app.add_option("--date-order", date_order,
                       "Day-month order for all-numeric dates such as 04/03/2020 when the text does not settle it: "
                       "dmy or mdy (default dmy); such dates are flagged ambiguous")
            ->check(CLI::IsMember({"dmy", "mdy"}));
        app.add_option("--encoding", encoding,
                       "Input encoding: auto (default: byte-order mark, UTF-8, else Windows-1251/1252 or Latin-1), "
                       "utf-8, utf-16le, utf-16be, windows-1252, windows-1251, latin-1")
            ->check(CLI::IsMember({"auto", "utf-8", "utf-16le", "utf-16be", "windows-1252", "windows-1251", "latin-1"}));
        app.add_option("--max-input-size", max_input_size,
                       "Refuse inputs larger than this many bytes; K, M, G suffixes allowed (default 2M)");
        app.add_option("--max-line-length", max_line_length,
                       "Refuse text inputs with a line or paragraph longer than this many bytes (default 256K)");
        app.add_option("--max-paragraphs", max_paragraphs,
                       "Refuse inputs with more paragraphs, list items and quoted paragraphs than this (default 20000)");
        app.add_option("--max-depth", max_depth, "Refuse XML or YAML inputs nested deeper than this (default 32)");
    }

    [[nodiscard]] ReadOptions resolve() const {
        ReadOptions read;
        read.date_order = date_order == "mdy" ? DateOrder::mdy : DateOrder::dmy;
        read.encoding = parse_encoding(encoding).value_or(Encoding::automatic);
        read.max_input_size = parse_size(max_input_size, "--max-input-size");
        read.max_line_length = parse_size(max_line_length, "--max-line-length");
        read.max_paragraphs = max_paragraphs;
        read.max_depth = max_depth;
        read.from = from.empty() ? nullptr : find_reader(from);
        return read;
    }
};

/// A hint for a parse error caused by a file whose name starts with '-' (read as an option), or
/// nothing when no argument is such a file.
std::string dash_file_hint(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        std::error_code ec;
        if (arg.size() > 1 && arg[0] == '-' && std::filesystem::exists(arg, ec)) {
            return fmt::format("; '{}' was read as an option: to name a file that starts with '-', write ./{} or put "
                               "-- before it",
                               arg, arg);
        }
    }
    return {};
}

}  // namespace

int run(int argc, char** argv) {
    // A write past the file-size limit (ulimit -f) then fails with EFBIG, failing that one output
    // cleanly, instead of SIGXFSZ killing the whole batch.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"Briefkit converts raw news articles into clean XML, YAML and briefings.", "briefkit"};
    app.set_version_flag("--version", fmt::format("briefkit {}", kVersion), "Print the version and exit");
    app.footer(kExitCodes);
    app.require_subcommand(1);

    ConvertOptions convert_options;
    ReadFlags convert_flags;
    CLI::App* convert_cmd = app.add_subcommand("convert", "Convert articles to one or more formats");
    convert_cmd->add_option("INPUT", convert_options.inputs,
                            "Article files, folders (searched recursively) or - for standard input")
        ->required();
    convert_cmd->add_option("-t,--to", convert_options.to,
                            "Output formats, comma-separated (default: every format; see 'briefkit formats')")
        ->delimiter(',');
    convert_cmd->add_option("-o,--output", convert_options.output,
                            "Output folder, mirroring the input folders (default: out); - writes the one output "
                            "to standard output");
    convert_cmd->add_option("--glob", convert_options.glob,
                            fmt::format("Which files to take from folders, by name, or by relative path when the "
                                        "pattern holds a / (default: {})",
                                        default_glob()));
    convert_cmd->add_option("--style", convert_options.write.style,
                            "PDF briefing style: a built-in name (see 'briefkit styles'; default briefing) or the "
                            "path of a style file");
    convert_cmd->add_option("-j,--jobs", convert_options.jobs,
                            "Inputs converted at once (default: one per core); outputs are the same whatever the number");
    convert_cmd->add_flag("-q,--quiet", convert_options.quiet, "No progress line (it is shown only on a terminal anyway)");
    convert_cmd->add_option("--manifest", convert_options.manifest,
                            "Write the NDJSON manifest here (default: OUTPUT/.briefkit/manifest.ndjson); a rerun "
                            "skips inputs it shows done with unchanged input, options and outputs");
    convert_cmd->add_flag("--force", convert_options.force,
                          "Convert every input again (files whose bytes would not change are still not rewritten)");
    convert_cmd->add_option("--shard", convert_options.shard,
                            "Convert only shard K of N (K/N, 1 <= K <= N), chosen by a stable hash of each input's "
                            "relative path; Slurm's SLURM_ARRAY_TASK_ID/COUNT choose it when set");
    convert_cmd->add_option("--timeout", convert_options.timeout,
                            "Seconds each input may take to read and convert before it fails and the batch goes "
                            "on (default 60; 0 for no limit)");
    convert_cmd->add_flag("--sync", convert_options.sync,
                          "Flush each output to disk (fsync) before it takes its name, and its folder after, so "
                          "outputs survive a power cut too; slower");
    convert_cmd->add_flag("--follow-links", convert_options.follow_links,
                          "Read symbolic links in input folders that lead to files outside them (by default such "
                          "a link fails, naming its target)");
    convert_flags.add_to(*convert_cmd);
    convert_cmd->footer(kExitCodes);

    DigestOptions digest_options;
    ReadFlags digest_flags;
    CLI::App* digest_cmd =
        app.add_subcommand("digest", "Put many articles into one PDF with a cover, contents and bookmarks");
    digest_cmd->add_option("INPUT", digest_options.inputs,
                           "Article files, folders (searched recursively) or - for standard input")
        ->required();
    digest_cmd->add_option("-o,--output", digest_options.output,
                           "The digest file to write, such as digest.pdf; - writes it to standard output")
        ->required();
    digest_cmd->add_option("--style", digest_options.write.style,
                           "PDF style: a built-in name (see 'briefkit styles') or the path of a style file");
    digest_cmd->add_option("-t,--to", digest_options.to,
                           "Format of the digest; it must hold many articles in one file (default: pdf)");
    digest_cmd->add_option("--glob", digest_options.glob, "Which files to take from folders");
    digest_cmd->add_option("--timeout", digest_options.timeout,
                           "Seconds each input may take to read, and each article to set, before it fails "
                           "(default 60; 0 for no limit)");
    digest_cmd->add_flag("--follow-links", digest_options.follow_links,
                         "Read symbolic links in input folders that lead to files outside them");
    digest_flags.add_to(*digest_cmd);
    digest_cmd->footer(kExitCodes);

    StreamCommandOptions stream_options;
    ReadFlags stream_flags;
    CLI::App* stream_cmd = app.add_subcommand(
        "stream", "Convert NDJSON records {\"id\", \"text\"|\"path\"} on stdin to NDJSON results on stdout");
    stream_cmd->add_option("-t,--to", stream_options.to, "Output formats, comma-separated (default: yaml)")->delimiter(',');
    stream_cmd->add_option("-o,--output", stream_options.output,
                           "Folder for outputs that cannot travel inline, such as PDF (default: out)");
    stream_cmd->add_option("--style", stream_options.write.style, "PDF style: a built-in name or a style file");
    stream_cmd->add_option("--timeout", stream_options.timeout,
                           "Seconds each record may take before it fails and the stream goes on (default 60; 0 for none)");
    stream_flags.add_to(*stream_cmd);

    std::vector<std::string> merge_inputs;
    std::vector<std::string> merge_manifest_files;
    std::string merge_output;
    std::string merge_glob;
    CLI::App* merge_cmd =
        app.add_subcommand("merge-manifests", "Join shard manifests into one; report duplicate and missing inputs");
    merge_cmd->add_option("MANIFEST", merge_manifest_files, "The shards' manifest files")->required();
    merge_cmd->add_option("-o,--output", merge_output, "The merged manifest to write")->required();
    merge_cmd->add_option("--inputs", merge_inputs,
                          "The batch's inputs (as given to convert): each must appear in exactly one manifest");
    merge_cmd->add_option("--glob", merge_glob, "Which files to take from input folders");

    CLI::App* styles_cmd = app.add_subcommand("styles", "List the built-in PDF briefing styles");

    std::string inspect_input;
    ReadFlags inspect_flags;
    CLI::App* inspect_cmd = app.add_subcommand("inspect", "Print an article's model and the reader's notes as YAML");
    inspect_cmd->add_option("FILE", inspect_input, "Article file, or - for standard input")->required();
    inspect_flags.add_to(*inspect_cmd);

    CLI::App* formats_cmd = app.add_subcommand("formats", "List the input and output formats");
    CLI::App* schema_cmd = app.add_subcommand("schema", "Print the XML Schema (XSD) of the XML output");

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        report(fmt::format("{}{} (see 'briefkit --help')", e.what(), dash_file_hint(argc, argv)));
        return static_cast<int>(ExitCode::usage);
    }

    try {
        ExitCode code = ExitCode::ok;
        if (*convert_cmd) {
            convert_options.read = convert_flags.resolve();
            code = convert(convert_options);
        } else if (*inspect_cmd) {
            code = inspect(inspect_input, inspect_flags.resolve());
        } else if (*digest_cmd) {
            digest_options.read = digest_flags.resolve();
            code = digest(digest_options);
        } else if (*stream_cmd) {
            stream_options.read = stream_flags.resolve();
            code = stream(stream_options);
        } else if (*merge_cmd) {
            code = merge_manifests(merge_manifest_files, merge_output, merge_inputs, merge_glob);
        } else if (*styles_cmd) {
            code = list_styles();
        } else if (*formats_cmd) {
            code = list_formats();
        } else if (*schema_cmd) {
            code = print_schema();
        }
        return static_cast<int>(code);
    } catch (const UsageError& e) {
        report(fmt::format("{} (see 'briefkit --help')", describe(e)));
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& e) {
        report(e);
        return static_cast<int>(ExitCode::some_failed);
    }
}

}  // namespace briefkit::cli
