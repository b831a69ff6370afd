#include "pipeline/error.hpp"

#include <fmt/format.h>

namespace briefkit {

Error::Error(std::string message, std::string file, int line)
    : std::runtime_error(message), message_(std::move(message)), file_(std::move(file)), line_(line) {}

const char* error_class(const Error& error) {
    if (dynamic_cast<const LimitError*>(&error) != nullptr) return "limit";
    if (dynamic_cast<const InputError*>(&error) != nullptr) return "input";
    if (dynamic_cast<const OutputError*>(&error) != nullptr) return "output";
    if (dynamic_cast<const UsageError*>(&error) != nullptr) return "usage";
    return "error";
}

std::string describe(const Error& error) {
    if (error.file().empty()) return error.message();
    if (error.line() > 0) return fmt::format("{}:{}: {}", error.file(), error.line(), error.message());
    return fmt::format("{}: {}", error.file(), error.message());
}

}  // namespace briefkit
