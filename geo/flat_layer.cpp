#include "geo/flat_layer.h"

#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

void appendCurve(FlatLayer& out, const OGRSimpleCurve& curve, bool ring) {
    out.partStart.push_back(static_cast<std::uint32_t>(out.vertexCount()));
    out.partIsRing.push_back(ring ? 1 : 0);
    for (const OGRPoint& p : curve) {
        out.xy.push_back(p.getX());
        out.xy.push_back(p.getY());
        out.extent.include(p.getX(), p.getY());
    }
}

void appendGeometry(FlatLayer& out, const OGRGeometry& geometry) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
        const auto& p = *geometry.toPoint();
        out.partStart.push_back(static_cast<std::uint32_t>(out.vertexCount()));
        out.partIsRing.push_back(0);
        out.xy.push_back(p.getX());
        out.xy.push_back(p.getY());
        out.extent.include(p.getX(), p.getY());
        break;
    }
    case wkbLineString:
        appendCurve(out, *geometry.toLineString(), false);
        break;
    case wkbPolygon:
        for (const OGRLinearRing* ring : *geometry.toPolygon())
            appendCurve(out, *ring, true);
        break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            appendGeometry(out, *part);
        break;
    default: {
        // Curves, surfaces and the like: draw their linear approximation.
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear &&
            wkbFlatten(linear->getGeometryType()) != wkbFlatten(geometry.getGeometryType()))
            appendGeometry(out, *linear);
        break;
    }
    }
}

GeometryKind kindOf(OGRwkbGeometryType type) {
    const OGRwkbGeometryType flat = wkbFlatten(type);
    if (flat == wkbPoint || flat == wkbMultiPoint)
        return GeometryKind::Points;
    if (OGR_GT_IsCurve(flat) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve))
        return GeometryKind::Lines;
    return GeometryKind::Polygons;
}

} // namespace

void appendFeature(FlatLayer& layer, const OGRGeometry* geometry) {
    if (!layer.featurePart.empty()) { // drop the end markers, put them back below
        layer.featurePart.pop_back();
        layer.partStart.pop_back();
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    if (geometry && !geometry->IsEmpty())
        appendGeometry(layer, *geometry);
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.vertexCount()));
}

void appendFeature(FlatLayer& layer, const FlatLayer& from, std::size_t feature) {
    if (!layer.featurePart.empty()) {
        layer.featurePart.pop_back();
        layer.partStart.pop_back();
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    for (std::uint32_t part = from.featurePart[feature]; part < from.featurePart[feature + 1];
         ++part) {
        layer.partStart.push_back(static_cast<std::uint32_t>(layer.vertexCount()));
        layer.partIsRing.push_back(part < from.partIsRing.size() ? from.partIsRing[part] : 1);
        const std::uint32_t first = from.partStart[part], last = from.partStart[part + 1];
        layer.xy.insert(layer.xy.end(), from.xy.begin() + 2 * first, from.xy.begin() + 2 * last);
        for (std::uint32_t v = first; v < last; ++v)
            layer.extent.include(from.xy[2 * v], from.xy[2 * v + 1]);
    }
    layer.featurePart.push_back(static_cast<std::uint32_t>(layer.partStart.size()));
    layer.partStart.push_back(static_cast<std::uint32_t>(layer.vertexCount()));
}

FlatLayer readFlatLayer(const std::string& path, const std::string& layerName,
                        const std::string& categoryField) {
    GDALDatasetUniquePtr dataset = openVector(path);
    OGRLayer* layer =
        layerName.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layerName.c_str());
    if (!layer)
        throw InputError("has no layer '" + layerName + "'; run `ogrinfo` on it to list its layers",
                         {path, layerName, {}, {}});

    int fieldIndex = -1;
    if (!categoryField.empty()) {
        fieldIndex = layer->GetLayerDefn()->GetFieldIndex(categoryField.c_str());
        if (fieldIndex < 0)
            throw InputError("has no field '" + categoryField + "'", {path, layerName, {}, {}});
    }

    FlatLayer out;
    out.kind = kindOf(layer->GetGeomType());
    const GIntBig count = layer->GetFeatureCount(FALSE);
    if (count > 0) {
        out.featurePart.reserve(static_cast<std::size_t>(count) + 1);
        out.category.reserve(static_cast<std::size_t>(count));
    }
    layer->ResetReading();
    for (const auto& feature : *layer) {
        out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
        if (const OGRGeometry* geometry = feature->GetGeometryRef();
            geometry && !geometry->IsEmpty())
            appendGeometry(out, *geometry);
        out.category.emplace_back(fieldIndex >= 0 ? feature->GetFieldAsString(fieldIndex) : "");
    }
    out.featurePart.push_back(static_cast<std::uint32_t>(out.partStart.size()));
    out.partStart.push_back(static_cast<std::uint32_t>(out.vertexCount()));
    return out;
}

} // namespace geo
