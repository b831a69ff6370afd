// The NewsML-G2 writer: one `newsItem` of item class `ninat:text` per article, valid against
// IPTC's NewsML-G2 2.35 schema (Power conformance), its body carried as NITF:
//
//   newsItem[guid=urn:briefkit:<id>, xml:lang]
//     catalogRef                 IPTC's G2 standards catalog
//     itemMeta > itemClass, provider (the agency, else Briefkit), versionCreated, generator
//     contentMeta > contentCreated (the date, as precise as the article gave it), located,
//                   creator (each author), infoSource (the agency), language, headline,
//                   dateline, contentMetaExtProperty (bkprop:sourceDate, bkprop:url)
//     contentSet > inlineXML[application/nitf+xml] > nitf > body > body.content
//
// versionCreated must be a date and time: it is the article's date (at 00:00 when it gave no
// time); an undated article gets the time the outputs were made (WriterOptions::made_at). The
// reader knows Briefkit's own items by their generator and reads the date from contentCreated.
// NewsML-G2 carries no reader notes, one heading level, no date as the article printed it, and
// no tab or line break in a name (a place, an author, the agency): those are written as spaces.
#pragma once

#include <memory>

#include "pipeline/model/writer.hpp"

namespace briefkit::formats {

/// Creates the NewsML-G2 writer.
[[nodiscard]] std::unique_ptr<Writer> make_newsml_writer(const WriterOptions& options);

}  // namespace briefkit::formats
