#include "pipeline/cli/manual.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "briefkit/error.hpp"
#include "pipeline/model/text.hpp"
#include "pipeline/registry.hpp"

namespace briefkit::cli {

namespace {

// ---- What an option's value is completed with --------------------------------------------------

/// The kinds of value completion knows, from the value name --help prints.
enum class ValueKind { none, readable_file, any_file, folder, output_formats, input_formats, style, choices };

/// What `option` of `command` is completed with.
ValueKind value_kind(const OptionDoc& option) {
    if (!option.choices.empty()) return ValueKind::choices;
    const std::string_view value = option.value;
    if (value == "PATH") return ValueKind::readable_file;
    if (value == "FILE" || value == "FILE|DATE") return ValueKind::any_file;
    if (value == "DIR") return ValueKind::folder;
    if (value == "FORMATS") return ValueKind::output_formats;
    if (value == "STYLE") return ValueKind::style;
    if (value == "FORMAT") {
        const bool input = std::find(option.names.begin(), option.names.end(), "--from") != option.names.end();
        return input ? ValueKind::input_formats : ValueKind::output_formats;
    }
    return ValueKind::none;
}

/// Every output format's name, or every input format's.
std::vector<std::string> format_list(bool inputs) {
    std::vector<std::string> names;
    if (inputs) {
        for (const ReaderEntry& r : readers()) names.emplace_back(r.name);
    } else {
        for (const WriterEntry& w : writers()) names.emplace_back(w.name);
    }
    return names;
}

/// The names of the built-in PDF styles.
std::vector<std::string> style_names() {
    std::vector<std::string> names;
    for (const WriterEntry& w : writers()) {
        if (w.styles == nullptr) continue;
        for (const StyleInfo& s : w.styles()) names.push_back(s.name);
    }
    return names;
}

/// Every extension a reader takes, as one pattern: `txt|xml|yaml|...`.
std::string extension_pattern() {
    std::string out;
    for (std::string_view e : readable_extensions()) out += fmt::format("{}{}", out.empty() ? "" : "|", e);
    return out;
}

/// `words` joined by `separator`.
std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
    return out;
}

/// The options of `command` that have names (not its positional arguments).
std::vector<const OptionDoc*> named_options(const CommandDoc& command) {
    std::vector<const OptionDoc*> out;
    for (const OptionDoc& o : command.options) {
        if (!o.names.empty()) out.push_back(&o);
    }
    return out;
}

/// The positional argument of `command`, or nullptr when it takes none.
const OptionDoc* positional(const CommandDoc& command) {
    for (const OptionDoc& o : command.options) {
        if (o.names.empty()) return &o;
    }
    return nullptr;
}

// ---- The manual page -------------------------------------------------------------------------

/// `text` as roff prints it literally: backslashes and hyphens escaped, no line read as a request.
std::string roff(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
    return out;
}

/// The synopsis line of `command`: `briefkit convert [options] PATH...`.
std::string synopsis(const ProgramDoc& program, const CommandDoc& command) {
    std::string line = fmt::format(".B {} {}\n", program.name, roff(command.name));
    if (!named_options(command).empty()) line += ".RI [ options ]\n";
    if (const OptionDoc* arg = positional(command)) {
        const std::string value = roff(arg->value) + (arg->repeats ? " ..." : "");
        line += arg->required ? fmt::format(".I {}\n", value) : fmt::format(".RI [ {} ]\n", value);
    }
    return line;
}

/// One option as a tagged paragraph.
std::string option_entry(const OptionDoc& option) {
    std::string tag;
    for (const std::string& n : option.names) tag += fmt::format("{}\\fB{}\\fR", tag.empty() ? "" : ", ", roff(n));
    if (!option.value.empty()) {
        tag += fmt::format("{}\\fI{}\\fR", tag.empty() ? "" : " ", roff(option.value));
        if (option.repeats) tag += " ...";
    }
    std::string body = roff(option.description);
    if (!option.choices.empty()) body += fmt::format(". One of: {}", roff(join(option.choices, ", ")));
    return fmt::format(".TP\n{}\n{}\n", tag, body);
}

std::string commands_section(const ProgramDoc& program) {
    std::string out = ".SH COMMANDS\n";
    for (const CommandDoc& c : program.commands) {
        out += fmt::format(".SS {}\n{}.PP\n{}.\n", roff(c.name), synopsis(program, c), roff(c.description));
        for (const OptionDoc& o : c.options) {
            if (!o.names.empty()) out += option_entry(o);
        }
        if (const OptionDoc* arg = positional(c)) {
            out += fmt::format(".TP\n\\fI{}\\fR\n{}\n", roff(arg->value), roff(arg->description));
        }
    }
    return out;
}

std::string formats_section() {
    std::string out = ".SH FORMATS\nOutput formats, named with \\fB\\-t\\fR:\n";
    for (const WriterEntry& w : writers()) {
        out += fmt::format(".TP\n\\fB{}\\fR (.{}, {})\n{}\n", roff(w.name), roff(w.extension), roff(w.media_type),
                           roff(w.description));
    }
    out += ".PP\nInput formats, named with \\fB\\-f\\fR, else chosen by extension, then by content:\n";
    for (const ReaderEntry& r : readers()) {
        std::string exts;
        for (std::string_view e : r.extensions) exts += fmt::format("{}.{}", exts.empty() ? "" : " ", e);
        out += fmt::format(".TP\n\\fB{}\\fR ({})\n{}\n", roff(r.name), roff(exts), roff(r.description));
    }
    out += ".SS Styles\nThe PDF briefing's built-in styles, named with \\fB\\-\\-style\\fR (or the path of a style "
           "file):\n";
    for (const WriterEntry& w : writers()) {
        if (w.styles == nullptr) continue;
        for (const StyleInfo& s : w.styles()) {
            out += fmt::format(".TP\n\\fB{}\\fR{}\n{}\n", roff(s.name), s.is_default ? " (default)" : "",
                               roff(s.description));
        }
    }
    return out;
}

std::string exit_status_section() {
    std::string out = ".SH EXIT STATUS\n";
    for (const ExitCodeMeaning& e : exit_codes()) {
        out += fmt::format(".TP\n\\fB{}\\fR\n{}\n", static_cast<int>(e.code), roff(e.meaning));
    }
    out += ".PP\nErrors are printed to standard error as \\fBbriefkit: error:\\fR \\fIFILE\\fR:\\fILINE\\fR: "
           "\\fImessage\\fR; an input that fails leaves no output file, and the rest of a batch is still "
           "converted.\n";
    return out;
}

constexpr std::string_view kDescription = R"(.SH DESCRIPTION
.B briefkit
reads news articles (raw text with its damage, saved web pages, and the news industry's formats:
NITF, NewsML-G2, NewsML 1.2, ninjs, ANPA-1312) into one typed document model, recording every
repair it makes in the document's notes, and writes that model as XML, YAML, JSON, the industry's
formats and a formatted PDF briefing. It converts whole folders in batch, on every core, skipping on
a rerun what its manifest shows done.
)";

