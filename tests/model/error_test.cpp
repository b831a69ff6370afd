// The error hierarchy: classes by a virtual, the exit-code and error-class tables, one-line messages.
#include <catch2/catch.hpp>

#include <set>

#include "briefkit/error.hpp"

using namespace briefkit;

TEST_CASE("errors: each class names itself through a reference to the base") {
    const auto class_of = [](const Error& e) { return std::string(e.error_class()); };
    CHECK(class_of(Error("x")) == "error");
    CHECK(class_of(InputError("x")) == "input");
    CHECK(class_of(LimitError("x")) == "limit");
    CHECK(class_of(OutputError("x")) == "output");
    CHECK(class_of(UsageError("x")) == "usage");
    CHECK(class_of(out_of_memory("a.txt")) == "limit");
}

TEST_CASE("errors: the error-class table lists every class an error can name, once") {
    std::set<std::string_view> listed;
    for (const auto& [name, meaning] : error_classes()) {
        CHECK(!meaning.empty());
        CHECK(listed.insert(name).second);
    }
    for (const char* name : {Error("x").error_class(), InputError("x").error_class(), LimitError("x").error_class(),
                             OutputError("x").error_class(), UsageError("x").error_class()}) {
        CHECK(listed.count(name) == 1);
    }
}

TEST_CASE("errors: the exit-code table lists each code once, in increasing order") {
    int previous = -1;
    for (const ExitCodeMeaning& e : exit_codes()) {
        CHECK(static_cast<int>(e.code) > previous);
        CHECK(!e.meaning.empty());
        previous = static_cast<int>(e.code);
    }
    CHECK(exit_codes().size() == 4);
}
