#include "app/render/map_settings.h"

#include <algorithm>

namespace app {

MapSettings MapSettings::fitted(const geo::Extent& extent, QSize size, double marginFraction) {
    MapSettings settings;
    settings.m_size = size;
    if (extent.isNull() || size.isEmpty())
        return settings;
    settings.m_centreX = (extent.minX + extent.maxX) / 2;
    settings.m_centreY = (extent.minY + extent.maxY) / 2;
    const double usable = 1.0 - 2.0 * marginFraction;
    const double w = std::max(extent.width(), 1e-9) / (size.width() * usable);
    const double h = std::max(extent.height(), 1e-9) / (size.height() * usable);
    settings.m_unitsPerPixel = std::max(w, h);
    return settings;
}

geo::Extent MapSettings::visibleExtent() const noexcept {
    const double halfW = m_size.width() * m_unitsPerPixel / 2;
    const double halfH = m_size.height() * m_unitsPerPixel / 2;
    return {m_centreX - halfW, m_centreY - halfH, m_centreX + halfW, m_centreY + halfH};
}

MapSettings MapSettings::withCentre(double x, double y) const {
    MapSettings copy = *this;
    copy.m_centreX = x;
    copy.m_centreY = y;
    return copy;
}

MapSettings MapSettings::withUnitsPerPixel(double unitsPerPixel) const {
    MapSettings copy = *this;
    if (unitsPerPixel > 0)
        copy.m_unitsPerPixel = unitsPerPixel;
    return copy;
}

MapSettings MapSettings::withSize(QSize size) const {
    MapSettings copy = *this;
    copy.m_size = size;
    return copy;
}

MapSettings MapSettings::withDpi(double dpi) const {
    MapSettings copy = *this;
    if (dpi > 0)
        copy.m_dpi = dpi;
    return copy;
}

MapSettings MapSettings::zoomedAbout(QPointF pixel, double factor) const {
    if (!(factor > 0))
        return *this;
    double x = 0, y = 0;
    toMap(pixel, x, y);
    MapSettings copy = withUnitsPerPixel(m_unitsPerPixel / factor);
    // Keep (x, y) under the same pixel.
    copy.m_centreX = x - (pixel.x() - m_size.width() / 2.0) * copy.m_unitsPerPixel;
    copy.m_centreY = y + (pixel.y() - m_size.height() / 2.0) * copy.m_unitsPerPixel;
    return copy;
}

MapSettings MapSettings::pannedBy(QPointF pixelDelta) const {
    return withCentre(m_centreX - pixelDelta.x() * m_unitsPerPixel,
                      m_centreY + pixelDelta.y() * m_unitsPerPixel);
}

} // namespace app
