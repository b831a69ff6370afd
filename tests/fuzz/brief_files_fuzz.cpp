// Fuzz target: the digest's YAML files, arbitrary text read as a sources file and as topic
// rules. What either accepts is then used: every name found again by itself, and two
// articles sorted into the topics.
#include "briefkit/error.hpp"
#include "formats/brief/arrangement.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace briefkit;
    const std::string text(fuzz::as_text(data, size));
    try {
        const brief::SourceList sources = brief::SourceList::parse(text, "fuzz.yaml");
        for (const brief::SourceEntry& e : sources.entries()) {
            fuzz::require(sources.find(e.name) == &e, "an accepted source is not found by its name");
            for (const std::string& alias : e.aliases) fuzz::require(sources.find(alias) == &e, "an accepted alias finds another source");
        }
    } catch (const Error&) {
    }
    try {
        brief::BriefSettings settings;
        settings.topics = brief::TopicRules::parse(text, "fuzz.yaml");
        settings.group_by = brief::Grouping::topic;
        std::vector<Document> docs(2);
        docs[0].id = "bk-1";
        docs[0].meta.title = "Oil prices rise in Vienna";
        docs[0].meta.place = "Vienna";
        docs[1].id = "bk-2";
        docs[1].meta.title = text.substr(0, 200);
        const brief::Brief b = brief::arrange(docs, settings);
        fuzz::require(b.stories == 2, "two different articles are not two stories");
    } catch (const Error&) {
    }
    return 0;
}
