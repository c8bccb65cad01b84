#include "geo/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace geo {
namespace {

// Packs `items` (boxes with payload) into parent nodes of `nodeSize` children, STR order.
template <typename Item>
std::vector<std::uint32_t> strOrder(const std::vector<Item>& items, int nodeSize) {
    std::vector<std::uint32_t> order(items.size());
    std::iota(order.begin(), order.end(), 0U);
    const auto centreX = [&](std::uint32_t i) {
        return items[i].box.minX + items[i].box.maxX;
    };
    const auto centreY = [&](std::uint32_t i) {
        return items[i].box.minY + items[i].box.maxY;
    };
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return centreX(a) < centreX(b); });
    const auto parents = static_cast<std::size_t>(
        std::ceil(static_cast<double>(items.size()) / static_cast<double>(nodeSize)));
    const auto slices =
        static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(parents))));
    const std::size_t sliceSize = slices * static_cast<std::size_t>(nodeSize);
    for (std::size_t start = 0; start < order.size(); start += sliceSize) {
        const auto end =
            order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + sliceSize));
        std::sort(order.begin() + static_cast<std::ptrdiff_t>(start), end,
                  [&](auto a, auto b) { return centreY(a) < centreY(b); });
    }
    return order;
}

} // namespace

SpatialIndex::SpatialIndex(const std::vector<Extent>& boxes, int nodeSize) {
    std::vector<Node> leaves;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        if (!boxes[i].isNull())
            leaves.push_back({boxes[i], static_cast<std::uint32_t>(i), 0});
    m_count = leaves.size();
    if (leaves.empty())
        return;
    // Level 0 holds the items themselves (first = item index), in STR order.
    std::vector<Node> level;
    for (std::uint32_t i : strOrder(leaves, nodeSize))
        level.push_back(leaves[i]);
    m_levels.push_back(std::move(level));
    while (m_levels.back().size() > 1) {
        std::vector<Node>& below = m_levels.back();
        if (m_levels.size() > 1) {
            // Reorder this level's nodes spatially too; children ranges move with their node.
            std::vector<Node> sorted;
            for (std::uint32_t i : strOrder(below, nodeSize))
                sorted.push_back(below[i]);
            below = std::move(sorted);
        }
        std::vector<Node> parents;
        for (std::size_t start = 0; start < below.size();
             start += static_cast<std::size_t>(nodeSize)) {
            Node parent;
            parent.first = static_cast<std::uint32_t>(start);
            parent.count = static_cast<std::uint32_t>(
                std::min(below.size() - start, static_cast<std::size_t>(nodeSize)));
            for (std::size_t k = start; k < start + parent.count; ++k)
                parent.box.include(below[k].box);
            parents.push_back(parent);
        }
        m_levels.push_back(std::move(parents));
    }
}

void SpatialIndex::query(const Extent& box, const std::function<bool(std::uint32_t)>& visit) const {
    if (m_levels.empty())
        return;
    struct Entry {
        std::size_t level;
        std::uint32_t node;
    };
    std::vector<Entry> stack{{m_levels.size() - 1, 0}};
    while (!stack.empty()) {
        const Entry e = stack.back();
        stack.pop_back();
        const Node& node = m_levels[e.level][e.node];
        if (!node.box.intersects(box))
            continue;
        if (e.level == 0) {
            if (!visit(node.first))
                return;
            continue;
        }
        for (std::uint32_t k = 0; k < node.count; ++k)
            stack.push_back({e.level - 1, node.first + k});
    }
}

} // namespace geo
