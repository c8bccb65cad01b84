#include "geo/compact_polygons.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include <ogr_geometry.h>

#include "geo/flat_layer.h"
#include "geo/wkb_cursor.h"

namespace geo {

CompactPolygons::CompactPolygons(double originX, double originY, double resolution)
    : m_originX(originX)
    , m_originY(originY)
    , m_resolution(resolution) {}

std::int32_t CompactPolygons::toGridX(double v) const noexcept {
    return static_cast<std::int32_t>(std::lround((v - m_originX) / m_resolution));
}

std::int32_t CompactPolygons::toGridY(double v) const noexcept {
    return static_cast<std::int32_t>(std::lround((v - m_originY) / m_resolution));
}

void CompactPolygons::beginFeature(std::int64_t fid) {
    m_fid.push_back(fid);
    m_box.push_back(
        {std::numeric_limits<std::int32_t>::max(), std::numeric_limits<std::int32_t>::max(),
         std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::min()});
}

void CompactPolygons::endFeature() {
    m_featureRing.push_back(static_cast<std::uint32_t>(m_ringVertex.size() - 1));
    const Box& b = m_box.back();
    if (b.minX <= b.maxX)
        m_extent.include(featureExtent(m_box.size() - 1));
}

void CompactPolygons::addRing(const double* xy, std::size_t count, std::size_t stride) {
    // Closing vertices are dropped: drawing and the predicates close rings themselves.
    if (count > 1 && xy[0] == xy[(count - 1) * stride] && xy[1] == xy[(count - 1) * stride + 1])
        --count;
    if (count < 3)
        return;
    Box& b = m_box.back();
    for (std::size_t i = 0; i < count; ++i) {
        const std::int32_t gx = toGridX(xy[i * stride]);
        const std::int32_t gy = toGridY(xy[i * stride + 1]);
        m_xy.push_back(gx);
        m_xy.push_back(gy);
        b.minX = std::min(b.minX, gx);
        b.minY = std::min(b.minY, gy);
        b.maxX = std::max(b.maxX, gx);
        b.maxY = std::max(b.maxY, gy);
    }
    m_ringVertex.push_back(static_cast<std::uint32_t>(m_xy.size() / 2));
}

void CompactPolygons::add(std::int64_t fid, const OGRGeometry* geometry) {
    beginFeature(fid);
    std::vector<double> scratch;
    const auto addPolygon = [&](const OGRPolygon& polygon) {
        for (const OGRLinearRing* ring : polygon) {
            const int n = ring->getNumPoints();
            scratch.resize(2 * static_cast<std::size_t>(n));
            ring->getPoints(scratch.data(), 2 * sizeof(double), scratch.data() + 1,
                            2 * sizeof(double));
            addRing(scratch.data(), static_cast<std::size_t>(n), 2);
        }
    };
    if (geometry && !geometry->IsEmpty()) {
        const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
        if (type == wkbPolygon) {
            addPolygon(*geometry->toPolygon());
        } else if (type == wkbMultiPolygon) {
            for (const OGRPolygon* part : *geometry->toMultiPolygon())
                addPolygon(*part);
        } else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection) || OGR_GT_IsSurface(type)) {
            // Curved or mixed geometries: keep their linear polygons.
            std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
            if (linear) {
                if (wkbFlatten(linear->getGeometryType()) == wkbPolygon)
                    addPolygon(*linear->toPolygon());
                else if (OGR_GT_IsSubClassOf(wkbFlatten(linear->getGeometryType()),
                                             wkbGeometryCollection))
                    for (const OGRGeometry* part : *linear->toGeometryCollection())
                        if (wkbFlatten(part->getGeometryType()) == wkbPolygon)
                            addPolygon(*part->toPolygon());
            }
        }
    }
    endFeature();
}

void CompactPolygons::add(std::int64_t fid, const FlatLayer& layer, std::size_t feature) {
    beginFeature(fid);
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        if (!layer.partIsRing[part])
            continue;
        const std::uint32_t first = layer.partStart[part];
        addRing(layer.xy.data() + 2 * first, layer.partStart[part + 1] - first, 2);
    }
    endFeature();
}

void CompactPolygons::addWkb(std::int64_t fid, const unsigned char* wkb, std::size_t size) {
    if (!wkb || size == 0) {
        add(fid, static_cast<const OGRGeometry*>(nullptr));
        return;
    }
    WkbCursor in{wkb, wkb + size};
    std::uint32_t type = 0;
    int dimensions = 2;
    if (!in.header(type, dimensions) || (type != 3 && type != 6)) {
        // Not a plain polygon or multipolygon: GDAL knows the rest.
        OGRGeometry* parsed = nullptr;
        OGRGeometryFactory::createFromWkb(wkb, nullptr, &parsed, size);
        const std::unique_ptr<OGRGeometry> owned(parsed);
        add(fid, parsed);
        return;
    }
    beginFeature(fid);
    std::vector<double> xy;
    // One polygon's rings; false where the bytes end early.
    const auto polygon = [&](WkbCursor& r) {
        std::uint32_t rings = 0;
        if (!r.u32(rings))
            return false;
        for (std::uint32_t k = 0; k < rings; ++k) {
            std::uint32_t points = 0;
            if (!r.u32(points) || std::size_t(points) * std::size_t(dimensions) * 8 > r.remaining())
                return false;
            xy.resize(2 * std::size_t(points));
            for (std::uint32_t i = 0; i < points; ++i) {
                xy[2 * i] = r.f64();
                xy[2 * i + 1] = r.f64();
                for (int d = 2; d < dimensions; ++d)
                    r.f64(); // Z and M are not drawn
            }
            addRing(xy.data(), points, 2);
        }
        return true;
    };
    if (type == 3) {
        polygon(in);
    } else if (std::uint32_t parts = 0; in.u32(parts)) {
        for (std::uint32_t k = 0; k < parts; ++k) {
            std::uint32_t partType = 0;
            if (!in.header(partType, dimensions) || partType != 3 || !polygon(in))
                break;
        }
    }
    endFeature();
}

