#include "pipeline/registry.hpp"

#include <array>

#include "formats/pdf/pdf_writer.hpp"
#include "formats/xml/xml_writer.hpp"
#include "formats/yaml/yaml_writer.hpp"
#include "pipeline/reader/text_reader.hpp"

namespace briefkit {

namespace {

constexpr std::array<std::string_view, 1> kTextExtensions{"txt"};

const std::array<WriterEntry, 3> kWriters{{
    {"xml", "xml", "application/xml", true, "Article XML (urn:briefkit:article:1), valid against the shipped XSD",
     &formats::make_xml_writer, nullptr},
    {"yaml", "yaml", "application/yaml", true, "Article YAML (briefkit/article/1), every string quoted",
     &formats::make_yaml_writer, nullptr},
    {"pdf", "pdf", "application/pdf", false, "Printable briefing PDF, laid out from a style (see 'briefkit styles')",
     &formats::make_pdf_writer, &formats::make_pdf_digest_writer},
}};

const std::array<ReaderEntry, 1> kReaders{{
    {"text", kTextExtensions, "Plain-text news article in any common encoding", &read_text},
}};

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::span<const WriterEntry> writers() { return kWriters; }

std::span<const ReaderEntry> readers() { return kReaders; }

const WriterEntry* find_writer(std::string_view name) {
    for (const WriterEntry& w : kWriters) {
        if (w.name == name) return &w;
    }
    return nullptr;
}

const ReaderEntry* reader_for_extension(std::string_view extension) {
    for (const ReaderEntry& r : kReaders) {
        for (std::string_view ext : r.extensions) {
            if (iequals(ext, extension)) return &r;
        }
    }
    return nullptr;
}

}  // namespace briefkit
