// A static packed R-tree over bounding boxes (sort-tile-recursive packing): built once from
// all boxes, then queried. Compact (one box and one index per entry) and fast to build, which
// suits layers that are loaded once and queried often: validation, hit tests, drawing.
#pragma once

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
    std::pair<long long, double>
    nearest(const Extent& target, double maxDistance,
            const std::function<double(std::uint32_t)>& distance) const;

    std::size_t size() const noexcept { return m_count; }

private:
    struct Node {
        Extent box;
        std::uint32_t first = 0; // first child node, or first item when this is a leaf level
        std::uint32_t count = 0;
    };
    // Levels from the leaves (level 0 holds items' boxes) to the root.
    std::vector<std::vector<Node>> m_levels;
    std::size_t m_count = 0;
};

} // namespace geo
