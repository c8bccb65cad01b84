#include "app/render/overlay_renderer.h"

#include <QPainterPath>

namespace app {
namespace {

QPen penOf(const LineStyle& line, double scale, Qt::PenCapStyle cap = Qt::RoundCap) {
    QPen pen(line.colour, std::max(0.1, line.widthPx * scale), Qt::SolidLine, cap, Qt::RoundJoin);
    if (!line.dashPx.empty()) {
        // Qt measures dashes in pen widths; the style in pixels.
        QList<qreal> pattern;
        for (double d : line.dashPx)
            pattern << std::max(0.1, d / std::max(0.1, line.widthPx));
        pen.setDashPattern(pattern);
    }
    return pen;
}

QPainterPath pathOf(const geo::FlatLayer& layer, std::size_t feature, const MapSettings& settings,
                    bool rings) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        if (bool(layer.partIsRing[part]) != rings)
            continue;
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        QPointF kept;
        for (std::uint32_t v = first; v < last; ++v) {
            const QPointF p = settings.toPixel(layer.xy[2 * v], layer.xy[2 * v + 1]);
            if (v == first) {
                path.moveTo(p);
            } else if (v + 1 == last || (p - kept).manhattanLength() >= 0.75) {
                // Vertices closer than a pixel to the last one drawn add cost, not detail.
                path.lineTo(p);
            } else {
                continue;
            }
            kept = p;
        }
        if (rings)
            path.closeSubpath();
    }
    return path;
}

geo::Extent featureExtent(const geo::FlatLayer& layer, std::size_t feature) {
    geo::Extent box;
    const std::uint32_t first = layer.partStart[layer.featurePart[feature]];
    const std::uint32_t last = layer.partStart[layer.featurePart[feature + 1]];
    for (std::uint32_t v = first; v < last; ++v)
        box.include(layer.xy[2 * v], layer.xy[2 * v + 1]);
    return box;
}

} // namespace

bool drawRivers(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    const geo::FlatLayer& rivers = settings.drawing->rivers;
    const geo::Extent view = settings.visibleExtent();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const MapStyle* style = settings.style.get();
    const double scale = settings.dpi() / 96.0;
    const QColor water = style ? style->rivers.line.colour : QColor(74, 144, 217);
    const QColor surfaceFill = style ? style->rivers.surfaceFill : QColor(158, 202, 237);
    for (std::size_t f = 0; f < rivers.featureCount(); ++f) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        if (!featureExtent(rivers, f).intersects(view))
            continue;
        const QPainterPath surface = pathOf(rivers, f, settings, true);
        if (!surface.isEmpty()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(surfaceFill);
            painter.drawPath(surface);
        }
        const QPainterPath line = pathOf(rivers, f, settings, false);
        if (!line.isEmpty()) {
            const double order =
                f < settings.drawing->riverOrder.size() ? settings.drawing->riverOrder[f] : 0.0;
            const double width = style ? style->rivers.widthFor(order) : 1.4;
            painter.setPen(QPen(water, width * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(line);
        }
    }
    return true;
}

bool drawVillageBoundaries(QPainter& painter, const MapSettings& settings,
                           const std::atomic<bool>& cancel) {
    const VillageDrawing& villages = settings.drawing->villages;
    const geo::Extent view = settings.visibleExtent();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    // A white casing under a dark dashed line reads on every fill colour.
    const double scale = settings.dpi() / 96.0;
    const LineStyle lineStyle = settings.style ? settings.style->villages.line
                                               : LineStyle{QColor(90, 40, 110), 1.4, {4, 2}};
    const QPen casing(QColor(255, 255, 255, 200), (lineStyle.widthPx + 1.6) * scale, Qt::SolidLine,
                      Qt::RoundCap, Qt::RoundJoin);
    const QPen line = penOf(lineStyle, scale, Qt::FlatCap);
    for (std::size_t f = 0; f < villages.polygons.featureCount(); ++f) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        if (!featureExtent(villages.polygons, f).intersects(view))
            continue;
        const QPainterPath path = pathOf(villages.polygons, f, settings, true);
        painter.setPen(casing);
        painter.drawPath(path);
        painter.setPen(line);
        painter.drawPath(path);
    }
    return true;
}

void drawSelection(QPainter& painter, const MapSettings& settings) {
    if (!settings.selection || settings.selection->empty())
        return;
    const geo::CompactPolygons& polygons = settings.drawing->parcels.polygons;
    const geo::Extent view = settings.visibleExtent();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor(0, 200, 255), 2.2));
    painter.setBrush(QColor(0, 200, 255, 60));
    for (std::uint32_t feature : *settings.selection) {
        if (feature >= polygons.size() || !polygons.featureExtent(feature).intersects(view))
            continue;
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (std::uint32_t r = polygons.ringBegin(feature); r < polygons.ringEnd(feature); ++r) {
            QPolygonF ring;
            for (std::uint32_t v = polygons.vertexBegin(r); v < polygons.vertexBegin(r + 1); ++v)
                ring.append(settings.toPixel(polygons.x(v), polygons.y(v)));
            path.addPolygon(ring);
            path.closeSubpath();
        }
        // A selected parcel smaller than a few pixels still shows as a dot.
        if (path.boundingRect().width() < 4 && path.boundingRect().height() < 4)
            painter.drawEllipse(path.boundingRect().center(), 3, 3);
        else
            painter.drawPath(path);
    }
}

} // namespace app
