// pdf: shaping by HarfBuzz: kerning for Latin, Greek and Cyrillic (copied text keeps its letters); joining forms, ligatures, reordering and marks for Arabic, Hebrew and Devanagari.
#include <catch2/catch.hpp>

#include <thread>

#include "formats/pdf/font_set.hpp"
#include "formats/pdf/shaping.hpp"
#include "formats/pdf/style.hpp"
#include "formats/pdf/truetype.hpp"

using namespace briefkit::formats::pdf;

TEST_CASE("kerning: the pairs Noto Serif kerns come closer, others keep their advance") {
    const auto face = FontFace::cached("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
    const std::vector<int> to = kerning(face, "To");
    REQUIRE(to.size() == 2);
    CHECK(to[0] < 0);  // T over o
    CHECK(to[1] == 0);
    const std::vector<int> av = kerning(face, "AVA");
    REQUIRE(av.size() == 3);
    CHECK(av[0] < 0);
    CHECK(kerning(face, "ll") == std::vector<int>{0, 0});
    CHECK(kerning(face, "fi").size() == 2);  // no ligature: one glyph a letter, so copied text keeps "fi"
    CHECK(kerning(face, "Ёлка").size() == 4);
    CHECK(kerning(face, "\u0645\u0631\u062D\u0628\u0627").empty());  // right to left: left as it is, not kerned
}

TEST_CASE("kerning: a shaped word is narrower by its kerning, and its glyphs carry it") {
    Style style = load_style("briefing");
    FontSet fonts(style);
    std::vector<Glyph> glyphs;
    fonts.shape("Tower", Face::body, glyphs);
    REQUIRE(glyphs.size() == 5);
    CHECK(glyphs[0].kern < 0);
    int plain = 0;
    for (const Glyph& g : glyphs) plain += g.advance;
    CHECK(fonts.width("Tower", Face::body, 10) < plain * 10 / 1000.0);
    glyphs.clear();
    fonts.shape("T\u4E2Do", Face::body, glyphs);  // a character from no face of the run: not kerned
    for (const Glyph& g : glyphs) CHECK(g.kern == 0);
}

TEST_CASE("kerning: workers shaping at once with a face none has shaped get the same kerning (HarfBuzz's lazy tables and default language made under the lock)") {
    // ThreadSanitizer saw the batch's workers race on HarfBuzz's lazily made default language.
    const auto face = FontFace::load("/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf");  // not the cached one
    std::vector<std::vector<int>> got(4);
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < got.size(); ++t) {
        workers.emplace_back([&, t] { got[t] = kerning(face, "AVATAR Toward"); });
    }
    for (std::thread& w : workers) w.join();
    REQUIRE(got[0].size() == 13);
    for (const auto& g : got) CHECK(g == got[0]);
}

TEST_CASE("shaping: scripts that join, reorder or take marks are shaped whole, Latin, Cyrillic and Han are not") {
    CHECK_FALSE(needs_shaping("Tower Ёлка \u4E2D\u56FD 3\u20135 \u201Cquoted\u201D"));
    CHECK(needs_shaping("\u0645\u0631\u062D\u0628\u0627"));  // Arabic
    CHECK(needs_shaping("\u05E9\u05DC\u05D5\u05DD"));        // Hebrew
    CHECK(needs_shaping("\u0915\u093F"));                    // Devanagari
    CHECK(needs_shaping("e\u0301"));                         // a combining mark
}

TEST_CASE("shaping: Arabic letters take their joining forms and lam-alef is one glyph standing for both letters") {
    const auto face = FontFace::cached("/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf");
    const std::string beh_beh = "\u0628\u0628";
    const std::vector<ShapedGlyph> joined = shape_run(face, beh_beh, 0, beh_beh.size(), true);
    REQUIRE(joined.size() == 2);
    CHECK(joined[0].gid != face->glyph(U'\u0628'));  // final form, drawn left
    CHECK(joined[1].gid != face->glyph(U'\u0628'));  // initial form, drawn right
    CHECK(joined[0].gid != joined[1].gid);
    const std::string lam_alef = "\u0644\u0627";
    const auto dejavu = FontFace::cached("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");  // Naskh joins the two instead
    const std::vector<ShapedGlyph> ligature = shape_run(dejavu, lam_alef, 0, lam_alef.size(), true);
    REQUIRE(ligature.size() == 1);
    CHECK(ligature[0].text == U"\u0627\u0644");  // in visual order, as extraction reverses it
}

