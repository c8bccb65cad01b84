#include "app/output/report_map.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>
#include <unordered_set>

#include <QFontMetricsF>
#include <QPainterPath>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/report/report_source.h"

namespace app {
namespace {

QPainterPath pathOf(const geo::FlatLayer& layer, std::size_t feature, const QTransform& t) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t begin = layer.partStart[part], end = layer.partStart[part + 1];
        for (std::uint32_t v = begin; v < end; ++v) {
            const QPointF p = t.map(QPointF(layer.xy[2 * v], layer.xy[2 * v + 1]));
            if (v == begin)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        if (part >= layer.partIsRing.size() || layer.partIsRing[part])
            path.closeSubpath(); // a river's line stays open
    }
    return path;
}

geo::Extent featureExtent(const geo::FlatLayer& layer, std::size_t f) {
    geo::Extent e;
    for (std::uint32_t v = layer.partStart[layer.featurePart[f]];
         v < layer.partStart[layer.featurePart[f + 1]]; ++v)
        e.include(layer.xy[2 * v], layer.xy[2 * v + 1]);
    return e;
}

// Whether the feature's box meets `view`.
bool meets(const geo::FlatLayer& layer, std::size_t f, const QRectF& view) {
    const geo::Extent e = featureExtent(layer, f);
    return !e.isNull() && e.maxX >= view.left() && e.minX <= view.right() && e.maxY >= view.top() &&
           e.minY <= view.bottom();
}

// A map-style stroke on a device with `pixel` units per 1/96 inch.
QPen penOf(const LineStyle& style, double pixel) {
    const double width = std::max(0.5, style.widthPx) * pixel;
    QPen pen(style.colour, width);
    if (!style.dashPx.empty()) {
        QList<qreal> dashes; // in pen widths, as Qt counts them
        for (double d : style.dashPx)
            dashes << std::max(0.5, d * pixel / width);
        pen.setDashPattern(dashes);
    }
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

geo::FlatLayer optionalLayer(const std::string& path, const std::string& layer,
                             const std::string& field) {
    try {
        return geo::readFlatLayer(path, layer, field);
    } catch (const geo::InputError&) { // no such layer or field: try without the field
    }
    try {
        return geo::readFlatLayer(path, layer);
    } catch (const geo::InputError&) {
        return {};
    }
}

} // namespace

ReportMapData loadReportMapData(const std::string& projectPath, const std::string& zoneStyle,
                                const MapStyle* mapStyle) {
    ReportMapData d;
    d.zones = CategoryStyle::load(zoneStyle);
    if (mapStyle) {
        d.riverStyle = mapStyle->rivers;
        d.villageBoundary = mapStyle->villages;
    } else {
        d.riverStyle.line = {QColor(47, 116, 192), 1.3, {}};
        d.riverStyle.surfaceFill = QColor(79, 143, 208);
        d.villageBoundary.line = {QColor(40, 40, 40), 2.0, {6, 3}};
    }
    const std::string riverLayer =
        d.riverStyle.layer.empty() ? std::string("rivers") : d.riverStyle.layer;
    d.rivers = optionalLayer(projectPath, riverLayer, d.riverStyle.orderField);
    if (!d.riverStyle.surfaceLayer.empty())
        d.riverSurfaces = optionalLayer(projectPath, d.riverStyle.surfaceLayer, {});
    d.parcels = geo::readFlatLayer(projectPath, "parcels", "BSM");
    try {
        d.villages = geo::readFlatLayer(projectPath, "villages", "ZLDWDM");
    } catch (const geo::InputError&) { // a project without villages still has a map
    }
    const std::size_t n = d.parcels.featureCount();
    d.zone.resize(n);
    d.village.resize(n);
    d.transferred.assign(n, 0);
    d.idle.assign(n, 0);
    d.areaMu.assign(n, 0.0);
    d.boxes.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        d.boxes[i] = featureExtent(d.parcels, i);
    std::unordered_map<std::string, std::size_t> byId;
    byId.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        byId.emplace(d.parcels.category[i], i);
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(projectPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* classes = ds ? ds->GetLayerByName("parcel_classes") : nullptr;
    if (!classes)
        throw geo::InputError("has not been classified yet; run: tianmu classify --project " +
                                  projectPath,
                              {projectPath, {}, {}, {}});
    // Only what the map draws: parcel_classes is a view, and each name it shows is a lookup.
    const std::vector<int> f =
        geo::report::readOnly(*classes, {"BSM", "ZONE", "VILLAGE_CODE", "TRANSFERRED", "IDLE",
                                         "AREA_MU", "VILLAGE_NAME"});
    const int bsm = f[0], zone = f[1], village = f[2], transferred = f[3], idle = f[4], mu = f[5],
              name = f[6];
    for (auto&& c : *classes) {
        const auto it = byId.find(c->GetFieldAsString(bsm));
        if (it == byId.end())
            continue;
        d.zone[it->second] = c->GetFieldAsString(zone);
        d.village[it->second] = c->GetFieldAsString(village);
        if (!d.villageNames.count(d.village[it->second]))
            d.villageNames.emplace(d.village[it->second], c->GetFieldAsString(name));
        d.transferred[it->second] = c->GetFieldAsInteger(transferred) == 1 ? 1 : 0;
        d.idle[it->second] = c->GetFieldAsInteger(idle) == 1 ? 1 : 0;
        d.areaMu[it->second] = c->GetFieldAsDouble(mu);
    }
    return d;
}

void markTransferred(ReportMapData& data, const std::vector<std::string>& parcelIds) {
    const std::unordered_set<std::string> ids(parcelIds.begin(), parcelIds.end());
    for (std::size_t i = 0; i < data.transferred.size(); ++i)
        data.transferred[i] = ids.count(data.parcels.category[i]) ? 1 : 0;
}

ReportMapResult drawReportMap(QPainter& painter, const QRectF& target,
                              const ReportMapRequest& request) {
    ReportMapResult result;
    const ReportMapData& d = *request.data;
    // The extent: the village's boundary, else its parcels, else the district.
    geo::Extent extent;
    std::size_t villageFeature = d.villages.featureCount();
    for (std::size_t v = 0; v < d.villages.featureCount(); ++v)
        if (!request.village.empty() && d.villages.category[v] == request.village) {
            villageFeature = v;
            extent = featureExtent(d.villages, v);
        }
    if (request.village.empty())
        extent = d.villages.featureCount() ? d.villages.extent : d.parcels.extent;
    auto mine = [&](std::size_t i) {
        return request.village.empty() || d.village[i] == request.village;
    };
    if (extent.isNull())
        for (std::size_t i = 0; i < d.parcels.featureCount(); ++i)
            if (mine(i))
                extent.include(d.boxes[i]);
    if (extent.isNull())
        return result;

    const double margin = 0.03;
    const double w = extent.width() * (1 + 2 * margin), h = extent.height() * (1 + 2 * margin);
    const double scale = std::min(target.width() / w, target.height() / h);
    const QPointF centre((extent.minX + extent.maxX) / 2, (extent.minY + extent.maxY) / 2);
    QTransform t;
    t.translate(target.center().x(), target.center().y());
    t.scale(scale, -scale);
    t.translate(-centre.x(), -centre.y());
    result.metresPerUnit = 1.0 / scale;

    painter.save();
    painter.setClipRect(target);
    painter.fillRect(target, QColor(250, 250, 247));
    const QRectF view = t.inverted().mapRect(target);
    std::map<std::string, std::pair<qint64, double>> zoneTotals;
    qint64 transferredCount = 0, idleCount = 0;
    double transferredMu = 0, idleMu = 0;
    const QBrush hatch(QColor(60, 60, 60), Qt::BDiagPattern);
    // A whole county of small parcels: outlines would grey the map, so fills only, and
    // thinner lines for the idle parcels and the village boundaries.
    const bool crowded = request.village.empty() && d.parcels.featureCount() > 50000;
    const double line = target.width() / (crowded ? 1500 : 400);
    std::vector<std::size_t> highlighted;
    for (std::size_t i = 0; i < d.parcels.featureCount(); ++i) {
        const bool own = mine(i);
        // The legend counts every parcel of the village or county, also one that lies off the
        // map (outside every village boundary), so that it agrees with the report's table.
        if (own) {
            auto& z = zoneTotals[d.zone[i]];
            ++z.first;
            z.second += d.areaMu[i];
            if (d.transferred[i]) {
                ++transferredCount;
                transferredMu += d.areaMu[i];
            }
            if (d.idle[i]) {
                ++idleCount;
                idleMu += d.areaMu[i];
            }
        }
        const geo::Extent& e = d.boxes[i];
        if (e.maxX < view.left() || e.minX > view.right() || e.maxY < view.top() ||
            e.minY > view.bottom())
            continue;
        const QPainterPath path = pathOf(d.parcels, i, t);
        QColor fill = d.zones.categoryFor(d.zone[i]).fill;
        if (!own)
            fill = QColor(235, 235, 235); // neighbours in grey, for context
        painter.setPen(crowded ? QPen(Qt::NoPen) : QPen(QColor(150, 150, 150), 0));
        painter.setBrush(fill);
        painter.drawPath(path);
        if (!own)
            continue;
        if (d.transferred[i]) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(hatch);
            painter.drawPath(path);
        }
        if (d.idle[i])
            highlighted.push_back(i);
    }
    // Rivers over the parcels, as in the map window: surfaces, then lines by stream order.
    // The style's widths are screen pixels; one is taken as 1/700 of the map's width (a map
    // about the size of the window's), so lines weigh the same against the map on a PDF
    // page and in an HTML image.
    const double pixel = target.width() / 700.0;
    painter.setPen(Qt::NoPen);
    painter.setBrush(d.riverStyle.surfaceFill);
    for (std::size_t f = 0; f < d.riverSurfaces.featureCount(); ++f)
        if (meets(d.riverSurfaces, f, view))
            painter.drawPath(pathOf(d.riverSurfaces, f, t));
    painter.setBrush(Qt::NoBrush);
    for (std::size_t f = 0; f < d.rivers.featureCount(); ++f) {
        if (!meets(d.rivers, f, view))
            continue;
        LineStyle river = d.riverStyle.line;
        const double order =
            d.rivers.category.size() > f ? std::atof(d.rivers.category[f].c_str()) : 0.0;
        river.widthPx = d.riverStyle.widthFor(order > 0 ? order : 1.0);
        painter.setPen(penOf(river, pixel * (crowded ? 0.5 : 1.0)));
        painter.drawPath(pathOf(d.rivers, f, t));
    }
    painter.setPen(QPen(QColor(220, 20, 20), std::max(1.0, line)));
    for (std::size_t i : highlighted)
        painter.drawPath(pathOf(d.parcels, i, t));
    painter.setPen(penOf(d.villageBoundary.line, pixel * (crowded ? 0.6 : 1.0)));
    for (std::size_t v = 0; v < d.villages.featureCount(); ++v)
        if (request.village.empty() || v == villageFeature)
            painter.drawPath(pathOf(d.villages, v, t));
    // The district map names its villages while the names can be read (a county of a thousand
    // villages would be covered in text).
    if (request.village.empty() && d.villages.featureCount() <= 80) {
        QFont f = painter.font();
        f.setBold(true);
        painter.setFont(f);
        for (std::size_t v = 0; v < d.villages.featureCount(); ++v) {
            const auto name = d.villageNames.find(d.villages.category[v]);
            if (name == d.villageNames.end())
                continue;
            const geo::Extent e = featureExtent(d.villages, v);
            const QPointF at = t.map(QPointF((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2));
            QPainterPath text;
            const QString label = QString::fromStdString(name->second);
            text.addText(at - QPointF(QFontMetricsF(f).horizontalAdvance(label) / 2, 0), f, label);
            painter.setPen(QPen(QColor(255, 255, 255, 220), QFontMetricsF(f).height() / 5));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(text);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(20, 20, 20));
            painter.drawPath(text);
        }
    }
    painter.restore();
    painter.setPen(QPen(Qt::black, 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(target);

    for (const CategoryStyle::Category& c : d.zones.categories()) {
        const auto it = zoneTotals.find(c.match);
        if (it != zoneTotals.end())
            result.legend.push_back({c.fill, request.english ? c.labelEn : c.labelZh,
                                     it->second.first, it->second.second});
    }
    for (const auto& [zone, total] : zoneTotals)
        if (std::none_of(d.zones.categories().begin(), d.zones.categories().end(),
                         [&](const CategoryStyle::Category& c) { return c.match == zone; }))
            result.legend.push_back(
                {d.zones.fallback().fill,
                 request.english ? d.zones.fallback().labelEn : d.zones.fallback().labelZh,
                 total.first, total.second});
    result.legend.push_back(
        {QColor(255, 255, 255), request.transferredLabel, transferredCount, transferredMu, true});
    LegendEntry idleEntry{QColor(255, 255, 255), request.idleLabel, idleCount, idleMu};
    idleEntry.outline = QColor(220, 20, 20);
    result.legend.push_back(idleEntry);
    return result;
}

} // namespace app
