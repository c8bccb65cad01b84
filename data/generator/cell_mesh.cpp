#include "cell_mesh.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "random.h"

namespace sample {
namespace {

// Voronoi neighbours of a jittered-grid site lie within 3 squares of it: an empty circle
// cannot contain a whole grid square, so its diameter stays below 2√2 squares.
constexpr int reach = 3;

struct LabelledVertex {
    Point p;
    CellId nextEdge; // the neighbour across the edge that leaves this vertex
};

VertexKey keyOf(CellId a, CellId b, CellId c) {
    VertexKey key{{a, b, c}};
    std::sort(key.cells.begin(), key.cells.end());
    return key;
}

bool keyLess(const VertexKey& a, const VertexKey& b) {
    return a.cells < b.cells;
}

} // namespace

std::size_t VertexKeyHash::operator()(const VertexKey& k) const noexcept {
    return static_cast<std::size_t>(hashOf(static_cast<std::uint64_t>(k.cells[0]),
                                           static_cast<std::uint64_t>(k.cells[1]),
                                           static_cast<std::uint64_t>(k.cells[2])));
}

CellMesh::CellMesh(int columns, int rows, double spacing, double x0, double y0, std::uint64_t seed)
    : m_columns(columns)
    , m_rows(rows)
    , m_spacing(spacing)
    , m_x0(x0)
    , m_y0(y0)
    , m_seed(seed) {
    m_points.resize(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const std::uint64_t h =
                hashOf(seed, static_cast<std::uint64_t>(c), static_cast<std::uint64_t>(r));
            // Keep sites off the square borders a little, so no two sites nearly coincide.
            const double u = 0.04 + 0.92 * unitOf(h);
            const double v = 0.04 + 0.92 * unitOf(mix(h));
            m_points[static_cast<std::size_t>(cellAt(c, r))] = {x0 + (c + u) * spacing,
                                                                y0 + (r + v) * spacing};
        }
    m_neighbourStart.reserve(m_points.size() + 1);
    m_neighbourStart.push_back(0);
    for (CellId cell = 0; cell < static_cast<CellId>(m_points.size()); ++cell) {
        if (isInterior(cell))
            for (CellId n : clipNeighbours(cell))
                m_neighbours.push_back(n);
        m_neighbourStart.push_back(static_cast<std::uint32_t>(m_neighbours.size()));
    }
}

bool CellMesh::isInterior(CellId c) const noexcept {
    const int col = columnOf(c);
    const int row = rowOf(c);
    return col >= reach && row >= reach && col < m_columns - reach && row < m_rows - reach;
}

Point CellMesh::vertex(const VertexKey& key) const noexcept {
    // Circumcentre of the three sites, computed relative to the first for precision.
    const Point& a = site(key.cells[0]);
    const Point& b = site(key.cells[1]);
    const Point& c = site(key.cells[2]);
    const double bx = b.x - a.x, by = b.y - a.y;
    const double cx = c.x - a.x, cy = c.y - a.y;
    const double d = 2.0 * (bx * cy - by * cx);
    const double b2 = bx * bx + by * by;
    const double c2 = cx * cx + cy * cy;
    return {a.x + (cy * b2 - by * c2) / d, a.y + (bx * c2 - cx * b2) / d};
}

std::vector<CellId> CellMesh::clipNeighbours(CellId cell) const {
    const Point p = site(cell);
    const double half = 2.0 * m_spacing;
    std::vector<LabelledVertex> poly = {{{p.x - half, p.y - half}, -1},
                                        {{p.x + half, p.y - half}, -1},
                                        {{p.x + half, p.y + half}, -1},
                                        {{p.x - half, p.y + half}, -1}};

    struct Candidate {
        double distance;
        CellId id;
    };
    std::vector<Candidate> candidates;
    const int col = columnOf(cell);
    const int row = rowOf(cell);
    for (int dr = -reach; dr <= reach; ++dr)
        for (int dc = -reach; dc <= reach; ++dc) {
            if (dr == 0 && dc == 0)
                continue;
            const CellId other = cellAt(col + dc, row + dr);
            const Point& q = site(other);
            candidates.push_back({std::hypot(q.x - p.x, q.y - p.y), other});
        }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });

    std::vector<LabelledVertex> next;
    for (const Candidate& cand : candidates) {
        double reachSq = 0.0;
        for (const auto& v : poly)
            reachSq =
                std::max(reachSq, (v.p.x - p.x) * (v.p.x - p.x) + (v.p.y - p.y) * (v.p.y - p.y));
        if (cand.distance * 0.5 > std::sqrt(reachSq))
            break; // no farther site can cut the cell any more
        const Point& q = site(cand.id);
        const double dx = q.x - p.x, dy = q.y - p.y;
        const double mx = 0.5 * (p.x + q.x), my = 0.5 * (p.y + q.y);
        auto side = [&](const Point& v) {
            return (v.x - mx) * dx + (v.y - my) * dy;
        };
        next.clear();
        const std::size_t n = poly.size();
        for (std::size_t i = 0; i < n; ++i) {
            const LabelledVertex& a = poly[i];
            const LabelledVertex& b = poly[(i + 1) % n];
            const double sa = side(a.p), sb = side(b.p);
            const bool inA = sa <= 0.0, inB = sb <= 0.0;
            if (inA)
                next.push_back(a);
            if (inA != inB) {
                const double t = sa / (sa - sb);
                const Point x{a.p.x + t * (b.p.x - a.p.x), a.p.y + t * (b.p.y - a.p.y)};
                next.push_back({x, inA ? cand.id : a.nextEdge});
            }
        }
        poly.swap(next);
    }

    std::vector<CellId> result;
    result.reserve(poly.size());
    for (const LabelledVertex& v : poly) {
        if (v.nextEdge < 0)
            throw std::logic_error("cell mesh: a cell reached the clipping window");
        result.push_back(v.nextEdge);
    }
    return result;
}

