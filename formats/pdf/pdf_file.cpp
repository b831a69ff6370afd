#include "formats/pdf/pdf_file.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <stdexcept>
#include <vector>

#include "pipeline/model/utf8.hpp"

namespace briefkit::formats::pdf {

namespace {

struct HpdfFree {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
    auto* slot = static_cast<std::string*>(user_data);
    if (slot->empty()) *slot = fmt::format("libharu error 0x{:04X} (detail {})", error, detail);
}

// A URI may hold only ASCII: every other byte, and spaces, are percent-encoded.
std::string uri_ascii(const std::string& url) {
    std::string out;
    for (const char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') {
            out += fmt::format("%{:02X}", byte);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string utf16_hex(const std::u32string& text) {
    std::string out;
    for (const char32_t cp : text) {
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            out += fmt::format("{:04X}{:04X}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        } else {
            out += fmt::format("{:04X}", static_cast<std::uint32_t>(cp));
        }
    }
    return out;
}

// A /ToUnicode CMap in bfchar form (libharu 2.3.0 writes an invalid `begincidrange` one). A
// code with no text (a glyph whose cluster another glyph speaks for) has no entry.
std::string to_unicode_cmap(const std::vector<std::u32string>& unicode) {
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::size_t> codes;
    for (std::size_t c = 1; c < unicode.size(); ++c) {
        if (!unicode[c].empty()) codes.push_back(c);
    }
    for (std::size_t i = 0; i < codes.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, codes.size() - i);
        out += fmt::format("{} beginbfchar\n", n);
        for (std::size_t k = i; k < i + n; ++k) {
            out += fmt::format("<{:04X}> <{}>\n", codes[k], utf16_hex(unicode[codes[k]]));
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

}  // namespace

struct PdfFile::State {
    std::string error;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, HpdfFree> doc;
    std::vector<HPDF_Page> pages;
    std::vector<std::pair<int, HPDF_Annotation>> links;  // each link annotation and its page, by number
    std::vector<HPDF_Outline> outlines;                  // each bookmark, by number

    // A destination on page `target`: the window's top at `top` (PDF user space), or the page's top.
    HPDF_Destination destination(int target, std::optional<double> top) {
        HPDF_Page to = pages.at(static_cast<std::size_t>(target));
        HPDF_Destination dst = HPDF_Page_CreateDestination(to);
        HPDF_Destination_SetFitH(dst, static_cast<HPDF_REAL>(top.value_or(HPDF_Page_GetHeight(to))));
        return dst;
    }

    // Turns an error the handler recorded into an exception, and clears it in libharu.
    void check(const char* what) {
        if (error.empty()) return;
        std::string message = fmt::format("PDF: {} failed: {}", what, error);
        error.clear();
        HPDF_ResetError(doc.get());
        throw std::runtime_error(message);
    }

    HPDF_Dict stream_object(std::string_view bytes, bool compressed = true) {
        HPDF_Doc pdf = doc.get();
        HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (dict == nullptr) return nullptr;
        dict->filter = compressed ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
        HPDF_Stream_Write(dict->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size()));
        return dict;
    }

    // Borderless (no black box around the link), described, and numbered for the structure tree.
    int add_link(int page, HPDF_Annotation annot, const std::string& description) {
        HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        HPDF_Dict_Add(annot, "Contents", HPDF_String_New(doc.get()->mmgr, description.c_str(), HPDF_GetEncoder(doc.get(), "UTF-8")));
        links.emplace_back(page, annot);
        check("describing a link");
        return static_cast<int>(links.size()) - 1;
    }

    HPDF_Dict indirect_dict() {
        HPDF_Doc pdf = doc.get();
        HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
        if (dict != nullptr) HPDF_Xref_Add(pdf->xref, dict);
        return dict;
    }

    // The font file of `e` and its FontDescriptor, named `base`.
    HPDF_Dict font_descriptor(const FontSet::Embedding& e, const std::string& base) {
        HPDF_Dict file = stream_object(e.font_file);
        if (e.cff) {
            HPDF_Dict_AddName(file, "Subtype", "OpenType");  // PDF 1.6's whole OpenType font program
        } else {
            HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(e.font_file.size()));
        }
        HPDF_Dict descriptor = indirect_dict();
        HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
        int flags = 32;  // nonsymbolic
        if (e.face->fixed_pitch()) flags |= 1;
        if (e.face->serif()) flags |= 2;
        if (e.face->italic_angle() != 0) flags |= 64;
        HPDF_Dict_AddNumber(descriptor, "Flags", flags);
        HPDF_Array bbox = HPDF_Array_New(doc.get()->mmgr);
        for (int i = 0; i < 4; ++i) HPDF_Array_AddNumber(bbox, e.face->bbox()[i]);
        HPDF_Dict_Add(descriptor, "FontBBox", bbox);
        HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(e.face->italic_angle()));
        HPDF_Dict_AddNumber(descriptor, "Ascent", e.face->ascent());
        HPDF_Dict_AddNumber(descriptor, "Descent", e.face->descent());
        HPDF_Dict_AddNumber(descriptor, "CapHeight", e.face->cap_height());
        HPDF_Dict_AddNumber(descriptor, "StemV", 80);
        HPDF_Dict_Add(descriptor, e.cff ? "FontFile3" : "FontFile2", file);
        return descriptor;
    }

    // The /W array of `e`: each run of consecutive codes in use, with their advances.
    HPDF_Array widths_array(const FontSet::Embedding& e) {
        HPDF_MMgr mmgr = doc.get()->mmgr;
        HPDF_Array widths = HPDF_Array_New(mmgr);
        for (std::size_t i = 0; i < e.codes.size();) {
            HPDF_Array run = HPDF_Array_New(mmgr);
            HPDF_Array_AddNumber(widths, e.codes[i]);
            std::size_t j = i;
            do {
                HPDF_Array_AddNumber(run, e.widths[e.codes[j]]);
                ++j;
            } while (j < e.codes.size() && e.codes[j] == e.codes[j - 1] + 1);
            HPDF_Array_Add(widths, run);
            i = j;
        }
        return widths;
    }

    // The descendant font of `e`: a CIDFontType2 with its glyph map, or a CIDFontType0 (CFF)
    // whose codes are its glyph ids; its widths and descriptor.
    HPDF_Dict descendant_font(const FontSet::Embedding& e, const std::string& base, HPDF_Dict descriptor) {
        HPDF_MMgr mmgr = doc.get()->mmgr;
        HPDF_Dict cid_to_gid = nullptr;
        if (!e.cff) {
            std::string map;
            for (const std::uint16_t gid : e.cid_to_gid) {
                map.push_back(static_cast<char>(gid >> 8));
                map.push_back(static_cast<char>(gid & 0xFF));
            }
            cid_to_gid = stream_object(map);
        }
        HPDF_Dict system_info = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
        HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
        HPDF_Dict_AddNumber(system_info, "Supplement", 0);
        HPDF_Array widths = widths_array(e);
        HPDF_Dict descendant = indirect_dict();
        HPDF_Dict_AddName(descendant, "Type", "Font");
        HPDF_Dict_AddName(descendant, "Subtype", e.cff ? "CIDFontType0" : "CIDFontType2");
        HPDF_Dict_AddName(descendant, "BaseFont", base.c_str());
        HPDF_Dict_Add(descendant, "CIDSystemInfo", system_info);
        HPDF_Dict_Add(descendant, "FontDescriptor", descriptor);
        HPDF_Dict_Add(descendant, "W", widths);
        if (cid_to_gid != nullptr) HPDF_Dict_Add(descendant, "CIDToGIDMap", cid_to_gid);
        return descendant;
    }
};

PdfFile::PdfFile() : state_(std::make_unique<State>()) {
    state_->doc.reset(HPDF_New(&record_error, &state_->error));
    if (!state_->doc) throw std::runtime_error("PDF: libharu could not create a document (out of memory)");
    HPDF_SetCompressionMode(state_->doc.get(), HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(state_->doc.get());
    // Info strings come out garbled unless the UTF-8 encoder is current when they are set.
    HPDF_SetCurrentEncoder(state_->doc.get(), "UTF-8");
    state_->check("setting up the document");
}

PdfFile::~PdfFile() = default;

int PdfFile::add_page(double width, double height) {
    HPDF_Page page = HPDF_AddPage(state_->doc.get());
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height));
    state_->check("adding a page");
    state_->pages.push_back(page);
    return static_cast<int>(state_->pages.size() - 1);
}

void PdfFile::append_content(int page, std::string_view operators) {
    auto* attr = static_cast<HPDF_PageAttr>(state_->pages.at(static_cast<std::size_t>(page))->attr);
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                      static_cast<HPDF_UINT>(operators.size()));
    state_->check("writing page content");
}

