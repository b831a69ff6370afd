// Writing output files so that no reader ever sees a partial one.
#pragma once

#include <filesystem>
#include <cstddef>
#include <string_view>

namespace briefkit {

/// Writes `bytes` to `path`, creating its folder. The bytes go to an unnamed (or hidden
/// temporary) file first, which is then linked or renamed into place, so a crash or kill
/// leaves either the old file, the new one, or none, never a partial one.
/// Throws OutputError naming `path` on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// What a temporary file's name holds, between the target's name and `HOST-PID-N`.
inline constexpr const char* kTemporaryMark = ".tmp-";

/// Removes, under `root`, the temporary files that processes of this host killed mid-write
/// left behind (their process no longer runs); returns how many.
std::size_t remove_stale_temporaries(const std::filesystem::path& root);

}  // namespace briefkit
