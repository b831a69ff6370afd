// A brief's arrangement: versions folded into one item, sections in order, the same brief
// whatever the order of the inputs, stories briefed before marked or left out, labels.
#include <catch2/catch.hpp>

#include <algorithm>

#include "formats/brief/arrangement.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

Document story(const std::string& title, const std::string& agency, int day, const std::string& text,
               const std::string& place = {}) {
    Document doc;
    doc.id = "bk-" + std::to_string(std::hash<std::string>{}(title + agency + text));
    doc.meta.title = title;
    doc.meta.source.name = agency;
    doc.meta.place = place;
    doc.meta.date = Date{{2026, 11, day}, std::nullopt, std::nullopt, {}, false};
    doc.body.push_back(Paragraph{{Text{text}}});
    return doc;
}

const std::string kFerry =
    "The harbour board of Port Alder said on Monday that the night ferry to the islands would stop running from the first "
    "of May, after a winter in which fewer than forty passengers a night made the crossing.";
const std::string kBridge =
    "Engineers closed the old bridge at Kessel to lorries on Tuesday after an inspection found cracks in two of its "
    "piers; cars may still cross at walking pace while repairs are planned.";

std::vector<Document> inputs() {
    return {story("Night ferry to stop in May", "Harbour Wire", 2, kFerry, "Port Alder"),
            story("Port Alder ferry to stop", "Coast Press", 3, kFerry + " The board will meet islanders next week.", "Port Alder"),
            story("Kessel bridge closed to lorries", "Coast Press", 1, kBridge, "Kessel")};
}

/// The brief as titles: each section's name, then its items' printed titles and the agencies folded in.
std::vector<std::string> outline(const brief::Brief& b, const std::vector<Document>& docs) {
    std::vector<std::string> out;
    for (const brief::BriefSection& s : b.sections) {
        out.push_back("# " + s.name);
        for (const brief::BriefItem& item : s.items) {
            std::string line = docs[item.doc].meta.title;
            for (const std::size_t d : item.also) line += " + " + docs[d].meta.source.name;
            out.push_back(line);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("brief: versions of a story are folded into the most complete, which names the others") {
    const std::vector<Document> docs = inputs();
    brief::BriefSettings settings;
    settings.group_by = brief::Grouping::place;
    settings.section_order = {"Kessel"};
    const brief::Brief b = brief::arrange(docs, settings);
    CHECK(outline(b, docs) == std::vector<std::string>{"# Kessel", "Kessel bridge closed to lorries", "# Port Alder",
                                                       "Port Alder ferry to stop + Harbour Wire"});
    CHECK(b.articles == 3);
    CHECK(b.stories == 2);
    CHECK(b.agencies == 2);
    CHECK(b.unknown_agencies.empty());  // no sources file: no agency is missing from one
    REQUIRE(!b.top.empty());
    CHECK(docs[b.sections[b.top[0].section].items[b.top[0].item].doc].meta.title == "Port Alder ferry to stop");  // most covered
    CHECK(b.earliest->day.day == 1);
    CHECK(b.latest->day.day == 3);
}

TEST_CASE("brief: the same articles in any order give the same brief") {
    std::vector<Document> docs = inputs();
    brief::BriefSettings settings;
    const std::vector<std::string> first = outline(brief::arrange(docs, settings), docs);
    std::sort(docs.begin(), docs.end(), [](const Document& a, const Document& b) { return a.meta.title > b.meta.title; });
    do {
        CHECK(outline(brief::arrange(docs, settings), docs) == first);
    } while (std::next_permutation(docs.begin(), docs.end(),
                                   [](const Document& a, const Document& b) { return a.meta.title > b.meta.title; }));
}

TEST_CASE("brief: stories briefed before are marked, or left out when asked, by id or by date") {
    const std::vector<Document> docs = inputs();
    brief::BriefSettings settings;
    settings.group_by = brief::Grouping::none;
    settings.briefed = {docs[0].id};  // one version of the ferry story was briefed
    brief::Brief b = brief::arrange(docs, settings);
    REQUIRE(b.sections.size() == 1);
    for (const brief::BriefItem& item : b.sections[0].items) {
        CHECK(item.previously_reported == (docs[item.doc].meta.title == "Port Alder ferry to stop"));
    }
    settings.omit_briefed = true;
    b = brief::arrange(docs, settings);
    CHECK(outline(b, docs) == std::vector<std::string>{"# ", "Kessel bridge closed to lorries"});
    CHECK(b.omitted == 2);
    settings.briefed.clear();
    settings.since = CalendarDay{2026, 11, 2};
    CHECK(outline(brief::arrange(docs, settings), docs) == std::vector<std::string>{"# ", "Port Alder ferry to stop + Harbour Wire"});
}

TEST_CASE("brief: an item takes the more restrictive of its own and its source's label, the brief the most restrictive of all") {
    std::vector<Document> docs = inputs();
    docs[2].meta.handling = "TLP:GREEN";
    brief::BriefSettings settings;
    settings.style_label = "TLP:CLEAR";
    brief::Brief b = brief::arrange(docs, settings);
    CHECK(b.label == "TLP:GREEN");
    const test::TempDir dir;
    test::write_file(dir.path() / "s.yaml", "sources:\n  - name: Coast Press\n    handling: TLP:AMBER\n    reliability: C\n");
    settings.sources = brief::SourceList::load((dir.path() / "s.yaml").string());
    b = brief::arrange(docs, settings);
    CHECK(b.label == "TLP:AMBER");
    CHECK(b.unknown_agencies == std::vector<std::string>{"Harbour Wire"});
    for (const brief::BriefSection& s : b.sections) {
        for (const brief::BriefItem& item : s.items) {
            CHECK(item.label == "TLP:AMBER");
            CHECK(item.source->reliability == 'C');
        }
    }
}
