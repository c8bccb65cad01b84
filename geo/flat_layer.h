// A flat in-memory copy of one vector layer's geometry and one attribute, for drawing and
// quick statistics: no GDAL objects are kept, so it can be handed to any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geo/extent.h"

class OGRGeometry;

namespace geo {

enum class GeometryKind { Points, Lines, Polygons };

struct FlatLayer {
    GeometryKind kind = GeometryKind::Polygons;
    std::vector<double> xy;                 // x0, y0, x1, y1, … of every vertex
    std::vector<std::uint32_t> partStart;   // first vertex of each ring / line / point; +end
    std::vector<std::uint32_t> featurePart; // first part of each feature; +end
    std::vector<std::uint8_t> partIsRing;   // per part: 1 for a polygon ring, 0 for a line or point
    std::vector<std::string> category;      // the chosen attribute per feature (may be empty)
    Extent extent;

    std::size_t featureCount() const noexcept {
        return featurePart.empty() ? 0 : featurePart.size() - 1;
    }
    std::size_t vertexCount() const noexcept { return xy.size() / 2; }
};

// Appends one feature (any geometry; null or empty gives a feature with no parts), keeping the
// layer complete after each call so it can be queried while it grows.
void appendFeature(FlatLayer& layer, const OGRGeometry* geometry);

// Appends feature `feature` of `from` (a copy of its parts), keeping `layer` complete.
void appendFeature(FlatLayer& layer, const FlatLayer& from, std::size_t feature);

// Reads every feature of `layerName` in `path` (the first layer when empty). Features with
// an empty geometry keep their slot with no parts, so feature indices match the source order.
// Throws InputError when the file, the layer or the attribute does not exist.
FlatLayer readFlatLayer(const std::string& path, const std::string& layerName = {},
                        const std::string& categoryField = {});

} // namespace geo
