// An axis-aligned rectangle in one CRS's units. Default-constructed it is empty (null).
#pragma once

#include <algorithm>
#include <limits>

namespace geo {

struct Extent {
    double minX = std::numeric_limits<double>::infinity();
    double minY = std::numeric_limits<double>::infinity();
    double maxX = -std::numeric_limits<double>::infinity();
    double maxY = -std::numeric_limits<double>::infinity();

    bool isNull() const noexcept { return !(minX <= maxX && minY <= maxY); }
    double width() const noexcept { return isNull() ? 0.0 : maxX - minX; }
    double height() const noexcept { return isNull() ? 0.0 : maxY - minY; }

    void include(double x, double y) noexcept {
        minX = std::min(minX, x);
        minY = std::min(minY, y);
        maxX = std::max(maxX, x);
        maxY = std::max(maxY, y);
    }
    void include(const Extent& other) noexcept {
        if (other.isNull())
            return;
        include(other.minX, other.minY);
        include(other.maxX, other.maxY);
    }
    bool contains(double x, double y) const noexcept {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
    bool intersects(const Extent& other) const noexcept {
        return !isNull() && !other.isNull() && minX <= other.maxX && other.minX <= maxX &&
               minY <= other.maxY && other.minY <= maxY;
    }

    bool operator==(const Extent&) const = default;
};

} // namespace geo
