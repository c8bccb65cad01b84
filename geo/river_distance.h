// Distance from polygons to the nearest river line or river polygon, found through a
// spatial index of river segments: exact within a search radius, "farther" beyond it.
#pragma once

#include <array>
#include <functional>
#include <limits>
#include <span>
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

    // The feature's distance, as distance(polygons, feature), and, into `nearest`, the river
    // point nearest to the feature (NaN when none is within the radius): where a river crosses
    // or touches it, the point where the river first meets it; where the feature lies in a
    // river polygon, a point inside the feature. Among river segments at exactly the same
    // distance, the first in the river layer gives the point, as in distances().
    double distanceAndNearest(const FlatLayer& polygons, std::size_t feature,
                              double* nearest) const;

    // distanceAndNearest for many features at once, into distances[feature] and, when
    // `nearest` is not empty, nearest[feature]. `features` should come in a spatial order (e.g.
    // along a space-filling curve): neighbours are searched together, from one gathering of
    // the river pieces near them. Among river segments at exactly the same distance, the
    // first in the river layer gives the nearest point, whatever the order of `features`.
    // Safe to call from several threads for different features.
    void distances(const FlatLayer& polygons, std::span<const std::uint32_t> features,
                   std::span<double> distances,
                   std::span<std::array<double, 2>> nearest = {}) const;

    double searchRadius() const noexcept { return m_radius; }
    bool empty() const noexcept { return m_segments.empty(); }

private:
    struct Segment {
        double x0, y0, x1, y1;
    };
    class PolygonProbe; // one feature's distance to segment after segment
    // distances() for features in the order given, read in place.
    void searchInOrder(const FlatLayer& polygons, std::span<const std::uint32_t> features,
                       std::span<double> distances, std::span<std::array<double, 2>> nearest) const;
    bool insideRiverArea(double x, double y) const;
    // The point of segment `i` nearest to (x, y).
    void nearestOn(long long i, double x, double y, double* nearest) const;
    // The point of segment `i` nearest to one feature of `polygons`, which the search found
    // at `distance` from it.
    void nearestOn(long long i, const FlatLayer& polygons, std::size_t feature, double distance,
                   double* nearest) const;
    // The nearest segment of each feature of `group` (neighbours within a few hundred metres,
    // each with a shape and none on the water), found together: `found(probe, distance,
    // segment)` for each, segment -1 when none is within the radius.
    using Found =
        std::function<void(const PolygonProbe& probe, double distance, long long segment)>;
    void nearestOfGroup(std::span<PolygonProbe* const> group, const Found& found) const;
    std::vector<Segment> m_segments;
    std::vector<Extent> m_segmentBoxes;
    // Runs of up to 16 consecutive segments of one river line (a few dozen metres of river),
    // the unit in which neighbouring features gather what is near them.
    struct Run {
        Extent box;
        std::uint32_t first, end; // segments [first, end)
    };
    std::vector<Run> m_runs;
    SpatialIndex m_runIndex;
    std::vector<std::vector<double>> m_areaRings; // river polygons (x, y pairs), for containment
    SpatialIndex m_index;
    double m_radius;
};

} // namespace geo
