#include "pipeline/inputs.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>

#include "pipeline/registry.hpp"

namespace fs = std::filesystem;

namespace briefkit {

namespace {

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.';
}

/// Matches `glob` against the file name, or against the relative path when the glob holds a slash.
bool matches(const std::string& glob, const fs::path& relative) {
    if (glob.empty()) return true;
    if (glob.find('/') != std::string::npos) {
        return ::fnmatch(glob.c_str(), relative.generic_string().c_str(), FNM_PATHNAME) == 0;
    }
    return ::fnmatch(glob.c_str(), relative.filename().string().c_str(), 0) == 0;
}

/// Matches the default: an extension some reader takes, in any letter case.
bool readable(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext.size() > 1 && reader_for_extension(std::string_view(ext).substr(1)) != nullptr;
}

void walk(const fs::path& root, const std::string& display, const std::string& glob, const fs::path& prefix,
          std::vector<Input>& out) {
    std::vector<Input> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.push_back(Input{root.string(), display, {}, false, fmt::format("cannot read folder: {}", ec.message())});
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        if (hidden(entry.path())) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(ec)) continue;
        const fs::path relative = entry.path().lexically_relative(root);
        if (glob.empty() ? !readable(relative) : !matches(glob, relative)) continue;
        fs::path stem = relative;
        stem.replace_extension();
        found.push_back(Input{entry.path().string(), (fs::path(display) / relative).string(), (prefix / stem).string(),
                              false, {}});
    }
    if (ec) out.push_back(Input{root.string(), display, {}, false, fmt::format("cannot read folder: {}", ec.message())});
    // In path order, component by component: '/' sorts before every other character.
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) {
        return std::lexicographical_compare(a.path.begin(), a.path.end(), b.path.begin(), b.path.end(), [](char x, char y) {
            const auto rank = [](char c) { return c == '/' ? -1 : static_cast<int>(static_cast<unsigned char>(c)); };
            return rank(x) < rank(y);
        });
    });
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace

std::string default_glob() {
    std::string glob;
    for (const ReaderEntry& r : readers()) {
        for (std::string_view ext : r.extensions) glob += fmt::format("{}*.{}", glob.empty() ? "" : " ", ext);
    }
    return glob;
}

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, const std::string& glob) {
    std::vector<Input> out;
    std::error_code ec;
    const auto folders = std::count_if(arguments.begin(), arguments.end(),
                                       [&](const std::string& a) { return a != "-" && fs::is_directory(a, ec); });
    for (const std::string& arg : arguments) {
        if (arg == "-") {
            out.push_back(Input{{}, "-", "stdin", true, {}});
            continue;
        }
        const fs::path path(arg);
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            out.push_back(Input{path.string(), arg, {}, false, "no such file or folder"});
        } else if (fs::is_directory(status)) {
            // Several folders each get a subfolder named after them, as `cp -r a b dest` does.
            const fs::path name = path.lexically_normal().filename().empty() ? path.lexically_normal().parent_path().filename()
                                                                              : path.lexically_normal().filename();
            walk(path, arg, glob, folders > 1 ? name : fs::path(), out);
        } else {
            fs::path stem = path.filename();
            stem.replace_extension();
            out.push_back(Input{path.string(), arg, stem.string(), false, {}});
        }
    }
    return out;
}

}  // namespace briefkit
