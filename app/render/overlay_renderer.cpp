#include "app/render/overlay_renderer.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <QPainterPath>

namespace app {
namespace {

// A village boundary smaller on screen than this (pixels, its larger side) — or than a quarter
// of the view — is drawn as a thin solid line: a dashed, cased line around a small village is
// noise, and stroking hundreds of them would take most of a frame. Villages that fill a good
// part of the view get the full style.
constexpr double fullBoundaryFromPixels = 160.0;
constexpr double fullBoundaryFromViewShare = 0.25;

QPen penOf(const LineStyle& line, double scale, Qt::PenCapStyle cap = Qt::RoundCap) {
    // Bevel joins: round ones make the stroker emit curves at every vertex, and a boundary
    // that follows parcel edges has thousands of them.
    QPen pen(line.colour, std::max(0.1, line.widthPx * scale), Qt::SolidLine, cap, Qt::BevelJoin);
    if (!line.dashPx.empty()) {
        // Qt measures dashes in pen widths; the style in pixels.
        QList<qreal> pattern;
        for (double d : line.dashPx)
            pattern << std::max(0.1, d / std::max(0.1, line.widthPx));
        pen.setDashPattern(pattern);
    }
    return pen;
}

// The parts of a feature's lines (or ring outlines) that cross `clip` (pixels), as open
// polylines, vertices closer than about a pixel merged: what a stroke needs, and no more.
// Off-screen stretches of a long boundary would otherwise be dashed and stroked for nothing.
QPainterPath strokePath(const geo::FlatLayer& layer, std::size_t feature,
                        const MapSettings& settings, const QRectF& clip, bool rings) {
    QPainterPath path;
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        if (bool(layer.partIsRing[part]) != rings)
            continue;
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        if (last - first < 2)
            continue;
        const std::uint32_t end = rings ? last + 1 : last; // rings close on their first vertex
        bool drawing = false;
        QPointF previous = settings.toPixel(layer.xy[2 * first], layer.xy[2 * first + 1]);
        QPointF kept = previous;
        for (std::uint32_t k = first + 1; k < end; ++k) {
            const std::uint32_t v = k < last ? k : first;
            const QPointF p = settings.toPixel(layer.xy[2 * v], layer.xy[2 * v + 1]);
            const QRectF segment = QRectF(previous, p).normalized().adjusted(-1, -1, 1, 1);
            if (!segment.intersects(clip)) {
                drawing = false;
                previous = p;
                continue;
            }
            if (!drawing) {
                path.moveTo(previous);
                kept = previous;
                drawing = true;
            }
            if ((p - kept).manhattanLength() >= 0.75 || k + 1 == end) {
                path.lineTo(p);
                kept = p;
            }
            previous = p;
        }
    }
    return path;
}

QPainterPath fillPath(const geo::FlatLayer& layer, std::size_t feature,
                      const MapSettings& settings) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        if (!layer.partIsRing[part])
            continue;
        QPolygonF ring;
        for (std::uint32_t v = layer.partStart[part]; v < layer.partStart[part + 1]; ++v)
            ring << settings.toPixel(layer.xy[2 * v], layer.xy[2 * v + 1]);
        path.addPolygon(ring);
        path.closeSubpath();
    }
    return path;
}

QRectF paddedCanvas(const MapSettings& settings) {
    return QRectF(QPointF(0, 0), QSizeF(settings.size())).adjusted(-8, -8, 8, 8);
}

} // namespace

bool drawRivers(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    const ProjectDrawing& drawing = *settings.drawing;
    const geo::FlatLayer& rivers = drawing.rivers;
    const geo::Extent view = settings.visibleExtent();
    const QRectF clip = paddedCanvas(settings);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const MapStyle* style = settings.style.get();
    const double scale = settings.dpi() / 96.0;
    const QColor water = style ? style->rivers.line.colour : QColor(74, 144, 217);
    const QColor surfaceFill = style ? style->rivers.surfaceFill : QColor(158, 202, 237);
    for (std::size_t f = 0; f < rivers.featureCount(); ++f) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        if (f < drawing.riverBox.size() && !drawing.riverBox[f].intersects(view))
            continue;
        const QPainterPath surface = fillPath(rivers, f, settings);
        if (!surface.isEmpty()) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(surfaceFill);
            painter.drawPath(surface);
        }
        const QPainterPath line = strokePath(rivers, f, settings, clip, false);
        if (!line.isEmpty()) {
            const double order = f < drawing.riverOrder.size() ? drawing.riverOrder[f] : 0.0;
            const double width = style ? style->rivers.widthFor(order) : 1.4;
            painter.setPen(QPen(water, width * scale, Qt::SolidLine, Qt::RoundCap, Qt::BevelJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(line);
        }
    }
    return true;
}

