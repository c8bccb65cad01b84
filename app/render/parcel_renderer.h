// Draws the parcels of one view, choosing the level of detail from the pixel size: parcels
// as polygons (simplified to the pixel, outlines fading as they shrink) when they are several
// pixels wide; otherwise the dominant category of each pixel from the theme's coverage
// pyramid, which is what a full-detail render looks like scaled down, without the dark carpet
// of outlines and at a fraction of the cost.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include <QImage>

#include "app/render/map_settings.h"
#include "app/render/prepared_theme.h"

namespace app {

class ParcelRenderer {
public:
    ParcelRenderer(MapSettings settings, std::shared_ptr<const PreparedTheme> theme,
                   int threads = 0);

    // Whether this view is drawn from the coverage pyramid rather than as polygons.
    bool drawsFromCoverage() const noexcept { return m_fromCoverage; }

    // Draws into `image` (the settings' size, ARGB32 premultiplied, transparent). Returns
    // false, leaving the image incomplete, when `cancel` became true.
    bool render(QImage& image, const std::atomic<bool>& cancel) const;

private:
    bool renderCoverage(QImage& image, const std::atomic<bool>& cancel) const;
    bool renderPolygons(QImage& image, const std::atomic<bool>& cancel) const;
    // Antialiased outlines through QPainter, for views where parcels are large on screen.
    bool drawSmoothOutlines(QImage& image, const std::vector<std::uint32_t>& features,
                            const std::atomic<bool>& cancel) const;

    MapSettings m_settings;
    std::shared_ptr<const PreparedTheme> m_theme;
    int m_threads;
    bool m_fromCoverage = false;
};

} // namespace app