void CompactPolygons::append(const CompactPolygons& other) {
    const auto vertexOffset = static_cast<std::uint32_t>(m_xy.size() / 2);
    const auto ringOffset = static_cast<std::uint32_t>(m_ringVertex.size() - 1);
    m_xy.insert(m_xy.end(), other.m_xy.begin(), other.m_xy.end());
    for (std::size_t r = 1; r < other.m_ringVertex.size(); ++r)
        m_ringVertex.push_back(other.m_ringVertex[r] + vertexOffset);
    for (std::size_t f = 1; f < other.m_featureRing.size(); ++f)
        m_featureRing.push_back(other.m_featureRing[f] + ringOffset);
    m_fid.insert(m_fid.end(), other.m_fid.begin(), other.m_fid.end());
    m_box.insert(m_box.end(), other.m_box.begin(), other.m_box.end());
    m_extent.include(other.m_extent);
}

void CompactPolygons::finish() {
    std::vector<Extent> boxes(m_box.size());
    for (std::size_t i = 0; i < m_box.size(); ++i)
        if (m_box[i].minX <= m_box[i].maxX)
            boxes[i] = featureExtent(i);
    m_index = SpatialIndex(boxes);
}

void CompactPolygons::reserve(std::size_t features, std::size_t rings, std::size_t vertices) {
    m_fid.reserve(features);
    m_box.reserve(features);
    m_featureRing.reserve(features + 1);
    m_ringVertex.reserve(rings + 1);
    m_xy.reserve(2 * vertices);
}

std::size_t CompactPolygons::ringCount() const noexcept {
    return m_ringVertex.size() - 1;
}

Extent CompactPolygons::featureExtent(std::size_t feature) const noexcept {
    const Box& b = m_box[feature];
    if (b.minX > b.maxX)
        return {};
    return {m_originX + b.minX * m_resolution, m_originY + b.minY * m_resolution,
            m_originX + b.maxX * m_resolution, m_originY + b.maxY * m_resolution};
}

void CompactPolygons::query(const Extent& box,
                            const std::function<bool(std::uint32_t)>& visit) const {
    m_index.query(box, visit);
}

bool CompactPolygons::contains(std::size_t feature, double px, double py) const noexcept {
    bool inside = false;
    for (std::uint32_t ring = ringBegin(feature); ring < ringEnd(feature); ++ring) {
        const std::uint32_t first = m_ringVertex[ring], last = m_ringVertex[ring + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++) {
            const double xi = x(i), yi = y(i), xj = x(j), yj = y(j);
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

namespace {

double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Whether segment a–b meets the rectangle (Liang–Barsky clipping).
bool segmentMeetsBox(double ax, double ay, double bx, double by, const Extent& r) {
    double t0 = 0.0, t1 = 1.0;
    const double dx = bx - ax, dy = by - ay;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {ax - r.minX, r.maxX - ax, ay - r.minY, r.maxY - ay};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0.0) {
            if (q[k] < 0.0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0.0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

} // namespace

double CompactPolygons::distanceTo(std::size_t feature, double px, double py) const noexcept {
    if (contains(feature, px, py))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t ring = ringBegin(feature); ring < ringEnd(feature); ++ring) {
        const std::uint32_t first = m_ringVertex[ring], last = m_ringVertex[ring + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++)
            best = std::min(best, segmentDistance(px, py, x(j), y(j), x(i), y(i)));
    }
    return best;
}

bool CompactPolygons::intersects(std::size_t feature, const Extent& box) const noexcept {
    if (!featureExtent(feature).intersects(box))
        return false;
    // The rectangle is inside the polygon, or an edge of the polygon meets the rectangle
    // (which covers a polygon inside the rectangle too).
    if (contains(feature, box.minX, box.minY))
        return true;
    for (std::uint32_t ring = ringBegin(feature); ring < ringEnd(feature); ++ring) {
        const std::uint32_t first = m_ringVertex[ring], last = m_ringVertex[ring + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++)
            if (segmentMeetsBox(x(j), y(j), x(i), y(i), box))
                return true;
    }
    return false;
}

long long CompactPolygons::featureAt(double px, double py, double tolerance) const {
    long long found = -1;
    const Extent point{px, py, px, py};
    m_index.query(point, [&](std::uint32_t i) {
        if (contains(i, px, py)) {
            found = i;
            return false;
        }
        return true;
    });
    if (found >= 0 || tolerance <= 0.0)
        return found;
    return m_index.nearest(point, tolerance, [&](std::uint32_t i) { return distanceTo(i, px, py); })
        .first;
}

std::vector<std::uint32_t> CompactPolygons::featuresIn(const Extent& box) const {
    std::vector<std::uint32_t> out;
    m_index.query(box, [&](std::uint32_t i) {
        if (intersects(i, box))
            out.push_back(i);
        return true;
    });
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t CompactPolygons::memoryBytes() const noexcept {
    // The index holds one node (a box and two indices) per feature plus ~1/15 for upper levels.
    const std::size_t indexBytes = m_index.size() * (sizeof(Extent) + 8) * 16 / 15;
    return m_xy.capacity() * sizeof(std::int32_t) +
           m_ringVertex.capacity() * sizeof(std::uint32_t) +
           m_featureRing.capacity() * sizeof(std::uint32_t) +
           m_fid.capacity() * sizeof(std::int64_t) + m_box.capacity() * sizeof(Box) + indexBytes;
}

} // namespace geo
