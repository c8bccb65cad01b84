#include "app/render/label_renderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <QFontMetricsF>
#include <QPainterPath>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/flat_geometry.h"
#include "geo/gdal_session.h"

namespace app {
namespace {

// Parcel ids appear when parcels are at least this wide on screen, for at most this many.
constexpr double parcelIdsFromPixels = 90.0;
constexpr std::size_t maxParcelIds = 600;

bool overlapsAny(const QRectF& rect, const std::vector<PlacedLabel>& placed) {
    return std::any_of(placed.begin(), placed.end(),
                       [&](const PlacedLabel& l) { return l.rect.intersects(rect); });
}

// How a kind of label looks: from the map style, or tianmu's defaults without one.
struct LabelLook {
    QFont font;
    QColor colour;
    QColor halo;
    double haloWidth = 0.0;
    bool visible = true;
};

LabelLook lookOf(const LabelStyle* style, const MapSettings& settings, double defaultPt,
                 bool defaultBold, const QColor& defaultColour) {
    LabelLook look;
    const double scale = settings.dpi() / 96.0;
    if (!style) {
        look.font = mapFont(defaultPt, settings.dpi(), defaultBold);
        look.colour = defaultColour;
        look.halo = QColor(255, 255, 255, 220);
        look.haloWidth = 3.0 * scale;
        return look;
    }
    look.font = mapFont(style->sizePt, settings.dpi(), style->bold);
    if (!style->fontFamily.isEmpty())
        look.font.setFamily(style->fontFamily);
    look.colour = style->colour;
    look.halo = style->haloColour;
    look.haloWidth = 2.0 * style->haloWidthPx * scale; // the stroke straddles the outline
    look.visible = style->visibleAt(settings.scaleDenominator());
    return look;
}

void drawHaloText(QPainter& painter, const QRectF& rect, const QString& text,
                  const LabelLook& look) {
    const QFontMetricsF metrics(look.font);
    const QPointF baseline(rect.left(), rect.top() + metrics.ascent());
    painter.setFont(look.font);
    if (look.haloWidth > 0) {
        // The halo as the text drawn around itself: glyphs come from Qt's cache, where
        // stroking each glyph's outline would cost a path per label.
        painter.setPen(look.halo);
        const double r = look.haloWidth / 2;
        for (int k = 0; k < 8; ++k) {
            const double a = k * 3.14159265358979 / 4;
            painter.drawText(baseline + QPointF(r * std::cos(a), r * std::sin(a)), text);
        }
    }
    painter.setPen(look.colour);
    painter.drawText(baseline, text);
}

// BSM of the given parcels, read through this thread's own connection.
std::vector<std::string> parcelIds(const ProjectDrawing& drawing,
                                   const std::vector<std::uint32_t>& features) {
    std::vector<std::string> ids(features.size());
    try {
        GDALDatasetUniquePtr dataset = geo::openVector(drawing.path);
        // The primary key becomes the result's feature id (even when aliased), not a field.
        std::string sql = "SELECT fid, BSM FROM parcels WHERE fid IN (";
        for (std::size_t k = 0; k < features.size(); ++k) {
            if (k > 0)
                sql += ',';
            sql += std::to_string(drawing.parcels.polygons.fid(features[k]));
        }
        sql += ")";
        OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
        if (!result)
            return ids;
        std::map<std::int64_t, std::string> byFid;
        const int idField = result->GetLayerDefn()->GetFieldIndex("BSM");
        if (idField >= 0)
            for (const auto& row : *result)
                byFid[row->GetFID()] = row->GetFieldAsString(idField);
        dataset->ReleaseResultSet(result);
        for (std::size_t k = 0; k < features.size(); ++k)
            ids[k] = byFid[drawing.parcels.polygons.fid(features[k])];
    } catch (const std::exception&) {
        // Labels are decoration: a project without BSM simply shows none.
    }
    return ids;
}

} // namespace

QFont mapFont(double pointSize, double dpi, bool bold) {
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(std::max(1, int(std::lround(pointSize * dpi / 72.0))));
    font.setBold(bold);
    return font;
}

std::vector<PlacedLabel> drawLabels(QPainter& painter, const MapSettings& settings,
                                    const std::atomic<bool>& cancel) {
    std::vector<PlacedLabel> placed;
    if (!settings.drawing)
        return placed;
    const ProjectDrawing& drawing = *settings.drawing;
    const geo::Extent view = settings.visibleExtent();
    const double upp = settings.mapUnitsPerPixel();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF canvas(QPointF(0, 0), QSizeF(settings.size()));

    const MapStyle* style = settings.style.get();
    // Township names by their seats, before any village name: a township is the larger place,
    // and a handful of seats cannot crowd the villages out. To the right of the symbol, as
    // maps place a point's name, else left, above or below it.
    const SeatDrawing& seats = drawing.seats;
    const bool seatNames = settings.layers.seats && (!style || !style->seatLabels.field.empty());
    const LabelLook seatLook =
        lookOf(style ? &style->seatLabels : nullptr, settings, 12.0, true, QColor(122, 0, 18));
    if (seatNames && seatLook.visible) {
        const QFontMetricsF seatMetrics(seatLook.font);
        const double symbol =
            (style ? style->seats.sizePx : SeatStyle{}.sizePx) * settings.dpi() / 96.0;
        for (std::size_t i = 0; i < seats.size(); ++i) {
            if (seats.name[i].empty())
                continue;
            const QString text = QString::fromStdString(seats.name[i]);
            const QSizeF size(seatMetrics.horizontalAdvance(text), seatMetrics.height());
            const QPointF at = settings.toPixel(seats.x[i], seats.y[i]);
            const double gap = symbol / 2.0 + 2.0;
            for (const QPointF topLeft :
                 {QPointF(at.x() + gap, at.y() - size.height() / 2),
                  QPointF(at.x() - gap - size.width(), at.y() - size.height() / 2),
                  QPointF(at.x() - size.width() / 2, at.y() - gap - size.height()),
                  QPointF(at.x() - size.width() / 2, at.y() + gap)}) {
                const QRectF rect(topLeft, size);
                if (!canvas.contains(rect) || overlapsAny(rect, placed))
                    continue;
                drawHaloText(painter, rect, text, seatLook);
                placed.push_back({text, rect, PlacedLabel::Kind::Seat});
                break;
            }
        }
    }

    // Villages, largest on screen first: they win a contested spot.
    const VillageDrawing& villages = drawing.villages;
    const LabelLook villageLook =
        lookOf(style ? &style->villageLabels : nullptr, settings, 11.0, true, QColor(60, 20, 80));
    const QFontMetricsF metrics(villageLook.font);
    std::vector<std::size_t> order(villages.polygons.featureCount());
    std::iota(order.begin(), order.end(), 0);
    const std::vector<geo::Extent>& boxes = villages.box;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return boxes[a].width() * boxes[a].height() > boxes[b].width() * boxes[b].height();
    });
    for (std::size_t f : order) {
        if (cancel.load(std::memory_order_relaxed))
            return placed;
        if (!villageLook.visible || !boxes[f].intersects(view) || villages.name[f].empty())
            continue;
        const QString text = QString::fromStdString(villages.name[f]);
        const QSizeF size(metrics.horizontalAdvance(text), metrics.height());
        // Shown by scale: only once the village is wide enough on screen to hold its name.
        if (boxes[f].width() / upp < size.width() * 1.2)
            continue;
        const double x = villages.labelX[f], y = villages.labelY[f];
        if (std::isnan(x))
            continue;
        const QPointF anchor = settings.toPixel(x, y);
        // Candidates around the interior point; the label's centre must stay in the village.
        for (const QPointF offset :
             {QPointF(0, 0), QPointF(0, -size.height()), QPointF(0, size.height()),
              QPointF(-size.width() / 2, 0), QPointF(size.width() / 2, 0)}) {
            const QRectF rect(anchor + offset - QPointF(size.width() / 2, size.height() / 2), size);
            double cx = 0, cy = 0;
            settings.toMap(rect.center(), cx, cy);
            // The interior point itself (no offset) is inside by construction.
            const bool atAnchor = offset.isNull();
            if (!canvas.contains(rect) || overlapsAny(rect, placed) ||
                (!atAnchor && !geo::featureContains(villages.polygons, f, cx, cy)))
                continue;
            drawHaloText(painter, rect, text, villageLook);
            placed.push_back({text, rect, PlacedLabel::Kind::Village});
            break;
        }
    }

    // Parcel ids at large scales.
    const ParcelDrawing& parcels = drawing.parcels;
    std::vector<std::uint32_t> candidates;
    bool tooMany = false;
    parcels.polygons.query(view, [&](std::uint32_t i) {
        const geo::Extent box = parcels.polygons.featureExtent(i);
        if (std::min(box.width(), box.height()) / upp >= parcelIdsFromPixels)
            candidates.push_back(i);
        tooMany = candidates.size() > maxParcelIds;
        return !tooMany;
    });
    const LabelLook idLook =
        lookOf(style ? &style->parcelLabels : nullptr, settings, 7.5, false, QColor(40, 40, 40));
    if (tooMany || candidates.empty() || !idLook.visible)
        return placed;
    const std::vector<std::string> ids = parcelIds(drawing, candidates);
    const QFontMetricsF idMetrics(idLook.font);
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        if (cancel.load(std::memory_order_relaxed) || ids[k].empty())
            continue;
        const geo::Extent box = parcels.polygons.featureExtent(candidates[k]);
        const double cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2;
        if (!parcels.polygons.contains(candidates[k], cx, cy))
            continue;
        const QString text = QString::fromStdString(ids[k]);
        const QSizeF size(idMetrics.horizontalAdvance(text), idMetrics.height());
        const QRectF rect(settings.toPixel(cx, cy) - QPointF(size.width() / 2, size.height() / 2),
                          size);
        if (!canvas.contains(rect) || overlapsAny(rect, placed))
            continue;
        drawHaloText(painter, rect, text, idLook);
        placed.push_back({text, rect, PlacedLabel::Kind::Parcel});
    }
    return placed;
}

} // namespace app
