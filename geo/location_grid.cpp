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
    // Near-edge cells first, then the clear ones' runs.
    std::vector<std::uint8_t> nearEdge(m_columns * m_rows, 0);

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
                std::fill(nearEdge.begin() + std::ptrdiff_t(r * m_columns + c0),
                          nearEdge.begin() + std::ptrdiff_t(r * m_columns + c1 + 1), 1);
        }
    }
    // Clear cells between two near-edge cells of a row lie in the same polygons: no edge
    // separates them (it would have marked a cell between). One exact answer per run.
    m_wordsPerRow = (m_columns + 63) / 64;
    m_clear.assign(m_rows * m_wordsPerRow, 0);
    m_rowRuns.push_back(0);
    for (std::size_t r = 0; r < m_rows; ++r) {
        const std::uint8_t* line = nearEdge.data() + r * m_columns;
        for (std::size_t c = 0; c < m_columns;) {
            if (line[c]) {
                ++c;
                continue;
            }
            const double x = m_area.minX + (static_cast<double>(c) + 0.5) * m_cell;
            const double y = m_area.minY + (static_cast<double>(r) + 0.5) * m_cell;
            m_runStart.push_back(static_cast<std::uint32_t>(c));
            m_runAnswer.push_back(static_cast<std::int32_t>(locate(x, y)));
            for (; c < m_columns && !line[c]; ++c)
                m_clear[r * m_wordsPerRow + c / 64] |= std::uint64_t{1} << (c % 64);
        }
        m_rowRuns.push_back(static_cast<std::uint32_t>(m_runStart.size()));
    }
    m_wordRun.assign(m_rows * m_wordsPerRow, 0);
    for (std::size_t r = 0; r < m_rows; ++r) {
        std::uint32_t k = m_rowRuns[r];
        for (std::size_t w = 0; w < m_wordsPerRow; ++w) {
            // The last run starting at or before the word's first cell (that run may end before
            // it; answerOf steps on from there).
            while (k + 1 < m_rowRuns[r + 1] && m_runStart[k + 1] <= w * 64)
                ++k;
            m_wordRun[r * m_wordsPerRow + w] = k;
        }
    }
}

int LocationGrid::answerOf(std::size_t row, std::size_t col) const noexcept {
    // The last run of the row starting at or before the cell: the cell is clear, so that run
    // reaches it. From the word's run on: a word of 64 cells holds few runs.
    std::uint32_t k = m_wordRun[row * m_wordsPerRow + col / 64];
    const std::uint32_t end = m_rowRuns[row + 1];
    while (k + 1 < end && m_runStart[k + 1] <= col)
        ++k;
    return m_runAnswer[k];
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
    // Clear cells next to one another have one answer: no edge separates their centres, as it
    // would pass through one of them. So a block of clear cells has the answer of any of them.
    for (std::size_t r = r0; r <= r1; ++r) {
        const std::uint64_t* words = m_clear.data() + r * m_wordsPerRow;
        for (std::size_t w = c0 / 64; w <= c1 / 64; ++w) {
            const std::size_t from = w == c0 / 64 ? c0 % 64 : 0, to = w == c1 / 64 ? c1 % 64 : 63;
            const std::uint64_t wanted =
                (to == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (to + 1)) - 1) &
                ~((std::uint64_t{1} << from) - 1);
            if ((words[w] & wanted) != wanted)
                return std::nullopt; // near an edge
        }
    }
    return answerOf(r0, c0);
}

} // namespace geo
