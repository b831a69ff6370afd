#include "pipeline/inputs.hpp"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <utility>

#include "pipeline/registry.hpp"

namespace fs = std::filesystem;

namespace briefkit {

namespace {

/// Matches `glob` against the file name, or against the relative path when the glob holds a slash.
bool matches(const std::string& glob, const fs::path& relative) {
    if (glob.empty()) return true;
    if (glob.find('/') != std::string::npos) {
        return ::fnmatch(glob.c_str(), relative.generic_string().c_str(), FNM_PATHNAME) == 0;
    }
    return ::fnmatch(glob.c_str(), relative.filename().string().c_str(), 0) == 0;
}

/// `base` and `name` joined as fs::path's operator/ joins them: no '/' after an empty base or one ending in '/'.
std::string join(std::string_view base, std::string_view name) {
    std::string out;
    out.reserve(base.size() + 1 + name.size());
    out += base;
    if (!base.empty() && base.back() != '/') out += '/';
    out += name;
    return out;
}

}  // namespace

std::string default_glob() {
    std::string glob;
    for (std::string_view ext : readable_extensions()) glob += fmt::format("{}*.{}", glob.empty() ? "" : " ", ext);
    return glob;
}

InputWalker::InputWalker(std::vector<std::string> arguments, std::string glob)
    : arguments_(std::move(arguments)), glob_(std::move(glob)) {
    std::error_code ec;
    folders_ = static_cast<std::size_t>(std::count_if(arguments_.begin(), arguments_.end(), [&](const std::string& a) {
        return a != "-" && fs::is_directory(a, ec);
    }));
}

void InputWalker::skip_folder(const fs::path& folder) {
    std::error_code ec;
    skip_ = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (ec) skip_.clear();
}

StemClaims::StemClaims(const std::vector<std::string>& extensions) {
    for (const std::string& longer : extensions) {
        for (const std::string& shorter : extensions) {
            if (longer.size() > shorter.size() + 1 && longer.ends_with("." + shorter)) {
                suffixes_.push_back("." + longer.substr(0, longer.size() - shorter.size() - 1));
            }
        }
    }
}

std::string StemClaims::claim(const std::string& stem, const std::string& input) {
    std::string earlier;
    const auto claimed_by = [&](const std::string& other) {
        if (const auto it = claimed_.find(other); it != claimed_.end()) earlier = it->second;
    };
    for (const std::string& suffix : suffixes_) {
        claimed_by(stem + suffix);  // `a` after `a.nitf`
        if (stem.size() > suffix.size() && stem.ends_with(suffix)) claimed_by(stem.substr(0, stem.size() - suffix.size()));
    }
    if (auto [it, fresh] = claimed_.try_emplace(stem, input); !fresh) earlier = std::exchange(it->second, input);
    return earlier;
}

void InputWalker::push_folder(std::string dir, std::string relative, fs::path real) {
    Frame frame{std::move(dir), std::move(relative), std::move(real), {}, 0, StemClaims(extensions_)};
    std::error_code ec;
    fs::directory_iterator it(frame.dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        if (stack_.empty()) {
            ready_.push_back(Input{root_.string(), display_, {}, false, fmt::format("cannot read folder: {}", ec.message()), {}});
        }
        return;  // an unreadable subfolder is skipped, as permission-denied folders are
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        if (name.empty() || name.front() == '.') continue;  // hidden files and folders
        frame.entries.push_back(classify(entry, std::move(name)));
    }
    // In path order: a folder's name sorts as if followed by '/', below every other character.
    std::sort(frame.entries.begin(), frame.entries.end(), [](const Entry& x, const Entry& y) {
        const auto rank = [](const Entry& e, std::size_t i) {
            return i < e.name.size() ? static_cast<int>(static_cast<unsigned char>(e.name[i])) : (e.folder ? -1 : -2);
        };
        for (std::size_t i = 0;; ++i) {
            const int rx = rank(x, i);
            const int ry = rank(y, i);
            if (rx != ry || rx < 0) return rx < ry;
        }
    });
    stack_.push_back(std::move(frame));
}

InputWalker::Entry InputWalker::classify(const fs::directory_entry& entry, std::string name) const {
    std::error_code ec;
    const bool link = entry.is_symlink(ec);
    if (!link) {
        if (entry.is_directory(ec)) return {std::move(name), true, {}, false};
        if (entry.is_regular_file(ec)) return {std::move(name), false, {}, false};
        return {std::move(name), false, "not a regular file (a FIFO, device or socket); not read from a folder", false};
    }
    const fs::file_status target = fs::status(entry.path(), ec);
    if (ec || !fs::exists(target)) return {std::move(name), false, "a symbolic link to nothing (dangling); not read", false};
    if (fs::is_directory(target)) {
        return {std::move(name), false,
                "a symbolic link to a folder, which is not walked; give the folder itself as an input to convert it", true};
    }
    if (!fs::is_regular_file(target)) {
        return {std::move(name), false, "a symbolic link to a FIFO, device or socket; not read", false};
    }
    if (follow_links_) return {std::move(name), false, {}, false};
    const std::string real = fs::canonical(entry.path(), ec).string();
    if (!ec && !root_real_.empty() && real.starts_with(root_real_)) return {std::move(name), false, {}, false};
    return {std::move(name), false,
            fmt::format("a symbolic link to {}, outside the input folder; not read (give --follow-links to read it)",
                        ec ? std::string("a file") : real),
            false};
}

void InputWalker::open_argument(const std::string& arg) {
    if (arg == "-") {
        ready_.push_back(Input{{}, "-", "stdin", true, {}, {}});
        return;
    }
    const fs::path path(arg);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        ready_.push_back(Input{path.string(), arg, {}, false, "no such file or folder", {}});
    } else if (fs::is_directory(status)) {
        // Several folders each get a subfolder named after them, as `cp -r a b dest` does.
        const fs::path normal = path.lexically_normal();
        const fs::path name = normal.filename().empty() ? normal.parent_path().filename() : normal.filename();
        root_ = path;
        display_ = arg;
        prefix_text_ = folders_ > 1 ? name.string() : std::string();
        root_real_ = fs::canonical(path, ec).string();
        if (ec) root_real_.clear();
        if (!root_real_.empty() && root_real_.back() != '/') root_real_ += '/';
        fs::path real;
        if (!skip_.empty()) {
            real = fs::weakly_canonical(fs::absolute(path, ec), ec);
            if (ec) real.clear();
        }
        push_folder(path.string(), std::string(), real);
    } else {
        fs::path stem = path.filename();
        stem.replace_extension();
        ready_.push_back(Input{path.string(), arg, stem.string(), false, {}, {}});
    }
}

