// The agency deliveries of the shared corpus (../shared/corpus/feeds): each file that holds a
// text item reads into what we found in it by reading the file ourselves (headline, date with its
// zone, agency, place, language, authors, body blocks and how the body starts); each file that
// holds none fails alone with an error saying what it holds; every text item converts to XML and
// PDF with its headline and every body paragraph. Skipped when the corpus is absent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "pipeline/convert.hpp"
#include "pipeline/registry.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace briefkit;

namespace {

/// What one text item holds, as read by hand from its file.
struct Item {
    std::string file;      ///< Under feeds/.
    std::string title;     ///< The headline; empty for an item that has none (a note says so).
    std::string date;      ///< ISO 8601, with the zone the file states.
    std::string agency;    ///< The agency or provider.
    std::string place;     ///< The dateline or located place; empty when the item names none.
    std::string language;  ///< As stated, or guessed from the words; empty when neither.
    std::vector<std::string> authors;
    std::size_t blocks = 0;   ///< Body blocks (paragraphs, tables, headings...).
    std::string starts;       ///< The first words of the body.
};

const std::vector<Item>& items() {
    static const std::vector<Item> all{
        {"anpa/anpa-1.tst", "For Argentine chemo patients, mirrors can hurt", "2013-11-13T15:09:00+00:00", "AP",
         "BUENOS AIRES", "en", {"PAUL BYRNE", "ALMUDENA CALATRAVA"}, 14, "For cancer patients dealing with"},
        {"anpa/anpa-3.tst", "", "2013-11-13T07:13:00+00:00", "AP", "NEW YORK", "", {}, 9, "Minimum and maximum"},
        {"anpa/anpa-4.tst", "AP Top Entertainment News at 11:23 p.m. EST", "2016-02-10T04:23:00+00:00", "AP", "", "",
         {}, 10, "Ex-bodyguard testifies"},
        {"anpa/ap_anpa-1.tst", "Deng has 30 points, short-handed Heat beat Hawks 115-111", "2016-02-20T03:37:00+00:00",
         "AP", "ATLANTA", "en", {"CHARLES ODUM"}, 18, "Luol Deng scored 30 points"},
        {"anpa/ap_anpa-2.tst", "Baseball Expanded Standings", "2016-05-17T06:20:00+00:00", "AP", "", "", {}, 90,
         "All Times EDT"},
        {"anpa/ap_anpa-3.tst", "$210 lobster is found dead", "2016-08-29T16:26:00+00:00", "AP", "CHATHAM", "", {}, 1,
         "A lobster died."},
        {"anpa/ap_anpa-4.tst", "AP Exclusive: China lawyer's family says US helped them flee",
         "2017-05-09T00:56:00+00:00", "AP", "BEIJING", "en", {"GERRY SHIH"}, 25, "Stuck in a Bangkok jail"},
        {"anpa/ap_anpa-6.tst", "Wild Card Glance", "2019-08-18T20:17:00+00:00", "AP", "", "", {}, 71, "All Times EDT"},
        {"anpa/ap_anpa-7.tst", "10 Things to Know for Today", "2019-09-04T10:29:00+00:00", "AP", "", "en", {}, 21,
         "Your daily look at late-breaking news"},
        {"newsml-1/afp.xml", "Sweden court accepts receivership for Saab carmaker", "2014-08-29T13:49:51+00:00", "AFP",
         "STOCKHOLM", "en", {}, 10, "A Chinese-owned company set up"},
        {"newsml-1/afp20.xml", "D\u00e9c\u00e8s de Naomi Musenga: l'op\u00e9ratrice du Samu d\u00e9finitivement condamn\u00e9e",
         "2024-07-10T12:59:02+00:00", "AFP", "Strasbourg", "fr", {}, 2, "L'op\u00e9ratrice du Samu condamn\u00e9e"},
        {"newsml-1/ana1.xml", "Wage employment balance positive in Jan-March", "2018-04-04T17:58:59+03:00",
         "\u0391\u03a0\u0395-\u039c\u03a0\u0395", "", "en", {}, 4, "Wage employment in the private sector grew"},
        {"newsml-g2/ansa-newsmlg2-text.xml", "Catalan independence declaration unacceptable - Alfano",
         "2017-10-11T10:41:00+01:00", "ansa.it", "Rome", "it", {"VRG"}, 4, "(ANSA) - Rome, October 11"},
        {"newsml-g2/ap-item1", "Nutrisystem beats 4Q earnings and revenue expectations", "2018-02-26T21:20:11+00:00",
         "Automated Insights", "Pittsburgh", "en", {}, 10, "Nutrisystem Inc. (NTRI) on Monday reported"},
        {"newsml-g2/ap-item2", "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations",
         "2018-02-26T21:22:09+00:00", "Automated Insights", "Bethesda", "en", {}, 11, "DiamondRock Hospitality Co."},
        {"newsml-g2/ap-item3", "Scripps Networks tops 4Q profit and revenue expectations", "2018-02-26T21:26:10+00:00",
         "Automated Insights", "KNOXVILLE", "en", {}, 7, "Scripps Networks Interactive Inc."},
        {"newsml-g2/dpa.xml", "Eintracht in London: Hintereggers Tr\u00e4nen und Attacke auf Reporter",
         "2022-10-11T11:14:42+02:00", "Deutsche Presse-Agentur GmbH", "London", "de", {"degenhardt.sandra"}, 3,  // its fourth <p> is a no-break space, a spacer
         "2019 gab es bittere Tr\u00e4nen"},
        {"newsml-g2/iptc-LISTING_1_A_NewsML-G2_News_Item.xml", "Fed to halt QE to avert \"bubble\"",
         "2016-10-18T11:12:00-05:00", "REUTERS", "Berlin", "en-GB", {"Meredith Jameson"}, 0, ""},
        {"newsml-g2/iptc-LISTING_21_A_complete_sample_SportsML-G2_document.xml",
         "Troy Tulowitzki singled to third and advanced to second on Martin Prado's throwing error. Runner on second "
         "with one out and Carlos Gonzalez due up.",
         "2015-06-06T00:59:42-04:00", "XML Team Solutions, Inc.", "Philadelphia", "en-US", {"The Sports Network, Inc."},
         1, ""},
        {"newsml-g2/iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
         "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.", "2016-10-19T11:15:00-05:00",
         "www.xmlteam.com", "Philadelphia", "en-US", {"The Sports Network"}, 6, ""},
        {"newsml-g2/iptc-LISTING_27_Company_Financial_Information.xml", "Acme Widgets announces annual results",
         "2016-10-19T13:00:00+00:00", "", "", "en-US", {}, 0, ""},
        {"newsml-g2/iptc-LISTING_2_NewsML-G2_Text_Document.xml", "Fed to halt QE to avert \"bubble\"",
         "2016-11-21T15:21:06-05:00", "Associated Press", "New York, NY", "en-US", {"Meredith Jameson"}, 2,
         "(New York, NY - October 21) Et, sent luptat"},
        {"newsml-g2/iptc-Receiver View.xml", "Fed to halt QE to avert \"bubble\"", "2016-11-21T15:21:06-05:00",
         "Associated Press", "New York, NY", "en-US", {"Meredith Jameson"}, 2, "(New York, NY - November 21)"},
        {"newsml-g2/iptc-facet-example-3.xml", "", "2020-02-04T12:00:00+00:00", "AcmeNews", "", "en", {}, 1, ""},
        {"newsml-g2/stt1.xml", "Mikko Moilanen siirtyy Revenion toimitusjohtajaksi", "2019-04-15T11:12:24", "STT",
         "Helsinki", "fi-FI", {}, 4, ""},
        {"newsml-g2/stt_archive_newsml_created_date_test.xml", "Yleisurheilutuloksia/SM", "2013-02-16T17:36:20", "STT",
         "", "fi-FI", {}, 27, ""},
        {"newsml-g2/stt_archive_newsml_test.xml", "Yleisurheilutuloksia/SM", "2013-02-16T17:36:20", "STT", "", "fi-FI",
         {}, 27, ""},
        {"newsml-g2/stt_newsml_endash.xml",
         "Reilu kolmannes Korkeasaaren el\u00e4inpotilaista saadaan palautettua luontoon", "2018-04-01T04:00:44", "STT",
         "", "fi-FI", {}, 4, ""},
        {"newsml-g2/stt_newsml_location_test.xml", "", "2013-02-16T17:36:20", "STT", "", "fi-FI", {}, 9, ""},
        {"newsml-g2/stt_newsml_note_test.xml", "Jussi Niinist\u00f6: Ylen tiedoissa voi olla kyse informaatio-operaatiosta",
         "2017-01-31T21:52:52", "STT", "", "fi-FI", {"ANTTI AUTIO", "HETA HASSINEN"}, 20, ""},
        {"newsml-g2/stt_newsml_subject_test.xml", "", "2013-02-16T17:36:20", "STT", "", "fi-FI", {}, 9, ""},
        {"newsml-g2/stt_newsml_test_no_hl.xml", "", "2017-12-19T10:33:04+02:00", "STT", "Helsinki", "fi-FI", {}, 40, ""},
        {"newsml-g2/tag_reuters.com_0000_newsml_L4N1FL0N0_1132689232.xml",
         "PRECIOUS-Gold rises as Trump policy fuels safe haven demand", "2017-01-31T03:47:29+00:00", "Reuters", "", "en",
         {}, 1, ""},
        {"newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0ZP_version_2.xml",
         "Syria's Assad says foreign states will pay for supporting 'terrorism'", "2014-07-16T10:35:57+00:00", "Reuters",
         "Bangalore", "en-US", {}, 4, "BEIRUT (Reuters) - President Bashar al-Assad"},
        {"newsml-g2/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538.xml",
         "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream", "2016-01-04T16:34:45+00:00",
         "Reuters", "", "en", {}, 0, ""},
        {"newsml-g2/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838.xml",
         "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream", "2016-01-04T15:43:34+00:00",
         "Reuters", "", "en", {}, 16, ""},
        {"newsml-g2/tag_reuters.com_2018_newsml_MTZXEE13ZXCZES_2.xml", "UPDATE 2-Primeira Liga Results",
         "2018-01-03T20:13:08+00:00", "Opta Sports Data", "", "en-US", {}, 1, "Jan 3 (OPTA) - Results and fixtures"},
        {"newsml-g2/video.xml", "Cardinals arrive for pre-conclave meeting", "2013-03-04T11:37:47+00:00", "Reuters",
         "No-Data-Available", "en", {}, 5, "(ROUGH CUT ONLY - NO REPORTER NARRATION)"},
        {"ninjs/ap_media_text_item.json", "BC-BBN--Top Ten", "2019-07-03T04:05:12+00:00", "AP", "", "en", {}, 0, ""},
        {"ninjs/bbc-ninjs-comp-test.json", "abcdef", "2018-05-30T15:14:24", "", "", "en", {"Jane Doe"}, 1, "abcd"},
        {"ninjs/ninjs1.json", "headline", "2017-08-24T04:37:19+00:00", "AAP", "Milton Keynes", "fr", {"Peter", "Jane"}, 1,
         "The story so far."},
        {"ninjs/ninjs2.json", "Oil prices edge up on first drop in US drilling in months", "2017-07-03T01:38:13+00:00",
         "Reuters", "Singapore", "en", {"Henning Gloystein"}, 9, ""},
        {"ninjs/ninjs4.json", "China behauptet, einen Polizeihund geklont zu haben", "2019-03-25T08:54:09+00:00", "", "",
         "de", {"futurezone/KN"}, 8, "Es kann ganz sch\u00f6n kostspielig sein"},
        {"ninjs/ninjs5.json", "Oil prices edge up on first drop in US drilling in months", "2017-07-03T01:38:13+00:00",
         "Reuters", "Singapore", "en", {"Henning Gloystein"}, 9, ""},
        {"ninjs/ninjsExMediumText1.json", "Captain of wrecked cruise ship on trial in Italy", "2013-07-09T10:37:00+00:00",
         "", "Grossetto, Italy", "en", {"Paulo Santalucia", "Frances d'Emilio"}, 4, "GROSSETO, Italy (AP) -- The trial"},
        {"ninjs/ninjs_embargoed.json", "Trouble is brewing for the future of beer", "2022-06-20T23:20:35+00:00",
         "360info", "Aaron J. Staples, Michigan", "en", {"Aaron J. Staples"}, 18, "What does torched earth taste like?"},
        {"nitf/aap-cyber.xml", "Headline", "2016-04-13T04:52:21+00:00", "", "SYDNEY", "", {"John Doe"}, 1, "body1"},
        {"nitf/aap-finance1.xml", "Highlights of the AAP Finance Wire at 14:45 Feb 20, 2015", "2015-02-20T13:51:42",
         "Australian Associated Press", "", "en", {}, 18, "Highlights of the AAP Finance Wire for Friday"},
        {"nitf/aap-sports.xml", "RL:Ferguson returns at centre for Roosters", "2015-02-18T16:01:41",
         "Australian Associated Press", "", "en", {}, 5, ""},
        {"nitf/aap.xml", "The main stories on today's 1900 ABC TV news", "2013-10-20T19:27:51+11:00",
         "Australian Associated Press", "Sydney", "en", {"John Doe"}, 13, "The main stories on ABC television's"},
        {"nitf/ap_media_text_nitf.xml", "BC-BBN--Top Ten", "2019-07-03T04:05:12+00:00", "The Associated Press", "", "",
         {}, 7, "BC-BBN--Top Ten"},
        {"nitf/mapping_test.xml", "*En 41-\u00e5rig mand, der onsdag blev anholdt og sat i forbindel",
         "2016-05-12T00:05:13+02:00", "Ritzau", "", "no-NO", {}, 4, "K\u00f8benhavn /ritzau/: En 41-\u00e5rig mand"},
        {"nitf/nitf-fishing.xml", "Weather and Tide Updates for Norfolk", "2002-02-25T14:30:00-05:00",
         "XML Team Solutions, Inc.", "Newport News", "en", {"Alan Karben"}, 10, ""},
        {"nitf/pa1.xml", "PA SPORT TRIVIA (OCTOBER 14)", "2015-10-14T04:30:01+01:00", "PA Sport", "", "en", {}, 43,
         "ON THIS DAY IN SPORT"},
        {"nitf/pa2.xml", "1 SOCCER INT-Teams", "2015-10-14T02:43:58+01:00", "PA", "", "", {}, 1, "International Match"},
        {"nitf/pa3.xml", "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS",
         "2016-09-08T13:24:46+01:00", "Press Association", "", "en", {"Benjamin Wright"}, 1,
         "The UK risks breaking up unless"},
        {"nitf/pa4.xml", "GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016", "2016-10-03T15:22:57+01:00",
         "Press Association", "", "en", {"Ian Jones"}, 21, "The Great British Bake Off has made a clean sweep"},
        {"nitf/pa5.xml", "HARD BREXIT TO COST UK UP TO \u00a366BN A YEAR, SAYS TREASURY", "2016-10-11T00:13:27+01:00",
         "Press Association", "", "en", {"Sam Lister"}, 19, ""},
    };
    return all;
}

/// The files that hold no text item, and what their error says they hold.
const std::map<std::string, std::string>& refused() {
    static const std::map<std::string, std::string> all{
        {"newsml-g2/iptc-LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml", "holds 1 composite item"},
        {"newsml-g2/iptc-LISTING_24_News_Message_conveying_a_complete_News_Package.xml", "holds 1 package item"},
        {"newsml-g2/iptc-LISTING_29_Hop_History.xml", "neither a headline nor body text"},
        {"newsml-g2/iptc-facet-example-2.xml", "neither a headline nor body text"},
        {"newsml-g2/iptc-facet-example.xml", "neither a headline nor body text"},
        {"newsml-g2/picture.xml", "holds 1 picture item"},
        {"newsml-g2/tag_reuters.com_0000_newsml_GM1EA7M13RP01_version_484616934.xml", "holds 1 picture item"},
        {"newsml-g2/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10.xml", "holds 1 package item"},
        {"newsml-g2/tag_reuters.com_2014_newsml_LYNXMPEA6F0MT_version_2.xml", "holds 1 picture item"},
        {"newsml-g2/tag_reuters.com_2014_newsml_LYNXMPEA6F13M_version_1.xml", "holds 1 picture item"},
        {"ninjs/ap_media_feed.json", "it is a feed listing of 1 item"},
        {"ninjs/ap_media_item.json", "it is a ninjs 'picture' item"},
        {"ninjs/ap_media_picture.json", "it is a ninjs 'picture' item"},
        {"ninjs/ap_media_text_feed.json", "it is a feed listing of 1 item"},
        {"ninjs/ninjs3.json", "it is a ninjs 'picture' item"},
        {"ninjs/ninjs4_mock.json", "not article JSON"},
        {"ninjs/ninjs6.json", "it is a ninjs 'picture' item"},
        {"nitf/aap-finance-lite.xml", "neither a headline nor body text"},
    };
    return all;
}

/// The file an item comes from: `newsml-g2/ap-item2` is the second item of newsml-g2/ap.xml.
std::pair<std::string, std::size_t> source_of(const std::string& item) {
    const std::size_t mark = item.find("-item");
    if (mark == std::string::npos) return {item, 0};
    return {item.substr(0, mark) + ".xml", static_cast<std::size_t>(std::stoi(item.substr(mark + 5)) - 1)};
}

/// Lower-case letters and digits of `text` alone, for finding a paragraph in a PDF's text
/// whatever its line breaks, hyphenation and title case did.
std::string letters(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

}  // namespace

TEST_CASE("feeds: every text item of the agency deliveries reads into what its file holds", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("corpus absent: skipped");
        return;
    }
    for (const Item& want : items()) {
        const auto [file, index] = source_of(want.file);
        const fs::path path = *corpus / "feeds" / file;
        INFO(want.file);
        const std::vector<Document> docs = read_documents(Input{path, path.string(), path.stem(), false, {}, {}}, {});
        REQUIRE(index < docs.size());
        const Document& doc = docs[index];
        CHECK(doc.meta.title == want.title);
        CHECK((doc.meta.date ? doc.meta.date->iso() : "") == want.date);
        CHECK(doc.meta.source.name == want.agency);
        CHECK(doc.meta.place == want.place);
        CHECK(doc.meta.language == want.language);
        CHECK(doc.meta.authors == want.authors);
        CHECK(doc.body.size() == want.blocks);
        if (!want.starts.empty()) {
            REQUIRE_FALSE(test::block_texts(doc).empty());
            CHECK(test::block_texts(doc).front().rfind(want.starts, 0) == 0);
        }
        if (want.title.empty()) CHECK(test::has_note(doc, "headline-missing"));
        if (want.blocks == 0) CHECK(test::has_note(doc, "body-missing"));
        CHECK(test::has_note(doc, "format-lacks"));
    }
}

