// The per-document time limit of a batch (`--timeout`).
//
// A worker gives each document a deadline while it reads and writes it; the reader and the
// writers call check_deadline() between their phases and between blocks, so a document that
// runs past its time fails with a LimitError and the worker goes on to the next one. The check
// is cooperative: one phase (bounded in turn by the size limits) may overrun it.
#pragma once

#include <chrono>
#include <string>

namespace briefkit {

/// Gives the document the calling thread converts a time limit, until the scope ends.
class DeadlineScope {
public:
    /// Sets a deadline `limit` from now for the document named `file`; a zero limit sets none.
    DeadlineScope(std::chrono::milliseconds limit, std::string file);
    /// Takes the deadline away again.
    ~DeadlineScope();
    DeadlineScope(const DeadlineScope&) = delete;
    DeadlineScope& operator=(const DeadlineScope&) = delete;
};

/// Throws LimitError naming the document when the calling thread's document is past its deadline;
/// does nothing when it has none.
void check_deadline();

/// The time left before the calling thread's deadline; `milliseconds::max()` when it has none.
[[nodiscard]] std::chrono::milliseconds time_left();

}  // namespace briefkit
