// Point-in-polygon tests for features with many vertices (village boundaries): the feature's
// edges are bucketed by horizontal bands, so a test looks only at the edges of one band. The
// answer is featureContains's, bit for bit: the same even-odd rule with the same arithmetic,
// over every edge that can cross the point's row.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/extent.h"
#include "geo/flat_layer.h"

namespace geo {

class FeatureBands {
public:
    FeatureBands() = default;
    // Feature `feature` of `layer` (rings, even-odd); about `edgesPerBand` edges per band.
    FeatureBands(const FlatLayer& layer, std::size_t feature, std::size_t edgesPerBand = 8);

    // featureContains(layer, feature, x, y).
    bool contains(double x, double y) const noexcept;

    // Calls visit(xi, yi, xj, yj) once for each edge whose box meets `box`.
    template <class Visit>
    void edgesNear(const Extent& box, Visit&& visit) const {
        if (m_bands == 0 || box.maxY < m_minY || box.minY > m_maxY)
            return;
        const std::size_t first = bandOf(box.minY), last = bandOf(box.maxY);
        for (std::size_t b = first; b <= last; ++b)
            for (std::uint32_t k = m_bandStart[b]; k < m_bandStart[b + 1]; ++k) {
                const Edge& e = m_edges[k];
                if (std::max(e.xi, e.xj) < box.minX || std::min(e.xi, e.xj) > box.maxX ||
                    std::max(e.yi, e.yj) < box.minY || std::min(e.yi, e.yj) > box.maxY)
                    continue;
                // An edge lies in every band its rows reach: visited from the first of those
                // the box reaches too.
                if (b != std::max(first, bandOf(std::min(e.yi, e.yj))))
                    continue;
                visit(e.xi, e.yi, e.xj, e.yj);
            }
    }

private:
    struct Edge {
        double xi, yi, xj, yj; // vertex i and the vertex before it, as featureContains sees them
    };
    std::size_t bandOf(double y) const noexcept;

    double m_minY = 0.0, m_maxY = 0.0, m_bandHeight = 1.0;
    std::size_t m_bands = 0;
    std::vector<std::uint32_t> m_bandStart; // first edge of each band in m_edges; + end
    std::vector<Edge> m_edges;
};

} // namespace geo
