#include "formats/pdf/line_breaker.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace briefkit::formats::pdf {

namespace {

struct Totals {
    double width = 0, stretch = 0, shrink = 0;
};

struct Node {
    std::size_t position = 0;
    std::size_t line = 0;
    int fitness = 1;
    Totals totals;
    double demerits = 0;
    double ratio = 0;
    int flagged_run = 0;  // hyphenated lines in a row ending here
    std::shared_ptr<const Node> previous;
};

constexpr int kFitnessClasses = 4;
// A run of hyphens past the limit, in the last pass: as costly as a line whose glue stretches
// 21 times its stretch (badness 100 r^3, demerits its square), so that a third hyphen in a row
// is set only where the other breakings leave a word alone on a line with no space to stretch.
constexpr double kPastRunDemerits = 1e12;

int fitness_class(double ratio) {
    if (ratio < -0.5) return 0;  // tight
    if (ratio <= 0.5) return 1;  // normal
    if (ratio <= 1) return 2;    // loose
    return 3;                    // very loose
}

class Breaker {
public:
    Breaker(const std::vector<Item>& items, double width, const BreakParameters& params, bool allow_overfull)
        : items_(items), width_(width), params_(params), allow_overfull_(allow_overfull), spaces_before_(items.size() + 1, 0) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const bool space = items[i].kind == Item::Kind::glue && items[i].width > 0 && items[i].stretch < kFill;
            spaces_before_[i + 1] = spaces_before_[i] + (space ? 1 : 0);
        }
    }

    std::shared_ptr<const Node> run() {
        active_.push_back(std::make_shared<Node>());
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const Item& item = items_[i];
            if (item.kind == Item::Kind::box) {
                sum_.width += item.width;
            } else if (item.kind == Item::Kind::glue) {
                if (i > 0 && items_[i - 1].kind == Item::Kind::box) consider(i);
                sum_.width += item.width;
                sum_.stretch += item.stretch;
                sum_.shrink += item.shrink;
            } else if (item.penalty < kNoBreak) {
                consider(i);
            }
            if (active_.empty()) return nullptr;
        }
        std::shared_ptr<const Node> best;
        for (const auto& node : active_) {
            if (node->position == items_.size() - 1 && (!best || node->demerits < best->demerits)) best = node;
        }
        return best;
    }

