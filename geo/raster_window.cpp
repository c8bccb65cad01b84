#include "geo/raster_window.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "geo/error.h"

namespace geo {

GridWindow gridWindow(GDALDataset& raster, const Extent& extent, int width, int height) {
    GridWindow w;
    double gt[6];
    if (width <= 0 || height <= 0 || extent.isNull() || raster.GetGeoTransform(gt) != CE_None ||
        gt[2] != 0.0 || gt[4] != 0.0 || gt[1] <= 0 || gt[5] >= 0)
        return w;
    const double cellWidth = extent.width() / width, cellHeight = extent.height() / height;
    const int rasterX = raster.GetRasterXSize(), rasterY = raster.GetRasterYSize();
    const double rasterMinX = gt[0], rasterMaxX = gt[0] + gt[1] * rasterX;
    const double rasterMaxY = gt[3], rasterMinY = gt[3] + gt[5] * rasterY;
    const auto clampInt = [](double v, int hi) {
        return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(hi)));
    };
    w.c0 = clampInt(std::ceil((rasterMinX - extent.minX) / cellWidth), width);
    w.c1 = clampInt(std::floor((rasterMaxX - extent.minX) / cellWidth), width);
    w.r0 = clampInt(std::ceil((extent.maxY - rasterMaxY) / cellHeight), height);
    w.r1 = clampInt(std::floor((extent.maxY - rasterMinY) / cellHeight), height);
    w.x0 = std::max(0.0, (extent.minX + w.c0 * cellWidth - gt[0]) / gt[1]);
    w.x1 = std::min(double(rasterX), (extent.minX + w.c1 * cellWidth - gt[0]) / gt[1]);
    w.y0 = std::max(0.0, (extent.maxY - w.r0 * cellHeight - gt[3]) / gt[5]);
    w.y1 = std::min(double(rasterY), (extent.maxY - w.r1 * cellHeight - gt[3]) / gt[5]);
    return w;
}

void readGridWindow(GDALRasterBand& band, const GridWindow& w, GDALRIOResampleAlg resampling,
                    float* out, int lineFloats) {
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = resampling;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = w.x0;
    extra.dfYOff = w.y0;
    extra.dfXSize = w.x1 - w.x0;
    extra.dfYSize = w.y1 - w.y0;
    const int xOff = static_cast<int>(std::floor(w.x0)), yOff = static_cast<int>(std::floor(w.y0));
    const int xSize =
        std::max(1, std::min(band.GetXSize(), static_cast<int>(std::ceil(w.x1))) - xOff);
    const int ySize =
        std::max(1, std::min(band.GetYSize(), static_cast<int>(std::ceil(w.y1))) - yOff);
    if (band.RasterIO(GF_Read, xOff, yOff, xSize, ySize, out, w.columns(), w.rows(), GDT_Float32,
                      sizeof(float), static_cast<GSpacing>(sizeof(float)) * lineFloats,
                      &extra) != CE_None)
        throw Error(std::string(band.GetDataset() ? band.GetDataset()->GetDescription() : "") +
                    ": cannot read the raster (" + CPLGetLastErrorMsg() + ")");
}

RasterWindow readRasterWindow(GDALDataset& raster, const Extent& extent, int width, int height) {
    RasterWindow out;
    out.width = width;
    out.height = height;
    out.values.assign(static_cast<std::size_t>(std::max(0, width)) *
                          static_cast<std::size_t>(std::max(0, height)),
                      std::nanf(""));
    if (width <= 0 || height <= 0 || extent.isNull() || raster.GetRasterCount() < 1)
        return out;
    out.cellWidth = extent.width() / width;
    out.cellHeight = extent.height() / height;
    double gt[6];
    if (raster.GetGeoTransform(gt) != CE_None || gt[2] != 0.0 || gt[4] != 0.0 || gt[1] <= 0 ||
        gt[5] >= 0)
        throw Error(std::string(raster.GetDescription()) +
                    ": the raster has no north-up georeferencing; import it again with "
                    "tianmu import --as dem");
    const GridWindow w = gridWindow(raster, extent, width, height);
    if (w.empty())
        return out;
    GDALRasterBand* band = raster.GetRasterBand(1);
    readGridWindow(*band, w, GRIORA_Bilinear,
                   out.values.data() + static_cast<std::size_t>(w.r0) * std::size_t(width) +
                       static_cast<std::size_t>(w.c0),
                   width);
    const int r0 = w.r0, r1 = w.r1, c0 = w.c0, c1 = w.c1;

    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    for (int r = r0; r < r1; ++r)
        for (int c = c0; c < c1; ++c) {
            float& v = out.values[static_cast<std::size_t>(r) * std::size_t(width) +
                                  static_cast<std::size_t>(c)];
            if (hasNoData && !std::isnan(noData) && v == static_cast<float>(noData))
                v = std::nanf("");
            else if (!std::isnan(v))
                out.anyData = true;
        }
    return out;
}

} // namespace geo
