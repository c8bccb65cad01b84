#include "app/render/parcel_renderer.h"

#include "geo/scanline_fill.h"

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
// Smooth outlines drop vertices closer than this to the last one kept (pixels, Manhattan
// distance). Fills keep every vertex: neighbours simplified independently would no longer
// share their edges, and the seams would show as background pixels where parcels meet.
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
    const double upp = m_settings.mapUnitsPerPixel();
    const double pad = 2 * upp;
    query = {query.minX - pad, query.minY - pad, query.maxX + pad, query.maxY + pad};
    double sizeSum = 0;
    polygons.query(query, [&](std::uint32_t i) {
        if (m_theme->category(i) != PreparedTheme::noFeature) {
            features.push_back(i);
            const geo::Extent box = polygons.featureExtent(i);
            sizeSum += std::max(box.width(), box.height()) / upp;
        }
        return true;
    });
    if (features.empty())
        return true;
    // In storage order: the index hands features out in tree order, scattered over the
    // coordinate arrays; ascending order turns cache misses into streaming reads.
    std::sort(features.begin(), features.end());
    const double meanPixels = sizeSum / double(features.size());
    const MapStyle* style = m_settings.style.get();
    const double outlineFrom = style ? style->parcelOutlines.fadeBelowPx : defaultOutlineFrom;
    const double outlineFull = 4 * outlineFrom;
    const QColor outline = style ? style->parcelOutlines.line.colour : QColor(60, 60, 60, 160);
    const bool outlines = meanPixels >= outlineFrom;
    // Large parcels get antialiased outlines from QPainter (few of them on screen); while
    // outlines fade in, parcels are small and many: one-pixel lines written directly.
    const bool smooth = meanPixels >= outlineFull;

    const geo::Extent view = m_settings.visibleExtent();
    const double scale = polygons.resolution() / upp;
    const double offsetX = (polygons.originX() - view.minX) / upp;
    const double offsetY = (view.maxY - polygons.originY()) / upp;
    const std::int32_t* xy = polygons.vertices();
    const double opacity = std::clamp(m_settings.layers.parcelOpacity, 0.0, 1.0);
    std::uint32_t palette[256];
    for (int c = 0; c < 256; ++c) {
        QColor colour = m_theme->colour(static_cast<std::uint8_t>(c));
        colour.setAlphaF(float(colour.alphaF() * opacity));
        palette[c] = qPremultiply(colour.rgba());
    }

    const int threads = features.size() < 2000 ? 1 : m_threads;
    std::atomic<bool> stopped{false};
    auto* bits = reinterpret_cast<std::uint32_t*>(image.bits());
    const int stride = int(image.bytesPerLine() / 4);
    // Workers own bands of rows: every parcel crossing a band is drawn by its worker, only
    // into its rows, so one image is shared without two threads writing one pixel.
    const auto band = [&](int rowFrom, int rowTo) {
        const geo::PixelBand target{bits, stride, image.width(), rowFrom, rowTo};
        // The features crossing this band, found once for both passes.
        std::vector<std::pair<std::uint32_t, QRectF>> mine;
        for (std::uint32_t f : features) {
            const geo::Extent b = polygons.featureExtent(f);
            const QRectF box(QPointF((b.minX - view.minX) / upp, (view.maxY - b.maxY) / upp),
                             QPointF((b.maxX - view.minX) / upp, (view.maxY - b.minY) / upp));
            if (box.bottom() >= rowFrom - 1 && box.top() <= rowTo + 1)
                mine.emplace_back(f, box);
        }
        std::vector<geo::PixelEdge> edges;
        std::vector<double> crossings;
        for (std::size_t k = 0; k < mine.size(); ++k) {
            if (k % cancelCheckEvery == 0 && cancel.load(std::memory_order_relaxed)) {
                stopped = true;
                return;
            }
            const auto& [f, box] = mine[k];
            const std::uint32_t colour = palette[m_theme->category(f)];
            if (std::max(box.width(), box.height()) < 1.0) {
                // Smaller than a pixel: the pixel under its middle takes its colour.
                const int x = int(std::floor(box.center().x())),
                          y = int(std::floor(box.center().y()));
                if (y >= rowFrom && y < rowTo && x >= 0 && x < image.width())
                    bits[std::ptrdiff_t(y) * stride + x] = colour;
                continue;
            }
            geo::gridEdges(polygons, f, scale, offsetX, offsetY, edges);
            geo::fillEvenOdd(target, edges, box.top(), box.bottom(), colour, crossings);
        }
        if (!outlines || smooth)
            return;
        for (std::size_t k = 0; k < mine.size(); ++k) {
            if (k % cancelCheckEvery == 0 && cancel.load(std::memory_order_relaxed)) {
                stopped = true;
                return;
            }
            const auto& [f, box] = mine[k];
            const double pixels = std::max(box.width(), box.height());
            const double fade =
                std::clamp((pixels - outlineFrom) / (outlineFull - outlineFrom), 0.0, 1.0);
            QColor faded = outline;
            faded.setAlphaF(float(outline.alphaF() * fade * opacity));
            if (faded.alpha() < 8)
                continue;
            const std::uint32_t colour = qPremultiply(faded.rgba());
            for (std::uint32_t r = polygons.ringBegin(f); r < polygons.ringEnd(f); ++r) {
                const std::uint32_t v0 = polygons.vertexBegin(r), v1 = polygons.vertexBegin(r + 1);
                for (std::uint32_t i = v0, j = v1 - 1; i < v1; j = i++)
                    geo::blendHairline(target, offsetX + xy[2 * j] * scale,
                                       offsetY - xy[2 * j + 1] * scale, offsetX + xy[2 * i] * scale,
                                       offsetY - xy[2 * i + 1] * scale, colour);
            }
        }
    };
    std::vector<std::thread> workers;
    const int height = image.height();
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(band, height * t / threads, height * (t + 1) / threads);
    band(0, height / threads);
    for (std::thread& worker : workers)
        worker.join();
    if (stopped)
        return false;
    return !outlines || !smooth || drawSmoothOutlines(image, features, cancel);
}

