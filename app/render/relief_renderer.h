// The relief layer: the project's DEM shaded by a light from the north-west and drawn as
// translucent shadow and highlight, so slopes read through the zone colours beneath. Flat
// ground is left untouched.
#pragma once

#include <atomic>

#include <QImage>
#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

// Shading for the view of `settings` (its size, premultiplied ARGB); a null image when the
// project has no DEM or the view misses it. Throws geo::Error when the DEM cannot be read.
QImage reliefImage(const MapSettings& settings, const std::atomic<bool>& cancel);

// reliefImage drawn at the painter's origin; false when cancelled.
bool drawRelief(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);

} // namespace app
