#include "geo/river_distance.h"

#include <algorithm>
#include <cmath>

#include "geo/flat_geometry.h"

namespace geo {
namespace {

// Squared distance from a point to a segment (squares: no square root in the inner loop).
double pointSegment2(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = px - (ax + t * dx), ey = py - (ay + t * dy);
    return ex * ex + ey * ey;
}

double pointSegment(double px, double py, double ax, double ay, double bx, double by) {
    return std::sqrt(pointSegment2(px, py, ax, ay, bx, by));
}

// Squared distance between two boxes (0 when they overlap): a lower bound for anything in them.
double boxGap2(const Extent& a, double x0, double y0, double x1, double y1) {
    const double gx = std::max({0.0, a.minX - std::max(x0, x1), std::min(x0, x1) - a.maxX});
    const double gy = std::max({0.0, a.minY - std::max(y0, y1), std::min(y0, y1) - a.maxY});
    return gx * gx + gy * gy;
}

double cross(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool segmentsCross(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                   double dy) {
    const double d1 = cross(cx, cy, dx, dy, ax, ay), d2 = cross(cx, cy, dx, dy, bx, by);
    const double d3 = cross(ax, ay, bx, by, cx, cy), d4 = cross(ax, ay, bx, by, dx, dy);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
}

// Squared distance from a point to a box (0 inside or on it).
double pointBox2(const Extent& b, double x, double y) {
    const double gx = std::max({0.0, b.minX - x, x - b.maxX});
    const double gy = std::max({0.0, b.minY - y, y - b.maxY});
    return gx * gx + gy * gy;
}

// A lower bound of the squared distance from segment (x0, y0)-(x1, y1) to anything in box `b`:
// exact when the segment's own box is apart from `b` (the nearest points of two disjoint
// convex shapes include an end of the segment or a corner of the box), else 0.
double segmentBoxLowerBound2(const Extent& b, double x0, double y0, double x1, double y1) {
    if (std::max(x0, x1) >= b.minX && std::min(x0, x1) <= b.maxX && std::max(y0, y1) >= b.minY &&
        std::min(y0, y1) <= b.maxY)
        return 0.0;
    return std::min({pointBox2(b, x0, y0), pointBox2(b, x1, y1),
                     pointSegment2(b.minX, b.minY, x0, y0, x1, y1),
                     pointSegment2(b.minX, b.maxY, x0, y0, x1, y1),
                     pointSegment2(b.maxX, b.minY, x0, y0, x1, y1),
                     pointSegment2(b.maxX, b.maxY, x0, y0, x1, y1)});
}

// False only where featureContains must be false: the even-odd ray from a point above, below
// or (by more than rounding) beside the feature's box crosses its rings an even number of times.
bool mayContain(const Extent& b, double x, double y) {
    constexpr double margin = 1e-3; // metres; far above the rounding of the crossing x
    return y >= b.minY && y < b.maxY && x >= b.minX - margin && x <= b.maxX + margin;
}

bool insideRing(const std::vector<double>& ring, double x, double y) {
    bool inside = false;
    const std::size_t n = ring.size() / 2;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[2 * i], yi = ring[2 * i + 1], xj = ring[2 * j], yj = ring[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

// The nearest segment of this thread's last query, as the next query's hint: parcels come
// in storage order, and neighbours share their nearest river. Keyed by the RiverDistance, so
// that two of them never share hints.
struct Hint {
    const void* owner = nullptr;
    long long segment = -1;
};
thread_local Hint lastNearest;

long long hintFor(const void* owner) {
    return lastNearest.owner == owner ? lastNearest.segment : -1;
}

void remember(const void* owner, long long segment) {
    if (segment >= 0)
        lastNearest = {owner, segment};
}

} // namespace

RiverDistance::RiverDistance(const FlatLayer& rivers, double searchRadius)
    : m_radius(searchRadius) {
    std::vector<Extent> boxes;
    for (std::size_t part = 0; part + 1 < rivers.partStart.size(); ++part) {
        const std::uint32_t first = rivers.partStart[part], last = rivers.partStart[part + 1];
        for (std::uint32_t v = first; v + 1 < last; ++v) {
            const Segment s{rivers.xy[2 * v], rivers.xy[2 * v + 1], rivers.xy[2 * v + 2],
                            rivers.xy[2 * v + 3]};
            m_segments.push_back(s);
            Extent box;
            box.include(s.x0, s.y0);
            box.include(s.x1, s.y1);
            boxes.push_back(box);
        }
        if (part < rivers.partIsRing.size() && rivers.partIsRing[part] && last - first >= 3)
            m_areaRings.emplace_back(rivers.xy.begin() + 2 * first, rivers.xy.begin() + 2 * last);
    }
    m_index = SpatialIndex(boxes);
}

double RiverDistance::distance(double x, double y, double* nearest) const {
    for (const auto& ring : m_areaRings)
        if (insideRing(ring, x, y)) {
            if (nearest) {
                nearest[0] = x;
                nearest[1] = y;
            }
            return 0.0;
        }
    const auto [segment, best] = m_index.nearest(
        {x, y, x, y}, m_radius,
        [&](std::uint32_t i) {
            const Segment& s = m_segments[i];
            return pointSegment(x, y, s.x0, s.y0, s.x1, s.y1);
        },
        hintFor(this));
    remember(this, segment);
    if (segment >= 0 && nearest) {
        const Segment& s = m_segments[static_cast<std::size_t>(segment)];
        const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
        const double len2 = dx * dx + dy * dy;
        const double t =
            len2 > 0 ? std::clamp(((x - s.x0) * dx + (y - s.y0) * dy) / len2, 0.0, 1.0) : 0.0;
        nearest[0] = s.x0 + t * dx;
        nearest[1] = s.y0 + t * dy;
    }
    return segment >= 0 ? best : std::numeric_limits<double>::infinity();
}

double RiverDistance::distance(const FlatLayer& polygons, std::size_t feature) const {
    Extent box;
    const std::uint32_t firstPart = polygons.featurePart[feature],
                        endPart = polygons.featurePart[feature + 1];
    if (firstPart == endPart)
        return std::numeric_limits<double>::infinity();
    for (std::uint32_t v = polygons.partStart[firstPart]; v < polygons.partStart[endPart]; ++v)
        box.include(polygons.xy[2 * v], polygons.xy[2 * v + 1]);
    // A polygon inside a river polygon (a river-surface parcel) is at distance 0.
    const double px = polygons.xy[2 * polygons.partStart[firstPart]];
    const double py = polygons.xy[2 * polygons.partStart[firstPart] + 1];
    for (const auto& ring : m_areaRings)
        if (insideRing(ring, px, py))
            return 0.0;
    double best2 = std::numeric_limits<double>::infinity(); // squared
    // The segment's distance to the polygon, measured only over the polygon's edges that could
    // come nearer than `bound2` (squared): an edge whose box is farther from the segment's box
    // than that cannot matter to the search, which keeps only distances below it. Far from a
    // river, dozens of segments are about as near as the nearest and each used to be measured
    // against every edge; most edges now fall to the box test.
    auto visit = [&](std::uint32_t i, double bound2) {
        const Segment& s = m_segments[i];
        if (boxGap2(box, s.x0, s.y0, s.x1, s.y1) >= best2)
            return true; // cannot beat the nearest found so far
        if (mayContain(box, s.x0, s.y0) && featureContains(polygons, feature, s.x0, s.y0)) {
            best2 = 0.0;
            return false;
        }
        const double sMinX = std::min(s.x0, s.x1), sMaxX = std::max(s.x0, s.x1);
        const double sMinY = std::min(s.y0, s.y1), sMaxY = std::max(s.y0, s.y1);
        for (std::uint32_t part = firstPart; part < endPart; ++part) {
            const std::uint32_t first = polygons.partStart[part],
                                last = polygons.partStart[part + 1];
            for (std::uint32_t a = first, b = last - 1; a < last; b = a++) {
                const double ax = polygons.xy[2 * a], ay = polygons.xy[2 * a + 1];
                const double bx = polygons.xy[2 * b], by = polygons.xy[2 * b + 1];
                const double gx =
                    std::max({0.0, std::min(ax, bx) - sMaxX, sMinX - std::max(ax, bx)});
                const double gy =
                    std::max({0.0, std::min(ay, by) - sMaxY, sMinY - std::max(ay, by)});
                if (gx * gx + gy * gy > bound2)
                    continue; // cannot cross it, nor come within the bound
                if (segmentsCross(ax, ay, bx, by, s.x0, s.y0, s.x1, s.y1)) {
                    best2 = 0.0;
                    return false;
                }
                best2 = std::min({best2, pointSegment2(ax, ay, s.x0, s.y0, s.x1, s.y1),
                                  pointSegment2(s.x0, s.y0, ax, ay, bx, by),
                                  pointSegment2(s.x1, s.y1, ax, ay, bx, by)});
            }
        }
        return true;
    };
    // Best-first over the index, ordered by box distance; `visit` computes the exact
    // distance of one segment (0 when it touches or crosses the polygon).
    bool touching = false;
    // The search keeps only distances below the least returned so far (or the radius); a
    // segment whose lower bound is clearly above that is answered "infinitely far" without
    // measuring it against every edge: the search would have dropped its distance anyway.
    double kept = m_radius;
    const auto [segment, found] = m_index.nearest(
        box, m_radius,
        [&](std::uint32_t i) {
            if (touching)
                return 0.0;
            const Segment& s = m_segments[i];
            if (segmentBoxLowerBound2(box, s.x0, s.y0, s.x1, s.y1) > kept * kept * (1.0 + 1e-9))
                return std::numeric_limits<double>::infinity();
            best2 = std::numeric_limits<double>::infinity();
            if (!visit(i, kept * kept * (1.0 + 1e-9))) {
                touching = true;
                return 0.0;
            }
            kept = std::min(kept, std::sqrt(best2));
            return std::sqrt(best2);
        },
        hintFor(this));
    remember(this, segment);
    best2 = segment >= 0 ? found * found : std::numeric_limits<double>::infinity();
    const double best = std::sqrt(best2);
    return best <= m_radius ? best : std::numeric_limits<double>::infinity();
}

} // namespace geo