namespace {
HPDF_Rect hpdf_rect(const Rect& r) {
    return {static_cast<HPDF_REAL>(r.left), static_cast<HPDF_REAL>(r.bottom), static_cast<HPDF_REAL>(r.right),
            static_cast<HPDF_REAL>(r.top)};
}
}  // namespace

int PdfFile::link_to_url(int page, const Rect& area, const std::string& url) {
    const std::string uri = uri_ascii(url);
    HPDF_Annotation annot =
        HPDF_Page_CreateURILinkAnnot(state_->pages.at(static_cast<std::size_t>(page)), hpdf_rect(area), uri.c_str());
    state_->check("adding a link");
    return state_->add_link(page, annot, "Link to " + url);
}

int PdfFile::link_to_page(int page, const Rect& area, int target, std::optional<double> top) {
    HPDF_Destination dst = state_->destination(target, top);
    HPDF_Annotation annot =
        HPDF_Page_CreateLinkAnnot(state_->pages.at(static_cast<std::size_t>(page)), hpdf_rect(area), dst);
    state_->check("adding a contents link");
    return state_->add_link(page, annot, fmt::format("Go to page {}", target + 1));
}

int PdfFile::bookmark(const std::string& title, int target, int parent, std::optional<double> top) {
    HPDF_Doc pdf = state_->doc.get();
    HPDF_Outline under = parent >= 0 ? state_->outlines.at(static_cast<std::size_t>(parent)) : nullptr;
    HPDF_Outline outline = HPDF_CreateOutline(pdf, under, title.c_str(), HPDF_GetEncoder(pdf, "UTF-8"));
    HPDF_Outline_SetDestination(outline, state_->destination(target, top));
    if (under != nullptr) HPDF_Outline_SetOpened(under, HPDF_TRUE);
    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    state_->check("adding a bookmark");
    state_->outlines.push_back(outline);
    return static_cast<int>(state_->outlines.size()) - 1;
}