std::span<const CellId> CellMesh::neighbours(CellId c) const noexcept {
    const auto i = static_cast<std::size_t>(c);
    return {m_neighbours.data() + m_neighbourStart[i],
            m_neighbourStart[i + 1] - m_neighbourStart[i]};
}

std::vector<CellEdge> CellMesh::edges(CellId cell) const {
    const std::span<const CellId> n = neighbours(cell);
    const std::size_t count = n.size();
    std::vector<CellEdge> result;
    result.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const CellId before = n[(i + count - 1) % count];
        const CellId across = n[i];
        const CellId after = n[(i + 1) % count];
        result.push_back({keyOf(cell, before, across), keyOf(cell, across, after), cell, across});
    }
    return result;
}

void CellMesh::appendEdgeInterior(const CellEdge& edge, std::vector<Point>& out) const {
    // Generate the kinks in a canonical direction so both neighbours see the same points.
    const bool forward = keyLess(edge.from, edge.to);
    const VertexKey& k0 = forward ? edge.from : edge.to;
    const VertexKey& k1 = forward ? edge.to : edge.from;
    const Point a = vertex(k0);
    const Point b = vertex(k1);
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    if (len < 0.35 * m_spacing)
        return;
    Rng rng(hashOf(m_seed ^ 0xed9e5ULL,
                   static_cast<std::uint64_t>(std::min(edge.cell, edge.across)),
                   static_cast<std::uint64_t>(std::max(edge.cell, edge.across))));
    const int kinks = len < 0.7 * m_spacing ? rng.between(0, 1) : rng.between(1, 2);
    std::vector<Point> pts;
    for (int k = 1; k <= kinks; ++k) {
        const double t = (k + rng.uniform(-0.25, 0.25)) / (kinks + 1);
        const double offset = rng.uniform(-0.06, 0.06) * len;
        pts.push_back({a.x + t * (b.x - a.x) - offset * (b.y - a.y) / len,
                       a.y + t * (b.y - a.y) + offset * (b.x - a.x) / len});
    }
    if (!forward)
        std::reverse(pts.begin(), pts.end());
    out.insert(out.end(), pts.begin(), pts.end());
}

CellId CellMesh::cellContaining(double x, double y) const noexcept {
    const int col = static_cast<int>(std::floor((x - m_x0) / m_spacing));
    const int row = static_cast<int>(std::floor((y - m_y0) / m_spacing));
    CellId best = -1;
    double bestDist = 0.0;
    for (int dr = -2; dr <= 2; ++dr)
        for (int dc = -2; dc <= 2; ++dc) {
            const int c = col + dc, r = row + dr;
            if (c < 0 || r < 0 || c >= m_columns || r >= m_rows)
                continue;
            const Point& q = site(cellAt(c, r));
            const double d = (q.x - x) * (q.x - x) + (q.y - y) * (q.y - y);
            if (best < 0 || d < bestDist) {
                best = cellAt(c, r);
                bestDist = d;
            }
        }
    return best;
}

} // namespace sample
