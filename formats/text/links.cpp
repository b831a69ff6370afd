// Links inside paragraph text: bare http(s) and www addresses become link inlines.
#include <regex>

#include "formats/text/article_parts.hpp"

namespace briefkit::formats::text {

namespace {

/// Length of `url` without the trailing punctuation that belongs to the sentence around it.
std::size_t url_length(std::string_view url) {
    std::size_t n = url.size();
    while (n > 0) {
        const char c = url[n - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '"') {
            --n;
        } else if (c == ')' || c == ']') {
            const char open = c == ')' ? '(' : '[';
            const auto opens = std::count(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(n), open);
            const auto closes = std::count(url.begin(), url.begin() + static_cast<std::ptrdiff_t>(n), c);
            if (closes <= opens) break;
            --n;
        } else {
            break;
        }
    }
    return n;
}

}  // namespace

Inlines link_inlines(std::string_view text) {
    Inlines out;
    std::size_t done = 0;
    std::size_t search = 0;
    while (true) {
        std::size_t at = std::string_view::npos;
        for (std::string_view scheme : {"http://", "https://", "www."}) {
            std::size_t p = search;
            while ((p = text.find(scheme, p)) != std::string_view::npos) {
                const bool boundary = p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]));
                if (boundary) break;
                ++p;
            }
            at = std::min(at, p);
        }
        if (at == std::string_view::npos) break;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '<' && text[end] != '>' && text[end] != '"') ++end;
        const std::size_t n = url_length(text.substr(at, end - at));
        if (n <= 8) {
            search = at + 1;
            continue;
        }
        if (n > kMaxUrlLength) {  // too long for any writer to carry as an address: kept as text
            search = end;
            continue;
        }
        if (at > done) out.push_back(Text{std::string(text.substr(done, at - done))});
        const std::string url(text.substr(at, n));
        out.push_back(Link{url, url.rfind("www.", 0) == 0 ? "http://" + url : url});
        done = at + n;
        search = done;
    }
    if (done < text.size() || out.empty()) out.push_back(Text{std::string(text.substr(done))});
    return out;
}

}  // namespace briefkit::formats::text
