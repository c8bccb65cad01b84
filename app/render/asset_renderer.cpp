#include "app/render/asset_renderer.h"

#include <algorithm>

#include <QPainterPath>

namespace app {

bool drawAssets(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    if (!settings.drawing)
        return true;
    const AssetDrawing& assets = settings.drawing->assets;
    const AssetStyle style = settings.style ? settings.style->assets : AssetStyle{};
    const double size = style.sizePx * settings.dpi() / 96.0;
    const QRectF view(QPointF(-size, -size), QSizeF(settings.size()) + QSizeF(2 * size, 2 * size));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(style.outline, std::max(1.0, size / 8.0)));
    for (std::size_t i = 0; i < assets.size(); ++i) {
        if ((i & 255) == 0 && cancel)
            return false;
        const QPointF p = settings.toPixel(assets.x[i], assets.y[i]);
        if (!view.contains(p))
            continue;
        drawAssetSymbol(painter, p, size, style.symbolFor(assets.status[i]));
    }
    return true;
}

long long assetAt(const MapSettings& settings, QPointF p, double tolerancePx) {
    if (!settings.drawing)
        return -1;
    const AssetDrawing& assets = settings.drawing->assets;
    const AssetStyle style = settings.style ? settings.style->assets : AssetStyle{};
    // The widest symbol, the diamond, reaches 1.25 half-sizes from its centre.
    const double reach = style.sizePx * settings.dpi() / 96.0 / 2.0 * 1.25 + tolerancePx;
    long long best = -1;
    double bestSquared = reach * reach;
    for (std::size_t i = 0; i < assets.size(); ++i) {
        const QPointF d = settings.toPixel(assets.x[i], assets.y[i]) - p;
        const double squared = d.x() * d.x() + d.y() * d.y();
        if (squared <= bestSquared) {
            best = static_cast<long long>(i);
            bestSquared = squared;
        }
    }
    return best;
}

void drawAssetSymbol(QPainter& painter, QPointF p, double size, const AssetSymbol& symbol) {
    const double half = size / 2.0;
    painter.setBrush(symbol.fill.isValid() ? symbol.fill : QColor(140, 140, 140));
    if (symbol.shape == "square") {
        painter.drawRect(QRectF(p.x() - half, p.y() - half, size, size));
    } else if (symbol.shape == "diamond") { // a little larger: a diamond looks smaller
        const QPointF corners[4] = {{p.x(), p.y() - half * 1.25},
                                    {p.x() + half * 1.25, p.y()},
                                    {p.x(), p.y() + half * 1.25},
                                    {p.x() - half * 1.25, p.y()}};
        painter.drawPolygon(corners, 4);
    } else {
        painter.drawEllipse(QRectF(p.x() - half, p.y() - half, size, size));
    }
}

std::vector<AssetLegendEntry> assetLegend(const AssetDrawing& assets, const AssetStyle& style) {
    std::vector<AssetLegendEntry> entries;
    for (const AssetSymbol& symbol : style.symbols)
        entries.push_back({symbol.value, symbol, 0});
    for (const std::string& status : assets.status) {
        auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const AssetLegendEntry& e) { return e.status == status; });
        if (it == entries.end())
            it = entries.insert(entries.end(), {status, style.other, 0});
        ++it->count;
    }
    std::erase_if(entries, [](const AssetLegendEntry& e) { return e.count == 0; });
    return entries;
}

} // namespace app
