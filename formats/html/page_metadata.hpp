// An article page's metadata, each field from the most trustworthy source the page has:
// schema.org JSON-LD (NewsArticle and its kin, inside `@graph` too), then OpenGraph and
// `article:*` meta, Dublin Core and `citation_*` meta, microdata (`itemprop`), `<time
// datetime>`, `<html lang>` and `<link rel=canonical>`, then what the page shows: its `<h1>`,
// its byline, its `<title>` without the site name, a date in its address.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "briefkit/model.hpp"
#include "briefkit/read_options.hpp"
#include "formats/markup/xml_tree.hpp"

namespace briefkit::formats::html {

/// What the page says about its article, and where each field came from.
struct PageMetadata {
    Metadata meta;            ///< Title, date, authors, agency, language and address.
    std::vector<Note> notes;  ///< One note per field naming its source (`title-source`, ...).
};

/// The first date written in `text` (`Veröffentlicht am 18. Oktober 2019, 10:12 Uhr`): the first
/// run of one to five words that reads as a whole date (day before month), or `23.09.22`.
[[nodiscard]] std::optional<Date> date_in(std::string_view text);


/// The address a Wayback Machine address archived (a page saved from there is named by it);
/// any other address as it is.
[[nodiscard]] std::string_view archived_address(std::string_view url);

/// The name a web address gives its site: the label of its host before the top-level domain
/// (`forum.myoos.de` gives `myoos`, `www.bbc.co.uk` gives `bbc`); empty for no address or a
/// relative one.
[[nodiscard]] std::string host_name(std::string_view url);

/// Reads the metadata of the page whose root element is `root`.
[[nodiscard]] PageMetadata read_page_metadata(const markup::XmlNode* root, const ReadOptions& options);

}  // namespace briefkit::formats::html
