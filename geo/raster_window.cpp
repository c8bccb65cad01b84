#include "geo/raster_window.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

#include "geo/error.h"

namespace geo {

RasterWindow readRasterWindow(GDALDataset& raster, const Extent& extent, int width, int height) {
    RasterWindow out;
    out.width = width;
    out.height = height;
    out.values.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height),
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
    const int rasterX = raster.GetRasterXSize(), rasterY = raster.GetRasterYSize();
    const double rasterMinX = gt[0], rasterMaxX = gt[0] + gt[1] * rasterX;
    const double rasterMaxY = gt[3], rasterMinY = gt[3] + gt[5] * rasterY;

    // The output columns and rows that lie wholly inside the raster, so each buffer cell maps
    // onto the raster exactly.
    const auto clampInt = [](double v, int hi) {
        return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(hi)));
    };
    const int c0 = clampInt(std::ceil((rasterMinX - extent.minX) / out.cellWidth), width);
    const int c1 = clampInt(std::floor((rasterMaxX - extent.minX) / out.cellWidth), width);
    const int r0 = clampInt(std::ceil((extent.maxY - rasterMaxY) / out.cellHeight), height);
    const int r1 = clampInt(std::floor((extent.maxY - rasterMinY) / out.cellHeight), height);
    if (c1 <= c0 || r1 <= r0)
        return out;

    // The same cells in the raster's pixel space, clipped to the raster.
    const double x0 = std::max(0.0, (extent.minX + c0 * out.cellWidth - gt[0]) / gt[1]);
    const double x1 = std::min(double(rasterX), (extent.minX + c1 * out.cellWidth - gt[0]) / gt[1]);
    const double y0 = std::max(0.0, (extent.maxY - r0 * out.cellHeight - gt[3]) / gt[5]);
    const double y1 =
        std::min(double(rasterY), (extent.maxY - r1 * out.cellHeight - gt[3]) / gt[5]);
    if (x1 <= x0 || y1 <= y0)
        return out;

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    extra.bFloatingPointWindowValidity = TRUE;
    extra.dfXOff = x0;
    extra.dfYOff = y0;
    extra.dfXSize = x1 - x0;
    extra.dfYSize = y1 - y0;
    const int xOff = static_cast<int>(std::floor(x0)), yOff = static_cast<int>(std::floor(y0));
    const int xSize = std::max(1, std::min(rasterX, static_cast<int>(std::ceil(x1))) - xOff);
    const int ySize = std::max(1, std::min(rasterY, static_cast<int>(std::ceil(y1))) - yOff);
    GDALRasterBand* band = raster.GetRasterBand(1);
    float* first = out.values.data() + static_cast<std::size_t>(r0) * std::size_t(width) +
                   static_cast<std::size_t>(c0);
    const GSpacing lineSpace = static_cast<GSpacing>(sizeof(float)) * width;
    if (band->RasterIO(GF_Read, xOff, yOff, xSize, ySize, first, c1 - c0, r1 - r0, GDT_Float32,
                       sizeof(float), lineSpace, &extra) != CE_None)
        throw Error(std::string(raster.GetDescription()) + ": cannot read the raster (" +
                    CPLGetLastErrorMsg() + ")");

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
