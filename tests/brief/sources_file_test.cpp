// The sources file and the topic rules: read strictly, each mistake named by file, line and key.
#include <catch2/catch.hpp>

#include "briefkit/error.hpp"
#include "formats/brief/sources_file.hpp"
#include "formats/brief/topic_rules.hpp"
#include "support/test_support.hpp"

using namespace briefkit;

namespace {

/// The message and line of the UsageError reading `text` as a sources (or topics) file throws.
std::pair<std::string, int> refusal(const std::string& text, bool topics = false) {
    const test::TempDir dir;
    const auto path = (dir.path() / "file.yaml").string();
    test::write_file(path, text);
    try {
        if (topics) {
            (void)brief::TopicRules::load(path);
        } else {
            (void)brief::SourceList::load(path);
        }
    } catch (const UsageError& e) {
        CHECK(e.file() == path);
        return {e.what(), e.line()};
    }
    return {"", 0};
}

}  // namespace

TEST_CASE("sources file: agencies are found by name or alias, whatever their case and spacing") {
    const test::TempDir dir;
    test::write_file(dir.path() / "sources.yaml", "sources:\n"
                                                  "  - name: Harbour Wire\n"
                                                  "    aliases: [HW, Harbour  Wire Service]\n"
                                                  "    country: XA\n"
                                                  "    reliability: B\n"
                                                  "    credit: \"Harbour Wire, Port Alder\"\n"
                                                  "    handling: tlp:amber\n"
                                                  "  - name: Coast Press\n");
    const brief::SourceList list = brief::SourceList::load((dir.path() / "sources.yaml").string());
    REQUIRE(list.find("harbour wire service") != nullptr);
    CHECK(list.find("hw")->name == "Harbour Wire");
    CHECK(list.find("Harbour Wire")->reliability == 'B');
    CHECK(list.find("Harbour Wire")->handling == "TLP:AMBER");
    CHECK(list.find("Coast Press")->credit.empty());
    CHECK(list.find("Coast") == nullptr);
    CHECK(brief::reliability_meaning('F') == "reliability cannot be judged");
}

TEST_CASE("sources file: each kind of mistake is refused with the file, line and key") {
    CHECK(refusal("sources:\n  - name: A\n    reliabilty: B\n") ==
          std::pair<std::string, int>{"sources key 'sources[1].reliabilty': is not a key here (expected one of: name, aliases, "
                                      "country, language, ownership, reliability, credit, handling)",
                                      3});
    CHECK(refusal("sources:\n  - name: A\n    reliability: G\n").first.find("expected an Admiralty grade") != std::string::npos);
    CHECK(refusal("sources:\n  - name: A\n  - name: B\n    aliases: [a]\n") ==
          std::pair<std::string, int>{"sources key 'sources[2].aliases': 'a' names another source too", 4});
    CHECK(refusal("sources:\n  - name: A\n    handling: secret\n").second == 3);
    CHECK(refusal("sources:\n  - country: XA\n").first.find("every source needs a name") != std::string::npos);
    CHECK(refusal("sources: [unclosed\n").first.find("sources file is not YAML") != std::string::npos);
    CHECK(refusal("agencies: []\n").second == 1);
}

TEST_CASE("topic rules: the section whose words the article names most, the headline counting three times") {
    const test::TempDir dir;
    test::write_file(dir.path() / "topics.yaml", "sections:\n"
                                                 "  - name: Transport\n"
                                                 "    keywords: [ferry, night ferry, harbour]\n"
                                                 "  - name: Money\n"
                                                 "    keywords: [dividend, accounts]\n"
                                                 "  - name: Islands\n"
                                                 "    places: [Port Alder]\n");
    const brief::TopicRules rules = brief::TopicRules::load((dir.path() / "topics.yaml").string());
    Document doc;
    doc.meta.title = "Ferry board publishes accounts";
    doc.body.push_back(Paragraph{{Text{"The figures show a loss, the auditors said."}}});
    CHECK(rules.topic_of(doc) == "Transport");  // 3 for the headline's ferry against 3 of accounts: the earlier wins
    doc.body.push_back(Paragraph{{Text{"The dividend will not be paid."}}});
    CHECK(rules.topic_of(doc) == "Money");
    Document elsewhere;
    elsewhere.meta.title = "Council meets";
    elsewhere.meta.place = "port alder";
    CHECK(rules.topic_of(elsewhere) == "Islands");
    elsewhere.meta.place = "Kessel";
    CHECK(rules.topic_of(elsewhere).empty());
    CHECK(rules.names() == std::vector<std::string>{"Transport", "Money", "Islands"});
}

TEST_CASE("topic rules: each kind of mistake is refused with the file, line and key") {
    CHECK(refusal("sections:\n  - name: A\n", true).first.find("a section needs keywords or places") != std::string::npos);
    CHECK(refusal("sections:\n  - name: A\n    keywords: [x]\n  - name: A\n    keywords: [y]\n", true) ==
          std::pair<std::string, int>{"topics key 'sections[2].name': section 'A' is named twice", 4});
    CHECK(refusal("sections:\n  - name: A\n    keywords: ['--']\n", true).second == 3);
    CHECK(refusal("sections:\n  - name: A\n    keyword: [x]\n", true).second == 3);
}
