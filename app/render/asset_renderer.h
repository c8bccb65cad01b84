// The assets layer: each 三资 ledger asset as a small symbol by its status (styles/map.json
// "assets"), so idle schools and warehouses stand out at every scale.
#pragma once

#include <atomic>

#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

// False when cancelled.
bool drawAssets(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);

} // namespace app
