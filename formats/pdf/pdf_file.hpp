// A PDF file built with libharu: pages, content, links, bookmarks, metadata and embedded fonts.
//
// libharu types stay inside pdf_file.cpp; callers name pages by index. Every libharu error
// is recorded by the error handler and turned into an exception after the call that raised
// it (libharu's own examples use setjmp/longjmp, which is unsafe across C++ destructors).
#pragma once

#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/pdf/font_set.hpp"
#include "formats/pdf/structure.hpp"

namespace briefkit::formats::pdf {

/// A rectangle in PDF user space (points, origin at the bottom left).
struct Rect {
    double left = 0, bottom = 0, right = 0, top = 0;  ///< Edges.
};

/// Document information written into the PDF's /Info dictionary.
struct PdfInfo {
    std::string title;     ///< /Title.
    std::string author;    ///< /Author (the agency).
    std::string subject;   ///< /Subject.
    std::string keywords;  ///< /Keywords.
    std::string creator;   ///< /Creator, such as `Briefkit 0.2.0`.
    std::optional<std::time_t> created;  ///< /CreationDate and /ModDate, UTC; none when unknown.
};

/// A file carried inside the PDF (the article's data beside its briefing).
struct Attachment {
    std::string name;         ///< File name, such as `article.xml`.
    std::string media_type;   ///< Such as `application/xml`.
    std::string description;  ///< One line for a reader's attachment list.
    std::string bytes;        ///< The file's content.
};

/// One PDF being built. Not thread-safe; one per document.
class PdfFile {
public:
    /// A new, empty PDF with compressed streams.
    PdfFile();
    ~PdfFile();
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;

    /// Adds a page of `width` by `height` points and returns its index.
    int add_page(double width, double height);

    /// Appends content-stream operators to page `page`.
    void append_content(int page, std::string_view operators);

    /// A borderless link from `area` on `page` to `url`, described for assistive technology
    /// as `Link to URL` (its /Contents); returns its number, for a structure element's Link.
    int link_to_url(int page, const Rect& area, const std::string& url);

    /// A borderless link from `area` on `page` to page `target`, described as `Go to page N`,
    /// showing the page from `top` (PDF user space) or from its top; returns its number.
    int link_to_page(int page, const Rect& area, int target, std::optional<double> top = std::nullopt);

    /// A bookmark titled `title` (UTF-8) that opens page `target` at `top` (or its top), under
    /// bookmark `parent` (shown open) or at the top level when -1; returns its number.
    int bookmark(const std::string& title, int target, int parent = -1, std::optional<double> top = std::nullopt);

    /// Sets the document information.
    void set_info(const PdfInfo& info);

    /// Declares the document's language (a BCP 47 tag, the catalog's /Lang), asks viewers to
    /// show its title rather than its file name, and marks the file PDF 1.7.
    void set_language_and_title_display(const std::string& language);
    /// Embeds `files` as associated files (the catalog's /AF, relationship /Data) listed in the
    /// /EmbeddedFiles name tree, in name order, so that `pdfdetach -list` shows them.
    void attach(std::vector<Attachment> files);
    /// Makes the file a tagged PDF: writes `document`'s structure tree (its elements, each
    /// holding its marked content by page and MCID), the parent tree that maps each page's
    /// marked content back to its element, and /MarkInfo.
    void set_structure(const StructElement& document);
    /// Sets the document's XMP metadata (the catalog's /Metadata), `packet` as given, uncompressed.
    void set_xmp(std::string_view packet);
    /// Sets the trailer /ID from the hash bytes `id` (16 are used).
    void set_id(std::string_view id);

    /// Embeds every font of `fonts` that drew anything and adds them to every page's resources.
    void embed_fonts(const FontSet& fonts);

    /// The finished file.
    [[nodiscard]] std::string save();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace briefkit::formats::pdf
