#include "geo/coverage_grid.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace geo {
namespace {

struct Edge {
    double x0, y0, x1, y1; // y0 < y1
};

// Burns the rows [firstRow, lastRow) of `grid` with every feature meeting them.
void burnRows(const CompactPolygons& polygons, double left, double top, double cell, int width,
              int firstRow, int lastRow, std::uint32_t* cells) {
    const double bandTop = top - firstRow * cell, bandBottom = top - lastRow * cell;
    std::vector<Edge> edges;
    std::vector<double> crossings;
    // Features in storage order (neighbours on disk are neighbours in memory), not through the
    // index: every worker reads the boxes sequentially and skips those outside its rows.
    for (std::uint32_t feature = 0; feature < polygons.size(); ++feature) {
        const Extent box = polygons.featureExtent(feature);
        if (box.isNull() || box.maxY < bandBottom || box.minY > bandTop)
            continue;
        edges.clear();
        for (std::uint32_t ring = polygons.ringBegin(feature); ring < polygons.ringEnd(feature);
             ++ring) {
            const std::uint32_t first = polygons.vertexBegin(ring);
            const std::uint32_t last = polygons.vertexBegin(ring + 1);
            for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
                double ax = polygons.x(j), ay = polygons.y(j), bx = polygons.x(i),
                       by = polygons.y(i);
                if (ay == by)
                    continue;
                if (ay > by) {
                    std::swap(ax, bx);
                    std::swap(ay, by);
                }
                edges.push_back({ax, ay, bx, by});
            }
        }
        // Rows whose centre lies in the feature's vertical range, clipped to this band.
        const int rowFrom =
            std::max(firstRow, static_cast<int>(std::ceil((top - box.maxY) / cell - 0.5)));
        const int rowTo =
            std::min(lastRow - 1, static_cast<int>(std::floor((top - box.minY) / cell - 0.5)));
        for (int row = rowFrom; row <= rowTo; ++row) {
            const double yc = top - (row + 0.5) * cell;
            crossings.clear();
            for (const Edge& e : edges)
                if (e.y0 <= yc && yc < e.y1)
                    crossings.push_back(e.x0 + (yc - e.y0) * ((e.x1 - e.x0) / (e.y1 - e.y0)));
            std::sort(crossings.begin(), crossings.end());
            std::uint32_t* line =
                cells + static_cast<std::size_t>(row) * static_cast<std::size_t>(width);
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
                // Centres xc with crossings[k] <= xc < crossings[k + 1].
                const int c0 =
                    std::max(0, static_cast<int>(std::ceil((crossings[k] - left) / cell - 0.5)));
                const int c1 = std::min(
                    width, static_cast<int>(std::ceil((crossings[k + 1] - left) / cell - 0.5)));
                for (int c = c0; c < c1; ++c)
                    line[c] = feature;
            }
        }
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
