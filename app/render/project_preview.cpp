#include "app/render/project_preview.h"

#include <algorithm>
#include <cmath>

#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include "app/render/overlay_renderer.h"
#include "geo/error.h"
#include "geo/gdal_session.h"

namespace app {
namespace {

bool hasLayer(const std::string& path, const char* name) {
    GDALDatasetUniquePtr ds = geo::openVector(path);
    return ds->GetLayerByName(name) != nullptr;
}

// Maps map coordinates to pixels: north up, same scale on both axes, centred.
struct ViewTransform {
    double scale = 1.0;
    double offsetX = 0.0;
    double offsetY = 0.0;
    double centreX = 0.0;
    double centreY = 0.0;

    ViewTransform(const geo::Extent& extent, QSize size) {
        const double margin = 0.04;
        const double w = std::max(extent.width(), 1e-9);
        const double h = std::max(extent.height(), 1e-9);
        scale = std::min(size.width() * (1 - 2 * margin) / w, size.height() * (1 - 2 * margin) / h);
        centreX = (extent.minX + extent.maxX) / 2;
        centreY = (extent.minY + extent.maxY) / 2;
        offsetX = size.width() / 2.0;
        offsetY = size.height() / 2.0;
    }
    QPointF map(double x, double y) const {
        return {offsetX + (x - centreX) * scale, offsetY - (y - centreY) * scale};
    }
};

QPainterPath featurePath(const geo::FlatLayer& layer, std::size_t feature,
                         const ViewTransform& view, bool closeRings) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t first = layer.partStart[part];
        const std::uint32_t last = layer.partStart[part + 1];
        for (std::uint32_t v = first; v < last; ++v) {
            const QPointF p = view.map(layer.xy[2 * v], layer.xy[2 * v + 1]);
            if (v == first)
                path.moveTo(p);
            else
                path.lineTo(p);
        }
        if (closeRings)
            path.closeSubpath();
    }
    return path;
}

QPointF labelPoint(const geo::FlatLayer& layer, std::size_t feature, const ViewTransform& view) {
    // Area-weighted centroid of the outer ring: good enough for compact village shapes.
    const std::uint32_t part = layer.featurePart[feature];
    const std::uint32_t first = layer.partStart[part];
    const std::uint32_t last = layer.partStart[part + 1];
    double a = 0, cx = 0, cy = 0;
    const double ox = layer.xy[2 * first], oy = layer.xy[2 * first + 1];
    for (std::uint32_t v = first; v + 1 < last; ++v) {
        const double x0 = layer.xy[2 * v] - ox, y0 = layer.xy[2 * v + 1] - oy;
        const double x1 = layer.xy[2 * v + 2] - ox, y1 = layer.xy[2 * v + 3] - oy;
        const double cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if (std::fabs(a) < 1e-12)
        return view.map(ox, oy);
    return view.map(ox + cx / (3 * a), oy + cy / (3 * a));
}

} // namespace

PreviewLayers loadPreviewLayers(const std::string& projectPath) {
    PreviewLayers layers;
    if (!hasLayer(projectPath, "parcels"))
        throw geo::InputError("is not a tianmu project: it has no 'parcels' layer; "
                              "import parcels first or open a project GeoPackage",
                              {projectPath, {}, {}, {}});
    layers.parcels = geo::readFlatLayer(projectPath, "parcels", "DLBM");
    if (hasLayer(projectPath, "villages"))
        layers.villages = geo::readFlatLayer(projectPath, "villages", "ZLDWMC");
    if (hasLayer(projectPath, "river_surfaces"))
        layers.riverSurfaces = geo::readFlatLayer(projectPath, "river_surfaces");
    if (hasLayer(projectPath, "rivers"))
        layers.rivers = geo::readFlatLayer(projectPath, "rivers", "DJ");
    if (hasLayer(projectPath, "roads"))
        layers.roads = geo::readFlatLayer(projectPath, "roads");
    if (hasLayer(projectPath, "seats"))
        layers.seats = geo::readFlatLayer(projectPath, "seats", "XZMC");
    layers.extent = layers.villages.featureCount() ? layers.villages.extent : layers.parcels.extent;
    return layers;
}

