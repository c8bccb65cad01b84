#include "geo/polygon_overlap.h"

#include <algorithm>
#include <cmath>

#include "geo/flat_geometry.h"

namespace geo {
namespace {

struct Segment {
    double x0, y0, x1, y1;
};

// Where the rows at height y cross the segment, for one that crosses them ((y0 > y) != (y1 >
// y)): FeatureBands::contains's arithmetic, so both sides agree on each crossing.
double crossingX(double x0, double y0, double x1, double y1, double y) {
    return (x1 - x0) * (y - y0) / (y1 - y0) + x0;
}

// The height at which segments a and b meet, when they do (crossing, touching or overlapping:
// the ends of an overlap are vertices, already events).
bool meetingHeight(const Segment& a, const Segment& b, double& y) {
    const double rx = a.x1 - a.x0, ry = a.y1 - a.y0, sx = b.x1 - b.x0, sy = b.y1 - b.y0;
    const double denominator = rx * sy - ry * sx;
    if (denominator == 0.0)
        return false; // parallel: any shared stretch ends at vertices
    const double qx = b.x0 - a.x0, qy = b.y0 - a.y0;
    const double t = (qx * sy - qy * sx) / denominator, u = (qx * ry - qy * rx) / denominator;
    if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0)
        return false;
    y = a.y0 + t * ry;
    return true;
}

double orientation(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool opposite(double a, double b) {
    return (a > 0 && b < 0) || (a < 0 && b > 0);
}

// The squared distance from (px, py) to the segment from (x0, y0) to (x1, y1).
double distance2(double x0, double y0, double x1, double y1, double px, double py) {
    const double dx = x1 - x0, dy = y1 - y0;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((px - x0) * dx + (py - y0) * dy) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = x0 + t * dx - px, ey = y0 + t * dy - py;
    return ex * ex + ey * ey;
}

} // namespace

PolygonEdges::PolygonEdges(const FlatLayer& polygons, std::size_t feature)
    : m_polygons(polygons)
    , m_feature(feature)
    , m_edges([]() -> std::vector<Edge>& {
        thread_local std::vector<Edge> edges;
        edges.clear();
        return edges;
    }()) {
    for (std::uint32_t part = polygons.featurePart[feature];
         part < polygons.featurePart[feature + 1]; ++part) {
        const std::uint32_t first = polygons.partStart[part], last = polygons.partStart[part + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
            const double x0 = polygons.xy[2 * i], y0 = polygons.xy[2 * i + 1];
            const double x1 = polygons.xy[2 * j], y1 = polygons.xy[2 * j + 1];
            m_edges.push_back({x0, y0, x1, y1, std::min(x0, x1), std::min(y0, y1), std::max(x0, x1),
                               std::max(y0, y1)});
            m_box.include(x0, y0);
        }
    }
}

// Inside, and farther than a micrometre from every edge: a stretch of a village line along one
// of the feature's edges is on its boundary.
bool PolygonEdges::strictlyInside(double x, double y) const {
    constexpr double onEdge = 1e-6, onEdge2 = onEdge * onEdge;
    if (!(x > m_box.minX && x < m_box.maxX && y > m_box.minY && y < m_box.maxY))
        return false;
    for (const Edge& e : m_edges)
        if (x >= e.minX - onEdge && x <= e.maxX + onEdge && y >= e.minY - onEdge &&
            y <= e.maxY + onEdge && distance2(e.x0, e.y0, e.x1, e.y1, x, y) <= onEdge2)
            return false;
    return featureContains(m_polygons, m_feature, x, y);
}

bool PolygonEdges::crossedBy(const FeatureBands& other) const {
    if (m_edges.empty())
        return false;
    bool crossed = false;
    thread_local std::vector<double> along;
    other.edgesNear(m_box, [&](double ax, double ay, double bx, double by) {
        if (crossed)
            return;
        // One of the feature's own edges (a tiling draws the village line along the parcels'
        // edges, as most lines near a parcel are): on its boundary, neither crossing it nor
        // inside it.
        for (const Edge& e : m_edges)
            if ((e.x0 == ax && e.y0 == ay && e.x1 == bx && e.y1 == by) ||
                (e.x0 == bx && e.y0 == by && e.x1 == ax && e.y1 == ay))
                return;
        const double minX = std::min(ax, bx), maxX = std::max(ax, bx);
        const double minY = std::min(ay, by), maxY = std::max(ay, by);
        const double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
        along.assign({0.0, 1.0});
        for (const Edge& e : m_edges) {
            if (e.maxX < minX || e.minX > maxX || e.maxY < minY || e.minY > maxY)
                continue; // their boxes apart: they cannot meet
            const double o0 = orientation(ax, ay, bx, by, e.x0, e.y0);
            const double o1 = orientation(ax, ay, bx, by, e.x1, e.y1);
            // Crossing an edge of the feature properly.
            if (opposite(o0, o1) && opposite(orientation(e.x0, e.y0, e.x1, e.y1, ax, ay),
                                             orientation(e.x0, e.y0, e.x1, e.y1, bx, by))) {
                crossed = true;
                return;
            }
            // A vertex of the feature on the line: each edge's first end is every vertex once.
            if (o0 == 0.0 && length2 > 0)
                if (const double t = ((e.x0 - ax) * dx + (e.y0 - ay) * dy) / length2;
                    t > 0.0 && t < 1.0)
                    along.push_back(t);
        }
        // It meets the feature's boundary only at its own ends and at the feature's vertices
        // on it: each stretch between those lies wholly inside or wholly outside.
        std::sort(along.begin(), along.end());
        for (std::size_t k = 0; k + 1 < along.size() && !crossed; ++k) {
            const double t = 0.5 * (along[k] + along[k + 1]);
            crossed = strictlyInside(ax + t * dx, ay + t * dy);
        }
    });
    return crossed;
}

double PolygonEdges::sharedArea(const FeatureBands& other) const {
    if (m_edges.empty() || m_box.isNull())
        return 0.0;
    const Extent& box = m_box;
    std::vector<Segment> near;
    other.edgesNear(box, [&](double xi, double yi, double xj, double yj) {
        near.push_back({xi, yi, xj, yj});
    });

    std::vector<double> events;
    events.reserve(m_edges.size() * 2 + near.size() * 2);
    for (const Edge& e : m_edges)
        events.push_back(e.y0);
    for (const Segment& s : near)
        for (const double y : {s.y0, s.y1})
            if (y > box.minY && y < box.maxY)
                events.push_back(y);
    for (const Edge& e : m_edges)
        for (const Segment& s : near)
            if (double y = 0;
                meetingHeight({e.x0, e.y0, e.x1, e.y1}, s, y) && y > box.minY && y < box.maxY)
                events.push_back(y);
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());