void PdfFile::set_info(const PdfInfo& info) {
    HPDF_Doc pdf = state_->doc.get();
    const std::pair<HPDF_InfoType, const std::string*> fields[] = {
        {HPDF_INFO_TITLE, &info.title},       {HPDF_INFO_AUTHOR, &info.author},
        {HPDF_INFO_SUBJECT, &info.subject},   {HPDF_INFO_KEYWORDS, &info.keywords},
        {HPDF_INFO_CREATOR, &info.creator},   {HPDF_INFO_PRODUCER, &info.creator}};
    for (const auto& [type, value] : fields) {
        if (!value->empty()) HPDF_SetInfoAttr(pdf, type, value->c_str());
    }
    if (info.created) {
        std::tm tm{};
        gmtime_r(&*info.created, &tm);
        // '+' with a zero offset: libharu writes 'Z' as the invalid "Z00'00'".
        const HPDF_Date date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, '+', 0, 0};
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
    state_->check("setting the document information");
}

void PdfFile::set_language_and_title_display(const std::string& language) {
    HPDF_Doc pdf = state_->doc.get();
    pdf->pdf_version = HPDF_VER_17;
    if (!language.empty()) HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, language.c_str(), nullptr));
    HPDF_Dict preferences = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(preferences, "DisplayDocTitle", HPDF_Boolean_New(pdf->mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", preferences);
    state_->check("setting the language");
}

void PdfFile::attach(std::vector<Attachment> files) {
    if (files.empty()) return;
    HPDF_Doc pdf = state_->doc.get();
    HPDF_MMgr mmgr = pdf->mmgr;
    std::sort(files.begin(), files.end(), [](const Attachment& a, const Attachment& b) { return a.name < b.name; });
    HPDF_Array names = HPDF_Array_New(mmgr);
    HPDF_Array associated = HPDF_Array_New(mmgr);
    for (const Attachment& file : files) {
        HPDF_Dict stream = state_->stream_object(file.bytes);
        HPDF_Dict_AddName(stream, "Type", "EmbeddedFile");
        HPDF_Dict_AddName(stream, "Subtype", file.media_type.c_str());
        HPDF_Dict params = HPDF_Dict_New(mmgr);
        HPDF_Dict_AddNumber(params, "Size", static_cast<HPDF_INT32>(file.bytes.size()));
        HPDF_Dict_Add(stream, "Params", params);
        HPDF_Dict spec = state_->indirect_dict();
        HPDF_Dict_AddName(spec, "Type", "Filespec");
        HPDF_Dict_Add(spec, "F", HPDF_String_New(mmgr, file.name.c_str(), nullptr));
        HPDF_Dict_Add(spec, "UF", HPDF_String_New(mmgr, file.name.c_str(), HPDF_GetEncoder(pdf, "UTF-8")));
        HPDF_Dict_Add(spec, "Desc", HPDF_String_New(mmgr, file.description.c_str(), HPDF_GetEncoder(pdf, "UTF-8")));
        HPDF_Dict_AddName(spec, "AFRelationship", "Data");
        HPDF_Dict embedded = HPDF_Dict_New(mmgr);
        HPDF_Dict_Add(embedded, "F", stream);
        HPDF_Dict_Add(embedded, "UF", stream);
        HPDF_Dict_Add(spec, "EF", embedded);
        HPDF_Array_Add(names, HPDF_String_New(mmgr, file.name.c_str(), nullptr));
        HPDF_Array_Add(names, spec);
        HPDF_Array_Add(associated, spec);
    }
    HPDF_Dict tree = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(tree, "Names", names);
    HPDF_Dict name_dictionary = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(name_dictionary, "EmbeddedFiles", tree);
    HPDF_Dict_Add(pdf->catalog, "Names", name_dictionary);
    HPDF_Dict_Add(pdf->catalog, "AF", associated);
    state_->check("attaching the article's data");
}

namespace {

/// What writing a structure tree needs and gathers: the pages and link annotations its
/// elements refer to, and the parent tree's entries (for each page, the element of each MCID;
/// for each link annotation, its Link element).
struct TreeParts {
    const std::vector<HPDF_Page>& pages;
    const std::vector<std::pair<int, HPDF_Annotation>>& links;
    std::map<int, std::map<int, HPDF_Dict>> by_page;
    std::vector<std::pair<HPDF_INT32, HPDF_Dict>> link_parents;
};

/// A reference to marked content `mcid` on page `page`, held by `element`; entered in `tree`'s parent tree.
HPDF_Dict marked_content_reference(HPDF_MMgr mmgr, TreeParts& tree, int page, int mcid, HPDF_Dict element) {
    HPDF_Dict reference = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddName(reference, "Type", "MCR");
    HPDF_Dict_Add(reference, "Pg", tree.pages.at(static_cast<std::size_t>(page)));
    HPDF_Dict_AddNumber(reference, "MCID", mcid);
    tree.by_page[page][mcid] = element;
    return reference;
}

/// A reference to link annotation `link`, held by the Link element `element`; the annotation
/// points back through the parent tree (its /StructParent).
HPDF_Dict annotation_reference(HPDF_MMgr mmgr, TreeParts& tree, int link, HPDF_Dict element) {
    const auto& [page, annot] = tree.links.at(static_cast<std::size_t>(link));
    HPDF_Dict reference = HPDF_Dict_New(mmgr);
    HPDF_Dict_AddName(reference, "Type", "OBJR");
    HPDF_Dict_Add(reference, "Pg", tree.pages.at(static_cast<std::size_t>(page)));
    HPDF_Dict_Add(reference, "Obj", annot);
    const auto key = static_cast<HPDF_INT32>(tree.pages.size() + static_cast<std::size_t>(link));
    HPDF_Dict_AddNumber(annot, "StructParent", key);
    tree.link_parents.emplace_back(key, element);
    return reference;
}

/// Writes the structure element `e` under `parent`, and its entries into `tree`.
HPDF_Dict write_element(HPDF_Doc pdf, TreeParts& tree, const StructElement& e, HPDF_Dict parent) {
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Dict element = HPDF_Dict_New(mmgr);
    HPDF_Xref_Add(pdf->xref, element);
    HPDF_Dict_AddName(element, "Type", "StructElem");
    HPDF_Dict_AddName(element, "S", e.type.c_str());
    HPDF_Dict_Add(element, "P", parent);
    if (e.type == "TH") {
        // A header row's cells head their columns (PDF/UA asks every TH for its scope).
        HPDF_Dict attributes = HPDF_Dict_New(mmgr);
        HPDF_Dict_AddName(attributes, "O", "Table");
        HPDF_Dict_AddName(attributes, "Scope", "Column");
        HPDF_Dict_Add(element, "A", attributes);
    }
    HPDF_Array kids = HPDF_Array_New(mmgr);
    bool page_named = false;
    for (const StructElement& kid : e.kids) {
        if (kid.mcid >= 0) {
            if (!page_named) HPDF_Dict_Add(element, "Pg", tree.pages.at(static_cast<std::size_t>(kid.page)));
            page_named = true;
            HPDF_Array_Add(kids, marked_content_reference(mmgr, tree, kid.page, kid.mcid, element));
        } else if (kid.link >= 0) {
            HPDF_Array_Add(kids, annotation_reference(mmgr, tree, kid.link, element));
        } else {
            HPDF_Array_Add(kids, write_element(pdf, tree, kid, element));
        }
    }
    HPDF_Dict_Add(element, "K", kids);
    return element;
}

}  // namespace

void PdfFile::set_structure(const StructElement& document) {
    HPDF_Doc pdf = state_->doc.get();
    HPDF_MMgr mmgr = pdf->mmgr;
    HPDF_Dict root = state_->indirect_dict();
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    TreeParts tree{state_->pages, state_->links, {}, {}};
    HPDF_Dict_Add(root, "K", write_element(pdf, tree, document, root));
    HPDF_Array nums = HPDF_Array_New(mmgr);
    for (std::size_t page = 0; page < state_->pages.size(); ++page) {
        HPDF_Dict_AddNumber(state_->pages[page], "StructParents", static_cast<HPDF_INT32>(page));
        HPDF_Dict_AddName(state_->pages[page], "Tabs", "S");
        HPDF_Array elements = HPDF_Array_New(mmgr);
        for (const auto& [mcid, element] : tree.by_page[static_cast<int>(page)]) HPDF_Array_Add(elements, element);
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(page));
        HPDF_Array_Add(nums, elements);
    }
    // Then the link annotations' keys, after the pages', in rising order as a number tree asks.
    std::sort(tree.link_parents.begin(), tree.link_parents.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, element] : tree.link_parents) {
        HPDF_Array_AddNumber(nums, key);
        HPDF_Array_Add(nums, element);
    }
    HPDF_Dict parent_tree = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    HPDF_Dict_Add(root, "ParentTree", parent_tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(state_->pages.size() + state_->links.size()));
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(mmgr, HPDF_TRUE));
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    state_->check("writing the structure tree");
}

