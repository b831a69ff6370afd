// Turning command-line INPUT arguments into the list of articles to convert.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace briefkit {

/// One article to convert and where its outputs go.
struct Input {
    // Plain strings rather than std::filesystem::path, which keeps a parsed copy of every
    // component: a batch of 100,000 inputs holds them all.
    std::string path;              ///< The file to read; empty for standard input.
    std::string display;           ///< The name used in messages: the path as given, or `-`.
    std::string stem;              ///< Output path relative to the output folder, without extension.
    bool from_stdin = false;       ///< True for `-`.
    std::string problem;           ///< Why this input cannot be read (such as a missing file); empty if fine.
    std::string overwrites;        ///< The earlier input whose outputs this one's would overwrite; empty if none.
};

/// Output stems that may not sit side by side in one batch, and which earlier input each
/// claimed. Two inputs collide when their stems are the same (`a.txt`, `a.TXT`) or when one
/// format's extension ends with another's: `a.xml`'s NITF output and `a.nitf.xml`'s XML output
/// are both `a.nitf.xml`.
class StemClaims {
public:
    /// Claims for a batch that writes files with these extensions (no dot, such as `nitf.xml`).
    explicit StemClaims(const std::vector<std::string>& extensions);

    /// Claims `stem` for `input`; returns the earlier input whose outputs `stem`'s would
    /// overwrite (the latest such), or an empty string when there is none.
    std::string claim(const std::string& stem, const std::string& input);

private:
    std::vector<std::string> suffixes_;  // `.nitf` for `nitf.xml` beside `xml`
    std::unordered_map<std::string, std::string> claimed_;  // stem -> the latest input claiming it
};

/// Yields the inputs of command-line arguments one at a time, in the order collect_inputs()
/// lists them, holding one folder's listing at a time rather than the whole batch. Files in
/// one folder whose output paths would be the same (`a.txt`, `a.TXT`; `a.xml` and `a.nitf.xml`
/// when both XML and NITF are written) are flagged through `overwrites`; across several
/// arguments, see InputWalker::needs_global_check().
class InputWalker {
public:
    /// A walker over `arguments` (files, folders, `-`), keeping files that match `glob`.
    InputWalker(std::vector<std::string> arguments, std::string glob);

    /// Leaves out `folder` and everything under it, wherever it appears inside a folder argument:
    /// the output folder, when it lies inside an input folder, holds files readers now take.
    void skip_folder(const std::filesystem::path& folder);

    /// Reads symbolic links found in folders that lead to files outside the folder argument's
    /// tree (by default such a link is an input that fails, naming its target).
    void follow_links(bool follow) { follow_links_ = follow; }

    /// Flags collisions among the outputs of these extensions (no dot, such as `nitf.xml`);
    /// without it, only inputs of the same stem collide.
    void output_extensions(std::vector<std::string> extensions) { extensions_ = std::move(extensions); }

    /// The next input, or nullopt when there are no more.
    [[nodiscard]] std::optional<Input> next();

    /// True when two inputs from different arguments could share an output path, so the
    /// caller must compare every output path with all earlier ones.
    [[nodiscard]] bool needs_global_check() const { return arguments_.size() > 1; }

private:
    struct Entry {
        std::string name;
        bool folder = false;
        std::string problem;     // why the entry is not read (a link leaving the tree, a FIFO); empty if fine
        bool any_name = false;   // reported whatever the glob: a link to a folder, which is not walked
    };
    [[nodiscard]] Entry classify(const std::filesystem::directory_entry& entry, std::string name) const;
    struct Frame {
        std::string dir;             // the folder listed
        std::string relative;        // the same folder, relative to the argument's root
        std::filesystem::path real;  // the same folder, absolute and without symbolic links
        std::vector<Entry> entries;      // sorted by name
        std::size_t next = 0;
        StemClaims stems;            // the output stems of this folder's inputs so far
    };
    void open_argument(const std::string& arg);
    void push_folder(std::string dir, std::string relative, std::filesystem::path real);

    std::vector<std::string> arguments_;
    std::string glob_;
    std::size_t argument_ = 0;
    std::size_t folders_ = 0;  // how many arguments are folders
    // The folder argument being walked.
    std::filesystem::path root_;
    std::string root_real_;  // the folder argument, absolute and without symbolic links, ending in '/'
    bool follow_links_ = false;
    std::string display_;
    std::string prefix_text_;  // what the argument's outputs go under: empty, or its name when several folders are given
    std::filesystem::path skip_;  // a folder to leave out, absolute and without symbolic links
    std::vector<Frame> stack_;
    std::vector<std::string> extensions_;  // the batch's output extensions, for StemClaims
    std::vector<Input> ready_;  // inputs decided but not yet handed out (reversed)
};

/// Expands files, folders (recursively, keeping files whose name matches `glob`;
/// hidden files and folders are skipped) and `-` into inputs, in a stable order.
/// Inside folders, what is not a regular file is an input that fails, so that it is reported
/// and recorded rather than skipped unseen: a FIFO, a device, a dangling link, a link to a
/// device, a link to a folder (not walked, which also keeps loops out), and a link to a file
/// outside the folder argument's tree (unless InputWalker::follow_links()). A link to a regular
/// file inside the tree is read.
/// Output stems mirror each folder's tree, so `in/a/b.txt` under folder `in` has stem `a/b`;
/// when several folders are given, each one's tree goes under its own name (`in/a/b`).
[[nodiscard]] std::vector<Input> collect_inputs(const std::vector<std::string>& arguments, const std::string& glob,
                                                bool follow_links = false);

/// The default glob: every extension a registered reader takes (`*.txt`).
[[nodiscard]] std::string default_glob();

}  // namespace briefkit
