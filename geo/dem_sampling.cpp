#include "geo/dem_sampling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {

std::vector<double> sampleDem(GDALDataset& dem, const std::string& name,
                              const std::vector<std::array<double, 2>>& points) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> elevation(points.size(), nan);
    double t[6] = {0, 1, 0, 0, 0, -1};
    if (dem.GetRasterCount() < 1 || dem.GetGeoTransform(t) != CE_None || t[2] != 0 || t[4] != 0)
        return elevation;
    GDALRasterBand& band = *dem.GetRasterBand(1);
    const int width = dem.GetRasterXSize(), height = dem.GetRasterYSize();

    // The pixel of each point on the raster, keyed by row then column, so that the reads go
    // down the raster once.
    struct Pixel {
        std::uint64_t key; // row << 32 | column
        std::size_t point;
    };
    std::vector<Pixel> pixels;
    pixels.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double col = std::floor((points[i][0] - t[0]) / t[1]);
        const double row = std::floor((points[i][1] - t[3]) / t[5]);
        if (col >= 0 && row >= 0 && col < width && row < height) // false for NaN
            pixels.push_back(
                {static_cast<std::uint64_t>(row) << 32 | static_cast<std::uint64_t>(col), i});
    }
    std::sort(pixels.begin(), pixels.end(),
              [](const Pixel& a, const Pixel& b) { return a.key < b.key; });

    int hasNodata = 0, hasScale = 0, hasOffset = 0;
    const double nodata = band.GetNoDataValue(&hasNodata);
    const double scale = band.GetScale(&hasScale), offset = band.GetOffset(&hasOffset);
    const bool scaled = (hasScale && scale != 1) || (hasOffset && offset != 0);

    // Strips of rows that hold at least one point, read whole (one row's pixels of the DEM's
    // own blocks are read anyway).
    constexpr int stripRows = 256;
    std::vector<double> strip;
    for (std::size_t k = 0; k < pixels.size();) {
        const auto row = static_cast<int>(pixels[k].key >> 32);
        const int first = row - row % stripRows, rows = std::min(stripRows, height - first);
        strip.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(width));
        GdalMessageCollector messages;
        if (band.RasterIO(GF_Read, 0, first, width, rows, strip.data(), width, rows, GDT_Float64, 0,
                          0, nullptr) != CE_None)
            throw InputError("cannot read DEM rows " + std::to_string(first) + " to " +
                                 std::to_string(first + rows - 1) + " (" +
                                 (messages.messages().empty() ? std::string("no reason given")
                                                              : messages.messages().back()) +
                                 "); the file may be truncated",
                             {name, {}, {}, {}});
        for (; k < pixels.size() && static_cast<int>(pixels[k].key >> 32) < first + rows; ++k) {
            const auto r = static_cast<std::size_t>((pixels[k].key >> 32) - std::uint64_t(first));
            const auto c = static_cast<std::size_t>(pixels[k].key & 0xFFFFFFFFULL);
            const double v = strip[r * static_cast<std::size_t>(width) + c];
            if (!(hasNodata && v == nodata) && !std::isnan(v))
                elevation[pixels[k].point] = scaled ? v * scale + offset : v;
        }
    }
    return elevation;
}

} // namespace geo
