// Distance from polygons to the nearest river line or river polygon, found through a
// spatial index of river segments: exact within a search radius, "farther" beyond it.
#pragma once

#include <limits>
#include <vector>

#include "geo/flat_layer.h"
#include "geo/spatial_index.h"

namespace geo {

class RiverDistance {
public:
    // `rivers`: lines and/or polygons in the same CRS as the queries, in metres.
    explicit RiverDistance(const FlatLayer& rivers, double searchRadius = 2000.0);

    // Distance from one feature of `polygons` (rings, even-odd) to the nearest river: 0 when
    // a river touches or crosses it; +infinity beyond the search radius.
    double distance(const FlatLayer& polygons, std::size_t feature) const;

    // Distance from a point; +infinity beyond the search radius. When `nearest` is given it
    // receives the nearest river point (x, y).
    double distance(double x, double y, double* nearest = nullptr) const;

    // Both for one parcel in one walk of the index: the feature's distance, as
    // distance(polygons, feature), and, into `nearest`, the river point nearest to (x, y), a
    // point inside it, as distance(x, y, nearest) finds it (NaN when none within the radius).
    double distanceAndNearest(const FlatLayer& polygons, std::size_t feature, double x, double y,
                              double* nearest) const;

    double searchRadius() const noexcept { return m_radius; }
    bool empty() const noexcept { return m_segments.empty(); }

private:
    struct Segment {
        double x0, y0, x1, y1;
    };
    class PolygonProbe; // one feature's distance to segment after segment
    bool insideRiverArea(double x, double y) const;
    // The point of segment `i` nearest to (x, y).
    void nearestOn(long long i, double x, double y, double* nearest) const;
    std::vector<Segment> m_segments;
    std::vector<std::vector<double>> m_areaRings; // river polygons (x, y pairs), for containment
    SpatialIndex m_index;
    double m_radius;
};

} // namespace geo
