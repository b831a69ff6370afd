#include "formats/pdf/pagination.hpp"

#include <algorithm>
#include <cmath>

namespace briefkit::formats::pdf {

namespace {

constexpr std::size_t kMinLines = 2;  // fewest lines of a paragraph left alone at a page's foot or head

/// The height that must follow a block kept with the next: the first two lines of the next.
double kept_height(const std::vector<FlowBlock>& blocks, std::size_t b) {
    if (b >= blocks.size()) return 0;
    const FlowBlock& next = blocks[b];
    return next.space_before + 2 * next.padding + static_cast<double>(std::min(kMinLines, next.lines.size())) * next.leading;
}

}  // namespace

double line_baseline(const FlowBlock& block, double line_top) {
    constexpr double kAscent = 0.8;  // of the type size, above the baseline
    return line_top + (block.leading - block.size) / 2 + kAscent * block.size;
}

double slice_height(const FlowBlock& block, std::size_t first, std::size_t last) {
    return static_cast<double>(last - first) * block.leading + 2 * block.padding;
}

double slice_height(const FlowBlock& block, const Slice& slice) {
    return slice_height(block, slice.first, slice.last) + static_cast<double>(slice.repeated) * block.leading;
}

std::vector<std::vector<Slice>> paginate(const std::vector<FlowBlock>& blocks, const Frame& frame) {
    std::vector<std::vector<Slice>> pages(1);
    double y = frame.first_top;
    double page_top = frame.first_top;
    const auto new_page = [&] {
        pages.emplace_back();
        y = pages.size() <= frame.first_pages ? frame.first_top : frame.top;
        page_top = y;
    };
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const FlowBlock& block = blocks[b];
        const std::size_t n = block.lines.size();
        if (n == 0) continue;
        if (block.new_page && !pages.back().empty()) {
            new_page();
            while ((pages.size() - 1) % frame.per_sheet != 0) new_page();
        }
        std::size_t first = 0;
        while (first < n) {
            const bool at_top = y <= page_top + 1e-6;
            const double space = (first == 0 && !at_top) ? block.space_before : 0;
            const std::size_t repeated = first > 0 ? block.repeat_lines : 0;  // the header again
            const double head = static_cast<double>(repeated) * block.leading;
            const double avail = frame.bottom - y - space - 2 * block.padding - head;
            const auto fit = static_cast<std::size_t>(std::max(0.0, std::floor((avail + 1e-6) / block.leading)));
            const std::size_t remaining = n - first;
            const double next_need = block.keep_with_next ? kept_height(blocks, b + 1) : 0;
            const double height = slice_height(block, first, n) + head;
            if (remaining <= fit && (at_top || height + next_need <= frame.bottom - y - space + 1e-6)) {
                pages.back().push_back({b, first, n, y + space, repeated, at_top});
                y += space + height;
                break;
            }
            std::size_t take = 0;
            if (block.splittable) {
                // The rest (at least two lines) goes over, and with it what it keeps with.
                take = std::min(fit, remaining >= 2 * kMinLines ? remaining - kMinLines : 0);
                if (first == 0 && take < kMinLines + block.repeat_lines) take = 0;
                if (first > 0 && take < kMinLines) take = 0;
            }
            if (take == 0 && at_top) take = std::max<std::size_t>(1, std::min(fit, remaining));  // taller than a page
            if (take == 0) {
                new_page();
                continue;
            }
            pages.back().push_back({b, first, first + take, y + space, repeated, at_top});
            first += take;
            if (first < n) new_page();
            else y += space + slice_height(block, first - take, first) + head;
        }
    }
    if (pages.back().empty() && pages.size() > 1) pages.pop_back();
    return pages;
}

void balance_last_sheet(std::vector<std::vector<Slice>>& pages, const std::vector<FlowBlock>& blocks, const Frame& frame) {
    constexpr int kSteps = 12;  // halvings of the search for the shortest columns: to a fraction of a point
    const std::size_t per_sheet = frame.per_sheet;
    const std::size_t sheet = (pages.size() - 1) / per_sheet * per_sheet;
    if (per_sheet < 2 || pages[sheet].empty() || pages[sheet].front().first != 0) return;
    const std::size_t from = pages[sheet].front().block;
    const std::vector<FlowBlock> rest(blocks.begin() + static_cast<std::ptrdiff_t>(from), blocks.end());
    const double top = sheet < frame.first_pages ? frame.first_top : frame.top;
    double low = 0;
    for (const FlowBlock& b : rest) {
        if (!b.splittable && !b.lines.empty()) low = std::max(low, b.space_before + slice_height(b, 0, b.lines.size()));
    }
    double high = frame.bottom - top;
    if (low >= high) return;
    const auto flowed = [&](double height) { return paginate(rest, Frame{top, top, top + height, per_sheet, per_sheet}); };
    for (int step = 0; step < kSteps; ++step) {
        const double mid = (low + high) / 2;
        (flowed(mid).size() <= per_sheet ? high : low) = mid;
    }
    std::vector<std::vector<Slice>> balanced = flowed(high);
    if (balanced.size() > per_sheet) return;
    for (std::vector<Slice>& column : balanced) {
        for (Slice& slice : column) slice.block += from;
    }
    pages.resize(sheet);
    pages.insert(pages.end(), balanced.begin(), balanced.end());
}

}  // namespace briefkit::formats::pdf
