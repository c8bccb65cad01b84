#include "app/render/parcel_renderer.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace app {
namespace {

// Below this many pixels per coverage cell, polygons are drawn; at or above, the pyramid.
constexpr double polygonsUpToCellsPerPixel = 1.0;
// Without a map style: outlines appear on parcels wider than `outlineFrom` pixels and are
// fully drawn from four times that.
constexpr double defaultOutlineFrom = 4.0;
// Outlines drop vertices closer than this to the last one kept (pixels, Manhattan distance).
// Fills keep every vertex: neighbours simplified independently would no longer share their
// edges, and the seams show as single background pixels where parcels meet.
constexpr double simplifyTolerance = 0.75;
constexpr std::size_t cancelCheckEvery = 16;

int workerCount(int requested) {
    return requested > 0 ? requested
                         : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

} // namespace

ParcelRenderer::ParcelRenderer(MapSettings settings, std::shared_ptr<const PreparedTheme> theme,
                               int threads)
    : m_settings(std::move(settings))
    , m_theme(std::move(theme))
    , m_threads(workerCount(threads)) {
    const ProjectDrawing* drawing = m_settings.drawing.get();
    if (drawing && m_theme && !m_theme->levels().empty() && m_settings.levelOfDetail)
        m_fromCoverage = m_settings.mapUnitsPerPixel() >=
                         m_theme->levels().front().cellSize * polygonsUpToCellsPerPixel;
}

bool ParcelRenderer::render(QImage& image, const std::atomic<bool>& cancel) const {
    if (!m_settings.drawing || !m_theme)
        return true;
    return m_fromCoverage ? renderCoverage(image, cancel) : renderPolygons(image, cancel);
}

bool ParcelRenderer::renderCoverage(QImage& image, const std::atomic<bool>& cancel) const {
    const auto& levels = m_theme->levels();
    const double upp = m_settings.mapUnitsPerPixel();
    // The level whose cells are closest to a pixel: each pixel shows the dominant category.
    const double ratio = upp / levels.front().cellSize;
    const int wanted = static_cast<int>(std::floor(std::log2(std::max(ratio, 1.0)) + 0.5));
    const PreparedTheme::Level& level =
        levels[static_cast<std::size_t>(std::clamp(wanted, 0, int(levels.size()) - 1))];
    const geo::Extent view = m_settings.visibleExtent();
    const int width = image.width(), height = image.height();
    const double opacity = std::clamp(m_settings.layers.parcelOpacity, 0.0, 1.0);

    // Column of each output pixel in the level, computed once per image.
    std::vector<int> columnOf(static_cast<std::size_t>(width));
    for (int i = 0; i < width; ++i) {
        const double x = view.minX + (i + 0.5) * upp;
        const double c = std::floor((x - level.left) / level.cellSize);
        columnOf[static_cast<std::size_t>(i)] = c >= 0 && c < level.width ? int(c) : -1;
    }
    std::uint32_t palette[256];
    for (int c = 0; c < 256; ++c) {
        const QRgb argb = m_theme->argb(static_cast<std::uint8_t>(c));
        palette[c] = opacity >= 1.0
                         ? argb
                         : qPremultiply(qRgba(
                               qRed(qUnpremultiply(argb)), qGreen(qUnpremultiply(argb)),
                               qBlue(qUnpremultiply(argb)), int(qAlpha(argb) * opacity + 0.5)));
    }
    std::atomic<bool> stopped{false};
    const auto rows = [&](int first, int last) {
        for (int j = first; j < last; ++j) {
            if (cancel.load(std::memory_order_relaxed)) {
                stopped = true;
                return;
            }
            auto* line = reinterpret_cast<std::uint32_t*>(image.scanLine(j));
            const double y = view.maxY - (j + 0.5) * upp;
            const double r = std::floor((level.top - y) / level.cellSize);
            if (r < 0 || r >= level.height)
                continue;
            const std::uint8_t* cells =
                level.cells.data() +
                static_cast<std::size_t>(r) * static_cast<std::size_t>(level.width);
            for (int i = 0; i < width; ++i) {
                const int c = columnOf[static_cast<std::size_t>(i)];
                if (c >= 0)
                    line[i] = palette[cells[c]];
            }
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < m_threads; ++t)
        workers.emplace_back(rows, height * t / m_threads, height * (t + 1) / m_threads);
    rows(0, height / m_threads);
    for (std::thread& worker : workers)
        worker.join();
    return !stopped;
}

bool ParcelRenderer::renderPolygons(QImage& image, const std::atomic<bool>& cancel) const {
    const geo::CompactPolygons& polygons = m_settings.drawing->parcels.polygons;
    std::vector<std::uint32_t> features;
    // A little beyond the view so outlines of parcels just outside still touch the border.
    geo::Extent query = m_settings.visibleExtent();
    const double pad = 2 * m_settings.mapUnitsPerPixel();
    query = {query.minX - pad, query.minY - pad, query.maxX + pad, query.maxY + pad};
    polygons.query(query, [&](std::uint32_t i) {
        if (m_theme->category(i) != PreparedTheme::noFeature)
            features.push_back(i);
        return true;
    });
    if (features.empty())
        return true;
    // Parcels tile the land, so workers may draw disjoint sets into their own images and the
    // results be laid over each other in any order.
    const int threads = features.size() < 4000 ? 1 : m_threads;
    if (threads == 1)
        return drawFeatures(image, features, 0, features.size(), cancel);
    const auto n = static_cast<std::size_t>(threads);
    std::vector<QImage> parts(n - 1);
    std::vector<char> done(parts.size(), 0);
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back([&, t] {
            QImage& part = parts[static_cast<std::size_t>(t - 1)];
            part = QImage(image.size(), QImage::Format_ARGB32_Premultiplied);
            part.fill(Qt::transparent);
            done[static_cast<std::size_t>(t - 1)] =
                drawFeatures(part, features, features.size() * std::size_t(t) / n,
                             features.size() * std::size_t(t + 1) / n, cancel);
        });
    bool complete = drawFeatures(image, features, 0, features.size() / n, cancel);
    for (std::thread& worker : workers)
        worker.join();
    if (!complete || std::find(done.begin(), done.end(), 0) != done.end())
        return false;
    QPainter painter(&image);
    for (const QImage& part : parts)
        painter.drawImage(0, 0, part);
    return true;
}

bool ParcelRenderer::drawFeatures(QImage& image, const std::vector<std::uint32_t>& features,
                                  std::size_t from, std::size_t to,
                                  const std::atomic<bool>& cancel) const {
    const geo::CompactPolygons& polygons = m_settings.drawing->parcels.polygons;
    const geo::Extent view = m_settings.visibleExtent();
    const double upp = m_settings.mapUnitsPerPixel();
    const double scale = polygons.resolution() / upp;
    const double offsetX = (polygons.originX() - view.minX) / upp;
    const double offsetY = (view.maxY - polygons.originY()) / upp;
    const std::int32_t* xy = polygons.vertices();

    QPainter painter(&image);
    painter.setOpacity(std::clamp(m_settings.layers.parcelOpacity, 0.0, 1.0));
    QPolygonF ring;
    QPainterPath path;

    // Builds the pixel rings of a feature into `ring` (one ring) or `path` (several).
    double tolerance = 0.0;
    const auto build = [&](std::uint32_t feature) -> int {
        const std::uint32_t r0 = polygons.ringBegin(feature), r1 = polygons.ringEnd(feature);
        if (r1 - r0 > 1)
            path = QPainterPath();
        for (std::uint32_t r = r0; r < r1; ++r) {
            ring.clear();
            const std::uint32_t v0 = polygons.vertexBegin(r), v1 = polygons.vertexBegin(r + 1);
            double lastX = 1e300, lastY = 1e300;
            for (std::uint32_t v = v0; v < v1; ++v) {
                const double px = offsetX + xy[2 * v] * scale;
                const double py = offsetY - xy[2 * v + 1] * scale;
                if (std::fabs(px - lastX) + std::fabs(py - lastY) <= tolerance && v + 1 != v1)
                    continue;
                ring.append(QPointF(px, py));
                lastX = px;
                lastY = py;
            }
            if (r1 - r0 > 1) {
                path.setFillRule(Qt::OddEvenFill);
                path.addPolygon(ring);
                path.closeSubpath();
            }
        }
        return int(r1 - r0);
    };

    // Pass 1: fills, without antialiasing, so neighbours meet without hairline seams.
    painter.setPen(Qt::NoPen);
    int currentCategory = -1;
    double sizeSum = 0;
    for (std::size_t k = from; k < to; ++k) {
        if ((k - from) % cancelCheckEvery == 0 && cancel.load(std::memory_order_relaxed))
            return false;
        const std::uint32_t feature = features[k];
        const std::uint8_t category = m_theme->category(feature);
        const geo::Extent box = polygons.featureExtent(feature);
        const double pixels = std::max(box.width(), box.height()) / upp;
        sizeSum += pixels;
        if (category != currentCategory) {
            painter.setBrush(m_theme->colour(category));
            currentCategory = category;
        }
        if (pixels < 1.0) {
            // Smaller than a pixel: one pixel of its colour, where its box is.
            const QPointF p(offsetX + ((box.minX + box.maxX) / 2 - polygons.originX()) /
                                          polygons.resolution() * scale,
                            offsetY - ((box.minY + box.maxY) / 2 - polygons.originY()) /
                                          polygons.resolution() * scale);
            painter.fillRect(QRectF(std::floor(p.x()), std::floor(p.y()), 1, 1),
                             m_theme->colour(category));
            continue;
        }
        if (build(feature) > 1)
            painter.drawPath(path);
        else if (ring.size() >= 3)
            painter.drawPolygon(ring, Qt::OddEvenFill);
    }

    // Pass 2: outlines, antialiased, fading in as parcels grow on screen.
    const double meanPixels = sizeSum / double(std::max<std::size_t>(1, to - from));
    const MapStyle* style = m_settings.style.get();
    const double outlineFrom = style ? style->parcelOutlines.fadeBelowPx : defaultOutlineFrom;
    const double outlineFull = 4 * outlineFrom;
    const QColor outline = style ? style->parcelOutlines.line.colour : QColor(60, 60, 60, 160);
    const double outlineWidth =
        (style ? style->parcelOutlines.line.widthPx : 0.6) * m_settings.dpi() / 96.0;
    if (meanPixels < outlineFrom)
        return true;
    // While outlines are still fading in, parcels are small and the lines faint: hairlines
    // without antialiasing look the same and cost a fraction; large parcels get smooth lines.
    const bool smooth = meanPixels >= outlineFull;
    painter.setRenderHint(QPainter::Antialiasing, smooth);
    painter.setBrush(Qt::NoBrush);
    tolerance = simplifyTolerance;
    int currentAlpha = -1;
    for (std::size_t k = from; k < to; ++k) {
        if ((k - from) % cancelCheckEvery == 0 && cancel.load(std::memory_order_relaxed))
            return false;
        const std::uint32_t feature = features[k];
        const geo::Extent box = polygons.featureExtent(feature);
        const double pixels = std::max(box.width(), box.height()) / upp;
        const double fade =
            std::clamp((pixels - outlineFrom) / (outlineFull - outlineFrom), 0.0, 1.0);
        // Quantised, so the pen changes a handful of times per frame, not once per parcel.
        const int alpha = int(std::round(fade * 8) / 8 * outline.alpha());
        if (alpha < 8)
            continue;
        if (alpha != currentAlpha) {
            QColor faded = outline;
            faded.setAlpha(alpha);
            painter.setPen(QPen(faded, smooth ? outlineWidth : 0.0)); // 0: a one-pixel line
            currentAlpha = alpha;
        }
        if (build(feature) > 1)
            painter.drawPath(path);
        else if (ring.size() >= 3)
            painter.drawPolygon(ring);
    }
    return true;
}

} // namespace app
