#include "formats/pdf/canvas.hpp"

#include <fmt/format.h>

#include <cmath>

namespace briefkit::formats::pdf {

std::string pdf_number(double value) {
    const double rounded = std::round(value * 1000) / 1000;
    std::string s = fmt::format("{:.3f}", rounded == 0 ? 0.0 : rounded);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

void Canvas::colour(const Rgb& c, bool stroke) {
    ops_ += fmt::format("{} {} {} {}\n", pdf_number(c.r), pdf_number(c.g), pdf_number(c.b), stroke ? "RG" : "rg");
}

void Canvas::fill_rect(double left, double top, double width, double height, const Rgb& c) {
    colour(c, false);
    ops_ += fmt::format("{} {} {} {} re f\n", pdf_number(left), pdf_number(height_ - top - height), pdf_number(width),
                        pdf_number(height));
}

void Canvas::rule(double left, double right, double y, double thickness, const Rgb& c) {
    colour(c, true);
    ops_ += fmt::format("{} w {} {} m {} {} l S\n", pdf_number(thickness), pdf_number(left), pdf_number(height_ - y),
                        pdf_number(right), pdf_number(height_ - y));
}

void Canvas::begin_tagged(std::string_view tag, int mcid) {
    ops_ += fmt::format("/{} <</MCID {}>> BDC\n", tag, mcid);
    mcid_ = mcid;
}

void Canvas::begin_artifact() { ops_ += "/Artifact BMC\n"; }

void Canvas::end_marked() {
    ops_ += "EMC\n";
    mcid_ = -1;
}

void Canvas::text_line(const TextLine& line, double x, double baseline) { pieces(line.pieces, x, baseline); }

void Canvas::glyphs(const Placed& p) {
    // A kerned pair parts the string: `<0031> 12 <0032>` draws the second glyph 12 thousandths
    // of the size nearer. A mark drawn off the pen is moved there and back the same way, and
    // raised or lowered by the text rise, which only a new TJ can change.
    int move = 0;  // thousandths of the size, in TJ's sense: positive moves the pen left
    int rise = 0;
    bool open = false;
    const auto flush = [&] {
        if (move == 0) return;
        if (open) ops_ += '>';
        ops_ += fmt::format("{}", move);
        open = false;
        move = 0;
    };
    const auto set_rise = [&](int to) {
        flush();
        if (open) ops_ += '>';
        open = false;
        ops_ += fmt::format("] TJ\n{} Ts\n[", pdf_number(to * p.size / 1000.0));
        rise = to;
    };
    for (std::size_t i = 0; i < p.codes.size(); ++i) {
        const auto [dx, dy] = i < p.offsets.size() ? p.offsets[i] : std::pair<int, int>(0, 0);
        move -= dx;
        if (dy != rise) set_rise(dy);
        flush();
        if (!open) ops_ += '<';
        open = true;
        ops_ += fmt::format("{:04X}", p.codes[i]);
        move = dx - (i < p.kerns.size() ? p.kerns[i] : 0);
    }
    flush();
    if (open) ops_ += '>';
    if (rise != 0) set_rise(0);
}

void Canvas::pieces(std::span<const Placed> pieces, double x, double baseline) {
    if (pieces.empty()) return;
    const double y = height_ - baseline;
    ops_ += "BT\n";
    const Placed* run_start = nullptr;
    const Placed* previous = nullptr;
    bool open = false;
    for (const Placed& p : pieces) {
        const bool same = previous != nullptr && previous->font == p.font && previous->size == p.size &&
                          previous->colour.r == p.colour.r && previous->colour.g == p.colour.g &&
                          previous->colour.b == p.colour.b;
        if (!same) {
            if (open) ops_ += "] TJ\n";
            if (run_start == nullptr || previous->font != p.font || previous->size != p.size) {
                ops_ += fmt::format("/{} {} Tf\n", FontSet::resource_name(p.font), pdf_number(p.size));
            }
            if (previous == nullptr || previous->colour.r != p.colour.r || previous->colour.g != p.colour.g ||
                previous->colour.b != p.colour.b) {
                colour(p.colour, false);
            }
            ops_ += fmt::format("1 0 0 1 {} {} Tm\n[", pdf_number(x + p.x), pdf_number(y));
            open = true;
            run_start = &p;
        } else {
            double gap = p.x - (previous->x + previous->width);
            if (p.space_before && p.space_code != 0) {
                ops_ += fmt::format("<{:04X}>", p.space_code);
                gap -= p.space_advance * p.size / 1000.0;
            }
            const double adjust = -gap * 1000.0 / p.size;
            if (std::abs(adjust) >= 0.05) ops_ += pdf_number(adjust);
        }
        glyphs(p);
        if (p.href) {
            const Rect area{x + p.x, y - 0.25 * p.size, x + p.x + p.width, y + 0.85 * p.size};
            if (!links_.empty() && links_.back().target == p.href.get() && std::abs(links_.back().area.bottom - area.bottom) < 0.01 &&
                area.left - links_.back().area.right < p.size) {
                links_.back().area.right = area.right;
            } else {
                links_.push_back({area, *p.href, p.href.get(), mcid_});
            }
        }
        previous = &p;
    }
    ops_ += "] TJ\nET\n";
}

}  // namespace briefkit::formats::pdf
