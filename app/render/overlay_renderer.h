// The thin layers over the parcels: rivers, village boundaries and the selection. Few
// features, drawn as vectors at every scale.
#pragma once

#include <atomic>

#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

bool drawRivers(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);
bool drawVillageBoundaries(QPainter& painter, const MapSettings& settings,
                           const std::atomic<bool>& cancel);
void drawSelection(QPainter& painter, const MapSettings& settings);

} // namespace app
