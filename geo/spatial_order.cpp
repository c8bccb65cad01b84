#include "geo/spatial_order.h"

#include <numeric>

namespace geo {

std::vector<std::uint32_t> spatialOrder(const FlatLayer& shapes) {
    const std::size_t n = shapes.featureCount();
    const Extent& all = shapes.extent;
    const double sx = all.maxX > all.minX ? 65535.0 / (all.maxX - all.minX) : 0.0;
    const double sy = all.maxY > all.minY ? 65535.0 / (all.maxY - all.minY) : 0.0;
    auto spread = [](std::uint64_t v) { // 16 bits to the even bits of 32
        v = (v | (v << 8)) & 0x00FF00FFULL;
        v = (v | (v << 4)) & 0x0F0F0F0FULL;
        v = (v | (v << 2)) & 0x33333333ULL;
        return (v | (v << 1)) & 0x55555555ULL;
    };
    std::vector<std::uint32_t> key(n, 0);
    // Each feature's first vertex is a cache miss (features lie a few hundred bytes apart, not
    // at a stride the processor foresees): asked for well ahead, the misses overlap.
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead < n)
            __builtin_prefetch(shapes.xy.data() +
                               2 * std::size_t(shapes.partStart[shapes.featurePart[i + ahead]]));
        if (shapes.featurePart[i] != shapes.featurePart[i + 1]) {
            const std::uint32_t v = shapes.partStart[shapes.featurePart[i]];
            const auto x = static_cast<std::uint64_t>((shapes.xy[2 * v] - all.minX) * sx);
            const auto y = static_cast<std::uint64_t>((shapes.xy[2 * v + 1] - all.minY) * sy);
            key[i] = static_cast<std::uint32_t>(spread(x) | (spread(y) << 1));
        }
    }
    // By key, equal keys in index order: a radix sort, 16 bits a pass (stable, so the low half
    // sorted first stays in order under the high half), a few times faster than std::sort.
    std::vector<std::uint32_t> order(n), swapped(n);
    std::iota(order.begin(), order.end(), 0U);
    for (const int shift : {0, 16}) {
        std::vector<std::size_t> start(65537, 0);
        for (const std::uint32_t i : order)
            ++start[((key[i] >> shift) & 0xFFFFU) + 1];
        for (std::size_t d = 0; d < 65536; ++d)
            start[d + 1] += start[d];
        for (const std::uint32_t i : order)
            swapped[start[(key[i] >> shift) & 0xFFFFU]++] = i;
        order.swap(swapped);
    }
    return order;
}

} // namespace geo
