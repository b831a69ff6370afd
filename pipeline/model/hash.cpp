#include "pipeline/model/hash.hpp"

#include <fmt/format.h>
#include <nettle/sha2.h>

#include <array>
#include <bit>
#include <cstring>

#include "briefkit/overloaded.hpp"

namespace briefkit {

namespace {

/// Finishes `ctx` and returns the digest in lower-case hexadecimal.
std::string finish_hex(sha256_ctx& ctx) {
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&ctx, digest.size(), digest.data());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(digest.size() * 2);
    for (std::uint8_t b : digest) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

/// Feeds length-prefixed fields to SHA-256 so that field boundaries are unambiguous. Short fields
/// are gathered and hashed a buffer at a time (a document has hundreds of them); a long one is
/// hashed where it lies, so hashing never copies the document.
class FieldHasher {
public:
    FieldHasher() { sha256_init(&ctx_); }

    void field(std::string_view tag, std::string_view value) {
        bytes(tag);
        bytes(value);
    }

    void inlines(const Inlines& content) {
        for (const Inline& node : content) {
            std::visit(overloaded{[&](const Text& t) { field("t", t.text); },
                                  [&](const Link& l) {
                                      field("a", l.text);
                                      field("href", l.href);
                                  }},
                       node);
        }
        field("end", {});
    }

    std::string hex() {
        flush();
        return finish_hex(ctx_);
    }

private:
    static constexpr std::size_t kBuffer = 8192;

    void bytes(std::string_view value) {
        if (used_ + kLength > buffer_.size()) flush();
        const std::uint64_t n = value.size();
        // The length little-endian, whatever the machine's order (on most, one store).
        if constexpr (std::endian::native == std::endian::little) {
            std::memcpy(buffer_.data() + used_, &n, kLength);
        } else {
            for (std::size_t i = 0; i < kLength; ++i) buffer_[used_ + i] = static_cast<std::uint8_t>(n >> (8 * i));
        }
        used_ += kLength;
        if (used_ + value.size() <= buffer_.size()) {
            // An empty field's view may hold a null pointer, which memcpy must never be given.
            if (!value.empty()) std::memcpy(buffer_.data() + used_, value.data(), value.size());
            used_ += value.size();
            return;
        }
        flush();
        sha256_update(&ctx_, value.size(), reinterpret_cast<const std::uint8_t*>(value.data()));
    }

    void flush() {
        sha256_update(&ctx_, used_, buffer_.data());
        used_ = 0;
    }

    static constexpr std::size_t kLength = sizeof(std::uint64_t);  // a field's length, before it
    sha256_ctx ctx_{};
    std::array<std::uint8_t, kBuffer> buffer_;  // filled up to used_
    std::size_t used_ = 0;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx ctx{};
    sha256_init(&ctx);
    sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    return finish_hex(ctx);
}

namespace {

void hash_table(FieldHasher& h, const Table& t) {
    h.field("table", {});
    for (const Alignment a : t.columns) h.field("align", std::string(alignment_name(a)));
    h.field("caption", {});
    h.inlines(t.caption);
    for (const auto& [name, rows] : {std::pair{"head-row", &t.head}, std::pair{"row", &t.rows}}) {
        for (const std::vector<Inlines>& row : *rows) {
            h.field(name, {});
            for (const Inlines& cell : row) h.inlines(cell);  // each run ends with its own `end` field
        }
    }
    h.field("end-table", {});
}

}  // namespace

std::string document_id(const Document& doc) {
    FieldHasher h;
    const Metadata& m = doc.meta;
    h.field("title", m.title);
    h.field("date", m.date ? m.date->iso() : std::string());
    h.field("source", m.source.name);
    h.field("source-date", m.source.date ? m.source.date->iso() : std::string());
    h.field("place", m.place);
    h.field("url", m.url);
    for (const std::string& author : m.authors) h.field("author", author);
    h.field("language", m.language);
    // Hashed only when present, so that articles without one keep the ids they had.
    if (!m.handling.empty()) h.field("handling", m.handling);
    for (const Block& block : doc.body) {
        std::visit(overloaded{[&](const Paragraph& p) {
                                  h.field("p", {});
                                  h.inlines(p.content);
                              },
                              [&](const Heading& hd) {
                                  h.field("h", std::to_string(hd.level));
                                  h.inlines(hd.content);
                              },
                              [&](const List& l) {
                                  h.field("list", l.ordered ? "ordered" : "bullet");
                                  for (const Inlines& item : l.items) h.inlines(item);
                                  h.field("end-list", {});
                              },
                              [&](const Quote& q) {
                                  h.field("quote", {});
                                  for (const Inlines& p : q.paragraphs) h.inlines(p);
                                  h.field("end-quote", {});
                              },
                              [&](const Table& t) { hash_table(h, t); },
                              [&](const Preformatted& p) { h.field("pre", p.text); }},
                   block);
    }
    return "bk-" + h.hex().substr(0, 20);
}

void restamp_id(Document& doc, std::string_view stated_id, int line) {
    doc.id = document_id(doc);
    if (!stated_id.empty() && stated_id != doc.id) {
        doc.notes.push_back(Note{line, "id-updated",
                                 fmt::format("the file states id {}, but its content has changed since; the id of "
                                             "this content is {}",
                                             stated_id, doc.id)});
    }
}

}  // namespace briefkit
