// The `briefkit` Python module: read articles into the document model as a dict, convert them to
// any format, list the formats; a briefkit.Error carries the file and line of what failed.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "briefkit/briefkit.hpp"

namespace py = pybind11;

namespace {

/// The Python exception every briefkit::Error becomes, made when the module loads (the module
/// holds it, so a handle is enough and nothing is released after Python has stopped).
py::handle error_type;

/// The reader options of the keyword arguments `options`, with `format` as the input format.
briefkit::ReadOptions read_options(const std::optional<std::string>& format, const py::kwargs& options) {
    briefkit::ReadOptions read;
    read.from = format.value_or("");
    for (const auto& [key, value] : options) {
        const std::string name = py::cast<std::string>(key);
        if (name == "date_order") {
            const std::string order = py::cast<std::string>(value);
            if (order != "dmy" && order != "mdy") throw briefkit::UsageError("date_order must be 'dmy' or 'mdy'");
            read.date_order = order == "mdy" ? briefkit::DateOrder::mdy : briefkit::DateOrder::dmy;
        } else if (name == "encoding") {
            const std::string encoding = py::cast<std::string>(value);
            const auto parsed = briefkit::parse_encoding(encoding);
            if (!parsed) throw briefkit::UsageError("unknown encoding '" + encoding + "'");
            read.encoding = *parsed;
        } else if (name == "max_input_size") {
            read.max_input_size = py::cast<std::size_t>(value);
        } else if (name == "max_line_length") {
            read.max_line_length = py::cast<std::size_t>(value);
        } else if (name == "max_paragraphs") {
            read.max_paragraphs = py::cast<std::size_t>(value);
        } else if (name == "max_depth") {
            read.max_depth = py::cast<std::size_t>(value);
        } else {
            throw briefkit::UsageError("unknown option '" + name +
                                       "' (date_order, encoding, max_input_size, max_line_length, max_paragraphs, "
                                       "max_depth)");
        }
    }
    return read;
}

/// True when `source` holds an article's bytes rather than naming its file.
bool holds_bytes(const py::object& source) {
    return py::isinstance<py::bytes>(source) || py::isinstance<py::bytearray>(source);
}

/// What errors call `source`: its path, or `<bytes>`.
std::string source_name(const py::object& source) {
    if (holds_bytes(source)) return "<bytes>";
    return py::cast<std::string>(py::module_::import("os").attr("fspath")(source));
}

/// The articles of `source`: bytes are the article itself, a str or os.PathLike names its file.
std::vector<briefkit::Document> read_source(const py::object& source, const briefkit::ReadOptions& options) {
    if (holds_bytes(source)) {
        const std::string bytes = py::isinstance<py::bytes>(source) ? py::cast<std::string>(source)
                                                                    : std::string(py::cast<py::bytearray>(source));
        py::gil_scoped_release unlocked;
        return briefkit::read_all(bytes, options, "<bytes>");
    }
    const std::string path = source_name(source);
    py::gil_scoped_release unlocked;
    return briefkit::read_file_all(path, options);
}

/// The one article of `source`; a briefkit.Error when it holds several (read_all() takes them).
briefkit::Document read_one(const py::object& source, const briefkit::ReadOptions& options) {
    std::vector<briefkit::Document> docs = read_source(source, options);
    if (docs.size() != 1) {
        throw briefkit::InputError("holds " + std::to_string(docs.size()) + " articles; briefkit.read_all() reads them all",
                                   source_name(source));
    }
    return std::move(docs.front());
}

/// `doc` as the article JSON Schema gives it, as Python objects.
py::object as_dict(const briefkit::Document& doc) {
    return py::module_::import("json").attr("loads")(briefkit::write(doc, "json"));
}

py::dict formats() {
    py::list inputs;
    for (const briefkit::FormatInfo& f : briefkit::input_formats()) {
        inputs.append(py::dict(py::arg("name") = f.name, py::arg("extensions") = f.extensions,
                               py::arg("description") = f.description));
    }
    py::list outputs;
    for (const briefkit::FormatInfo& f : briefkit::output_formats()) {
        outputs.append(py::dict(py::arg("name") = f.name, py::arg("extension") = f.extensions.front(),
                                py::arg("media_type") = f.media_type, py::arg("description") = f.description,
                                py::arg("text") = f.text));
    }
    return py::dict(py::arg("input") = inputs, py::arg("output") = outputs);
}

/// Raises `error` as a briefkit.Error with its file, line, message and kind as attributes.
void raise(const briefkit::Error& error) {
    py::object raised = error_type(briefkit::describe(error));
    raised.attr("file") = error.file();
    raised.attr("line") = error.line();
    raised.attr("message") = error.message();
    raised.attr("kind") = error.error_class();
    raised.attr("exit_code") = static_cast<int>(briefkit::exit_code(error));
    PyErr_SetObject(error_type.ptr(), raised.ptr());
}

}  // namespace

