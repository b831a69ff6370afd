#include "pipeline/model/deadline.hpp"

#include <fmt/format.h>

#include "briefkit/error.hpp"

namespace briefkit {

namespace {

using Clock = std::chrono::steady_clock;

struct Current {
    Clock::time_point deadline = Clock::time_point::max();
    std::chrono::milliseconds limit{0};
    std::string file;
};

thread_local Current t_current;

}  // namespace

DeadlineScope::DeadlineScope(std::chrono::milliseconds limit, std::string file) {
    t_current.deadline = limit.count() > 0 ? Clock::now() + limit : Clock::time_point::max();
    t_current.limit = limit;
    t_current.file = std::move(file);
}

DeadlineScope::~DeadlineScope() { t_current = Current{}; }

void check_deadline() {
    if (t_current.deadline == Clock::time_point::max() || Clock::now() < t_current.deadline) return;
    throw LimitError(fmt::format("took longer than the {} s time limit (--timeout)",
                                 static_cast<double>(t_current.limit.count()) / 1000),
                     t_current.file);
}

std::chrono::milliseconds time_left() {
    if (t_current.deadline == Clock::time_point::max()) return std::chrono::milliseconds::max();
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(t_current.deadline - Clock::now()));
}

}  // namespace briefkit
