// What libbriefkit exports: BRIEFKIT_API marks each declaration of the public API.
//
// The library is built with every symbol hidden but these, so that its internals (the formats,
// the third-party libraries they wrap) can change without breaking a program linked to it.
#pragma once

#if defined(_WIN32)
#define BRIEFKIT_API
#else
/// Marks a function or class as part of libbriefkit's exported API.
#define BRIEFKIT_API __attribute__((visibility("default")))
#endif
