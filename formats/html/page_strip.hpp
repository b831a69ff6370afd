// What never gives a page's article text, taken out before the page is parsed: the content of
// `<script>` (JSON-LD kept, for the metadata), `<style>`, `<noscript>`, `<template>` and `<svg>`,
// and comments. These are two fifths of a saved page's bytes, and libxml2's HTML parser reads
// them a character at a time. Newlines are kept, so every line number stays the input's.
#pragma once

#include <string>

namespace briefkit::formats::html {

/// Takes the content of those elements and comments out of `page`, in place.
void strip_non_text(std::string& page);

}  // namespace briefkit::formats::html
