// pdf: kerning by HarfBuzz: the pairs a face kerns come closer, copied text keeps its letters.
#include <catch2/catch.hpp>

#include <thread>

#include "formats/pdf/font_set.hpp"
#include "formats/pdf/kerning.hpp"
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