TEST_CASE("feeds: every file that holds no text item fails alone, saying what it holds", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus) {
        WARN("corpus absent: skipped");
        return;
    }
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(*corpus / "feeds")) {
        if (!entry.is_regular_file()) continue;
        ++files;
        const std::string relative = entry.path().lexically_relative(*corpus / "feeds").generic_string();
        const auto refusal = refused().find(relative);
        INFO(relative);
        if (refusal == refused().end()) {
            CHECK_NOTHROW(read_documents(Input{entry.path(), entry.path().string(), entry.path().stem(), false, {}, {}}, {}));
            continue;
        }
        try {
            (void)read_documents(Input{entry.path(), entry.path().string(), entry.path().stem(), false, {}, {}}, {});
            FAIL("read without an error");
        } catch (const InputError& e) {
            CHECK(describe(e).rfind(entry.path().string(), 0) == 0);
            CHECK(describe(e).find(refusal->second) != std::string::npos);
        }
    }
    CHECK(files == items().size() - 2 + refused().size());  // ap.xml holds three of the items
}

TEST_CASE("feeds: the deliveries convert to XML and PDF in one batch, each text item with its headline and every paragraph", "[corpus]") {
    const auto corpus = test::corpus_dir();
    if (!corpus || !test::have_tool("pdftotext")) {
        WARN("corpus or pdftotext absent: skipped");
        return;
    }
    test::TempDir dir;
    const auto r = test::run_briefkit(
        {"convert", (*corpus / "feeds").string(), "-t", "xml,pdf", "-o", (dir.path() / "out").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("briefkit: " + std::to_string(items().size() - 2) + " converted, 0 skipped, " +
                     std::to_string(refused().size()) + " failed") != std::string::npos);
    for (const Item& want : items()) {
        INFO(want.file);
        const auto [file, index] = source_of(want.file);
        const fs::path stem = dir.path() / "out" / fs::path(want.file).replace_extension();
        REQUIRE(fs::exists(stem.string() + ".xml"));
        const fs::path source = *corpus / "feeds" / file;
        const Document doc = read_documents(Input{source, source.string(), source.stem(), false, {}, {}}, {})[index];
        // -raw: in the order the page draws it (a loose justified line can be read in columns otherwise).
        const test::RunResult text = test::run_command({"pdftotext", "-raw", stem.string() + ".pdf", "-"});
        const std::string pdf = letters(text.out);
        CHECK(pdf.find(letters(doc.meta.title)) != std::string::npos);
        for (const Block& block : doc.body) {
            if (const auto* p = std::get_if<Paragraph>(&block)) {
                const std::string words = letters(plain_text(p->content)).substr(0, 60);
                CHECK(pdf.find(words) != std::string::npos);
            }
        }
    }
}
