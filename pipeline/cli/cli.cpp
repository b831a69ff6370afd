#include "pipeline/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <csignal>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>

#include "pipeline/cli/commands.hpp"
#include "pipeline/cli/manual.hpp"
#include "pipeline/cli/report.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/model/version.hpp"
#include "pipeline/registry.hpp"

namespace briefkit::cli {

namespace {

/// The footer of every help page: the exit codes, from the table that owns them.
std::string exit_codes_footer() {
    std::string footer = "Exit codes:\n";
    for (const ExitCodeMeaning& e : exit_codes()) footer += fmt::format("  {}  {}\n", static_cast<int>(e.code), e.meaning);
    return footer + "Errors are printed as 'briefkit: error: FILE:LINE: message'.";
}

/// Parses a size such as `16M`, `16MiB`, `500k` or `1048576` into bytes.
std::size_t parse_size(const std::string& text, std::string_view option) {
    std::size_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr == text.data()) {
        throw UsageError(fmt::format("{}: '{}' is not a size (try 2M)", option, text));
    }
    const std::string unit = unicode::ascii_lower(std::string_view(ptr, static_cast<std::size_t>(end - ptr)));
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
                       fmt::format("Input format for every input: {} (default: by file extension, then by "
                                   "content; see 'briefkit formats')",
                                   format_names(readers())))->type_name("FORMAT")
            ->check(CLI::IsMember(names));
        app.add_option("--date-order", date_order,
                       "Day-month order for all-numeric dates such as 04/03/2020 when the text does not settle it: "
                       "dmy or mdy (default dmy); such dates are flagged ambiguous")->type_name("ORDER")
            ->check(CLI::IsMember({"dmy", "mdy"}));
        const std::vector<std::string> encodings = encoding_names();
        std::string others;
        for (std::size_t i = 1; i < encodings.size(); ++i) others += fmt::format(", {}", encodings[i]);
        app.add_option("--encoding", encoding,
                       fmt::format("Input encoding: auto (default: byte-order mark, UTF-8, else Windows-1251/1252 or "
                                   "Latin-1){}",
                                   others))->type_name("ENCODING")
            ->check(CLI::IsMember(encodings));
        app.add_option("--max-input-size", max_input_size,
                       "Refuse inputs larger than this many bytes; K, M, G suffixes allowed (default 2M)")->type_name("SIZE");
        app.add_option("--max-line-length", max_line_length,
                       "Refuse text inputs with a line or paragraph longer than this many bytes (default 256K)")->type_name("SIZE");
        app.add_option("--max-paragraphs", max_paragraphs,
                       "Refuse inputs with more paragraphs, list items and quoted paragraphs than this (default 20000)")->type_name("N");
        app.add_option("--max-depth", max_depth, "Refuse XML or YAML inputs nested deeper than this (default 32)")->type_name("N");
    }

    [[nodiscard]] ReadOptions resolve() const {
        ReadOptions read;
        read.date_order = date_order == "mdy" ? DateOrder::mdy : DateOrder::dmy;
        read.encoding = parse_encoding(encoding).value_or(Encoding::automatic);
        read.max_input_size = parse_size(max_input_size, "--max-input-size");
        read.max_line_length = parse_size(max_line_length, "--max-line-length");
        read.max_paragraphs = max_paragraphs;
        read.max_depth = max_depth;
        read.from = from;
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


namespace {

/// A subcommand: its parser, and what it runs once the command line is parsed.
struct Subcommand {
    CLI::App* parser;
    std::function<ExitCode()> run;
};

/// Declares INPUT, `--glob` and `--follow-links`, which every subcommand reading articles takes.
void add_input_options(CLI::App& cmd, std::vector<std::string>& inputs, std::string& glob, bool& follow_links) {
    cmd.add_option("INPUT", inputs, "Article files, folders (searched recursively) or - for standard input")->type_name("PATH")->required();
    cmd.add_option("--glob", glob,
                   fmt::format("Which files to take from folders, by name, or by relative path when the pattern "
                               "holds a / (default: {})",
                               default_glob()))->type_name("PATTERN");
    cmd.add_flag("--follow-links", follow_links,
                 "Read symbolic links in input folders that lead to files outside them (by default such a link "
                 "fails, naming its target)");
}

/// Declares `--style`.
void add_style_option(CLI::App& cmd, WriterOptions& write) {
    cmd.add_option("--style", write.style,
                   "PDF briefing style: a built-in name (see 'briefkit styles'; default briefing) or the path of a "
                   "style file")->type_name("STYLE");
}

/// Declares `--timeout`; `what` names what each limit is for (`input`, `record`).
void add_timeout_option(CLI::App& cmd, double& timeout, std::string_view what) {
    cmd.add_option("--timeout", timeout,
                   fmt::format("Seconds each {} may take to read and convert before it fails and the rest go on "
                               "(default 60; 0 for no limit)",
                               what))->type_name("SECONDS");
}

/// Declares `-t/--to` for a list of formats, `fallback` saying what none means.
void add_formats_option(CLI::App& cmd, std::vector<std::string>& to, std::string_view fallback) {
    cmd.add_option("-t,--to", to, fmt::format("Output formats, comma-separated (default: {}; see 'briefkit formats')", fallback))->type_name("FORMATS")
        ->delimiter(',');
}

Subcommand add_convert(CLI::App& app) {
    auto options = std::make_shared<ConvertOptions>();
    auto flags = std::make_shared<ReadFlags>();
    CLI::App* cmd = app.add_subcommand("convert", "Convert articles to one or more formats");
    add_input_options(*cmd, options->inputs, options->glob, options->follow_links);
    add_formats_option(*cmd, options->to, "every format");
    cmd->add_option("-o,--output", options->output,
                    "Output folder, mirroring the input folders (default: out); - writes the one output to standard "
                    "output")
        ->type_name("DIR");
    add_style_option(*cmd, options->write);
    cmd->add_option("-j,--jobs", options->jobs,
                    "Inputs converted at once (default: one per core); outputs are the same whatever the number")
        ->type_name("N");
    cmd->add_flag("-q,--quiet", options->quiet, "No progress line (it is shown only on a terminal anyway)");
    cmd->add_option("--manifest", options->manifest,
                    "Write the NDJSON manifest here (default: OUTPUT/.briefkit/manifest.ndjson); a rerun skips "
                    "inputs it shows done with unchanged input, options and outputs")
        ->type_name("FILE");
    cmd->add_flag("--force", options->force,
                  "Convert every input again (files whose bytes would not change are still not rewritten)");
    cmd->add_option("--shard", options->shard,
                    "Convert only shard K of N (K/N, 1 <= K <= N), chosen by a stable hash of each input's relative "
                    "path; Slurm's SLURM_ARRAY_TASK_ID/COUNT choose it when set")
        ->type_name("K/N");
    add_timeout_option(*cmd, options->timeout, "input");
    cmd->add_flag("--sync", options->sync,
                  "Flush each output to disk (fsync) before it takes its name, and its folder after, so outputs "
                  "survive a power cut too; slower");
    flags->add_to(*cmd);
    return {cmd, [options, flags] {
                options->read = flags->resolve();
                return convert(*options);
            }};
}

Subcommand add_digest(CLI::App& app) {
    auto options = std::make_shared<DigestOptions>();
    auto flags = std::make_shared<ReadFlags>();
    CLI::App* cmd = app.add_subcommand("digest", "Put many articles into one PDF with a cover, contents and bookmarks");
    add_input_options(*cmd, options->inputs, options->glob, options->follow_links);
    cmd->add_option("-o,--output", options->output,
                    "The digest file to write, such as digest.pdf; - writes it to standard output")
        ->type_name("FILE")
        ->required();
    add_style_option(*cmd, options->write);
    cmd->add_option("-t,--to", options->to, "Format of the digest; it must hold many articles in one file (default: pdf)")
        ->type_name("FORMAT");
    add_timeout_option(*cmd, options->timeout, "input (and each article of the digest)");
    DigestRequest& brief = options->write.digest;
    cmd->add_option("--title", brief.title, "The brief's title on its front page (default: the style's, Daily brief)")
        ->type_name("TEXT");
    cmd->add_option("--issue", brief.issue, "The issue number printed under the title")->type_name("N")->check(CLI::Range(1, 1000000));
    cmd->add_option("--group-by", brief.group_by,
                    "The sections: topic (needs --topics), place, agency, language or none (default: the style's, agency)")
        ->type_name("FIELD")
        ->check(CLI::IsMember({"topic", "place", "agency", "language", "none"}));
    cmd->add_option("--topics", brief.topics, "Topic rules (YAML): each section's name, keywords and places, in print order")
        ->type_name("FILE");
    cmd->add_option("--sources", brief.sources,
                    "Sources file (YAML): each agency's aliases, country, language, ownership, grade A-F and credit line")
        ->type_name("FILE");
    cmd->add_option("--since", options->since,
                    "Stories briefed before: a manifest an earlier digest wrote (--manifest), or a day such as 2026-12-02 "
                    "(articles dated before it); marked 'previously reported' or left out, as the style says")
        ->type_name("FILE|DATE");
    cmd->add_option("--manifest", options->manifest, "Record the articles of this digest here (NDJSON), for a later --since")
        ->type_name("FILE");
    flags->add_to(*cmd);
    return {cmd, [options, flags] {
                options->read = flags->resolve();
                return digest(*options);
            }};
}

Subcommand add_stream(CLI::App& app) {
    auto options = std::make_shared<StreamCommandOptions>();
    auto flags = std::make_shared<ReadFlags>();
    CLI::App* cmd = app.add_subcommand(
        "stream", "Convert NDJSON records {\"id\", \"text\"|\"path\"} on stdin to NDJSON results on stdout");
    add_formats_option(*cmd, options->to, "yaml");
    cmd->add_option("-o,--output", options->output,
                    "Folder for outputs that cannot travel inline, such as PDF (default: out)")
        ->type_name("DIR");
    add_style_option(*cmd, options->write);
    add_timeout_option(*cmd, options->timeout, "record");
    flags->add_to(*cmd);
    return {cmd, [options, flags] {
                options->read = flags->resolve();
                return stream(*options);
            }};
}

Subcommand add_merge_manifests(CLI::App& app) {
    struct Options {
        std::vector<std::string> manifests, inputs;
        std::string output, glob;
    };
    auto options = std::make_shared<Options>();
    CLI::App* cmd =
        app.add_subcommand("merge-manifests", "Join shard manifests into one; report duplicate and missing inputs");
    cmd->add_option("MANIFEST", options->manifests, "The shards' manifest files")->type_name("FILE")->required();
    cmd->add_option("-o,--output", options->output, "The merged manifest to write")->type_name("FILE")->required();
    cmd->add_option("--inputs", options->inputs,
                    "The batch's inputs (as given to convert): each must appear in exactly one manifest")
        ->type_name("PATH");
    cmd->add_option("--glob", options->glob, "Which files to take from input folders")->type_name("PATTERN");
    return {cmd, [options] { return merge_manifests(options->manifests, options->output, options->inputs, options->glob); }};
}

Subcommand add_inspect(CLI::App& app) {
    auto input = std::make_shared<std::string>();
    auto flags = std::make_shared<ReadFlags>();
    CLI::App* cmd = app.add_subcommand("inspect", "Print an article's model and the reader's notes as YAML");
    cmd->add_option("FILE", *input, "Article file, or - for standard input")->type_name("PATH")->required();
    flags->add_to(*cmd);
    return {cmd, [input, flags] { return inspect(*input, flags->resolve()); }};
}

/// `briefkit schema [FORMAT]`.
Subcommand add_schema(CLI::App& app) {
    auto format = std::make_shared<std::string>("xml");
    CLI::App* cmd = app.add_subcommand("schema", "Print the schema an output format is valid against (xml: XSD; json: JSON Schema)");
    cmd->add_option("FORMAT", *format, "Output format whose schema to print")->type_name("FORMAT")->capture_default_str();
    return {cmd, [format] { return print_schema(*format); }};
}

/// Every subcommand, in the order `briefkit --help` lists them.
std::vector<Subcommand> add_subcommands(CLI::App& app) {
    std::vector<Subcommand> all{add_convert(app), add_digest(app), add_stream(app), add_merge_manifests(app)};
    all.push_back({app.add_subcommand("styles", "List the built-in PDF briefing styles"), list_styles});
    all.push_back(add_inspect(app));
    all.push_back({app.add_subcommand("formats", "List the input and output formats"), list_formats});
    all.push_back(add_schema(app));
    for (const Subcommand& s : all) s.parser->footer(exit_codes_footer());
    return all;
}

/// Runs the subcommand the command line chose; errors are reported here, the one place.
int run_chosen(const std::vector<Subcommand>& subcommands) {
    try {
        for (const Subcommand& s : subcommands) {
            if (*s.parser) return static_cast<int>(s.run());
        }
        return static_cast<int>(ExitCode::usage);
    } catch (const UsageError& e) {
        report(fmt::format("{} (see 'briefkit --help')", describe(e)));
        return static_cast<int>(ExitCode::usage);
    } catch (const Error& e) {
        report(e);
        return static_cast<int>(ExitCode::some_failed);
    }
}

/// The program's parser: every subcommand and option, with the text --help prints.
std::vector<Subcommand> define_command_line(CLI::App& app) {
    app.description("Briefkit converts raw news articles into clean XML, YAML and briefings.");
    app.name("briefkit");
    app.set_version_flag("--version", fmt::format("briefkit {}", kVersion), "Print the version and exit");
    app.footer(exit_codes_footer());
    app.require_subcommand(1);
    return add_subcommands(app);
}

/// `option` as the manual and the completions describe it.
OptionDoc describe_option(const CLI::Option& option) {
    OptionDoc doc;
    for (const std::string& s : option.get_snames()) doc.names.push_back("-" + s);
    for (const std::string& l : option.get_lnames()) doc.names.push_back("--" + l);
    const std::string type = option.get_type_name();
    if (option.get_type_size_max() > 0) doc.value = type.substr(0, type.find(':'));
    // A validator that admits only some values describes itself as {a,b,c}.
    if (const auto open = type.find(":{"); open != std::string::npos) {
        const std::string set = type.substr(open + 2, type.find('}', open) - open - 2);
        for (std::size_t start = 0; start <= set.size();) {
            const std::size_t comma = std::min(set.find(',', start), set.size());
            doc.choices.push_back(set.substr(start, comma - start));
            start = comma + 1;
        }
    }
    doc.description = option.get_description();
    doc.required = option.get_required();
    doc.repeats = option.get_items_expected_max() > 1;
    return doc;
}

/// The command line as the manual page and the completions describe it.
ProgramDoc describe_command_line() {
    CLI::App app;
    define_command_line(app);
    ProgramDoc program{"briefkit", "convert news articles into structured data and printable briefings",
                       BRIEFKIT_DATADIR, kVersion, {}};
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        CommandDoc command{sub->get_name(), sub->get_description(), {}};
        for (const CLI::Option* o : sub->get_options()) {
            if (o != sub->get_help_ptr()) command.options.push_back(describe_option(*o));
        }
        program.commands.push_back(std::move(command));
    }
    return program;
}

}  // namespace

int run(int argc, char** argv) {
    // A write past the file-size limit (ulimit -f) then fails with EFBIG, failing that one output
    // cleanly, instead of SIGXFSZ killing the whole batch.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app;
    const std::vector<Subcommand> subcommands = define_command_line(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        report(fmt::format("{}{} (see 'briefkit --help')", e.what(), dash_file_hint(argc, argv)));
        return static_cast<int>(ExitCode::usage);
    }
    return run_chosen(subcommands);
}

int write_docs(int argc, char** argv) {
    const std::string_view kind = argc == 2 ? argv[1] : "";
    const ProgramDoc program = describe_command_line();
    std::string text;
    if (kind == "man") text = man_page(program);
    if (kind == "bash") text = bash_completion(program);
    if (kind == "zsh") text = zsh_completion(program);
    if (text.empty()) {
        report("usage: briefkit_docs man|bash|zsh");
        return static_cast<int>(ExitCode::usage);
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : static_cast<int>(ExitCode::some_failed);
}

}  // namespace briefkit::cli