TEST_CASE("shaping: a Devanagari vowel sign drawn before its consonant still gives the letters back in order") {
    const auto face = FontFace::cached("/usr/share/fonts/truetype/noto/NotoSerifDevanagari-Regular.ttf");
    const std::string ki = "\u0915\u093F";  // ka, vowel sign i: the sign is drawn first
    const std::vector<ShapedGlyph> glyphs = shape_run(face, ki, 0, ki.size(), false);
    REQUIRE(glyphs.size() == 2);
    CHECK(glyphs[1].gid == face->glyph(U'\u0915'));  // the consonant is drawn second
    std::u32string text;
    for (const ShapedGlyph& g : glyphs) text += g.text;
    CHECK(text == U"\u0915\u093F");
}

TEST_CASE("shaping: the font set draws Arabic, Hebrew and Devanagari from the style's fallback faces, and marks with no advance") {
    Style style = load_style("briefing");
    FontSet fonts(style);
    std::vector<Glyph> latin;
    fonts.shape("a", Face::body, latin);
    for (const char* word : {"\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD", "\u0928\u0908"}) {
        INFO(word);
        std::vector<Glyph> glyphs;
        fonts.shape(word, Face::body, glyphs, word[0] != '\xE0');
        REQUIRE_FALSE(glyphs.empty());
        for (const Glyph& g : glyphs) CHECK(g.font != latin.front().font);
    }
    CHECK(fonts.missing().empty());
    std::vector<Glyph> marked;
    fonts.shape("\u0628\u064E", Face::body, marked, true);  // beh with a fatha over it
    REQUIRE(marked.size() == 2);
    const Glyph& fatha = marked.front().advance == 0 ? marked.front() : marked.back();
    CHECK(fatha.advance == 0);
    CHECK(fatha.kern == 0);
    CHECK((fatha.dx != 0 || fatha.dy != 0));
}

TEST_CASE("shaping: fi and ffl are drawn as the face's ligatures, each standing for its letters") {
    CHECK(needs_shaping("office"));
    CHECK(needs_shaping("flow"));
    CHECK_FALSE(needs_shaping("of course"));
    Style style = load_style("briefing");
    FontSet fonts(style);
    std::vector<Glyph> glyphs;
    fonts.shape("baffle", Face::body, glyphs);
    CHECK(glyphs.size() == 4);  // b, a, ffl, e
    std::vector<Glyph> plain;
    fonts.shape("ba", Face::body, plain);
    REQUIRE(plain.size() == 2);
    CHECK(glyphs[0].code == plain[0].code);
    CHECK(glyphs[1].code == plain[1].code);
}

TEST_CASE("shaping: bold text draws a fallback script from its family's bold face") {
    Style style = load_style("briefing");
    REQUIRE(style.font_fallback_bold.size() == style.font_fallback.size());
    CHECK(style.font_fallback_bold.front() == "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf");
    CHECK(style.font_fallback_bold.back() == "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");  // it has no bold
    FontSet fonts(style);
    std::vector<Glyph> regular;
    fonts.shape("\u0642\u0637\u0627\u0631", Face::body, regular, true);
    std::vector<Glyph> bold;
    fonts.shape("\u0642\u0637\u0627\u0631", Face::body_bold, bold, true);
    REQUIRE_FALSE(regular.empty());
    REQUIRE_FALSE(bold.empty());
    CHECK(regular.front().font != bold.front().font);
    CHECK(fonts.embedding(bold.front().font).face->postscript_name() == "NotoNaskhArabic-Bold");
}
