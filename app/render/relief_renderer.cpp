#include "app/render/relief_renderer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <gdal_priv.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/hillshade.h"
#include "geo/raster_window.h"

namespace app {
namespace {

// How dark the shadowed side and how light the lit side may get (alpha of black and of
// white): strong enough to read hills at district scale, weak enough to keep zone colours.
constexpr double shadowStrength = 0.55;
constexpr double highlightStrength = 0.25;

} // namespace

QImage reliefImage(const MapSettings& settings, const std::atomic<bool>& cancel) {
    if (!settings.drawing || settings.drawing->demDataset.empty())
        return {};
    geo::initialiseGdal();
    GDALDatasetUniquePtr dem(
        GDALDataset::Open(settings.drawing->demDataset.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!dem)
        throw geo::Error(settings.drawing->demDataset + ": the DEM cannot be opened (" +
                         CPLGetLastErrorMsg() + ")");
    const int width = settings.size().width(), height = settings.size().height();
    const geo::RasterWindow window =
        geo::readRasterWindow(*dem, settings.visibleExtent(), width, height);
    if (!window.anyData || cancel)
        return {};

    // Zoomed out, a screen pixel averages many DEM cells and flattens the hills: exaggerate
    // the relief as pixels grow beyond about 10 m, up to eight times.
    geo::HillshadeOptions options;
    options.zFactor = std::clamp(std::sqrt(settings.mapUnitsPerPixel() / 10.0), 1.0, 8.0);
    const std::vector<float> shade =
        geo::hillshade(window.values, width, height, window.cellWidth, window.cellHeight, options);
    const double flat = std::sin(options.altitudeDegrees * std::numbers::pi / 180.0);

    QImage image(settings.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    for (int row = 0; row < height; ++row) {
        if ((row & 31) == 0 && cancel)
            return {};
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        const float* s = shade.data() + static_cast<std::size_t>(row) * std::size_t(width);
        for (int col = 0; col < width; ++col) {
            const double v = s[col];
            if (std::isnan(v))
                continue;
            if (v < flat) { // black, premultiplied
                const int alpha = static_cast<int>(255.0 * shadowStrength * (flat - v) / flat);
                line[col] = qRgba(0, 0, 0, alpha);
            } else { // white, premultiplied: each channel equals alpha
                const int alpha =
                    static_cast<int>(255.0 * highlightStrength * (v - flat) / (1.0 - flat));
                line[col] = qRgba(alpha, alpha, alpha, alpha);
            }
        }
    }
    return image;
}

bool drawRelief(QPainter& painter, const MapSettings& settings, const std::atomic<bool>& cancel) {
    const QImage image = reliefImage(settings, cancel);
    if (cancel)
        return false;
    if (!image.isNull())
        painter.drawImage(0, 0, image);
    return true;
}

} // namespace app