PYBIND11_MODULE(briefkit, m) {
    m.doc() = "Briefkit: read news articles into its document model and convert them to XML, YAML, JSON, the news "
              "industry's formats and PDF briefings.";
    m.attr("__version__") = std::string(briefkit::version());
    error_type = py::exception<briefkit::Error>(m, "Error").release();
    error_type.attr("__doc__") = "What failed, naming the file (.file) and line (.line, 0 for none); .kind is "
                                 "input, limit, output, usage or error.";
    py::register_exception_translator([](std::exception_ptr thrown) {
        try {
            if (thrown) std::rethrow_exception(thrown);
        } catch (const briefkit::Error& e) {
            raise(e);
        }
    });
    m.def(
        "read",
        [](const py::object& source, const std::optional<std::string>& format, const py::kwargs& options) {
            return as_dict(read_one(source, read_options(format, options)));
        },
        py::arg("source"), py::arg("format") = py::none(),
        "The article of `source` (bytes, or a path) as a dict, as the article JSON Schema gives it. `format` names "
        "the input format (else the extension, then the content); keyword options: date_order, encoding, "
        "max_input_size, max_line_length, max_paragraphs, max_depth.");
    m.def(
        "read_all",
        [](const py::object& source, const std::optional<std::string>& format, const py::kwargs& options) {
            py::list out;
            for (const briefkit::Document& doc : read_source(source, read_options(format, options))) out.append(as_dict(doc));
            return out;
        },
        py::arg("source"), py::arg("format") = py::none(),
        "Every article of `source` (a news message may carry several), each a dict as read() gives it.");
    m.def(
        "convert",
        [](const py::object& source, const std::string& to, const std::optional<std::string>& style,
           const std::optional<std::string>& format, const py::kwargs& options) {
            const briefkit::Document doc = read_one(source, read_options(format, options));
            briefkit::WriteOptions write;
            write.style = style.value_or("");
            std::string out;
            {
                py::gil_scoped_release unlocked;
                out = briefkit::write(doc, to, write);
            }
            return py::bytes(out);
        },
        py::arg("source"), py::arg("to") = "pdf", py::arg("style") = py::none(), py::arg("format") = py::none(),
        "The article of `source` (bytes, or a path) converted to the output format `to`, as bytes. `style` is a PDF "
        "style's name or a style file's path; `format` and the keyword options are read()'s.");
    m.def("formats", &formats, "The input and output formats: {'input': [...], 'output': [...]}, each a dict.");
    m.def(
        "styles",
        [] {
            py::list out;
            for (const briefkit::StyleInfo& s : briefkit::styles()) {
                out.append(py::dict(py::arg("name") = s.name, py::arg("description") = s.description,
                                    py::arg("default") = s.is_default));
            }
            return out;
        },
        "The PDF briefing's built-in styles, the default first.");
}
