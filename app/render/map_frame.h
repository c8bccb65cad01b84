// The furniture drawn around a rendered map for the render command and reports: a legend of
// the active theme (with parcel counts and 亩 per class), a scale bar and a north arrow.
#pragma once

#include <QImage>

#include "app/render/map_furniture.h"
#include "app/render/map_settings.h"
#include "app/render/prepared_theme.h"

namespace app {

void drawMapFurniture(QImage& image, const MapSettings& settings, const PreparedTheme& theme);

// The classes of a theme that hold parcels, for a legend.
std::vector<LegendEntry> legendEntries(const PreparedTheme& theme, bool zh);

} // namespace app