    double area = 0.0;
    std::vector<double> mine, theirs;
    for (std::size_t k = 0; k + 1 < events.size(); ++k) {
        const double height = events[k + 1] - events[k];
        if (!(height > 0.0))
            continue;
        const double y = events[k] + 0.5 * height;
        // The feature's stretches across this height: between the 1st and 2nd crossing, the
        // 3rd and 4th...
        mine.clear();
        for (const Edge& e : m_edges)
            if ((e.y0 > y) != (e.y1 > y))
                mine.push_back(crossingX(e.x0, e.y0, e.x1, e.y1, y));
        std::sort(mine.begin(), mine.end());
        // The other's inside, from the left of the box on: its state just right of box.minX,
        // then a change at each of its crossings further right.
        theirs.clear();
        for (const Segment& s : near)
            if ((s.y0 > y) != (s.y1 > y))
                if (const double x = crossingX(s.x0, s.y0, s.x1, s.y1, y); x > box.minX)
                    theirs.push_back(x);
        std::sort(theirs.begin(), theirs.end());
        bool inside = other.contains(box.minX, y);
        double from = box.minX, width = 0.0;
        // The feature's width inside [a, b), a stretch inside the other.
        auto addShared = [&](double a, double b) {
            for (std::size_t m = 0; m + 1 < mine.size(); m += 2) {
                const double lo = std::max(a, mine[m]), hi = std::min(b, mine[m + 1]);
                if (hi > lo)
                    width += hi - lo;
            }
        };
        for (std::size_t t = 0; t <= theirs.size(); ++t) {
            const double to = t < theirs.size() ? theirs[t] : box.maxX;
            if (inside)
                addShared(from, std::min(to, box.maxX));
            if (t == theirs.size() || to >= box.maxX)
                break;
            inside = !inside;
            from = to;
        }
        area += width * height;
    }
    return area;
}

} // namespace geo
