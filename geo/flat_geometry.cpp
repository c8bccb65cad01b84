#include "geo/flat_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace geo {
namespace {

struct Span {
    std::uint32_t first, last; // vertex range of the feature (all rings)
};

Span spanOf(const FlatLayer& layer, std::size_t feature) {
    return {layer.partStart[layer.featurePart[feature]],
            layer.partStart[layer.featurePart[feature + 1]]};
}

struct Box {
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
};

Box boxOf(const FlatLayer& layer, std::size_t feature) {
    const Span s = spanOf(layer, feature);
    Box b;
    for (std::uint32_t j = s.first; j < s.last; ++j) {
        b.minX = std::min(b.minX, layer.xy[2 * j]);
        b.maxX = std::max(b.maxX, layer.xy[2 * j]);
        b.minY = std::min(b.minY, layer.xy[2 * j + 1]);
        b.maxY = std::max(b.maxY, layer.xy[2 * j + 1]);
    }
    return b;
}

double orient(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

bool sameVertex(const FlatLayer& l, std::uint32_t i, double x, double y) {
    return l.xy[2 * i] == x && l.xy[2 * i + 1] == y;
}

// Whether (x, y) lies on an edge of the feature (within a tiny tolerance for collinearity).
bool onBoundary(const FlatLayer& layer, std::size_t feature, double x, double y) {
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
            const double ax = layer.xy[2 * j], ay = layer.xy[2 * j + 1], bx = layer.xy[2 * i],
                         by = layer.xy[2 * i + 1];
            if (x < std::min(ax, bx) || x > std::max(ax, bx) || y < std::min(ay, by) ||
                y > std::max(ay, by))
                continue;
            const double len = std::hypot(bx - ax, by - ay);
            if (std::fabs(orient(ax, ay, bx, by, x, y)) <= 1e-9 * std::max(1.0, len * len))
                return true;
        }
    }
    return false;
}

bool hasVertex(const FlatLayer& layer, std::size_t feature, double x, double y) {
    const Span s = spanOf(layer, feature);
    for (std::uint32_t i = s.first; i < s.last; ++i)
        if (sameVertex(layer, i, x, y))
            return true;
    return false;
}

// A vertex of feature `a` strictly inside feature `b` (not one of b's vertices, not on its edges);
// `box` is b's.
bool vertexStrictlyInside(const FlatLayer& la, std::size_t a, const FlatLayer& lb, std::size_t b,
                          const Box& box) {
    const Span s = spanOf(la, a);
    // Cheapest test first: most vertices of a neighbour are outside, or shared with it.
    for (std::uint32_t i = s.first; i < s.last; ++i) {
        const double x = la.xy[2 * i], y = la.xy[2 * i + 1];
        if (x <= box.minX || x >= box.maxX || y <= box.minY || y >= box.maxY ||
            !featureContains(lb, b, x, y))
            continue;
        if (!hasVertex(lb, b, x, y) && !onBoundary(lb, b, x, y))
            return true;
    }
    return false;
}

// Whether the edge (ax, ay)-(bx, by) is an edge of the feature, in either direction.
bool hasEdge(const FlatLayer& layer, std::size_t feature, double ax, double ay, double bx,
             double by) {
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        for (std::uint32_t i = first; i + 1 < last; ++i) {
            const double x0 = layer.xy[2 * i], y0 = layer.xy[2 * i + 1], x1 = layer.xy[2 * i + 2],
                         y1 = layer.xy[2 * i + 3];
            if ((x0 == ax && y0 == ay && x1 == bx && y1 == by) ||
                (x0 == bx && y0 == by && x1 == ax && y1 == ay))
                return true;
        }
    }
    return false;
}

// An edge of `a` running through the inside of `b` between two points on b's boundary (for
// example between two vertices both share): its midpoint is strictly inside b.
bool edgeMidpointStrictlyInside(const FlatLayer& la, std::size_t a, const FlatLayer& lb,
                                std::size_t b, const Box& box) {
    for (std::uint32_t part = la.featurePart[a]; part < la.featurePart[a + 1]; ++part) {
        const std::uint32_t first = la.partStart[part], last = la.partStart[part + 1];
        for (std::uint32_t i = first; i + 1 < last; ++i) {
            const double ax = la.xy[2 * i], ay = la.xy[2 * i + 1], bx = la.xy[2 * i + 2],
                         by = la.xy[2 * i + 3];
            const double mx = (ax + bx) / 2, my = (ay + by) / 2;
            // Below or above every vertex of b, no edge of b straddles the point's row, so
            // featureContains is false: the same answer, without the walk round b.
            if (my < box.minY || my >= box.maxY)
                continue;
            if (!featureContains(lb, b, mx, my) || hasEdge(lb, b, ax, ay, bx, by) ||
                onBoundary(lb, b, mx, my))
                continue;
            return true;
        }
    }
    return false;
}

} // namespace

