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
        if (col >= m_columns || row >= m_rows)
            return std::nullopt;
        const std::int32_t v = m_answer[row * m_columns + col];
        return v == nearEdge ? std::nullopt : std::optional<int>(v);
    }

    // The answer for every point of `box` when all the cells it reaches are clear of every edge
    // and have one answer (the box then lies wholly inside the same polygons); else nullopt.
    std::optional<int> knownBox(const Extent& box) const noexcept;

private:
    static constexpr std::int32_t nearEdge = INT32_MIN;
    Extent m_area;
    double m_cell = 1.0;
    std::size_t m_columns = 0, m_rows = 0;
    std::vector<std::int32_t> m_answer; // per cell, row-major from the south-west
};

} // namespace geo
