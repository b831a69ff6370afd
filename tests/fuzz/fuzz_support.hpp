// What every fuzz target shares: turning the fuzzer's bytes into a string view, and failing
// loudly when an invariant breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace briefkit::fuzz {

/// The fuzzer's input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Aborts, so that libFuzzer records the input, when `ok` is false; `what` says which invariant broke.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

}  // namespace briefkit::fuzz
