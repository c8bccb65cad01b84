// A plain QPainter drawing of a project: parcels coloured by land use, river surfaces and
// lines, roads, village boundaries and names. A stand-in until the map renderer lands; it is
// what the run command writes and what the window shows.
#pragma once

#include <string>

#include <QImage>
#include <QSize>

#include "app/render/category_style.h"
#include "geo/flat_layer.h"

namespace app {

struct PreviewLayers {
    geo::FlatLayer villages; // category: village name
    geo::FlatLayer parcels;  // category: land-use code
    geo::FlatLayer riverSurfaces;
    geo::FlatLayer rivers; // category: stream order
    geo::FlatLayer roads;
    geo::FlatLayer seats; // township seats (乡镇驻地), points named by XZMC
    geo::Extent extent;   // of the villages (or of the parcels without villages)
};

// Reads the layers of a project GeoPackage. Layers other than parcels are optional.
// Throws geo::InputError naming the file when it cannot be read or has no parcels.
PreviewLayers loadPreviewLayers(const std::string& projectPath);

// Draws the layers into an image of `size` pixels, the extent fitted with a small margin.
QImage renderPreview(const PreviewLayers& layers, const CategoryStyle& landUse, QSize size);

} // namespace app
