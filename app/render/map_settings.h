// An immutable snapshot of what to draw and where: extent, output size and resolution, the
// drawing data, theme, filter, visible layers and selection. A render job copies it at start,
// so the view can change while workers draw the previous one.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <QColor>
#include <QPointF>
#include <QSize>

#include "app/render/category_style.h"
#include "app/render/map_style.h"
#include "app/render/project_drawing.h"
#include "geo/basemap.h"
#include "geo/extent.h"
#include "geo/parcel_filter.h"

namespace app {

// Which parcels a view shows: the same value drives the map, the table and the legend counts.
using ParcelFilter = geo::ParcelFilter;

struct MapLayers {
    bool parcels = true;
    bool rivers = true;
    bool villages = true;
    bool labels = true; // always drawn last, over every layer
    double parcelOpacity = 1.0;
    // Drawing order, bottom first: "basemap", "parcels", "relief", "rivers", "roads",
    // "villages", "assets", "seats" (a township's seat and its village's assets often share a
    // spot: the few seats stay on top). A layer missing from the order is not drawn.
    std::vector<std::string> order{"basemap", "parcels",  "relief", "rivers",
                                   "roads",   "villages", "assets", "seats"};
    bool basemap = true; // drawn when the settings carry one
    bool assets = true;  // the 三资 asset points
    bool roads = true;
    bool seats = true; // the township seats (乡镇驻地), with their names among the labels
    // Relief shading from the project's DEM, over the parcels so it darkens their colours on
    // slopes facing away from the light; off until asked for.
    bool relief = false;
    bool operator==(const MapLayers&) const = default;
};

class MapSettings {
public:
    MapSettings() = default;

    // The view centred on `extent`, scaled so all of it fits in `size` pixels.
    static MapSettings fitted(const geo::Extent& extent, QSize size, double marginFraction = 0.02);

    // Map units per pixel, equal on both axes.
    double mapUnitsPerPixel() const noexcept { return m_unitsPerPixel; }
    double centreX() const noexcept { return m_centreX; }
    double centreY() const noexcept { return m_centreY; }
    QSize size() const noexcept { return m_size; }
    double dpi() const noexcept { return m_dpi; }
    // The visible rectangle in map units.
    geo::Extent visibleExtent() const noexcept;
    // 1 : N at the output's DPI, for a projected CRS in metres.
    double scaleDenominator() const noexcept { return m_unitsPerPixel * m_dpi / 0.0254; }

    QPointF toPixel(double x, double y) const noexcept {
        return {(x - m_centreX) / m_unitsPerPixel + m_size.width() / 2.0,
                (m_centreY - y) / m_unitsPerPixel + m_size.height() / 2.0};
    }
    void toMap(QPointF pixel, double& x, double& y) const noexcept {
        x = m_centreX + (pixel.x() - m_size.width() / 2.0) * m_unitsPerPixel;
        y = m_centreY - (pixel.y() - m_size.height() / 2.0) * m_unitsPerPixel;
    }

    // Copies with one thing changed: the view is a value.
    MapSettings withCentre(double x, double y) const;
    MapSettings withUnitsPerPixel(double unitsPerPixel) const;
    MapSettings withSize(QSize size) const;
    MapSettings withDpi(double dpi) const;
    // Zoom by `factor` (> 1 zooms in) keeping the map point under `pixel` fixed.
    MapSettings zoomedAbout(QPointF pixel, double factor) const;
    MapSettings pannedBy(QPointF pixelDelta) const;

    std::shared_ptr<const ProjectDrawing> drawing;
    std::shared_ptr<const CategoryStyle> theme; // parcel fills
    // Boundaries, water, outlines and labels (styles/map.json); null: built-in defaults.
    std::shared_ptr<const MapStyle> style;
    // A local raster under everything (an orthophoto, MBTiles); null: none.
    std::shared_ptr<const geo::Basemap> basemap;
    std::string themeName;
    ParcelFilter filter;
    MapLayers layers;
    // Selected parcels (feature indices into drawing->parcels), sorted.
    std::shared_ptr<const std::vector<std::uint32_t>> selection;
    QColor background{255, 255, 255};
    // Off: every parcel is drawn as a polygon at any scale (the reference for the district
    // view's dominant-colour drawing, and for exports that want full detail).
    bool levelOfDetail = true;
    bool zh = true; // label language of legend and furniture

private:
    double m_centreX = 0.0;
    double m_centreY = 0.0;
    double m_unitsPerPixel = 1.0;
    QSize m_size{800, 600};
    double m_dpi = 96.0;
};

} // namespace app
