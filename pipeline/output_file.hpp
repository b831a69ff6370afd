// Writing output files so that no reader ever sees a partial one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace briefkit {

/// What write_file_atomically() does when a file is already at the path.
enum class Existing {
    replace,       ///< Replace it.
    keep_if_same,  ///< Leave it untouched when it holds exactly the new bytes (no flush-on-replace cost).
};

/// Whether write_file_atomically() waits for the disk.
enum class Flush {
    none,     ///< Leave the file to the page cache: it survives a kill or crash of the process, not a power cut.
    to_disk,  ///< fsync() the file before it takes its name, and its folder after: it survives a power cut too.
};

/// Writes `bytes` to `path`, creating its folder. The bytes go to an unnamed (or hidden
/// temporary) file first, which is then linked or renamed into place, so a crash or kill
/// leaves either the old file, the new one, or none, never a partial one. A new file costs
/// no lookup beyond the link itself: an existing one is noticed when the link fails.
/// Throws OutputError naming `path` on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           Existing existing = Existing::replace, Flush flush = Flush::none);

/// Throws OutputError naming `input` when one of the folders `relative` names below `root`
/// (`root` itself not) is a symbolic link, which could send outputs out of the output folder.
/// Folders not made yet pass; one found real is remembered by the calling thread.
void refuse_links_below(const std::filesystem::path& root, const std::filesystem::path& relative,
                        const std::string& input);

/// What a temporary file's name holds, between the target's name and `HOST-PID-N`.
inline constexpr const char* kTemporaryMark = ".tmp-";

/// Removes, under `root`, the temporary files that processes of this host killed mid-write
/// left behind (their process no longer runs); returns how many.
std::size_t remove_stale_temporaries(const std::filesystem::path& root);

}  // namespace briefkit