QImage renderPreview(const PreviewLayers& layers, const CategoryStyle& landUse, QSize size) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor("#f4f1ea"));
    if (layers.extent.isNull())
        return image;
    const ViewTransform view(layers.extent, size);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);

    // Parcels: fill by land use; outlines only where parcels are several pixels wide.
    const double parcelPixels =
        std::sqrt(layers.parcels.extent.width() * layers.parcels.extent.height() /
                  static_cast<double>(std::max<std::size_t>(1, layers.parcels.featureCount()))) *
        view.scale;
    const QPen parcelPen(QColor(90, 90, 90, parcelPixels > 6 ? 110 : 0), 0.5);
    for (std::size_t f = 0; f < layers.parcels.featureCount(); ++f) {
        const QColor fill = landUse.categoryFor(layers.parcels.category[f]).fill;
        painter.setPen(parcelPixels > 6 ? parcelPen : QPen(fill, 0.6));
        painter.setBrush(fill);
        painter.drawPath(featurePath(layers.parcels, f, view, true));
    }

    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor("#4f8fd0"));
    for (std::size_t f = 0; f < layers.riverSurfaces.featureCount(); ++f)
        painter.drawPath(featurePath(layers.riverSurfaces, f, view, true));

    painter.setBrush(Qt::NoBrush);
    for (std::size_t f = 0; f < layers.rivers.featureCount(); ++f) {
        const double order = std::max(1.0, std::atof(layers.rivers.category[f].c_str()));
        painter.setPen(QPen(QColor("#2f74c0"), 0.6 + 0.7 * order, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(featurePath(layers.rivers, f, view, false));
    }

    for (std::size_t f = 0; f < layers.roads.featureCount(); ++f) {
        painter.setPen(QPen(QColor("#7a5230"), 2.4, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(featurePath(layers.roads, f, view, false));
        painter.setPen(QPen(QColor("#f6e7c8"), 1.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(featurePath(layers.roads, f, view, false));
    }

    QPen boundary(QColor("#5b2d83"), 2.0, Qt::DashLine);
    painter.setPen(boundary);
    for (std::size_t f = 0; f < layers.villages.featureCount(); ++f)
        painter.drawPath(featurePath(layers.villages, f, view, true));

    // Township seats as the map draws them: a red ring around a dot.
    const double seatSize = std::max(10.0, size.height() / 40.0);
    std::vector<std::pair<QPointF, QString>> seatNames;
    for (std::size_t f = 0; f < layers.seats.featureCount(); ++f) {
        const std::uint32_t v = layers.seats.partStart[layers.seats.featurePart[f]];
        if (v >= layers.seats.partStart[layers.seats.featurePart[f + 1]])
            continue; // no point
        const QPointF at = view.map(layers.seats.xy[2 * v], layers.seats.xy[2 * v + 1]);
        drawSeatSymbol(painter, at, seatSize, SeatStyle{});
        seatNames.emplace_back(at + QPointF(seatSize / 2 + 3, 0),
                               QString::fromStdString(layers.seats.category[f]));
    }

    // Village names in a CJK font with a halo, so they read on any fill.
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPixelSize(std::max(12, size.height() / 36));
    font.setBold(true);
    painter.setFont(font);
    for (const auto& [at, name] : seatNames) { // left-aligned beside the seat's symbol
        QPainterPath text;
        text.addText(0, 0, font, name);
        text.translate(at - QPointF(text.boundingRect().left(), text.boundingRect().center().y()));
        painter.strokePath(text, QPen(QColor(255, 255, 255, 220), 3.0));
        painter.fillPath(text, SeatStyle{}.colour.darker(150));
    }
    for (std::size_t f = 0; f < layers.villages.featureCount(); ++f) {
        const QString name = QString::fromStdString(layers.villages.category[f]);
        const QPointF at = labelPoint(layers.villages, f, view);
        QPainterPath text;
        text.addText(0, 0, font, name);
        text.translate(at - text.boundingRect().center());
        painter.strokePath(text, QPen(QColor(255, 255, 255, 220), 3.0));
        painter.fillPath(text, QColor("#2b1640"));
    }
    return image;
}

} // namespace app
