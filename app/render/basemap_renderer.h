// The basemap layer: the settings' local raster (orthophoto, MBTiles…) read for the view,
// under every other layer.
#pragma once

#include <atomic>

#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

// Draws the basemap at the painter's origin; true also when there is none or the view misses
// it. Throws geo::Error when the raster cannot be read.
bool drawBasemap(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);

} // namespace app
