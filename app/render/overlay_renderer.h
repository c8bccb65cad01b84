// The thin layers over the parcels: rivers, roads, village boundaries, township seats and the
// selection. Few features, drawn as vectors at every scale.
#pragma once

#include <atomic>

#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

bool drawRivers(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);
// Roads as a casing under a centre line (styles/map.json "roads").
bool drawRoads(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);
// Township seats as a ring around a dot (styles/map.json "seats"); their names are labels.
bool drawSeats(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);
// One seat symbol centred on `centre`, `size` pixels wide.
void drawSeatSymbol(QPainter& painter, QPointF centre, double size, const SeatStyle& style);
bool drawVillageBoundaries(QPainter& painter, const MapSettings& settings,
                           const std::atomic<bool>& cancel);
void drawSelection(QPainter& painter, const MapSettings& settings);

} // namespace app
