// A static packed R-tree over bounding boxes (sort-tile-recursive packing): built once from
// all boxes, then queried. Compact (one box and one index per entry) and fast to build, which
// suits layers that are loaded once and queried often: validation, hit tests, drawing.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "geo/extent.h"

namespace geo {

class SpatialIndex {
public:
    SpatialIndex() = default;
    // `boxes[i]` is the box of item i; null boxes are never returned.
    explicit SpatialIndex(const std::vector<Extent>& boxes, int nodeSize = 16);

    // Calls `visit(i)` for every item whose box intersects `query`; stop early by returning
    // false from `visit`.
    void query(const Extent& query, const std::function<bool(std::uint32_t)>& visit) const;

    // Best-first search for the item nearest to `target` (its box distance orders the search):
    // `distance(i)` gives the exact distance of item i (at least its box distance). Returns the
    // nearest item and its distance, or {-1, maxDistance} when none is within maxDistance.
    // A template, so that the callback is inlined: classification runs two searches for each
    // of a million parcels.
    //
    // `hint`, when not -1, is an item likely to be near (e.g. the nearest of the previous
    // query): its distance is computed first, and only items strictly nearer are looked at
    // after it. The nearest distance is the same with or without a hint; among items at
    // exactly that distance, the hint is returned rather than the first found.
    template <typename Distance>
    std::pair<long long, double> nearest(const Extent& target, double maxDistance,
                                         Distance&& distance, long long hint = -1) const;

    std::size_t size() const noexcept { return m_count; }

private:
    struct Node {
        Extent box;
        std::uint32_t first = 0; // first child node, or first item when this is a leaf level
        std::uint32_t count = 0;
    };
    struct Open {
        double distance;
        std::size_t level;
        std::uint32_t node;
    };
    // The gaps between two boxes along x and y (0 where they overlap).
    static double gapX(const Extent& a, const Extent& b) noexcept {
        return std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    }
    static double gapY(const Extent& a, const Extent& b) noexcept {
        return std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    }
    // Levels from the leaves (level 0 holds items' boxes) to the root.
    std::vector<std::vector<Node>> m_levels;
    std::size_t m_count = 0;
};

template <typename Distance>
std::pair<long long, double> SpatialIndex::nearest(const Extent& target, double maxDistance,
                                                   Distance&& distance, long long hint) const {
    std::pair<long long, double> best{-1, maxDistance};
    if (m_levels.empty())
        return best;
    // A binary heap on a vector kept per thread (no allocation per search), popped in the order
    // a std::priority_queue with std::greater would pop it, so ties resolve as they always did.
    thread_local std::vector<Open> open;
    open.clear();
    const auto later = [](const Open& a, const Open& b) {
        return a.distance > b.distance;
    };
    // A box whose squared gap exceeds this cannot be nearer than `best` (hypot is within an ulp
    // of the true length, so the margin keeps this test from ever dropping a box hypot would
    // keep): most boxes are rejected without the slower hypot.
    auto boundOf = [](double d) {
        return d * d * (1.0 + 1e-9);
    };
    if (hint >= 0 && static_cast<std::size_t>(hint) < m_count) {
        const double d = distance(static_cast<std::uint32_t>(hint));
        if (d < best.second)
            best = {hint, d};
    }
    double bound2 = boundOf(best.second);
    const std::size_t top = m_levels.size() - 1;
    const Extent& root = m_levels[top][0].box;
    open.push_back({std::hypot(gapX(target, root), gapY(target, root)), top, 0});
    while (!open.empty()) {
        std::pop_heap(open.begin(), open.end(), later);
        const Open e = open.back();
        open.pop_back();
        if (e.distance >= best.second)
            break; // nothing left can be nearer
        const Node& node = m_levels[e.level][e.node];
        if (e.level == 0) {
            const double d = distance(node.first);
            if (d < best.second) {
                best = {static_cast<long long>(node.first), d};
                bound2 = boundOf(d);
            }
            continue;
        }
        for (std::uint32_t k = 0; k < node.count; ++k) {
            const Node& child = m_levels[e.level - 1][node.first + k];
            const double gx = gapX(target, child.box), gy = gapY(target, child.box);
            if (gx * gx + gy * gy > bound2)
                continue;
            const double d = std::hypot(gx, gy);
            if (d < best.second) {
                open.push_back({d, e.level - 1, node.first + k});
                std::push_heap(open.begin(), open.end(), later);
            }
        }
    }
    return best;
}

} // namespace geo
