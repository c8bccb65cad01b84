// The labelling pass, run after the layers are drawn: township names by their seats first,
// then village names (Chinese, CJK font) inside their polygons, largest villages first, shown
// once the village is wide enough on screen for its name; parcel ids (BSM) when parcels are
// large on screen. No two labels overlap.
#pragma once

#include <atomic>
#include <vector>

#include <QPainter>
#include <QRectF>
#include <QString>

#include "app/render/map_settings.h"

namespace app {

struct PlacedLabel {
    enum class Kind { Village, Parcel, Seat };
    QString text;
    QRectF rect; // in pixels
    Kind kind = Kind::Village;
};

// Places and draws the labels; returns what was placed (for tests and hit checks).
std::vector<PlacedLabel> drawLabels(QPainter& painter, const MapSettings& settings,
                                    const std::atomic<bool>& cancel);

// The font the map uses for Chinese text (installed by the set-up script: fonts-noto-cjk).
QFont mapFont(double pointSize, double dpi, bool bold = false);

} // namespace app
