// What digest.cpp and digest_blocks.cpp share: the flows of a brief's blocks and its plan.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "formats/pdf/digest.hpp"

namespace briefkit::formats::pdf {

inline constexpr double kNumberColumn = 22;  // the page numbers' column of the contents and the top stories
inline constexpr double kLeaderRoom = 18;    // the least room left for a contents row's dot leaders

/// Blocks flowed in columns, and what the contents and bookmarks point at in them.
struct DigestComposer::Flow {
    /// A section head (level 0) or a story (level 1): its title and its first block.
    struct Mark {
        std::string title;
        std::size_t block = 0;
        int level = 0;
    };
    std::vector<FlowBlock> blocks;
    std::vector<Mark> marks;
};

/// A brief laid out: the front page's flow (top stories, contents), the stories' flow, each
/// paginated in columns, and what links where.
struct DigestComposer::Plan {
    Flow front;                                  ///< Top stories and contents.
    std::vector<std::size_t> front_targets;      ///< For each front block, the story block it names (npos: none).
    std::vector<bool> leaders;                   ///< For each front block, whether dot leaders run to its number.
    std::vector<std::vector<Slice>> front_columns;
    Flow body;                                   ///< The stories, "In brief" and the appendix.
    std::vector<std::vector<Slice>> body_columns;
    std::vector<std::size_t> column_of_block;    ///< For each body block, the column of its first slice.
    std::vector<double> top_of_block;            ///< And that slice's top.
    std::vector<std::vector<std::size_t>> story_blocks;  ///< For each section, each story's headline block.
    std::vector<std::pair<TextLine, double>> masthead;  ///< The front page's masthead lines and their baselines.
    double masthead_bottom = 0;                  ///< Where the front page's columns start.
    std::size_t front_pages = 0;                 ///< Pages of the front flow.
    std::size_t total = 0;                       ///< Pages in all.
    std::string label;                           ///< The brief's handling label.
    std::string summary;                         ///< The summary line.
};

}  // namespace briefkit::formats::pdf