/// ENVIRONMENT, FILES, EXAMPLES and SEE ALSO; `datadir` is where the package puts its data.
std::string closing_sections(std::string_view datadir) {
    const std::string data = roff(datadir);
    return fmt::format(R"(.SH ENVIRONMENT
.TP
.B SOURCE_DATE_EPOCH
When set to a number of seconds since 1970, the time every output states it was made: the same
inputs then give the same bytes.
.TP
.BR SLURM_ARRAY_TASK_ID ", " SLURM_ARRAY_TASK_COUNT
Set by Slurm in a job array: \fBconvert\fR without \fB\-\-shard\fR converts only this task's share.
.SH FILES
.TP
.I OUTPUT/.briefkit/manifest.ndjson
The manifest \fBconvert\fR writes: one line per input, with its outputs and their hashes or its error.
.TP
.I {0}/article.xsd
The XML Schema of the article XML (also printed by \fBbriefkit schema xml\fR).
.TP
.I {0}/article.schema.json
The JSON Schema of the article JSON (also \fBbriefkit schema json\fR).
.TP
.I {0}/styles/
The built-in PDF styles as files, to copy and edit for \fB\-\-style\fR \fIFILE\fR.
.SH EXAMPLES
Convert a folder into every format, under \fIout/\fR:
.PP
.RS
.EX
briefkit convert articles/ \-o out
.EE
.RE
.PP
Only XML and the PDF briefing, in the compact US Letter style:
.PP
.RS
.EX
briefkit convert articles/ \-t xml,pdf \-\-style letter\-compact \-o out
.EE
.RE
.PP
This morning's brief, grouped by topic:
.PP
.RS
.EX
briefkit digest incoming/ \-o brief.pdf \-\-topics topics.yaml \-\-issue 12
.EE
.RE
.PP
Share a batch over four machines, then join their manifests:
.PP
.RS
.EX
briefkit convert corpus/ \-o out/1 \-\-shard 1/4
briefkit merge\-manifests out/*/.briefkit/manifest.ndjson \-o all.ndjson \-\-inputs corpus/
.EE
.RE
.SH SEE ALSO
.BR pdftoppm (1),
.BR parallel (1),
.BR sbatch (1)
)",
                       data);
}

// ---- Completion scripts ----------------------------------------------------------------------

/// The bash words completing a value of `kind` (into COMPREPLY), or an empty string for none.
std::string bash_values(const OptionDoc& option, const std::string& extensions) {
    switch (value_kind(option)) {
        case ValueKind::none: return {};
        case ValueKind::readable_file: return fmt::format("_briefkit_files '{}'", extensions);
        case ValueKind::any_file: return "_briefkit_files ''";
        case ValueKind::folder: return "COMPREPLY=($(compgen -d -- \"$cur\"))";
        case ValueKind::output_formats: return fmt::format("_briefkit_list '{}'", join(format_list(false), " "));
        case ValueKind::input_formats: return fmt::format("_briefkit_words '{}'", join(format_list(true), " "));
        case ValueKind::style:
            return fmt::format("_briefkit_words '{}'; _briefkit_files 'yaml|yml' keep", join(style_names(), " "));
        case ValueKind::choices: return fmt::format("_briefkit_words '{}'", join(option.choices, " "));
    }
    return {};
}

constexpr std::string_view kBashHelpers = R"(# bash completion for briefkit; written by briefkit's build from its command-line table.
_briefkit_words() { COMPREPLY=($(compgen -W "$1" -- "$cur")); }
_briefkit_list() {
    local prefix="" last="$cur"
    if [[ $cur == *,* ]]; then prefix="${cur%,*},"; last="${cur##*,}"; fi
    COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "$last"))
}
# Files whose extension matches the pattern (any file when it is empty), and folders.
_briefkit_files() {
    local IFS=$'\n' f
    [[ $2 == keep ]] || COMPREPLY=()
    for f in $(compgen -f -- "$cur"); do
        if [[ -d $f ]]; then COMPREPLY+=("$f/")
        elif [[ -z $1 ]] || [[ ${f,,} =~ \.($1)$ ]]; then COMPREPLY+=("$f")
        fi
    done
    compopt -o nospace -o filenames 2>/dev/null
}
)";

/// The bash case arm completing the options of one command.
std::string bash_command(const CommandDoc& command, const std::string& extensions) {
    std::string names = "--help";
    std::string values;
    for (const OptionDoc* o : named_options(command)) {
        names += " " + join(o->names, " ");
        const std::string complete = bash_values(*o, extensions);
        if (complete.empty() || o->value.empty()) continue;
        values += fmt::format("                {}) {}; return ;;\n", join(o->names, "|"), complete);
    }
    std::string arg = "COMPREPLY=()";
    if (const OptionDoc* p = positional(command)) {
        const std::string complete = bash_values(*p, extensions);
        if (!complete.empty()) arg = complete;
    }
    return fmt::format(R"(        {})
            case $prev in
{}            esac
            if [[ $cur == -* ]]; then _briefkit_words '{}'; else {}; fi ;;
)",
                       command.name, values, names, arg);
}

/// The zsh completion of a value of `option`, after the `:description:` of an _arguments spec.
std::string zsh_values(const OptionDoc& option, const std::string& extensions) {
    switch (value_kind(option)) {
        case ValueKind::none: return " ";
        case ValueKind::readable_file: return fmt::format("_files -g '*.({})(-.)'", extensions);
        case ValueKind::any_file: return "_files";
        case ValueKind::folder: return "_files -/";
        case ValueKind::output_formats: return fmt::format("_sequence compadd - {}", join(format_list(false), " "));
        case ValueKind::input_formats: return fmt::format("({})", join(format_list(true), " "));
        case ValueKind::style: return fmt::format("_alternative 'styles:style:({})' 'files:style file:_files -g \"*.(yaml|yml)\"'",
                                                  join(style_names(), " "));
        case ValueKind::choices: return fmt::format("({})", join(option.choices, " "));
    }
    return " ";
}

/// `text` as an _arguments description: the brackets and colons it reads as syntax escaped.
std::string zsh_description(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

/// `text` as one word in single quotes for the shell.
std::string single_quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

/// The _arguments spec of one option.
std::string zsh_spec(const OptionDoc& option, const std::string& extensions) {
    const std::string help = zsh_description(option.description.substr(0, option.description.find(" (")));
    const std::string value = option.value.empty() ? ""
                                                   : fmt::format(":{}:{}", zsh_description(unicode::ascii_lower(option.value)),
                                                                 zsh_values(option, extensions));
    const std::string repeat = option.repeats ? "*" : "";
    if (option.names.size() == 1) return single_quoted(fmt::format("{}{}[{}]{}", repeat, option.names.front(), help, value));
    return single_quoted(fmt::format("({}){}{{{}}}[{}]{}", join(option.names, " "), repeat, join(option.names, ","), help, value));
}

}  // namespace

std::string man_page(const ProgramDoc& program) {
    std::string out = fmt::format(".TH BRIEFKIT 1 \"\" \"{} {}\" \"User Commands\"\n", program.name, roff(program.version));
    out += fmt::format(".SH NAME\n{} \\- {}\n.SH SYNOPSIS\n", program.name, roff(program.description));
    for (const CommandDoc& c : program.commands) out += synopsis(program, c) + ".br\n";
    out += fmt::format(".B {} \\-\\-help\n.br\n.B {} \\-\\-version\n", program.name, program.name);
    out += std::string(kDescription) + commands_section(program) + formats_section() + exit_status_section();
    return out + closing_sections(program.datadir);
}

std::string bash_completion(const ProgramDoc& program) {
    const std::string extensions = extension_pattern();
    std::vector<std::string> names;
    std::string arms;
    for (const CommandDoc& c : program.commands) {
        names.push_back(c.name);
        arms += bash_command(c, extensions);
    }
    return fmt::format(R"({}
_briefkit() {{
    local cur prev command="" i
    cur=${{COMP_WORDS[COMP_CWORD]}}
    prev=${{COMP_WORDS[COMP_CWORD-1]}}
    for ((i = 1; i < COMP_CWORD; i++)); do
        [[ ${{COMP_WORDS[i]}} != -* ]] && {{ command=${{COMP_WORDS[i]}}; break; }}
    done
    case $command in
        "") _briefkit_words '{} --help --version' ;;
{}    esac
}}
complete -F _briefkit briefkit
)",
                       kBashHelpers, join(names, " "), arms);
}

std::string zsh_completion(const ProgramDoc& program) {
    const std::string extensions = extension_pattern();
    std::string commands;
    std::string arms;
    for (const CommandDoc& c : program.commands) {
        commands += fmt::format("        {}\n", single_quoted(fmt::format("{}:{}", c.name, zsh_description(c.description))));
        std::string specs = "'(- *)--help[Print help and exit]'";
        for (const OptionDoc* o : named_options(c)) specs += " \\\n                " + zsh_spec(*o, extensions);
        if (const OptionDoc* p = positional(c)) {
            specs += " \\\n                " + single_quoted(fmt::format("{}:{}:{}", p->repeats ? "*" : "",
                                                                          zsh_description(unicode::ascii_lower(p->value)),
                                                                          zsh_values(*p, extensions)));
        }
        arms += fmt::format("        {}) _arguments -s {} ;;\n", c.name, specs);
    }
    return fmt::format(R"(#compdef briefkit
# zsh completion for briefkit; written by briefkit's build from its command-line table.
_briefkit() {{
    local -a commands=(
{}    )
    if (( CURRENT == 2 )); then
        _describe -t commands 'briefkit command' commands
        compadd -- --help --version
        return
    fi
    words=("${{words[@]:1}}")
    (( CURRENT-- ))
    case ${{words[1]}} in
{}    esac
}}
_briefkit "$@"
)",
                       commands, arms);
}

}  // namespace briefkit::cli
