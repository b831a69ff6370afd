#include "formats/pdf/style.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "briefkit/error.hpp"
#include "formats/brief/arrangement.hpp"
#include "formats/pdf/builtin_styles.hpp"
#include "formats/pdf/font_lookup.hpp"
#include "pipeline/model/keys.hpp"

namespace briefkit::formats::pdf {

namespace {

constexpr std::uintmax_t kMaxFontBytes = std::uintmax_t{64} << 20;  // DejaVu Sans is 0.7 MiB
constexpr std::uintmax_t kMaxStyleBytes = std::uintmax_t{1} << 20;

constexpr double kPointsPerMm = 72.0 / 25.4;

/// The size of the regular file at `path`; nullopt when there is none (missing, a folder, a device).
std::optional<std::uintmax_t> regular_file_size(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    return ec ? std::nullopt : std::optional<std::uintmax_t>(size);
}

/// Reads one style file, checking every key against what it may hold.
class StyleReader {
public:
    StyleReader(std::string origin, std::string base_dir) : origin_(std::move(origin)), base_(std::move(base_dir)) {}

    [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
        const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
        throw UsageError(fmt::format("style key '{}': {}", key, problem), origin_, line);
    }

    /// Calls `take` for each key of the map `node`, refusing keys not in `known`.
    void each(const YAML::Node& node, const std::string& path, const std::vector<std::string>& known,
              const std::function<void(const std::string&, const YAML::Node&, const std::string&)>& take) const {
        if (!node.IsMap()) fail(node, path.empty() ? "(top level)" : path, "expected a mapping of keys to values");
        const std::vector<std::string_view> names(known.begin(), known.end());
        KeyCheck check(names);
        for (const auto& entry : node) {
            if (!entry.first.IsScalar()) fail(entry.first, path.empty() ? "(top level)" : path, "expected plain keys");
            const std::string key = entry.first.Scalar();
            const std::string full = path.empty() ? key : path + "." + key;
            if (const std::string problem = check.problem(key); !problem.empty()) fail(entry.first, full, problem);
            take(key, entry.second, full);
        }
    }

    std::string text(const YAML::Node& node, const std::string& key) const {
        if (!node.IsScalar()) fail(node, key, "expected a string");
        return node.as<std::string>();
    }

    double number(const YAML::Node& node, const std::string& key, double low, double high) const {
        double value = 0;
        if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) fail(node, key, "expected a number");
        if (!(value >= low && value <= high)) {  // NaN too
            fail(node, key, fmt::format("expected a number from {} to {}, got {}", low, high, node.as<std::string>()));
        }
        return value;
    }

    bool flag(const YAML::Node& node, const std::string& key) const {
        bool value = false;
        if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) fail(node, key, "expected true or false");
        return value;
    }

    Rgb colour(const YAML::Node& node, const std::string& key) const {
        const std::string s = node.IsScalar() ? node.as<std::string>() : std::string();
        const bool ok = s.size() == 7 && s[0] == '#' &&
                        s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (!ok) fail(node, key, "expected a colour written #RRGGBB");
        const auto channel = [&](std::size_t at) { return std::stoi(s.substr(at, 2), nullptr, 16) / 255.0; };
        return {channel(1), channel(3), channel(5)};
    }

    // A font is a file (a path, with a slash or a font file's extension) or a family for
    // fontconfig to find (`Noto Serif`, `Noto Serif:bold`); `bold` asks for the family's bold
    // face (its regular one when it has none), and leaves a file as it is.
    std::string font(const YAML::Node& node, const std::string& key, bool bold = false) const {
        const std::string value = text(node, key);
        std::filesystem::path path = value;
        const std::string extension = path.extension().string();
        const bool is_path = value.find('/') != std::string::npos || extension == ".ttf" || extension == ".otf" ||
                             extension == ".ttc" || extension == ".TTF";
        if (!is_path) {
            try {
                path = font_file_for(bold ? value + ":bold" : value);
            } catch (const std::runtime_error& e) {
                fail(node, key, e.what());
            }
        }
        if (path.is_relative()) path = std::filesystem::path(base_) / path;
        const std::optional<std::uintmax_t> size = regular_file_size(path);
        if (!size) {
            fail(node, key,
                 fmt::format("font file {} does not exist or is not a regular file (expected a TrueType .ttf path or a font family)",
                             path.string()));
        }
        if (*size > kMaxFontBytes) {
            fail(node, key, fmt::format("font file {} is over {} MiB, more than any font needs", path.string(),
                                        kMaxFontBytes >> 20));
        }
        return path.string();
    }

