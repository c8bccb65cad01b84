#include "app/render/asset_renderer.h"

#include <QPainterPath>

namespace app {

bool drawAssets(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    if (!settings.drawing)
        return true;
    const AssetDrawing& assets = settings.drawing->assets;
    const AssetStyle style = settings.style ? settings.style->assets : AssetStyle{};
    const double size = style.sizePx * settings.dpi() / 96.0, half = size / 2.0;
    const QRectF view(QPointF(-size, -size), QSizeF(settings.size()) + QSizeF(2 * size, 2 * size));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(style.outline, std::max(1.0, size / 8.0)));
    for (std::size_t i = 0; i < assets.size(); ++i) {
        if ((i & 255) == 0 && cancel)
            return false;
        const QPointF p = settings.toPixel(assets.x[i], assets.y[i]);
        if (!view.contains(p))
            continue;
        const AssetSymbol& symbol = style.symbolFor(assets.status[i]);
        painter.setBrush(symbol.fill.isValid() ? symbol.fill : QColor(140, 140, 140));
        const QRectF box(p.x() - half, p.y() - half, size, size);
        if (symbol.shape == "square") {
            painter.drawRect(box);
        } else if (symbol.shape == "diamond") {
            const QPointF corners[4] = {{p.x(), p.y() - half * 1.25},
                                        {p.x() + half * 1.25, p.y()},
                                        {p.x(), p.y() + half * 1.25},
                                        {p.x() - half * 1.25, p.y()}};
            painter.drawPolygon(corners, 4);
        } else {
            painter.drawEllipse(box);
        }
    }
    return true;
}

} // namespace app
