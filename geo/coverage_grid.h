// Which polygon covers each cell of a regular grid: a precomputed generalisation of a layer
// with a million small parcels, so that views where a parcel is a few pixels wide are drawn
// from cells (a dominant colour per pixel) instead of as a carpet of tiny polygons.
#pragma once

#include <cstdint>
#include <vector>

#include "geo/compact_polygons.h"
#include "geo/extent.h"

namespace geo {

class CoverageGrid {
public:
    CoverageGrid() = default;

    // Burns every feature of `polygons` into cells of `cellSize` map units over its extent: a
    // cell belongs to the feature whose rings hold its centre (even-odd; on a shared edge the
    // feature to the east and north wins, as for terrain statistics). `threads` workers split
    // the rows (0 = one per hardware thread). Cells no feature covers hold `none`.
    static CoverageGrid build(const CompactPolygons& polygons, double cellSize, int threads = 0);

    static constexpr std::uint32_t none = 0xffffffffU;

    int width() const noexcept { return m_width; }
    int height() const noexcept { return m_height; }
    double cellSize() const noexcept { return m_cellSize; }
    // Left and top edges of the grid: row 0 is the northernmost.
    double left() const noexcept { return m_left; }
    double top() const noexcept { return m_top; }
    bool isEmpty() const noexcept { return m_cells.empty(); }

    std::uint32_t at(int column, int row) const noexcept {
        return m_cells[static_cast<std::size_t>(row) * static_cast<std::size_t>(m_width) +
                       static_cast<std::size_t>(column)];
    }
    const std::vector<std::uint32_t>& cells() const noexcept { return m_cells; }
    std::size_t memoryBytes() const noexcept { return m_cells.capacity() * sizeof(std::uint32_t); }

private:
    int m_width = 0;
    int m_height = 0;
    double m_cellSize = 0.0;
    double m_left = 0.0;
    double m_top = 0.0;
    std::vector<std::uint32_t> m_cells;
};

// A cell size giving about `cellsPerFeature` cells to a typical feature of `polygons` (from
// the median box area), but no more than `maxCells` cells along the longer side.
double chooseCoverageCellSize(const CompactPolygons& polygons, double cellsPerFeature = 9.0,
                              int maxCells = 8192);

} // namespace geo