private:
    double line_ratio(const Node& from, std::size_t to) const {
        double width = sum_.width - from.totals.width;
        if (items_[to].kind == Item::Kind::penalty) width += items_[to].width;
        if (width < width_) {
            const double stretch = sum_.stretch - from.totals.stretch;
            return stretch > 0 ? (width_ - width) / stretch : std::numeric_limits<double>::infinity();
        }
        if (width > width_) {
            const double shrink = sum_.shrink - from.totals.shrink;
            return shrink > 0 ? (width_ - width) / shrink : -std::numeric_limits<double>::infinity();
        }
        return 0;
    }

    // Totals from the break at `at` to the first box after it (glue and penalties there vanish).
    Totals after_break(std::size_t at) const {
        Totals t = sum_;
        for (std::size_t i = at; i < items_.size(); ++i) {
            const Item& item = items_[i];
            if (item.kind == Item::Kind::box) break;
            if (item.kind == Item::Kind::glue) {
                t.width += item.width;
                t.stretch += item.stretch;
                t.shrink += item.shrink;
            } else if (item.penalty <= kForcedBreak && i > at) {
                break;
            }
        }
        return t;
    }

    // True when the line from `from` to the break at `at` holds no word space: one word.
    bool one_word(const Node& from, std::size_t at) const { return spaces_before_[at] - spaces_before_[from.position + 1] == 0; }

    // The demerits of a line from `node` ending at `at`, its badness `badness`, beside what it follows.
    double line_demerits(const Node& node, std::size_t at, double badness, bool forced) const {
        const Item& item = items_[at];
        // TeX caps badness at 10000, so past it every loose line costs the same; in the last pass,
        // where lines past any tolerance are set, the least loose of them is the one to choose.
        double demerits = std::pow(params_.line_penalty + (allow_overfull_ ? badness : std::min(badness, 10000.0)), 2);
        if (item.kind == Item::Kind::penalty) {
            if (item.penalty >= 0) {
                demerits += item.penalty * item.penalty;
            } else if (!forced) {
                demerits -= item.penalty * item.penalty;
            }
            if (item.flagged && node.flagged_run > 0) demerits += params_.flagged_demerits;
        }
        // The paragraph's last line: one word alone there is avoided where a rebreak can.
        if (forced && at + 1 == items_.size() && node.position > 0 && one_word(node, at)) demerits += params_.one_word_last_demerits;
        return demerits;
    }

    void consider(std::size_t at) {
        const Item& item = items_[at];
        const bool forced = item.kind == Item::Kind::penalty && item.penalty <= kForcedBreak;
        const bool flagged = item.kind == Item::Kind::penalty && item.flagged;
        std::vector<std::shared_ptr<const Node>> candidates(static_cast<std::size_t>(kFitnessClasses * (params_.max_flagged_run + 1)));
        std::vector<std::shared_ptr<const Node>> still_active;
        std::shared_ptr<const Node> overfull;  // the cheapest node whose line would be overfull
        for (const auto& node : active_) {
            double ratio = line_ratio(*node, at);
            if (ratio < -1) {
                if (!overfull || node->demerits < overfull->demerits) overfull = node;
                continue;  // this node can never again start a line that fits
            }
            if (!forced) still_active.push_back(node);
            const double badness = 100 * std::pow(std::min(std::abs(ratio), 100.0), 3);
            if (badness > params_.tolerance && !allow_overfull_) continue;
            const int run = flagged ? node->flagged_run + 1 : 0;
            const bool past_run = params_.max_flagged_run > 0 && run > params_.max_flagged_run;
            if (past_run && !allow_overfull_) continue;
            double demerits = line_demerits(*node, at, badness, forced);
            if (past_run) demerits += kPastRunDemerits;
            ratio = std::min(ratio, 100.0);
            const int fitness = fitness_class(ratio);
            if (std::abs(fitness - node->fitness) > 1) demerits += params_.fitness_demerits;
            demerits += node->demerits;
            // The best node per fitness class and per run of hyphens: a costlier line that ends
            // no hyphen may let a later one hyphenate.
            const int run_slot = std::min(run, params_.max_flagged_run);
            auto& slot = candidates[static_cast<std::size_t>(fitness * (params_.max_flagged_run + 1) + run_slot)];
            if (!slot || demerits < slot->demerits) slot = make_node(at, node, demerits, ratio, fitness, run);
        }
        active_ = std::move(still_active);
        bool any = false;
        for (const auto& c : candidates) {
            if (c) {
                active_.push_back(c);
                any = true;
            }
        }
        // Last pass only: when nothing fits (a word wider than the line), accept the overfull line.
        if (!any && active_.empty() && overfull && allow_overfull_) {
            active_.push_back(make_node(at, overfull, overfull->demerits + 1e7, -1, 1, flagged ? overfull->flagged_run + 1 : 0));
        }
    }

    std::shared_ptr<const Node> make_node(std::size_t at, const std::shared_ptr<const Node>& from, double demerits,
                                          double ratio, int fitness, int flagged_run) const {
        auto next = std::make_shared<Node>();
        next->position = at;
        next->line = from->line + 1;
        next->fitness = fitness;
        next->totals = after_break(at);
        next->demerits = demerits;
        next->ratio = ratio;
        next->flagged_run = flagged_run;
        next->previous = from;
        return next;
    }

    const std::vector<Item>& items_;
    double width_;
    BreakParameters params_;
    bool allow_overfull_;
    Totals sum_;
    std::vector<std::size_t> spaces_before_;  // word spaces among the items before each index
    std::vector<std::shared_ptr<const Node>> active_;
};

}  // namespace

std::vector<Break> break_lines(const std::vector<Item>& items, double line_width, const BreakParameters& params) {
    if (items.empty()) return {};
    std::shared_ptr<const Node> best;
    BreakParameters p = params;
    // At rising tolerances within the run of hyphens; when none serves, a last pass that takes
    // lines past any tolerance (the least loose first) and past the run only at a high cost.
    for (int pass = 0; pass < 4 && !best; ++pass) {
        best = Breaker(items, line_width, p, false).run();
        if (!params.escalate) break;
        p.tolerance *= 4;
    }
    if (!best && !params.escalate) return {};
    if (!best) best = Breaker(items, line_width, p, true).run();
    std::vector<Break> out;
    for (const Node* n = best.get(); n != nullptr && n->previous; n = n->previous.get()) {
        out.push_back({n->position, n->ratio});
    }
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace briefkit::formats::pdf
