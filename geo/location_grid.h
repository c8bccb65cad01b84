// "Which polygon is this point in?" answered from a grid for most points: a cell that no edge
// of any polygon comes near lies wholly inside the same polygons, so one exact answer, found
// for a run of such cells, serves every point in them. Points in the other cells (those an
// edge passes through or near) are left to the caller's exact test.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "geo/extent.h"
#include "geo/flat_layer.h"

namespace geo {

class LocationGrid {
public:
    LocationGrid() = default;
    // `locate(x, y)` is the exact answer for a point (e.g. the first polygon that contains it,
    // or -1); it must depend only on which polygons contain the point. The grid has about
    // `cells` cells over the polygons' extent.
    LocationGrid(const FlatLayer& polygons, const std::function<int(double, double)>& locate,
                 std::size_t cells = 2'000'000);

    // locate(x, y) when the point's cell is clear of every edge; nullopt when it is not (or
    // lies off the grid, where the caller's test must answer too).
    std::optional<int> known(double x, double y) const noexcept {
        if (!(x >= m_area.minX && x < m_area.maxX && y >= m_area.minY && y < m_area.maxY))
            return std::nullopt;
        const auto col = static_cast<std::size_t>((x - m_area.minX) / m_cell);
        const auto row = static_cast<std::size_t>((y - m_area.minY) / m_cell);
        if (col >= m_columns || row >= m_rows || !clear(row, col))
            return std::nullopt;
        return answerOf(row, col);
    }

    // The answer for every point of `box` when all the cells it reaches are clear of every edge
    // (the box then lies wholly inside the same polygons); else nullopt.
    std::optional<int> knownBox(const Extent& box) const noexcept;

private:
    bool clear(std::size_t row, std::size_t col) const noexcept {
        return (m_clear[row * m_wordsPerRow + col / 64] >> (col % 64)) & 1U;
    }
    // The answer of clear cell (row, col): that of the run of clear cells holding it.
    int answerOf(std::size_t row, std::size_t col) const noexcept;

    Extent m_area;
    double m_cell = 1.0;
    std::size_t m_columns = 0, m_rows = 0;
    // Cells clear of every edge, a bit each, `m_wordsPerRow` words a row from the south-west.
    // A parcel's box spans two or three rows of cells, and all the bits fit in the processor's
    // cache, where an answer per cell (8 MB at two million cells) took a miss per row.
    std::size_t m_wordsPerRow = 0;
    std::vector<std::uint64_t> m_clear;
    // Each row's runs of clear cells, west to east: where each starts, and its one answer. Row
    // r's runs are [m_rowRuns[r], m_rowRuns[r + 1]).
    std::vector<std::uint32_t> m_rowRuns, m_runStart;
    std::vector<std::int32_t> m_runAnswer;
    // Per word of m_clear, the last run of its row starting at or before the word's first cell
    // (else the row's first run): a cell's run is found from there in a step or two, where a
    // search of the row's runs mispredicted its way through a dozen.
    std::vector<std::uint32_t> m_wordRun;
};

} // namespace geo
