// Near-duplicate stories: the same story from two agencies, an update, and stories that only
// look alike (the same template, other figures) — all invented here.
#include <catch2/catch.hpp>

#include <algorithm>

#include "formats/brief/same_story.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

Document story(const std::string& title, const std::string& agency, const std::vector<std::string>& paragraphs) {
    Document doc;
    doc.id = "bk-" + title + agency;
    doc.meta.title = title;
    doc.meta.source.name = agency;
    for (const std::string& p : paragraphs) {
        Paragraph paragraph;
        paragraph.content.emplace_back(Text{p});
        doc.body.emplace_back(std::move(paragraph));
    }
    return doc;
}

const std::vector<std::string> kFerry = {
    "The harbour board of Port Alder said on Monday that the night ferry to the islands would stop running from the "
    "first of May, after a winter in which fewer than forty passengers a night made the crossing.",
    "The board's chairman, Ines Varga, said the service had lost money for six years and that the two ships would be "
    "leased to an operator in the south for the summer season.",
    "Islanders who work night shifts on the mainland said they had not been consulted and would ask the regional "
    "council to keep at least one crossing a week."};

}  // namespace

TEST_CASE("same story: one story from two agencies with a changed word, and an update that adds a paragraph") {
    const Document first = story("Night ferry to the islands to stop in May", "Harbour Wire", kFerry);
    std::vector<std::string> edited = kFerry;
    edited[1].replace(edited[1].find("six years"), 9, "seven years");
    const Document second = story("Port Alder night ferry to stop running", "Coast Press", edited);
    std::vector<std::string> longer = kFerry;
    longer.push_back("On Tuesday the regional council said it would hear the islanders at its meeting on the ninth of "
                     "April, and asked the board to publish the ferry's accounts before then.");
    const Document update = story("UPDATE 1 - Night ferry to the islands to stop in May, council to hear islanders", "Harbour Wire", longer);
    const std::vector<brief::Shingles> all{brief::shingles_of(first), brief::shingles_of(second), brief::shingles_of(update)};
    const brief::StoryIndex index(all);
    CHECK(index.overlap(0, 1).resemblance > 0.7);
    CHECK(brief::same_story(index.overlap(0, 1)));
    CHECK(index.overlap(0, 2).containment > 0.95);  // the update holds the first version
    CHECK(brief::same_story(index.overlap(0, 2)));
    CHECK(index.groups() == std::vector<std::vector<std::size_t>>{{0, 1, 2}});
}

TEST_CASE("same story: two notices of one template with other names and figures are two stories") {
    const Document a = story("Alder Mills sets quarterly dividend", "Harbour Wire",
                             {"Qtly div 12 cts vs 12 cts prior, pay April 30, record April 3.",
                              "Alder Mills said its board declared the payout at its meeting in Port Alder on Monday."});
    const Document b = story("Brandt Shipping sets quarterly dividend", "Harbour Wire",
                             {"Qtly div 30 cts vs 28 cts prior, pay May 15, record April 20.",
                              "Brandt Shipping said its board declared the payout at its meeting in Kessel on Friday."});
    const std::vector<brief::Shingles> all{brief::shingles_of(a), brief::shingles_of(b), brief::shingles_of(story("Night ferry", "X", kFerry))};
    const brief::StoryIndex index(all);
    CHECK(index.overlap(0, 1).resemblance < brief::kSameResemblance);
    CHECK_FALSE(brief::same_story(index.overlap(0, 1)));
    CHECK(brief::story_groups(all).size() == 3);
}

TEST_CASE("same story: a hundred notices of one template, its sentence repeated, are a hundred stories") {
    // Unweighted, the sentence every notice repeats would make any two of them resemble each
    // other by more than half; weighted by its rarity in the batch, it counts for almost nothing.
    std::vector<brief::Shingles> notices;
    for (int i = 0; i < 100; ++i) {
        notices.push_back(brief::shingles_of(
            story("Company " + std::to_string(i) + " sets quarterly dividend", "Harbour Wire",
                  {"Qtly div " + std::to_string(10 + i) + " cts vs " + std::to_string(9 + i) + " cts prior, pay April " +
                       std::to_string(1 + i % 28) + ".",
                   "The company said its board of directors declared the payout at its regular meeting and that the dividend "
                   "would be paid from the earnings of the current quarter, as in previous years."})));
    }
    CHECK(brief::story_groups(notices).size() == 100);
    // The same notice sent again by each of twenty agencies is still one story among them.
    for (int copy = 0; copy < 20; ++copy) notices.push_back(notices[7]);
    CHECK(brief::story_groups(notices).size() == 100);
}

TEST_CASE("same story: the groups are the same whatever order the articles come in") {
    std::vector<brief::Shingles> articles;
    for (int copy = 0; copy < 3; ++copy) articles.push_back(brief::shingles_of(story("Night ferry to stop", "Agency " + std::to_string(copy), kFerry)));
    articles.push_back(brief::shingles_of(story("Dividend", "Harbour Wire", {"Qtly div 12 cts vs 12 cts prior, pay April 30, record April 3."})));
    articles.push_back({});  // an article with no words is a story of its own
    CHECK(brief::story_groups(articles) == std::vector<std::vector<std::size_t>>{{0, 1, 2}, {3}, {4}});
    std::reverse(articles.begin(), articles.end());
    CHECK(brief::story_groups(articles) == std::vector<std::vector<std::size_t>>{{0}, {1}, {2, 3, 4}});
}
