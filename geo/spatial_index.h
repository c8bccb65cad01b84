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

    // Search for the item nearest to `target` (box distances order and prune the search):
    // `distance(i)` gives the exact distance of item i (at least its box distance). Returns the
    // nearest item and its distance, or {-1, maxDistance} when none is within maxDistance.
    // A template, so that the callback is inlined: classification runs two searches for each
    // of a million parcels.
    //
    // `hint`, when not -1, is an item likely to be near (e.g. the nearest of the previous
    // query): its distance is computed first, and only items strictly nearer replace it. The
    // nearest distance is the same with or without a hint; among items at exactly that
    // distance, the hint is returned rather than the first found.
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
    // Depth first, nearest child first, on squared box gaps: with a good hint the bound is
    // tight from the start, and a best-first heap (with a square root per box) costs more
    // than the few extra boxes depth first looks at. The stack is kept per thread (no
    // allocation per search).
    struct Pending {
        double gap2;
        std::size_t level;
        std::uint32_t node;
    };
    thread_local std::vector<Pending> stack, children;
    stack.clear();
    // A box whose squared gap exceeds this cannot be nearer than `best`: the margin is far
    // above the rounding of the squares, so no box the exact distance would keep is dropped.
    auto boundOf = [](double d) {
        return d * d * (1.0 + 1e-9);
    };
    auto gap2 = [&](const Extent& box) {
        const double gx = gapX(target, box), gy = gapY(target, box);
        return gx * gx + gy * gy;
    };
    if (hint >= 0 && static_cast<std::size_t>(hint) < m_count) {
        const double d = distance(static_cast<std::uint32_t>(hint));
        if (d < best.second)
            best = {hint, d};
    }
    double bound2 = boundOf(best.second);
    const std::size_t top = m_levels.size() - 1;
    stack.push_back({gap2(m_levels[top][0].box), top, 0});
    while (!stack.empty()) {
        const Pending e = stack.back();
        stack.pop_back();
        if (e.gap2 > bound2)
            continue; // the bound shrank since it was pushed
        const Node& node = m_levels[e.level][e.node];
        if (e.level == 0) {
            const double d = distance(node.first);
            if (d < best.second) {
                best = {static_cast<long long>(node.first), d};
                bound2 = boundOf(d);
            }
            continue;
        }
        children.clear();
        for (std::uint32_t k = 0; k < node.count; ++k) {
            const double g = gap2(m_levels[e.level - 1][node.first + k].box);
            if (g <= bound2)
                children.push_back({g, e.level - 1, node.first + k});
        }
        // Farthest pushed first, so that the nearest is looked at first (an insertion sort:
        // a node has a handful of children within the bound).
        for (std::size_t a = 1; a < children.size(); ++a)
            for (std::size_t b = a; b > 0 && children[b - 1].gap2 < children[b].gap2; --b)
                std::swap(children[b - 1], children[b]);
        stack.insert(stack.end(), children.begin(), children.end());
    }
    return best;
}

} // namespace geo
