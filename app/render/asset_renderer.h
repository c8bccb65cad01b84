// The assets layer: each 三资 ledger asset as a small symbol by its status (styles/map.json
// "assets"), so idle schools and warehouses stand out at every scale.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include <QPainter>

#include "app/render/map_settings.h"

namespace app {

// False when cancelled.
bool drawAssets(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel);

// The asset (index into settings.drawing->assets) whose symbol covers pixel `p` of the view,
// or lies within `tolerancePx` of it; the nearest when several do, the one drawn last (on top)
// of equally near ones. -1 when none.
long long assetAt(const MapSettings& settings, QPointF p, double tolerancePx);

// One symbol centred on `centre`, `size` pixels wide (the painter's pen draws its outline).
void drawAssetSymbol(QPainter& painter, QPointF centre, double size, const AssetSymbol& symbol);

// The legend of the assets layer: each status present, in the style's order (others last),
// with its symbol and how many assets have it.
struct AssetLegendEntry {
    std::string status;
    AssetSymbol symbol;
    int count = 0;
};
std::vector<AssetLegendEntry> assetLegend(const AssetDrawing& assets, const AssetStyle& style);

} // namespace app
