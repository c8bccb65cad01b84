#include "geo/overlap_screen.h"

#include <thread>

#include "geo/flat_geometry.h"
#include "geo/spatial_index.h"

namespace geo {

std::vector<std::pair<std::size_t, std::size_t>>
screenOverlaps(const FlatLayer& shapes, const std::vector<Extent>& boxes, unsigned threads) {
    threads = std::max(1U, threads);
    const SpatialIndex index(boxes);
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> found(threads);
    auto screen = [&](unsigned w) {
        for (std::size_t i = w; i < boxes.size(); i += threads)
            index.query(boxes[i], [&](std::uint32_t j) {
                if (j > i && interiorsMayOverlap(shapes, i, shapes, j))
                    found[w].emplace_back(i, j);
                return true;
            });
    };
    std::vector<std::thread> workers;
    for (unsigned w = 1; w < threads; ++w)
        workers.emplace_back(screen, w); // read-only data and no exceptions: safe to share
    screen(0);
    for (std::thread& t : workers)
        t.join();
    std::vector<std::pair<std::size_t, std::size_t>> all;
    for (auto& list : found)
        all.insert(all.end(), list.begin(), list.end());
    return all;
}

} // namespace geo
