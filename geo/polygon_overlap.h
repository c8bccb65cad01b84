// How a polygon (a parcel) lies against a polygon of many vertices (a village boundary):
// whether the other's line runs through it, and the area they share, exactly and without
// GEOS. For "which village holds the largest part of this parcel" on the parcels of a county
// that lie along a village line.
#pragma once

#include <cstddef>
#include <vector>

#include "geo/extent.h"
#include "geo/feature_bands.h"
#include "geo/flat_layer.h"

namespace geo {

// One feature's edges (rings, even-odd) with their boxes, made once and asked against several
// villages. One at a time per thread: a second one on the same thread reuses the first's room.
class PolygonEdges {
public:
    PolygonEdges(const FlatLayer& polygons, std::size_t feature);

    bool empty() const noexcept { return m_edges.empty(); }
    const Extent& box() const noexcept { return m_box; }

    // Whether the boundary of `other` passes through the feature's interior (so that it lies
    // partly inside and partly outside): an edge of it crosses one of the feature's properly,
    // or some stretch of it lies strictly inside the feature. Edges drawn along the feature's
    // own, and vertices shared with it, as a tiling has them, do not count. False means the
    // feature lies wholly inside or wholly outside `other` (up to slivers of 1 µm); true may
    // be said of a feature whose share is then measured to be none or all.
    bool crossedBy(const FeatureBands& other) const;

    // The area of the feature inside `other` (even-odd, as FeatureBands::contains decides), in
    // square units of the coordinates. Exact up to rounding, also where edges of the two
    // coincide. How: between consecutive "events" (the heights of the feature's vertices, of
    // the other's vertices near it, and of the points where their edges cross) the width of
    // the shared part changes linearly with height, so its value at the middle of each such
    // slab, times the slab's height, integrates it exactly.
    double sharedArea(const FeatureBands& other) const;

private:
    struct Edge {
        double x0, y0, x1, y1;
        double minX, minY, maxX, maxY;
    };
    bool strictlyInside(double x, double y) const;

    const FlatLayer& m_polygons;
    std::size_t m_feature;
    // Kept per thread, not per feature: a county asks this of a hundred thousand parcels.
    std::vector<Edge>& m_edges;
    Extent m_box;
};

} // namespace geo