    Style read(const std::string& yaml_text) const {
        YAML::Node root;
        try {
            root = YAML::Load(yaml_text);
        } catch (const YAML::Exception& e) {
            throw UsageError(fmt::format("style is not valid YAML: {}", e.msg), origin_, e.mark.line + 1);
        }
        Style s;
        s.name = origin_;
        bool has_page = false;
        bool has_fonts = false;
        each(root, "",
             {"description", "page", "fonts", "sizes", "colours", "header", "handling_label", "options",
              "hyphenation_exceptions", "digest"},
             [&](const std::string& key, const YAML::Node& v, const std::string& full) {
                 if (key == "description") s.description = text(v, full);
                 if (key == "handling_label") s.handling_label = text(v, full);
                 if (key == "page") {
                     has_page = true;
                     read_page(v, full, s);
                 }
                 if (key == "fonts") {
                     has_fonts = true;
                     read_fonts(v, full, s);
                 }
                 if (key == "sizes") read_sizes(v, full, s);
                 if (key == "colours") read_colours(v, full, s);
                 if (key == "header") {
                     each(v, full, {"organisation", "desk"}, [&](const std::string& k, const YAML::Node& n,
                                                                 const std::string& f) {
                         (k == "organisation" ? s.organisation : s.desk) = text(n, f);
                     });
                 }
                 if (key == "options") read_options(v, full, s);
                 if (key == "digest") read_digest(v, full, s.digest);
                 if (key == "hyphenation_exceptions") {
                     if (!v.IsSequence()) fail(v, full, "expected a list of words such as [ta-ble]");
                     for (const auto& w : v) s.hyphenation_exceptions.push_back(text(w, full));
                 }
             });
        if (!has_page) fail(root, "page", "missing (expected size and margins_mm)");
        if (!has_fonts) fail(root, "fonts", "missing (expected body, body_bold, sans and sans_bold font paths)");
        return s;
    }

private:
    void read_digest(const YAML::Node& v, const std::string& path, DigestStyle& d) const {
        each(v, path, {"title", "columns", "in_brief_words", "new_page", "previously_reported", "group_by", "sections", "topics", "sources", "top_stories"},
             [&](const std::string& k, const YAML::Node& n, const std::string& f) {
                 if (k == "title") d.title = text(n, f);
                 if (k == "columns") d.columns = static_cast<int>(number(n, f, 1, 2));
                 if (k == "in_brief_words") d.in_brief_words = static_cast<int>(number(n, f, 0, 1000));
                 if (k == "top_stories") d.top_stories = static_cast<int>(number(n, f, 0, 12));
                 if (k == "new_page") d.new_page = flag(n, f);
                 if (k == "previously_reported") {
                     const std::string how = text(n, f);
                     if (how != "mark" && how != "omit") fail(n, f, fmt::format("expected mark or omit, got '{}'", how));
                     d.omit_briefed = how == "omit";
                 }
                 if (k == "group_by") {
                     d.group_by = text(n, f);
                     if (!brief::grouping_named(d.group_by)) {
                         fail(n, f, fmt::format("expected topic, place, agency, language or none, got '{}'", d.group_by));
                     }
                 }
                 if (k == "sections") {
                     if (!n.IsSequence()) fail(n, f, "expected a list of section names");
                     for (const auto& name : n) d.sections.push_back(text(name, f));
                 }
                 if (k == "topics" || k == "sources") {
                     const std::filesystem::path file = text(n, f);
                     (k == "topics" ? d.topics : d.sources) = file.is_absolute() ? file.string() : (std::filesystem::path(base_) / file).string();
                 }
             });
    }

    void read_page(const YAML::Node& v, const std::string& path, Style& s) const {
        bool has_size = false;
        each(v, path, {"size", "margins_mm", "measure_mm"}, [&](const std::string& k, const YAML::Node& n, const std::string& f) {
            if (k == "measure_mm") {
                s.measure = number(n, f, 40, 400) * kPointsPerMm;
            } else if (k == "size") {
                has_size = true;
                const std::string size = text(n, f);
                if (size == "A4") {
                    s.page_width = 595.276;
                    s.page_height = 841.89;
                } else if (size == "Letter") {
                    s.page_width = 612;
                    s.page_height = 792;
                } else {
                    fail(n, f, fmt::format("expected A4 or Letter, got '{}'", size));
                }
            } else {
                each(n, f, {"top", "bottom", "left", "right"},
                     [&](const std::string& side, const YAML::Node& m, const std::string& g) {
                         const double points = number(m, g, 0, 100) * kPointsPerMm;
                         if (side == "top") s.margin_top = points;
                         if (side == "bottom") s.margin_bottom = points;
                         if (side == "left") s.margin_left = points;
                         if (side == "right") s.margin_right = points;
                     });
            }
        });
        if (!has_size) fail(v, path + ".size", "missing (expected A4 or Letter)");
        if (s.measure > s.page_width - s.margin_left - s.margin_right + 0.01) {
            fail(v["measure_mm"], path + ".measure_mm", "wider than the page between its margins");
        }
    }

