#include "geo/location_grid.h"

#include <algorithm>
#include <cmath>

namespace geo {

LocationGrid::LocationGrid(const FlatLayer& polygons,
                           const std::function<int(double, double)>& locate, std::size_t cells) {
    for (std::size_t v = 0; v < polygons.xy.size() / 2; ++v)
        m_area.include(polygons.xy[2 * v], polygons.xy[2 * v + 1]);
    if (m_area.isNull() || cells == 0)
        return;
    const double width = m_area.width(), height = m_area.height();
    m_cell = std::sqrt(std::max(width * height, 1.0) / static_cast<double>(cells));
    if (!(m_cell > 0) || !std::isfinite(m_cell))
        return;
    m_columns = static_cast<std::size_t>(width / m_cell) + 1;
    m_rows = static_cast<std::size_t>(height / m_cell) + 1;
    m_area.maxX = m_area.minX + static_cast<double>(m_columns) * m_cell;
    m_area.maxY = m_area.minY + static_cast<double>(m_rows) * m_cell;
    m_answer.assign(m_columns * m_rows, 0);

    // Every cell an edge's box (grown by a centimetre, far above the rounding of the ray test)
    // touches is near an edge.
    constexpr double margin = 0.01;
    auto column = [&](double x) {
        return static_cast<std::size_t>(
            std::clamp(std::floor((x - m_area.minX) / m_cell), 0.0, double(m_columns - 1)));
    };
    auto row = [&](double y) {
        return static_cast<std::size_t>(
            std::clamp(std::floor((y - m_area.minY) / m_cell), 0.0, double(m_rows - 1)));
    };
    for (std::size_t part = 0; part + 1 < polygons.partStart.size(); ++part) {
        const std::uint32_t first = polygons.partStart[part], last = polygons.partStart[part + 1];
        for (std::uint32_t a = first, b = last - 1; a < last; b = a++) {
            const double ax = polygons.xy[2 * a], ay = polygons.xy[2 * a + 1];
            const double bx = polygons.xy[2 * b], by = polygons.xy[2 * b + 1];
            const std::size_t c0 = column(std::min(ax, bx) - margin),
                              c1 = column(std::max(ax, bx) + margin);
            const std::size_t r0 = row(std::min(ay, by) - margin),
                              r1 = row(std::max(ay, by) + margin);
            for (std::size_t r = r0; r <= r1; ++r)
                std::fill(m_answer.begin() + std::ptrdiff_t(r * m_columns + c0),
                          m_answer.begin() + std::ptrdiff_t(r * m_columns + c1 + 1), nearEdge);
        }
    }
    // Clear cells between two near-edge cells of a row lie in the same polygons: no edge
    // separates them (it would have marked a cell between). One exact answer per run.
    for (std::size_t r = 0; r < m_rows; ++r) {
        std::int32_t* line = m_answer.data() + r * m_columns;
        for (std::size_t c = 0; c < m_columns;) {
            if (line[c] == nearEdge) {
                ++c;
                continue;
            }
            const double x = m_area.minX + (static_cast<double>(c) + 0.5) * m_cell;
            const double y = m_area.minY + (static_cast<double>(r) + 0.5) * m_cell;
            const auto answer = static_cast<std::int32_t>(locate(x, y));
            for (; c < m_columns && line[c] != nearEdge; ++c)
                line[c] = answer;
        }
    }
}

std::optional<int> LocationGrid::knownBox(const Extent& box) const noexcept {
    if (!(box.minX >= m_area.minX && box.maxX < m_area.maxX && box.minY >= m_area.minY &&
          box.maxY < m_area.maxY))
        return std::nullopt;
    const auto c0 = static_cast<std::size_t>((box.minX - m_area.minX) / m_cell);
    const auto c1 = static_cast<std::size_t>((box.maxX - m_area.minX) / m_cell);
    const auto r0 = static_cast<std::size_t>((box.minY - m_area.minY) / m_cell);
    const auto r1 = static_cast<std::size_t>((box.maxY - m_area.minY) / m_cell);
    if (c1 >= m_columns || r1 >= m_rows)
        return std::nullopt;
    const std::int32_t answer = m_answer[r0 * m_columns + c0];
    if (answer == nearEdge)
        return std::nullopt;
    for (std::size_t r = r0; r <= r1; ++r)
        for (std::size_t c = c0; c <= c1; ++c)
            if (m_answer[r * m_columns + c] != answer)
                return std::nullopt; // near an edge, or another answer
    return answer;
}

} // namespace geo
