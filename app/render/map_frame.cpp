#include "app/render/map_frame.h"

#include <cmath>

#include <QPainter>

#include "app/render/map_furniture.h"

namespace app {

std::vector<LegendEntry> legendEntries(const PreparedTheme& theme, bool zh) {
    std::vector<LegendEntry> entries;
    for (const LegendClass& c : theme.legend())
        if (c.count > 0)
            entries.push_back({c.fill, zh ? c.labelZh : c.labelEn, c.count, c.areaMu});
    return entries;
}

void drawMapFurniture(QImage& image, const MapSettings& settings, const PreparedTheme& theme) {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double unit = settings.dpi() / 96.0;
    const double w = image.width(), h = image.height();
    const std::vector<LegendEntry> entries = legendEntries(theme, settings.zh);
    // Lower left. drawLegend fills its box from the top, so it draws into a scratch image
    // first and the part it used goes to the bottom corner.
    const QSizeF most(std::min(w * 0.4, 330 * unit), h / 2);
    QImage scratch(most.toSize(), QImage::Format_ARGB32_Premultiplied);
    scratch.fill(Qt::transparent);
    double used = 0;
    {
        QPainter legend(&scratch);
        legend.setRenderHint(QPainter::Antialiasing, true);
        used = drawLegend(legend, QRectF(QPointF(0, 0), most), entries,
                          settings.zh ? QStringLiteral("图例") : QStringLiteral("Legend"));
    }
    const int rows = std::min(scratch.height(), int(std::ceil(used)) + 2);
    painter.drawImage(QPointF(10 * unit, h - 10 * unit - rows),
                      scratch.copy(0, 0, scratch.width(), rows));
    drawScaleBar(painter, QRectF(w - 230 * unit, h - 50 * unit, 210 * unit, 36 * unit),
                 settings.mapUnitsPerPixel());
    drawNorthArrow(painter, QRectF(w - 60 * unit, 12 * unit, 44 * unit, 64 * unit));
}

} // namespace app