    void read_fonts(const YAML::Node& v, const std::string& path, Style& s) const {
        each(v, path, {"body", "body_bold", "sans", "sans_bold", "mono", "fallback"},
             [&](const std::string& k, const YAML::Node& n, const std::string& f) {
                 if (k == "fallback") {
                     if (!n.IsSequence()) fail(n, f, "expected a list of font paths or families");
                     for (const auto& item : n) {
                         s.font_fallback.push_back(font(item, f));
                         s.font_fallback_bold.push_back(font(item, f, true));
                     }
                     return;
                 }
                 const std::map<std::string, std::string*> slots{
                     {"body", &s.font_body}, {"body_bold", &s.font_body_bold}, {"sans", &s.font_sans},
                     {"sans_bold", &s.font_sans_bold}, {"mono", &s.font_mono}};
                 *slots.at(k) = font(n, f);
             });
        const std::map<std::string, std::string*> required{
            {"body", &s.font_body}, {"body_bold", &s.font_body_bold}, {"sans", &s.font_sans},
            {"sans_bold", &s.font_sans_bold}};
        for (const auto& [k, slot] : required) {
            if (slot->empty()) fail(v, path + "." + k, "missing (expected a TrueType font path or a font family)");
        }
    }

    void read_sizes(const YAML::Node& v, const std::string& path, Style& s) const {
        const std::map<std::string, double*> slots{{"body", &s.size_body},       {"leading", &s.leading},
                                                   {"title", &s.size_title},     {"heading", &s.size_heading},
                                                   {"meta", &s.size_meta},       {"small", &s.size_small}};
        each(v, path, {"body", "leading", "title", "heading", "meta", "small"},
             [&](const std::string& k, const YAML::Node& n, const std::string& f) { *slots.at(k) = number(n, f, 4, 72); });
        if (s.leading < s.size_body) fail(v, path + ".leading", "expected a leading at least as large as the body size");
    }

    void read_colours(const YAML::Node& v, const std::string& path, Style& s) const {
        const std::map<std::string, Rgb*> slots{{"accent", &s.accent}, {"band_text", &s.band_text},
                                                {"text", &s.text},     {"muted", &s.muted},
                                                {"box", &s.box},       {"label", &s.label}};
        each(v, path, {"accent", "band_text", "text", "muted", "box", "label"},
             [&](const std::string& k, const YAML::Node& n, const std::string& f) { *slots.at(k) = colour(n, f); });
    }

    void read_options(const YAML::Node& v, const std::string& path, Style& s) const {
        const std::map<std::string, bool*> flags{
            {"header_band", &s.header_band},       {"key_points", &s.key_points}, {"title_case", &s.title_case},
            {"notes_appendix", &s.notes_appendix}, {"justify", &s.justify},       {"hyphenate", &s.hyphenate},
            {"typographic", &s.typographic}, {"attach_data", &s.attach_data}};
        each(v, path,
             {"header_band", "key_points", "key_point_count", "title_case", "notes_appendix", "justify", "hyphenate", "typographic", "attach_data"},
             [&](const std::string& k, const YAML::Node& n, const std::string& f) {
                 if (k == "key_point_count") {
                     s.key_point_count = static_cast<int>(number(n, f, 1, 8));
                 } else {
                     *flags.at(k) = flag(n, f);
                 }
             });
    }

    std::string origin_;
    std::string base_;
};

}  // namespace

Style parse_style(const std::string& text, const std::string& origin, const std::string& base_dir) {
    try {
        return StyleReader(origin, base_dir).read(text);
    } catch (const YAML::Exception& e) {
        // A conversion the checks above did not foresee: still the style's fault, with its line.
        throw UsageError(fmt::format("style is not readable: {}", e.msg), origin, e.mark.is_null() ? 0 : e.mark.line + 1);
    }
}

bool is_style_path(const std::string& name_or_path) {
    return name_or_path.find('/') != std::string::npos || (name_or_path.size() > 5 && name_or_path.ends_with(".yaml"));
}

Style load_style(const std::string& name_or_path) {
    if (!is_style_path(name_or_path)) {
        for (const BuiltinStyle& b : builtin_style_files()) {
            if (b.name == name_or_path) {
                Style s = parse_style(std::string(b.yaml), std::string(b.name), ".");
                s.name = b.name;
                return s;
            }
        }
        std::string known;
        for (const BuiltinStyle& b : builtin_style_files()) known += fmt::format("{}{}", known.empty() ? "" : ", ", b.name);
        throw UsageError(fmt::format("unknown style '{}' (built-in styles: {}; or give a path to a .yaml file)",
                                     name_or_path, known));
    }
    const std::optional<std::uintmax_t> size = regular_file_size(name_or_path);
    if (!size) throw UsageError("cannot read style file: it does not exist or is not a regular file", name_or_path);
    if (*size > kMaxStyleBytes) {
        throw UsageError(fmt::format("style file is over {} KiB; a style is a short YAML file", kMaxStyleBytes >> 10),
                         name_or_path);
    }
    std::ifstream in(name_or_path, std::ios::binary);
    if (!in) throw UsageError("cannot read style file", name_or_path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::filesystem::path base = std::filesystem::path(name_or_path).parent_path();
    return parse_style(buffer.str(), name_or_path, base.empty() ? "." : base.string());
}

std::vector<std::pair<std::string, std::string>> builtin_styles() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const BuiltinStyle& b : builtin_style_files()) {
        out.emplace_back(std::string(b.name), parse_style(std::string(b.yaml), std::string(b.name), ".").description);
    }
    return out;
}

}  // namespace briefkit::formats::pdf
