#include "geo/feature_validation.h"

#include <cmath>
#include <numbers>
#include <vector>

#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

bool belongs(OGRwkbGeometryType type, GeometryFamily family) {
    const OGRwkbGeometryType flat = wkbFlatten(type);
    switch (family) {
    case GeometryFamily::Polygon:
        return flat == wkbPolygon || flat == wkbMultiPolygon;
    case GeometryFamily::Line:
        return flat == wkbLineString || flat == wkbMultiLineString;
    case GeometryFamily::Point:
        return flat == wkbPoint || flat == wkbMultiPoint;
    case GeometryFamily::LineOrPolygon:
        return belongs(type, GeometryFamily::Line) || belongs(type, GeometryFamily::Polygon);
    case GeometryFamily::Any:
        return true;
    }
    return false;
}

const char* familyName(GeometryFamily family) {
    switch (family) {
    case GeometryFamily::Polygon:
        return "polygons";
    case GeometryFamily::Line:
        return "lines";
    case GeometryFamily::Point:
        return "points";
    case GeometryFamily::LineOrPolygon:
        return "lines or polygons";
    default:
        return "geometries";
    }
}

std::unique_ptr<OGRGeometry> promote(std::unique_ptr<OGRGeometry> g, GeometryFamily family) {
    const OGRwkbGeometryType flat = wkbFlatten(g->getGeometryType());
    if ((family == GeometryFamily::Polygon || family == GeometryFamily::LineOrPolygon) &&
        flat == wkbPolygon)
        return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(g.release()));
    if ((family == GeometryFamily::Line || family == GeometryFamily::LineOrPolygon) &&
        flat == wkbLineString)
        return std::unique_ptr<OGRGeometry>(
            OGRGeometryFactory::forceToMultiLineString(g.release()));
    return g;
}

// Keeps only the polygon parts of MakeValid's result (it may add lines and points).
std::unique_ptr<OGRGeometry> polygonParts(const OGRGeometry& g) {
    auto out = std::make_unique<OGRMultiPolygon>();
    const OGRwkbGeometryType flat = wkbFlatten(g.getGeometryType());
    if (flat == wkbPolygon)
        out->addGeometry(&g);
    else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection)
        for (const OGRGeometry* part : *g.toGeometryCollection()) {
            std::unique_ptr<OGRGeometry> sub = polygonParts(*part);
            for (const OGRGeometry* p : *sub->toMultiPolygon())
                out->addGeometry(p);
        }
    return out;
}

// Total length of the rings of polygon parts (the perimeter), without a GEOS round trip.
double ringLength(const OGRGeometry& g) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbPolygon: {
        double total = 0.0;
        for (const OGRLinearRing* ring : *g.toPolygon())
            total += ring->get_Length();
        return total;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection: {
        double total = 0.0;
        for (const OGRGeometry* part : *g.toGeometryCollection())
            total += ringLength(*part);
        return total;
    }
    default:
        return 0.0;
    }
}

} // namespace

GeometryCheck checkGeometry(const OGRGeometry* geometry, GeometryFamily family) {
    std::unique_ptr<OGRGeometry> copy(geometry ? geometry->clone() : nullptr);
    return checkGeometry(copy, family, nullptr);
}

GeometryCheck checkGeometry(std::unique_ptr<OGRGeometry>& geometry, GeometryFamily family,
                            FlatLayer* flat) {
    GeometryCheck check;
    if (!geometry || geometry->IsEmpty()) {
        check.outcome = GeometryCheck::Outcome::Rejected;
        check.kind = "empty_geometry";
        check.detail = "the feature has no geometry";
        return check;
    }
    // Curves (a CURVEPOLYGON from a GeoPackage or GML delivery) become straight segments, as
    // GDAL draws them: parcels, rivers and villages are measured as polygons and lines
    // everywhere else. Said in the import's issues, not done silently.
    const bool curved = geometry->hasCurveGeometry();
    if (curved)
        geometry.reset(geometry->getLinearGeometry());
    if (!belongs(geometry->getGeometryType(), family)) {
        check.outcome = GeometryCheck::Outcome::Rejected;
        check.kind = "wrong_geometry_type";
        check.detail = std::string("a ") + OGRGeometryTypeToName(geometry->getGeometryType()) +
                       " where " + familyName(family) + " are expected";
        return check;
    }
    std::unique_ptr<OGRGeometry> g; // set when the stored geometry is not the one given
    if (family != GeometryFamily::Point) {
        GdalMessageCollector geosMessages; // GEOS explains invalidity through GDAL's error handler
        // Most parcels are one simple ring: proven valid here without the cost of GEOS.
        bool provenValid = false;
        FlatLayer simple;
        if (wkbFlatten(geometry->getGeometryType()) == wkbPolygon &&
            geometry->toPolygon()->getNumInteriorRings() == 0) {
            appendFeature(simple, geometry.get());
            provenValid = isSimpleSingleRing(simple, 0);
        }
        if (provenValid && flat)
            *flat = std::move(simple); // a polygon and its one-part multipolygon flatten alike
        if (!provenValid && !geometry->IsValid()) {
            check.kind = "invalid_geometry";
            check.detail = geosMessages.messages().empty() ? "invalid geometry"
                                                           : geosMessages.messages().back();
            std::unique_ptr<OGRGeometry> repaired(geometry->MakeValid());
            if (repaired && (family == GeometryFamily::Polygon ||
                             (family == GeometryFamily::LineOrPolygon &&
                              belongs(geometry->getGeometryType(), GeometryFamily::Polygon))))
                repaired = polygonParts(*repaired);
            if (!repaired || repaired->IsEmpty() || !repaired->IsValid()) {
                check.outcome = GeometryCheck::Outcome::Rejected;
                check.detail += "; MakeValid could not repair it";
                return check;
            }
            check.outcome = GeometryCheck::Outcome::Repaired;
            check.detail += "; repaired with MakeValid";
            g = std::move(repaired);
        }
    }
    if (curved && check.outcome == GeometryCheck::Outcome::Accepted) {
        check.outcome = GeometryCheck::Outcome::Repaired;
        check.kind = "curved_geometry";
        check.detail = "its curves were replaced by straight segments";
    } else if (curved) {
        check.detail += "; its curves were replaced by straight segments";
    }
    if (!g)
        g = std::move(geometry); // accepted as it is: stored without a copy
    if (belongs(g->getGeometryType(), GeometryFamily::Polygon) && family != GeometryFamily::Any) {
        const double area = planarArea(*g);
        const double perimeter = ringLength(*g);
        const double compactness =
            perimeter > 0 ? 4 * std::numbers::pi * area / (perimeter * perimeter) : 0.0;
        check.sliver = area < 1.0 || (area < 100.0 && compactness < 0.05);
    }
    check.geometry = promote(std::move(g), family);
    if (flat && flat->featureCount() == 0)
        appendFeature(*flat, check.geometry.get());
    return check;
}

double planarArea(const OGRGeometry& geometry) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
        return geometry.toPolygon()->get_Area();
    case wkbMultiPolygon:
        return geometry.toMultiPolygon()->get_Area();
    case wkbGeometryCollection: {
        double total = 0.0;
        for (const OGRGeometry* part : *geometry.toGeometryCollection())
            total += planarArea(*part);
        return total;
    }
    default:
        return 0.0;
    }
}

} // namespace geo