bool ParcelRenderer::drawSmoothOutlines(QImage& image, const std::vector<std::uint32_t>& features,
                                        const std::atomic<bool>& cancel) const {
    const std::size_t from = 0, to = features.size();
    const geo::CompactPolygons& polygons = m_settings.drawing->parcels.polygons;
    const geo::Extent view = m_settings.visibleExtent();
    const double upp = m_settings.mapUnitsPerPixel();
    const double scale = polygons.resolution() / upp;
    const double offsetX = (polygons.originX() - view.minX) / upp;
    const double offsetY = (view.maxY - polygons.originY()) / upp;
    const std::int32_t* xy = polygons.vertices();

    QPainter painter(&image);
    // The fills already carry the opacity; the outlines take it from the painter.
    painter.setOpacity(std::clamp(m_settings.layers.parcelOpacity, 0.0, 1.0));
    QPolygonF ring;
    QPainterPath path;

    // Builds the pixel rings of a feature into `ring` (one ring) or `path` (several).
    const double tolerance = simplifyTolerance;
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

    // Called only when parcels are large on screen: every outline antialiased, fading in with
    // each parcel's size.
    const MapStyle* style = m_settings.style.get();
    const double outlineFrom = style ? style->parcelOutlines.fadeBelowPx : defaultOutlineFrom;
    const double outlineFull = 4 * outlineFrom;
    const QColor outline = style ? style->parcelOutlines.line.colour : QColor(60, 60, 60, 160);
    const double outlineWidth =
        (style ? style->parcelOutlines.line.widthPx : 0.6) * m_settings.dpi() / 96.0;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
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
            painter.setPen(QPen(faded, outlineWidth));
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