std::optional<Input> InputWalker::next() {
    for (;;) {
        if (!ready_.empty()) {
            Input input = std::move(ready_.back());
            ready_.pop_back();
            return input;
        }
        if (stack_.empty()) {
            if (argument_ >= arguments_.size()) return std::nullopt;
            open_argument(arguments_[argument_++]);
            continue;
        }
        Frame& top = stack_.back();
        if (top.next >= top.entries.size()) {
            stack_.pop_back();
            continue;
        }
        const Entry& entry = top.entries[top.next++];
        if (entry.folder) {
            fs::path real = top.real.empty() ? fs::path() : top.real / entry.name;
            if (!real.empty() && real == skip_) continue;
            push_folder(join(top.dir, entry.name), join(top.relative, entry.name), std::move(real));  // invalidates `top`
            continue;
        }
        // Paths are plain strings: this runs once per input, and a std::filesystem::path parses itself.
        const std::string relative = join(top.relative, entry.name);
        const std::size_t dot = entry.name.rfind('.');
        const bool has_extension = dot != std::string::npos && dot != 0;  // as fs::path::extension() reads it
        const bool wanted =
            entry.any_name ||
            (glob_.empty() ? has_extension && dot + 1 < entry.name.size() &&
                                 reader_for_extension(std::string_view(entry.name).substr(dot + 1)) != nullptr
                           : matches(glob_, fs::path(relative)));
        if (!wanted) continue;
        const std::string stem = has_extension ? relative.substr(0, relative.size() - (entry.name.size() - dot)) : relative;
        Input input{join(top.dir, entry.name), join(display_, relative), join(prefix_text_, stem), false, entry.problem, {}};
        // Siblings that differ only in their extension would write the same outputs.
        input.overwrites = top.stems.claim(input.stem, input.display);
        return input;
    }
}

std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, const std::string& glob,
                                  bool follow_links) {
    std::vector<Input> out;
    InputWalker walker(arguments, glob);
    walker.follow_links(follow_links);
    while (std::optional<Input> input = walker.next()) out.push_back(std::move(*input));
    return out;
}

}  // namespace briefkit
