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

// The distance of one feature to segment after segment, for a nearest search: exact for a
// segment that can come nearer than the least distance returned so far, +infinity for one
// that clearly cannot (the search would drop its distance anyway), 0 for one that touches.
class RiverDistance::PolygonProbe {
public:
    PolygonProbe(const RiverDistance& rivers, const FlatLayer& polygons, std::size_t feature)
        : m_rivers(rivers)
        , m_polygons(polygons)
        , m_feature(feature)
        , m_firstPart(polygons.featurePart[feature])
        , m_endPart(polygons.featurePart[feature + 1])
        , m_kept(rivers.m_radius) {
        for (std::uint32_t v = polygons.partStart[m_firstPart]; v < polygons.partStart[m_endPart];
             ++v)
            m_box.include(polygons.xy[2 * v], polygons.xy[2 * v + 1]);
    }

    bool empty() const noexcept { return m_firstPart == m_endPart; }
    const Extent& box() const noexcept { return m_box; }
    // A polygon inside a river polygon (a river-surface parcel) is at distance 0.
    bool insideRiverArea() const {
        const std::uint32_t v = m_polygons.partStart[m_firstPart];
        return m_rivers.insideRiverArea(m_polygons.xy[2 * v], m_polygons.xy[2 * v + 1]);
    }

    double operator()(std::uint32_t i) {
        if (m_touching)
            return 0.0;
        const Segment& s = m_rivers.m_segments[i];
        const double bound2 = m_kept * m_kept * (1.0 + 1e-9);
        if (segmentBoxLowerBound2(m_box, s.x0, s.y0, s.x1, s.y1) > bound2)
            return std::numeric_limits<double>::infinity();
        if (mayContain(m_box, s.x0, s.y0) && featureContains(m_polygons, m_feature, s.x0, s.y0)) {
            m_touching = true;
            return 0.0;
        }
        // Only the edges that could come nearer than the bound are measured: an edge whose box
        // is farther from the segment's box than that cannot matter. Far from a river, dozens
        // of segments are about as near as the nearest; most edges fall to the box test.
        const double sMinX = std::min(s.x0, s.x1), sMaxX = std::max(s.x0, s.x1);
        const double sMinY = std::min(s.y0, s.y1), sMaxY = std::max(s.y0, s.y1);
        const std::vector<double>& xy = m_polygons.xy;
        double best2 = std::numeric_limits<double>::infinity(); // squared
        for (std::uint32_t part = m_firstPart; part < m_endPart; ++part) {
            const std::uint32_t first = m_polygons.partStart[part],
                                last = m_polygons.partStart[part + 1];
            for (std::uint32_t a = first, b = last - 1; a < last; b = a++) {
                const double ax = xy[2 * a], ay = xy[2 * a + 1];
                const double bx = xy[2 * b], by = xy[2 * b + 1];
                const double gx =
                    std::max({0.0, std::min(ax, bx) - sMaxX, sMinX - std::max(ax, bx)});
                const double gy =
                    std::max({0.0, std::min(ay, by) - sMaxY, sMinY - std::max(ay, by)});
                if (gx * gx + gy * gy > bound2)
                    continue; // cannot cross it, nor come within the bound
                if (segmentsCross(ax, ay, bx, by, s.x0, s.y0, s.x1, s.y1)) {
                    m_touching = true;
                    return 0.0;
                }
                best2 = std::min({best2, pointSegment2(ax, ay, s.x0, s.y0, s.x1, s.y1),
                                  pointSegment2(s.x0, s.y0, ax, ay, bx, by),
                                  pointSegment2(s.x1, s.y1, ax, ay, bx, by)});
            }
        }
        const double d = std::sqrt(best2);
        m_kept = std::min(m_kept, d);
        return d;
    }

    // The distance for the search's answer: +infinity beyond the radius.
    double result(long long segment, double found) const {
        const double best2 = segment >= 0 ? found * found : std::numeric_limits<double>::infinity();
        const double best = std::sqrt(best2);
        return best <= m_rivers.m_radius ? best : std::numeric_limits<double>::infinity();
    }

private:
    const RiverDistance& m_rivers;
    const FlatLayer& m_polygons;
    std::size_t m_feature;
    std::uint32_t m_firstPart, m_endPart;
    Extent m_box;
    double m_kept;
    bool m_touching = false;
};

bool RiverDistance::insideRiverArea(double x, double y) const {
    for (const auto& ring : m_areaRings)
        if (insideRing(ring, x, y))
            return true;
    return false;
}

void RiverDistance::nearestOn(long long i, double x, double y, double* nearest) const {
    const Segment& s = m_segments[static_cast<std::size_t>(i)];
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((x - s.x0) * dx + (y - s.y0) * dy) / len2, 0.0, 1.0) : 0.0;
    nearest[0] = s.x0 + t * dx;
    nearest[1] = s.y0 + t * dy;
}

double RiverDistance::distance(double x, double y, double* nearest) const {
    if (insideRiverArea(x, y)) {
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
    if (segment >= 0 && nearest)
        nearestOn(segment, x, y, nearest);
    return segment >= 0 ? best : std::numeric_limits<double>::infinity();
}

double RiverDistance::distance(const FlatLayer& polygons, std::size_t feature) const {
    PolygonProbe probe(*this, polygons, feature);
    if (probe.empty())
        return std::numeric_limits<double>::infinity();
    if (probe.insideRiverArea())
        return 0.0;
    const auto [segment, found] = m_index.nearest(probe.box(), m_radius, probe, hintFor(this));
    remember(this, segment);
    return probe.result(segment, found);
}

double RiverDistance::distanceAndNearest(const FlatLayer& polygons, std::size_t feature, double x,
                                         double y, double* nearest) const {
    nearest[0] = nearest[1] = std::numeric_limits<double>::quiet_NaN();
    PolygonProbe probe(*this, polygons, feature);
    if (probe.empty() || probe.insideRiverArea() || insideRiverArea(x, y)) {
        // Rare (no shape, or in a river polygon): the two searches on their own.
        const double d = distance(polygons, feature);
        if (!std::isfinite(distance(x, y, nearest)))
            nearest[0] = nearest[1] = std::numeric_limits<double>::quiet_NaN();
        return d;
    }
    const auto [polygon, point] = m_index.nearestBoth(
        probe.box(), probe, Extent{x, y, x, y},
        [&](std::uint32_t i) {
            const Segment& s = m_segments[i];
            return pointSegment(x, y, s.x0, s.y0, s.x1, s.y1);
        },
        m_radius, hintFor(this));
    remember(this, polygon.first >= 0 ? polygon.first : point.first);
    if (point.first >= 0)
        nearestOn(point.first, x, y, nearest);
    return probe.result(polygon.first, polygon.second);
}

} // namespace geo