bool drawRoads(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    const RoadDrawing& roads = settings.drawing->roads;
    const geo::Extent view = settings.visibleExtent();
    const QRectF clip = paddedCanvas(settings);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const double scale = settings.dpi() / 96.0;
    RoadStyle style; // without a map style: brown and cream, every road alike
    if (settings.style) {
        style = settings.style->roads;
    } else {
        style.casing = {QColor(122, 82, 48), 2.4, {}};
        style.line = {QColor(246, 231, 200), 1.0, {}};
    }
    // All casings first, then all centre lines: where two roads meet, the junction is open,
    // not crossed by the later road's casing. The main roads over the others.
    QPainterPath other, main;
    for (std::size_t f = 0; f < roads.lines.featureCount(); ++f) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        if (f < roads.box.size() && !roads.box[f].intersects(view))
            continue;
        const bool isMain = f < roads.grade.size() && style.isMain(roads.grade[f]);
        (isMain ? main : other).addPath(strokePath(roads.lines, f, settings, clip, false));
    }
    for (const auto& [paths, casing, line] :
         {std::tuple{&other, &style.casing, &style.line},
          std::tuple{&main, &style.mainCasing, &style.mainLine}}) {
        if (paths->isEmpty())
            continue;
        painter.setPen(penOf(*casing, scale));
        painter.drawPath(*paths);
        painter.setPen(penOf(*line, scale));
        painter.drawPath(*paths);
    }
    return true;
}

void drawSeatSymbol(QPainter& painter, QPointF centre, double size, const SeatStyle& style) {
    const double ring = std::max(1.0, size / 6.0);
    const double outer = size / 2.0 - ring / 2.0;
    painter.setPen(QPen(style.colour, ring));
    painter.setBrush(style.fill);
    painter.drawEllipse(centre, outer, outer);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.colour);
    const double dot = size / 5.0;
    painter.drawEllipse(centre, dot, dot);
}

bool drawSeats(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    const SeatDrawing& seats = settings.drawing->seats;
    const SeatStyle style = settings.style ? settings.style->seats : SeatStyle{};
    const double size = style.sizePx * settings.dpi() / 96.0;
    const QRectF view(QPointF(-size, -size), QSizeF(settings.size()) + QSizeF(2 * size, 2 * size));
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        const QPointF p = settings.toPixel(seats.x[i], seats.y[i]);
        if (view.contains(p))
            drawSeatSymbol(painter, p, size, style);
    }
    return true;
}

bool drawVillageBoundaries(QPainter& painter, const MapSettings& settings,
                           const std::atomic<bool>& cancel) {
    const VillageDrawing& villages = settings.drawing->villages;
    const geo::Extent view = settings.visibleExtent();
    const QRectF clip = paddedCanvas(settings);
    const double upp = settings.mapUnitsPerPixel();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const double scale = settings.dpi() / 96.0;
    const LineStyle lineStyle = settings.style ? settings.style->villages.line
                                               : LineStyle{QColor(90, 40, 110), 1.4, {4, 2}};
    // A white casing under a dark dashed line reads on every fill colour.
    const QPen casing(QColor(255, 255, 255, 200), (lineStyle.widthPx + 1.6) * scale, Qt::SolidLine,
                      Qt::FlatCap, Qt::BevelJoin);
    const QPen line = penOf(lineStyle, scale, Qt::FlatCap);
    QColor thinColour = lineStyle.colour;
    thinColour.setAlphaF(std::min(1.0F, thinColour.alphaF() * 0.8F));
    const QPen thin(thinColour, std::max(0.8, lineStyle.widthPx * 0.5) * scale);
    const double fullFrom = std::max(
        fullBoundaryFromPixels,
        fullBoundaryFromViewShare * std::max(settings.size().width(), settings.size().height()));
    // Small villages on screen share one path: one stroke for all of them.
    QPainterPath thinPaths;
    for (std::size_t f = 0; f < villages.polygons.featureCount(); ++f) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        const geo::Extent& box = villages.box[f];
        if (!box.intersects(view))
            continue;
        const QPainterPath path = strokePath(villages.polygons, f, settings, clip, true);
        if (std::max(box.width(), box.height()) / upp < fullFrom) {
            thinPaths.addPath(path);
            continue;
        }
        // The casing is a soft white band: without antialiasing it looks the same, at half
        // the cost of the stroke.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(casing);
        painter.drawPath(path);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(line);
        painter.drawPath(path);
    }
    if (!thinPaths.isEmpty()) {
        painter.setPen(thin);
        painter.drawPath(thinPaths);
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