std::uint64_t flatHash(const FlatLayer& layer, std::size_t feature) {
    std::uint64_t h = 1469598103934665603ULL;
    auto mixIn = [&h](std::uint64_t v) {
        h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    };
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        mixIn(layer.partStart[part + 1] - layer.partStart[part]);
        for (std::uint32_t v = layer.partStart[part]; v < layer.partStart[part + 1]; ++v)
            for (int k = 0; k < 2; ++k) {
                std::uint64_t bits = 0;
                const double value = layer.xy[2 * v + static_cast<std::uint32_t>(k)];
                std::memcpy(&bits, &value, sizeof bits);
                mixIn(bits);
            }
    }
    return h;
}

bool sameCoordinates(const FlatLayer& la, std::size_t a, const FlatLayer& lb, std::size_t b) {
    const std::uint32_t partsA = la.featurePart[a + 1] - la.featurePart[a];
    if (partsA != lb.featurePart[b + 1] - lb.featurePart[b])
        return false;
    for (std::uint32_t k = 0; k < partsA; ++k) {
        const std::uint32_t pa = la.featurePart[a] + k, pb = lb.featurePart[b] + k;
        const std::uint32_t n = la.partStart[pa + 1] - la.partStart[pa];
        if (n != lb.partStart[pb + 1] - lb.partStart[pb])
            return false;
        if (!std::equal(la.xy.begin() + 2 * la.partStart[pa],
                        la.xy.begin() + 2 * (la.partStart[pa] + n),
                        lb.xy.begin() + 2 * lb.partStart[pb]))
            return false;
    }
    return true;
}

