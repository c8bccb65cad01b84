// The one seam between the reports and map drawing: a report asks for the map of the
// district or of one village in a rectangle and gets back what its legend shows. Drawn as
// vectors with QPainter (parcels by zone, rivers, transferred parcels hatched, idle items in
// red, village boundaries), in the map window's colours and line styles: the zones theme
// and styles/map.json. Not through the map renderer, which draws raster images: a PDF page
// keeps its maps sharp at any zoom, small, and its hatching and highlights exact.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <QPainter>
#include <QRectF>

#include "app/render/category_style.h"
#include "app/render/map_furniture.h"
#include "app/render/map_style.h"
#include "geo/flat_layer.h"

namespace app {

// What the report maps show, read once per report from the classified project.
struct ReportMapData {
    geo::FlatLayer parcels;                 // category: BSM
    geo::FlatLayer villages;                // category: ZLDWDM
    std::vector<std::string> zone, village; // per parcel, from parcel_classes
    std::vector<char> transferred, idle;    // per parcel
    std::vector<double> areaMu;             // per parcel
    std::vector<geo::Extent> boxes;         // per parcel, so each page skips the others quickly
    std::map<std::string, std::string> villageNames; // code → name, for labels
    CategoryStyle zones;
    geo::FlatLayer rivers;         // lines, category: the stream order field; may be empty
    geo::FlatLayer riverSurfaces;  // polygons; may be empty
    RiverStyle riverStyle;         // as the map window draws them
    BoundaryStyle villageBoundary; // as the map window draws them
};

// Throws geo::InputError naming the project when it cannot be read. `mapStyle` gives the
// rivers' and boundaries' look (null: built-in defaults).
ReportMapData loadReportMapData(const std::string& projectPath, const std::string& zoneStyle,
                                const MapStyle* mapStyle = nullptr);

// Marks exactly the parcels with these ids (BSM) transferred: the report's day is not the
// classification's, and the report recomputed who is.
void markTransferred(ReportMapData& data, const std::vector<std::string>& parcelIds);

struct ReportMapRequest {
    const ReportMapData* data = nullptr;
    std::string village; // a village code (ZLDWDM); empty: the whole district
    bool english = false;
    QString transferredLabel, idleLabel;
};

struct ReportMapResult {
    std::vector<LegendEntry> legend; // the zones drawn, then transferred and idle
    double metresPerUnit = 0.0;      // ground metres per device unit, for the scale bar
};

// Draws the map fitted into `target` (clipped to it, framed).
ReportMapResult drawReportMap(QPainter& painter, const QRectF& target,
                              const ReportMapRequest& request);

} // namespace app
