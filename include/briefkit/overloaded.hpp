// A visitor built from lambdas, one per variant alternative.
//
// Used with std::visit so that a model node kind without a matching lambda
// fails to compile: no writer can silently skip a new kind of block or inline.
#pragma once

namespace briefkit {

/// Combines lambdas into one overloaded visitor for std::visit.
template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};

template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

}  // namespace briefkit
