#include "geo/river_distance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

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
    constexpr std::uint32_t runLength = 16;
    for (std::size_t part = 0; part + 1 < rivers.partStart.size(); ++part) {
        const std::uint32_t first = rivers.partStart[part], last = rivers.partStart[part + 1];
        for (std::uint32_t v = first; v + 1 < last; ++v) {
            const Segment s{rivers.xy[2 * v], rivers.xy[2 * v + 1], rivers.xy[2 * v + 2],
                            rivers.xy[2 * v + 3]};
            const auto index = static_cast<std::uint32_t>(m_segments.size());
            m_segments.push_back(s);
            Extent box;
            box.include(s.x0, s.y0);
            box.include(s.x1, s.y1);
            m_segmentBoxes.push_back(box);
            if (v == first || index - m_runs.back().first == runLength)
                m_runs.push_back({{}, index, index});
            m_runs.back().box.include(box);
            m_runs.back().end = index + 1;
        }
        if (part < rivers.partIsRing.size() && rivers.partIsRing[part] && last - first >= 3)
            m_areaRings.emplace_back(rivers.xy.begin() + 2 * first, rivers.xy.begin() + 2 * last);
    }
    m_index = SpatialIndex(m_segmentBoxes);
    std::vector<Extent> runBoxes;
    for (const Run& run : m_runs)
        runBoxes.push_back(run.box);
    m_runIndex = SpatialIndex(runBoxes);
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
        // Each edge's box, once: the searches test every edge of a feature against each of the
        // dozen segments nearly as near as the nearest. Kept column by column, so that the
        // test runs over several edges at once.
        if (polygons.partStart[m_endPart] - polygons.partStart[m_firstPart] > maxEdges)
            return; // rare: measured from the vertices, edge by edge
        const double* xy = polygons.xy.data();
        for (std::uint32_t part = m_firstPart; part < m_endPart; ++part) {
            const std::uint32_t first = polygons.partStart[part],
                                last = polygons.partStart[part + 1];
            for (std::uint32_t a = first, b = last - 1; a < last; b = a++) {
                const double ax = xy[2 * a], ay = xy[2 * a + 1], bx = xy[2 * b], by = xy[2 * b + 1];
                m_edgeMinX[m_edges] = std::min(ax, bx);
                m_edgeMaxX[m_edges] = std::max(ax, bx);
                m_edgeMinY[m_edges] = std::min(ay, by);
                m_edgeMaxY[m_edges] = std::max(ay, by);
                m_edgeFrom[m_edges] = a;
                m_edgeTo[m_edges] = b;
                ++m_edges;
            }
        }
    }

    bool empty() const noexcept { return m_firstPart == m_endPart; }
    const Extent& box() const noexcept { return m_box; }
    // A polygon inside a river polygon (a river-surface parcel) is at distance 0.
    bool insideRiverArea() const {
        const std::uint32_t v = m_polygons.partStart[m_firstPart];
        return m_rivers.insideRiverArea(m_polygons.xy[2 * v], m_polygons.xy[2 * v + 1]);
    }

    std::size_t feature() const noexcept { return m_feature; }

    // Not cut short once a segment touches: neighbours searched together must still tell a
    // touching segment from one that does not touch, to pick the first of those that do.
    // Built twice, the version run chosen when the program loads: with AVX2 on processors that
    // have it (the edge boxes are tested four at a time: 6 % less CPU for the searches at a
    // million parcels), and plain for older office PCs. AVX2 alone brings no fused
    // multiply-add, so both give the same bits.
    __attribute__((target_clones("avx2", "default"))) double operator()(std::uint32_t i) {
        const Segment& s = m_rivers.m_segments[i];
        // No exact segment-to-box bound first: the searches only call this for segments whose
        // box is within the bound of the feature's box, and the tighter test turned away 7 % of
        // them at the cost of six point-to-segment distances each (7 % of the search's time).
        const double bound2 = m_kept * m_kept * (1.0 + 1e-9);
        if (mayContain(m_box, s.x0, s.y0) && featureContains(m_polygons, m_feature, s.x0, s.y0))
            return m_kept = 0.0;
        // Only the edges that could come nearer than the bound are measured: an edge whose box
        // is farther from the segment's box than that cannot matter. Far from a river, dozens
        // of segments are about as near as the nearest; most edges fall to the box test. The
        // test marks the edges of up to 64 at a time in a bit mask, without a branch per edge:
        // which edges pass follows no pattern, and mispredicted branches cost more than the
        // test itself.
        const double sMinX = std::min(s.x0, s.x1), sMaxX = std::max(s.x0, s.x1);
        const double sMinY = std::min(s.y0, s.y1), sMaxY = std::max(s.y0, s.y1);
        const double* xy = m_polygons.xy.data();
        double best2 = std::numeric_limits<double>::infinity(); // squared
        // A segment whose box lies clear of the feature's box crosses none of its edges: at a
        // million parcels, the crossing tests are left out for all but 0.4 % of the segments
        // measured.
        const bool clear =
            sMaxX < m_box.minX || sMinX > m_box.maxX || sMaxY < m_box.minY || sMinY > m_box.maxY;
        // Measures edge a-b; false when it crosses the segment.
        auto measure = [&](std::uint32_t a, std::uint32_t b) {
            const double ax = xy[2 * a], ay = xy[2 * a + 1];
            const double bx = xy[2 * b], by = xy[2 * b + 1];
            if (!clear && segmentsCross(ax, ay, bx, by, s.x0, s.y0, s.x1, s.y1))
                return false;
            best2 = std::min({best2, pointSegment2(ax, ay, s.x0, s.y0, s.x1, s.y1),
                              pointSegment2(s.x0, s.y0, ax, ay, bx, by),
                              pointSegment2(s.x1, s.y1, ax, ay, bx, by)});
            return true;
        };
        if (m_edges > 0) {
            double gap2[maxEdges];
            for (std::uint32_t e = 0; e < m_edges; ++e) {
                const double gx =
                    std::max(std::max(0.0, m_edgeMinX[e] - sMaxX), sMinX - m_edgeMaxX[e]);
                const double gy =
                    std::max(std::max(0.0, m_edgeMinY[e] - sMaxY), sMinY - m_edgeMaxY[e]);
                gap2[e] = gx * gx + gy * gy;
            }
            // While nothing nearer than the search radius is kept (a feature's first segment,
            // where every edge passes the box test), the edge whose box is nearest is measured
            // first: its distance is nearly always the feature's, and bounds the other edges
            // far more tightly. 40 % fewer edges measured, 6 % less CPU for the searches at a
            // million parcels. Later segments have a tight bound already; the extra pass over
            // the boxes cost more there than it saved.
            double edgeBound2 = bound2;
            std::uint64_t done = 0;
            if (m_kept == m_rivers.m_radius) {
                std::uint32_t first = 0;
                for (std::uint32_t e = 1; e < m_edges; ++e)
                    first = gap2[e] < gap2[first] ? e : first;
                if (gap2[first] > bound2)
                    return std::numeric_limits<double>::infinity();
                if (!measure(m_edgeFrom[first], m_edgeTo[first]))
                    return m_kept = 0.0;
                edgeBound2 = std::min(bound2, best2 * (1.0 + 1e-9));
                done = std::uint64_t{1} << first;
            }
            std::uint64_t near = 0;
            for (std::uint32_t e = 0; e < m_edges; ++e)
                near |= static_cast<std::uint64_t>(gap2[e] <= edgeBound2) << e;
            near &= ~done;
            for (; near != 0; near &= near - 1) {
                const auto e = static_cast<std::uint32_t>(__builtin_ctzll(near));
                if (!measure(m_edgeFrom[e], m_edgeTo[e]))
                    return m_kept = 0.0;
            }
            const double d = std::sqrt(best2);
            m_kept = std::min(m_kept, d);
            return d;
        }
        for (std::uint32_t part = m_firstPart; part < m_endPart; ++part) {
            const std::uint32_t first = m_polygons.partStart[part],
                                last = m_polygons.partStart[part + 1];
            // Edge a runs from vertex a to the one before it (the last for the first).
            auto previous = [&](std::uint32_t a) {
                return a == first ? last - 1 : a - 1;
            };
            for (std::uint32_t window = first; window < last; window += 64) {
                const std::uint32_t windowEnd = std::min(last, window + 64);
                std::uint64_t near = 0;
                for (std::uint32_t a = window; a < windowEnd; ++a) {
                    const std::uint32_t b = previous(a);
                    const double ax = xy[2 * a], ay = xy[2 * a + 1];
                    const double bx = xy[2 * b], by = xy[2 * b + 1];
                    const double gx =
                        std::max({0.0, std::min(ax, bx) - sMaxX, sMinX - std::max(ax, bx)});
                    const double gy =
                        std::max({0.0, std::min(ay, by) - sMaxY, sMinY - std::max(ay, by)});
                    near |= static_cast<std::uint64_t>(gx * gx + gy * gy <= bound2) << (a - window);
                }
                for (; near != 0; near &= near - 1) {
                    const std::uint32_t a =
                        window + static_cast<std::uint32_t>(__builtin_ctzll(near));
                    if (!measure(a, previous(a)))
                        return m_kept = 0.0;
                }
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
    static constexpr std::uint32_t maxEdges = 48; // within one bit mask; parcels have about 16
    const RiverDistance& m_rivers;
    const FlatLayer& m_polygons;
    std::size_t m_feature;
    std::uint32_t m_firstPart, m_endPart;
    std::uint32_t m_edges = 0; // edges with their boxes below; 0: measured edge by edge
    double m_edgeMinX[maxEdges], m_edgeMaxX[maxEdges], m_edgeMinY[maxEdges], m_edgeMaxY[maxEdges];
    std::uint32_t m_edgeFrom[maxEdges], m_edgeTo[maxEdges];
    Extent m_box;
    double m_kept;
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

void RiverDistance::nearestOn(long long i, const FlatLayer& polygons, std::size_t feature,
                              double distance, double* nearest) const {
    const Segment& s = m_segments[static_cast<std::size_t>(i)];
    // Apart from the feature (distance > 0), the segment neither starts in it nor crosses it,
    // and an edge whose box is farther from the segment's box than `distance` holds no
    // candidate that could be the nearest: most edges are passed over. The bound has the
    // search's margin, so the same candidate wins as when every edge is measured.
    const bool apart = distance > 0;
    const double bound2 = distance * distance * (1.0 + 1e-9);
    const double sMinX = std::min(s.x0, s.x1), sMaxX = std::max(s.x0, s.x1);
    const double sMinY = std::min(s.y0, s.y1), sMaxY = std::max(s.y0, s.y1);
    if (!apart && featureContains(polygons, feature, s.x0, s.y0)) {
        nearest[0] = s.x0;
        nearest[1] = s.y0;
        return;
    }
    // The same candidates as PolygonProbe measures: each vertex of the feature against the
    // segment, each end of the segment against each edge; where the segment crosses an edge,
    // the crossing nearest to the segment's start, where the river enters the feature.
    const std::vector<double>& xy = polygons.xy;
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
    double firstCrossing = std::numeric_limits<double>::infinity(); // along the segment, 0..1
    double best2 = std::numeric_limits<double>::infinity();
    for (std::uint32_t part = polygons.featurePart[feature];
         part < polygons.featurePart[feature + 1]; ++part) {
        const std::uint32_t first = polygons.partStart[part], last = polygons.partStart[part + 1];
        for (std::uint32_t a = first, b = last - 1; a < last; b = a++) {
            const double ax = xy[2 * a], ay = xy[2 * a + 1], bx = xy[2 * b], by = xy[2 * b + 1];
            if (apart) {
                const double gx =
                    std::max({0.0, std::min(ax, bx) - sMaxX, sMinX - std::max(ax, bx)});
                const double gy =
                    std::max({0.0, std::min(ay, by) - sMaxY, sMinY - std::max(ay, by)});
                if (gx * gx + gy * gy > bound2)
                    continue;
            }
            if (segmentsCross(ax, ay, bx, by, s.x0, s.y0, s.x1, s.y1)) {
                // Where the two lines meet, as a fraction of the river segment.
                const double ex = bx - ax, ey = by - ay;
                const double denominator = dx * ey - dy * ex;
                if (denominator != 0)
                    firstCrossing = std::min(firstCrossing,
                                             ((ax - s.x0) * ey - (ay - s.y0) * ex) / denominator);
                continue;
            }
            if (const double d2 = pointSegment2(ax, ay, s.x0, s.y0, s.x1, s.y1); d2 < best2) {
                best2 = d2;
                nearestOn(i, ax, ay, nearest);
            }
            for (const auto& [px, py] : {std::pair{s.x0, s.y0}, std::pair{s.x1, s.y1}})
                if (const double d2 = pointSegment2(px, py, ax, ay, bx, by); d2 < best2) {
                    best2 = d2;
                    nearest[0] = px;
                    nearest[1] = py;
                }
        }
    }
    if (std::isfinite(firstCrossing)) {
        const double t = std::clamp(firstCrossing, 0.0, 1.0);
        nearest[0] = s.x0 + t * dx;
        nearest[1] = s.y0 + t * dy;
    }
}

double RiverDistance::distanceAndNearest(const FlatLayer& polygons, std::size_t feature,
                                         double* nearest) const {
    nearest[0] = nearest[1] = std::numeric_limits<double>::quiet_NaN();
    PolygonProbe probe(*this, polygons, feature);
    if (probe.empty())
        return std::numeric_limits<double>::infinity();
    if (probe.insideRiverArea()) {
        // In a lake or a wide river's polygon: the feature's first vertex is on the water.
        const std::uint32_t v = polygons.partStart[polygons.featurePart[feature]];
        nearest[0] = polygons.xy[2 * v];
        nearest[1] = polygons.xy[2 * v + 1];
        return 0.0;
    }
    double d = std::numeric_limits<double>::infinity();
    PolygonProbe* const one[] = {&probe};
    nearestOfGroup(one, [&](const PolygonProbe&, double distance, long long segment) {
        d = distance;
        if (std::isfinite(distance))
            nearestOn(segment, polygons, feature, distance, nearest);
    });
    return d;
}

void RiverDistance::distances(const FlatLayer& polygons, std::span<const std::uint32_t> features,
                              std::span<double> distances,
                              std::span<std::array<double, 2>> nearest) const {
    // Features come in spatial order, not in storage order: read where they are, each one's
    // parts, first vertex and vertices are three cache misses in a row, which took a third of
    // the searches' time at a million parcels. So a batch at a time is first copied into a
    // small layer of its own, in search order: the copy's reads do not wait on one another.
    constexpr std::size_t batch = 4096;
    thread_local FlatLayer local;
    thread_local std::vector<std::uint32_t> inOrder;
    thread_local std::vector<double> localDistances;
    thread_local std::vector<std::array<double, 2>> localNearest;
    for (std::size_t b = 0; b < features.size(); b += batch) {
        const std::span<const std::uint32_t> part =
            features.subspan(b, std::min(batch, features.size() - b));
        local.xy.clear();
        local.partStart.clear();
        local.featurePart.clear();
        for (const std::uint32_t f : part) {
            local.featurePart.push_back(static_cast<std::uint32_t>(local.partStart.size()));
            for (std::uint32_t p = polygons.featurePart[f]; p < polygons.featurePart[f + 1]; ++p) {
                local.partStart.push_back(static_cast<std::uint32_t>(local.xy.size() / 2));
                local.xy.insert(local.xy.end(), polygons.xy.begin() + 2 * polygons.partStart[p],
                                polygons.xy.begin() + 2 * polygons.partStart[p + 1]);
            }
        }
        local.featurePart.push_back(static_cast<std::uint32_t>(local.partStart.size()));
        local.partStart.push_back(static_cast<std::uint32_t>(local.xy.size() / 2));
        inOrder.resize(part.size());
        std::iota(inOrder.begin(), inOrder.end(), 0U);
        localDistances.assign(part.size(), 0.0);
        localNearest.assign(nearest.empty() ? 0 : part.size(), {});
        searchInOrder(local, inOrder, localDistances, localNearest);
        for (std::size_t k = 0; k < part.size(); ++k) {
            distances[part[k]] = localDistances[k];
            if (!nearest.empty())
                nearest[part[k]] = localNearest[k];
        }
    }
}

void RiverDistance::searchInOrder(const FlatLayer& polygons,
                                  std::span<const std::uint32_t> features,
                                  std::span<double> distances,
                                  std::span<std::array<double, 2>> nearest) const {
    // Neighbours: up to 32 consecutive features within 450 m. Larger groups gather more river
    // that only their farthest members need; smaller ones search the tree more often (at 1M
    // parcels of about 40 m, 300 m cost 13 % more, 600 m and 64 members 1-2 %).
    constexpr std::size_t maxGroup = 32;
    constexpr double maxSide = 450.0;
    std::vector<PolygonProbe> probes;
    probes.reserve(maxGroup);
    for (std::size_t k = 0; k < features.size();) {
        probes.clear();
        Extent area;
        std::size_t end = k;
        for (; end < features.size() && end - k < maxGroup; ++end) {
            probes.emplace_back(*this, polygons, features[end]);
            Extent grown = area;
            grown.include(probes.back().box());
            if (end > k && (grown.width() > maxSide || grown.height() > maxSide)) {
                probes.pop_back();
                break;
            }
            area = grown;
        }
        // Features with no shape, and features on the water, answer at once.
        thread_local std::vector<PolygonProbe*> group;
        group.clear();
        for (PolygonProbe& probe : probes) {
            const std::size_t f = probe.feature();
            if (probe.empty()) {
                distances[f] = std::numeric_limits<double>::infinity();
                if (!nearest.empty())
                    nearest[f] = {NAN, NAN};
            } else if (probe.insideRiverArea()) {
                double point[2];
                distances[f] = distanceAndNearest(polygons, f, point);
                if (!nearest.empty())
                    nearest[f] = {point[0], point[1]};
            } else {
                group.push_back(&probe);
            }
        }
        nearestOfGroup(group, [&](const PolygonProbe& probe, double distance, long long segment) {
            const std::size_t f = probe.feature();
            distances[f] = distance;
            if (nearest.empty())
                return;
            nearest[f] = {NAN, NAN};
            if (std::isfinite(distance))
                nearestOn(segment, polygons, f, distance, nearest[f].data());
        });
        k = end;
    }
}

void RiverDistance::nearestOfGroup(std::span<PolygonProbe* const> group, const Found& found) const {
    constexpr double infinity = std::numeric_limits<double>::infinity();
    if (group.empty())
        return;
    // The segment nearest to one of them, by the index: each neighbour's distance to that
    // segment bounds its own, and the largest such bound how far the group must look.
    const auto [first, firstDistance] =
        m_index.nearest(group[0]->box(), m_radius, *group[0], hintFor(this));
    remember(this, first);
    thread_local std::vector<double> bounds;
    bounds.assign(group.size(), infinity);
    double reach = 0.0;
    bool withinRadius = first >= 0;
    for (std::size_t j = 0; j < group.size() && withinRadius; ++j) {
        bounds[j] = j == 0 ? firstDistance : (*group[j])(static_cast<std::uint32_t>(first));
        withinRadius = std::isfinite(bounds[j]);
        reach = std::max(reach, bounds[j]);
    }
    if (!withinRadius) {
        if (group.size() == 1)
            found(*group[0], infinity, -1);
        else // rare: part of the group has no river within the radius; each on its own
            for (PolygonProbe* const& probe : group)
                nearestOfGroup({&probe, 1}, found);
        return;
    }
    // Every run of river within `reach` of the group's box: any segment nearer to a member
    // than its bound is in one of them.
    Extent area;
    for (const PolygonProbe* probe : group)
        area.include(probe->box());
    const double margin = reach * 1e-9 + 1e-6;
    const Extent around{area.minX - reach - margin, area.minY - reach - margin,
                        area.maxX + reach + margin, area.maxY + reach + margin};
    thread_local std::vector<std::uint32_t> runs;
    runs.clear();
    m_runIndex.query(around, [&](std::uint32_t run) {
        runs.push_back(run);
        return true;
    });
    std::sort(runs.begin(), runs.end()); // layer order, so that ties go to the first segment
    auto gap2 = [](const Extent& a, const Extent& b) {
        const double gx = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
        const double gy = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
        return gx * gx + gy * gy;
    };
    auto boundOf = [](double d) {
        return d * d * (1.0 + 1e-9);
    };
    long long previous = first; // the previous member's nearest segment
    for (std::size_t j = 0; j < group.size(); ++j) {
        PolygonProbe& probe = *group[j];
        const Extent& box = probe.box();
        long long best = first;
        double bestDistance = bounds[j];
        // The previous member's answer is usually nearer than the group's first: starting
        // from it, fewer segments pass the bound.
        if (previous != first) {
            const double d = probe(static_cast<std::uint32_t>(previous));
            if (d < bestDistance || (d == bestDistance && previous < best)) {
                best = previous;
                bestDistance = d;
            }
        }
        double bound2 = boundOf(bestDistance);
        for (const std::uint32_t r : runs) {
            const Run& run = m_runs[r];
            if (gap2(run.box, box) > bound2)
                continue;
            for (std::uint32_t i = run.first; i < run.end; ++i) {
                if (gap2(m_segmentBoxes[i], box) > bound2)
                    continue;
                const double d = probe(i);
                if (d < bestDistance || (d == bestDistance && i < best)) {
                    best = i;
                    bestDistance = d;
                    bound2 = boundOf(d);
                }
            }
        }
        previous = best;
        found(probe, probe.result(best, bestDistance), best);
    }
}

} // namespace geo
