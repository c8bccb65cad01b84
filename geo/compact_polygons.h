// Polygons held for drawing and hit tests at a fraction of the memory of doubles: vertices as
// 32-bit integer offsets from an origin at a fixed resolution (a centimetre in a metric CRS),
// one packed R-tree over integer boxes. Built once, then read from any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "geo/extent.h"
#include "geo/spatial_index.h"

class OGRGeometry;

namespace geo {

struct FlatLayer;

class CompactPolygons {
public:
    // A vertex is stored as round((x - originX) / resolution); 0.01 keeps centimetres in a
    // projected CRS and lets coordinates reach ±21,000 km from the origin.
    CompactPolygons(double originX, double originY, double resolution = 0.01);
    CompactPolygons()
        : CompactPolygons(0.0, 0.0) {}

    // Builders. Every feature keeps its slot (an empty geometry gives a feature with no rings),
    // so feature indices follow the order of the calls. Only polygon rings are kept.
    void add(std::int64_t fid, const OGRGeometry* geometry);
    void add(std::int64_t fid, const FlatLayer& layer, std::size_t feature);
    // From well-known binary (ISO or extended, 2D/Z/M): polygons and multipolygons are read
    // in place; anything else goes through GDAL. A null or unreadable WKB gives no rings.
    void addWkb(std::int64_t fid, const unsigned char* wkb, std::size_t size);
    // Appends all features of `other` (same origin and resolution), e.g. a part read by
    // another thread.
    void append(const CompactPolygons& other);
    // Builds the spatial index; call once after the last add, before any query. It only
    // writes the index, so other threads may read the coordinates meanwhile.
    void finish();
    void reserve(std::size_t features, std::size_t rings, std::size_t vertices);
    std::size_t ringCount() const noexcept;

    std::size_t size() const noexcept { return m_fid.size(); }
    std::int64_t fid(std::size_t feature) const noexcept { return m_fid[feature]; }
    const Extent& extent() const noexcept { return m_extent; }
    Extent featureExtent(std::size_t feature) const noexcept;
    double originX() const noexcept { return m_originX; }
    double originY() const noexcept { return m_originY; }
    double resolution() const noexcept { return m_resolution; }

    // Raw access for drawing loops: rings [ringBegin, ringEnd) of a feature, vertices
    // [vertexBegin(ring), vertexBegin(ring + 1)) of a ring, as integer x, y pairs.
    std::uint32_t ringBegin(std::size_t feature) const noexcept { return m_featureRing[feature]; }
    std::uint32_t ringEnd(std::size_t feature) const noexcept { return m_featureRing[feature + 1]; }
    std::uint32_t vertexBegin(std::uint32_t ring) const noexcept { return m_ringVertex[ring]; }
    const std::int32_t* vertices() const noexcept { return m_xy.data(); }
    std::size_t vertexCount() const noexcept { return m_xy.size() / 2; }

    double x(std::uint32_t vertex) const noexcept {
        return m_originX + m_xy[2 * vertex] * m_resolution;
    }
    double y(std::uint32_t vertex) const noexcept {
        return m_originY + m_xy[2 * vertex + 1] * m_resolution;
    }

    // Features whose box intersects `box`; stop early by returning false.
    void query(const Extent& box, const std::function<bool(std::uint32_t)>& visit) const;
    // Even-odd containment over all rings of `feature`.
    bool contains(std::size_t feature, double px, double py) const noexcept;
    // Whether the polygon (not just its box) shares a point with the rectangle.
    bool intersects(std::size_t feature, const Extent& box) const noexcept;
    // The feature containing (px, py); when none does, the nearest within `tolerance` (map
    // units). -1 when there is none.
    long long featureAt(double px, double py, double tolerance = 0.0) const;
    // Every feature the rectangle touches, in index order.
    std::vector<std::uint32_t> featuresIn(const Extent& box) const;

    // Bytes held (capacity of every array and the index), for the memory budget.
    std::size_t memoryBytes() const noexcept;

private:
    struct Box {
        std::int32_t minX, minY, maxX, maxY;
    };
    std::int32_t toGridX(double v) const noexcept;
    std::int32_t toGridY(double v) const noexcept;
    void beginFeature(std::int64_t fid);
    void endFeature();
    void addRing(const double* xy, std::size_t count, std::size_t stride);
    double distanceTo(std::size_t feature, double px, double py) const noexcept;

    double m_originX;
    double m_originY;
    double m_resolution;
    std::vector<std::int32_t> m_xy;
    std::vector<std::uint32_t> m_ringVertex{0};  // first vertex of each ring; +end
    std::vector<std::uint32_t> m_featureRing{0}; // first ring of each feature; +end
    std::vector<std::int64_t> m_fid;
    std::vector<Box> m_box;
    Extent m_extent;
    SpatialIndex m_index;
};

} // namespace geo
