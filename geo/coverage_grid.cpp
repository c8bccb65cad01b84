#include "geo/coverage_grid.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "geo/scanline_fill.h"

namespace geo {
namespace {

// Burns the rows [firstRow, lastRow) of `grid` with every feature meeting them.
void burnRows(const CompactPolygons& polygons, double left, double top, double cell, int width,
              int firstRow, int lastRow, std::uint32_t* cells) {
    const double bandTop = top - firstRow * cell, bandBottom = top - lastRow * cell;
    const PixelBand band{cells, width, width, firstRow, lastRow};
    // Stored integer coordinates to cell units, row 0 at the top.
    const double scale = polygons.resolution() / cell;
    const double offsetX = (polygons.originX() - left) / cell;
    const double offsetY = (top - polygons.originY()) / cell;
    std::vector<PixelEdge> edges;
    std::vector<double> crossings;
    // Features in storage order (neighbours on disk are neighbours in memory), not through the
    // index: every worker reads the boxes sequentially and skips those outside its rows.
    for (std::uint32_t feature = 0; feature < polygons.size(); ++feature) {
        const Extent box = polygons.featureExtent(feature);
        if (box.isNull() || box.maxY < bandBottom || box.minY > bandTop)
            continue;
        gridEdges(polygons, feature, scale, offsetX, offsetY, edges);
        fillEvenOdd(band, edges, (top - box.maxY) / cell, (top - box.minY) / cell, feature,
                    crossings);
    }
}

} // namespace

CoverageGrid CoverageGrid::build(const CompactPolygons& polygons, double cellSize, int threads) {
    CoverageGrid grid;
    const Extent& extent = polygons.extent();
    if (extent.isNull() || !(cellSize > 0.0))
        return grid;
    grid.m_cellSize = cellSize;
    grid.m_left = extent.minX;
    grid.m_top = extent.maxY;
    grid.m_width = std::max(1, static_cast<int>(std::ceil(extent.width() / cellSize)));
    grid.m_height = std::max(1, static_cast<int>(std::ceil(extent.height() / cellSize)));
    grid.m_cells.assign(
        static_cast<std::size_t>(grid.m_width) * static_cast<std::size_t>(grid.m_height), none);

    if (threads <= 0)
        threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    threads = std::min(threads, grid.m_height);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        const int first = grid.m_height * t / threads;
        const int last = grid.m_height * (t + 1) / threads;
        workers.emplace_back([&, first, last] {
            burnRows(polygons, grid.m_left, grid.m_top, cellSize, grid.m_width, first, last,
                     grid.m_cells.data());
        });
    }
    for (std::thread& worker : workers)
        worker.join();
    return grid;
}

double chooseCoverageCellSize(const CompactPolygons& polygons, double cellsPerFeature,
                              int maxCells) {
    const Extent& extent = polygons.extent();
    if (extent.isNull() || polygons.size() == 0)
        return 0.0;
    // The median of a sample of box areas: robust to a few huge or degenerate features.
    std::vector<double> areas;
    const std::size_t step = std::max<std::size_t>(1, polygons.size() / 4096);
    for (std::size_t i = 0; i < polygons.size(); i += step) {
        const Extent box = polygons.featureExtent(i);
        if (!box.isNull() && box.width() * box.height() > 0.0)
            areas.push_back(box.width() * box.height());
    }
    if (areas.empty())
        return 0.0;
    std::nth_element(areas.begin(), areas.begin() + static_cast<std::ptrdiff_t>(areas.size() / 2),
                     areas.end());
    const double median = areas[areas.size() / 2];
    const double bySize = std::sqrt(median / cellsPerFeature);
    const double byLimit = std::max(extent.width(), extent.height()) / maxCells;
    return std::max(bySize, byLimit);
}

} // namespace geo