bool featureContains(const FlatLayer& layer, std::size_t feature, double x, double y) {
    bool inside = false;
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
            const double xi = layer.xy[2 * i], yi = layer.xy[2 * i + 1];
            const double xj = layer.xy[2 * j], yj = layer.xy[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

bool interiorPoint(const FlatLayer& layer, std::size_t feature, double& x, double& y) {
    const std::uint32_t part = layer.featurePart[feature];
    if (part == layer.featurePart[feature + 1])
        return false;
    const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
    if (last - first < 3)
        return false;
    const double ox = layer.xy[2 * first], oy = layer.xy[2 * first + 1];
    double a = 0, cx = 0, cy = 0;
    for (std::uint32_t v = first; v + 1 < last; ++v) {
        const double x0 = layer.xy[2 * v] - ox, y0 = layer.xy[2 * v + 1] - oy;
        const double x1 = layer.xy[2 * v + 2] - ox, y1 = layer.xy[2 * v + 3] - oy;
        const double c = x0 * y1 - x1 * y0;
        a += c;
        cx += (x0 + x1) * c;
        cy += (y0 + y1) * c;
    }
    if (std::fabs(a) > 0) {
        x = ox + cx / (3 * a);
        y = oy + cy / (3 * a);
        if (featureContains(layer, feature, x, y))
            return true;
    }
    // Concave (an L), or around a hole (a parcel around a pond) that holds the centroid: the
    // middle of the widest stretch inside the feature along the line across the middle of its
    // first ring, well inside, not on an edge. The crossings follow featureContains's rule.
    double minY = oy, maxY = oy;
    for (std::uint32_t v = first; v < last; ++v) {
        minY = std::min(minY, layer.xy[2 * v + 1]);
        maxY = std::max(maxY, layer.xy[2 * v + 1]);
    }
    y = (minY + maxY) / 2;
    thread_local std::vector<double> crossings;
    crossings.clear();
    for (std::uint32_t p = part; p < layer.featurePart[feature + 1]; ++p) {
        const std::uint32_t begin = layer.partStart[p], end = layer.partStart[p + 1];
        for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
            const double xi = layer.xy[2 * i], yi = layer.xy[2 * i + 1];
            const double xj = layer.xy[2 * j], yj = layer.xy[2 * j + 1];
            if ((yi > y) != (yj > y))
                crossings.push_back((xj - xi) * (y - yi) / (yj - yi) + xi);
        }
    }
    std::sort(crossings.begin(), crossings.end());
    double widest = 0;
    for (std::size_t k = 0; k + 1 < crossings.size(); k += 2)
        if (crossings[k + 1] - crossings[k] > widest) {
            widest = crossings[k + 1] - crossings[k];
            x = (crossings[k] + crossings[k + 1]) / 2;
        }
    return widest > 0 && featureContains(layer, feature, x, y);
}

bool isSimpleSingleRing(const FlatLayer& layer, std::size_t feature) {
    if (layer.featurePart[feature + 1] - layer.featurePart[feature] != 1)
        return false;
    const std::uint32_t part = layer.featurePart[feature];
    const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
    // A closed ring: first == last vertex; at least a triangle.
    if (last - first < 4 || last - first > 256 ||
        !sameVertex(layer, last - 1, layer.xy[2 * first], layer.xy[2 * first + 1]))
        return false;
    const std::uint32_t n = last - first - 1; // distinct vertices
    auto X = [&](std::uint32_t k) {
        return layer.xy[2 * (first + k % n)];
    };
    auto Y = [&](std::uint32_t k) {
        return layer.xy[2 * (first + k % n) + 1];
    };
    double twiceArea = 0.0;
    for (std::uint32_t k = 0; k < n; ++k)
        twiceArea += (X(k) - X(0)) * (Y(k + 1) - Y(0)) - (X(k + 1) - X(0)) * (Y(k) - Y(0));
    if (!(std::fabs(twiceArea) > 0.0))
        return false;
    for (std::uint32_t i = 0; i < n; ++i) {
        // Repeated vertices (a pinch or a zero-length edge) need GEOS's judgement.
        for (std::uint32_t j = i + 1; j < n; ++j)
            if (X(i) == X(j) && Y(i) == Y(j))
                return false;
        // Non-adjacent edges must not touch at all; adjacent edges must not fold back.
        for (std::uint32_t j = i + 1; j < n; ++j) {
            const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
            const double ax = X(i), ay = Y(i), bx = X(i + 1), by = Y(i + 1);
            const double cx = X(j), cy = Y(j), dx = X(j + 1), dy = Y(j + 1);
            if (std::max(ax, bx) < std::min(cx, dx) || std::max(cx, dx) < std::min(ax, bx) ||
                std::max(ay, by) < std::min(cy, dy) || std::max(cy, dy) < std::min(ay, by))
                continue;
            const double d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
            const double d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
            if (adjacent) {
                if (d1 == 0 && d2 == 0) // collinear neighbours may overlap: let GEOS decide
                    return false;
                continue;
            }
            if ((d1 >= 0 || d2 >= 0) && (d1 <= 0 || d2 <= 0) && (d3 >= 0 || d4 >= 0) &&
                (d3 <= 0 || d4 <= 0))
                return false; // they cross or touch
        }
    }
    return true;
}

bool interiorsMayOverlap(const FlatLayer& la, std::size_t a, const FlatLayer& lb, std::size_t b) {
    const Span sa = spanOf(la, a), sb = spanOf(lb, b);
    const Box boxA = boxOf(la, a), boxB = boxOf(lb, b);
    // An edge clear of the other feature's box is clear of each of its edges (the pairwise box
    // test below would skip them all): only the edges of each near the other are paired.
    auto clear = [](double ax, double ay, double bx, double by, const Box& box) {
        return std::max(ax, bx) < box.minX || box.maxX < std::min(ax, bx) ||
               std::max(ay, by) < box.minY || box.maxY < std::min(ay, by);
    };
    thread_local std::vector<std::uint32_t> nearA; // first vertex of each edge of b near a
    nearA.clear();
    for (std::uint32_t pb = lb.featurePart[b]; pb < lb.featurePart[b + 1]; ++pb)
        for (std::uint32_t j = lb.partStart[pb]; j + 1 < lb.partStart[pb + 1]; ++j)
            if (!clear(lb.xy[2 * j], lb.xy[2 * j + 1], lb.xy[2 * j + 2], lb.xy[2 * j + 3], boxA))
                nearA.push_back(j);
    // Proper crossings of edges.
    for (std::uint32_t pa = la.featurePart[a]; pa < la.featurePart[a + 1] && !nearA.empty(); ++pa) {
        const std::uint32_t fa = la.partStart[pa], ea = la.partStart[pa + 1];
        for (std::uint32_t i = fa; i + 1 < ea; ++i) {
            const double ax = la.xy[2 * i], ay = la.xy[2 * i + 1], bx = la.xy[2 * i + 2],
                         by = la.xy[2 * i + 3];
            if (clear(ax, ay, bx, by, boxB))
                continue;
            for (const std::uint32_t j : nearA) {
                const double cx = lb.xy[2 * j], cy = lb.xy[2 * j + 1], dx = lb.xy[2 * j + 2],
                             dy = lb.xy[2 * j + 3];
                if (std::max(ax, bx) < std::min(cx, dx) || std::max(cx, dx) < std::min(ax, bx) ||
                    std::max(ay, by) < std::min(cy, dy) || std::max(cy, dy) < std::min(ay, by))
                    continue;
                const double d1 = orient(cx, cy, dx, dy, ax, ay),
                             d2 = orient(cx, cy, dx, dy, bx, by);
                const double d3 = orient(ax, ay, bx, by, cx, cy),
                             d4 = orient(ax, ay, bx, by, dx, dy);
                if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
                    ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
                    return true;
            }
        }
    }
    if (vertexStrictlyInside(la, a, lb, b, boxB) || vertexStrictlyInside(lb, b, la, a, boxA) ||
        edgeMidpointStrictlyInside(la, a, lb, b, boxB) ||
        edgeMidpointStrictlyInside(lb, b, la, a, boxA))
        return true;
    // The same vertices (a copy under another id): every vertex of each is one of the other's.
    for (std::uint32_t i = sa.first; i < sa.last; ++i)
        if (!hasVertex(lb, b, la.xy[2 * i], la.xy[2 * i + 1]))
            return false;
    for (std::uint32_t j = sb.first; j < sb.last; ++j)
        if (!hasVertex(la, a, lb.xy[2 * j], lb.xy[2 * j + 1]))
            return false;
    return true;
}

} // namespace geo