void PdfFile::set_xmp(std::string_view packet) {
    HPDF_Dict metadata = state_->stream_object(packet, false);  // readable by tools that do not inflate
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Dict_Add(state_->doc.get()->catalog, "Metadata", metadata);
    state_->check("writing the XMP metadata");
}

void PdfFile::set_id(std::string_view id) {
    HPDF_Doc pdf = state_->doc.get();
    std::vector<HPDF_BYTE> bytes(16, 0);
    for (std::size_t i = 0; i < 16 && i < id.size(); ++i) bytes[i] = static_cast<HPDF_BYTE>(id[i]);
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, bytes.data(), 16));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, bytes.data(), 16));
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    state_->check("setting the file identifier");
}

void PdfFile::embed_fonts(const FontSet& fonts) {
    HPDF_MMgr mmgr = state_->doc.get()->mmgr;
    HPDF_Dict font_resources = state_->indirect_dict();
    for (std::size_t index = 0; index < fonts.size(); ++index) {
        if (!fonts.used(static_cast<int>(index))) continue;
        const FontSet::Embedding e = fonts.embedding(static_cast<int>(index));
        const std::string base = e.tag + "+" + e.face->postscript_name();
        // Objects are made in a fixed order (descriptor, descendant, ToUnicode, font), which fixes their numbers.
        HPDF_Dict descriptor = state_->font_descriptor(e, base);
        HPDF_Dict descendant = state_->descendant_font(e, base, descriptor);
        HPDF_Dict to_unicode = state_->stream_object(to_unicode_cmap(e.unicode));
        HPDF_Dict font = state_->indirect_dict();
        HPDF_Dict_AddName(font, "Type", "Font");
        HPDF_Dict_AddName(font, "Subtype", "Type0");
        HPDF_Dict_AddName(font, "BaseFont", base.c_str());
        HPDF_Dict_AddName(font, "Encoding", "Identity-H");
        HPDF_Array descendants = HPDF_Array_New(mmgr);
        HPDF_Array_Add(descendants, descendant);
        HPDF_Dict_Add(font, "DescendantFonts", descendants);
        HPDF_Dict_Add(font, "ToUnicode", to_unicode);
        HPDF_Dict_Add(font_resources, FontSet::resource_name(static_cast<int>(index)).c_str(), font);
    }
    for (HPDF_Page page : state_->pages) {
        auto* resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
        if (resources != nullptr) HPDF_Dict_Add(resources, "Font", font_resources);
    }
    state_->check("embedding fonts");
}

std::string PdfFile::save() {
    HPDF_Doc pdf = state_->doc.get();
    HPDF_SaveToStream(pdf);
    state_->check("saving");
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    // libharu reports reaching the end of its stream as an error; only a short read matters.
    state_->error.clear();
    HPDF_ResetError(pdf);
    out.resize(size);
    return out;
}

}  // namespace briefkit::formats::pdf
