#include "geo/dem_sampling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {

void readElevationRows(GDALRasterBand& band, const std::string& name, int firstRow, int rows,
                       int width, double* out) {
    GdalMessageCollector messages;
    if (band.RasterIO(GF_Read, 0, firstRow, width, rows, out, width, rows, GDT_Float64, 0, 0,
                      nullptr) != CE_None)
        throw InputError("cannot read DEM rows " + std::to_string(firstRow) + " to " +
                             std::to_string(firstRow + rows - 1) + " (" +
                             (messages.messages().empty() ? std::string("no reason given")
                                                          : messages.messages().back()) +
                             "); the file may be truncated",
                         {name, {}, {}, {}});
    int hasNodata = 0, hasScale = 0, hasOffset = 0;
    const double nodata = band.GetNoDataValue(&hasNodata);
    const double scale = band.GetScale(&hasScale), offset = band.GetOffset(&hasOffset);
    const bool scaled = (hasScale && scale != 1) || (hasOffset && offset != 0);
    for (double* v = out; v != out + std::size_t(rows) * std::size_t(width); ++v) {
        if (hasNodata && *v == nodata)
            *v = std::numeric_limits<double>::quiet_NaN();
        else if (scaled)
            *v = *v * scale + offset; // NaN stays NaN
    }
}

std::vector<double> sampleDem(GDALDataset& dem, const std::string& name,
                              const std::vector<std::array<double, 2>>& points) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> elevation(points.size(), nan);
    double t[6] = {0, 1, 0, 0, 0, -1};
    if (dem.GetRasterCount() < 1 || dem.GetGeoTransform(t) != CE_None || t[2] != 0 || t[4] != 0)
        return elevation;
    GDALRasterBand& band = *dem.GetRasterBand(1);
    const int width = dem.GetRasterXSize(), height = dem.GetRasterYSize();

    // The points on the raster by row (a counting sort: a million points cost a pass, not a
    // comparison sort), so that the reads go down the raster once.
    std::vector<std::uint32_t> column(points.size());
    std::vector<std::int32_t> rowOf(points.size(), -1);
    std::vector<std::size_t> rowStart(static_cast<std::size_t>(height) + 1, 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double col = std::floor((points[i][0] - t[0]) / t[1]);
        const double row = std::floor((points[i][1] - t[3]) / t[5]);
        if (col >= 0 && row >= 0 && col < width && row < height) { // false for NaN
            column[i] = static_cast<std::uint32_t>(col);
            rowOf[i] = static_cast<std::int32_t>(row);
            ++rowStart[static_cast<std::size_t>(row) + 1];
        }
    }
    for (std::size_t r = 0; r < static_cast<std::size_t>(height); ++r)
        rowStart[r + 1] += rowStart[r];
    std::vector<std::size_t> byRow(rowStart.back());
    {
        std::vector<std::size_t> next(rowStart.begin(), rowStart.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i)
            if (rowOf[i] >= 0)
                byRow[next[static_cast<std::size_t>(rowOf[i])]++] = i;
    }

    // Strips of rows that hold at least one point, read whole (one row's pixels of the DEM's
    // own blocks are read anyway).
    constexpr int stripRows = 256;
    std::vector<double> strip;
    for (int first = 0; first < height; first += stripRows) {
        const int rows = std::min(stripRows, height - first);
        const std::size_t begin = rowStart[static_cast<std::size_t>(first)],
                          end = rowStart[static_cast<std::size_t>(first + rows)];
        if (begin == end)
            continue; // no point in these rows
        strip.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(width));
        readElevationRows(band, name, first, rows, width, strip.data());
        for (std::size_t k = begin; k < end; ++k) {
            const std::size_t i = byRow[k];
            const auto r = static_cast<std::size_t>(rowOf[i] - first);
            elevation[i] = strip[r * static_cast<std::size_t>(width) + column[i]];
        }
    }
    return elevation;
}

std::optional<DemInMemory> DemInMemory::prepare(GDALDataset& dem, std::size_t maxPixels) {
    DemInMemory grid;
    const std::size_t pixels = static_cast<std::size_t>(dem.GetRasterXSize()) *
                               static_cast<std::size_t>(dem.GetRasterYSize());
    if (pixels > maxPixels)
        return std::nullopt;
    double* t = grid.m_transform;
    if (dem.GetRasterCount() < 1 || dem.GetGeoTransform(t) != CE_None || t[2] != 0 || t[4] != 0)
        return grid; // no pixel: every point samples NaN, as with sampleDem
    grid.m_width = dem.GetRasterXSize();
    grid.m_height = dem.GetRasterYSize();
    grid.m_narrow = std::make_unique_for_overwrite<float[]>(pixels);
    grid.m_rowStored.assign(static_cast<std::size_t>(grid.m_height), false);
    return grid;
}

void DemInMemory::widen() {
    const std::size_t width = static_cast<std::size_t>(m_width);
    m_wide = std::make_unique_for_overwrite<double[]>(width * static_cast<std::size_t>(m_height));
    for (std::size_t row = 0; row < m_rowStored.size(); ++row)
        if (m_rowStored[row]) // the others hold nothing yet
            std::copy_n(m_narrow.get() + row * width, width, m_wide.get() + row * width);
    m_narrow.reset();
}

void DemInMemory::copyRows(int firstRow, int rows, const double* elevations) {
    if (firstRow < 0 || rows < 0 || firstRow + rows > m_height)
        throw Error("DEM rows " + std::to_string(firstRow) + " to " +
                        std::to_string(firstRow + rows - 1) + " are off a grid of " +
                        std::to_string(m_height) + " rows",
                    {});
    const std::size_t width = static_cast<std::size_t>(m_width);
    const std::size_t count = static_cast<std::size_t>(rows) * width;
    const std::size_t at = std::size_t(firstRow) * width;
    if (m_narrow) {
        std::size_t k = 0;
        for (; k < count; ++k) {
            const double v = elevations[k];
            const auto narrow = static_cast<float>(v);
            if (static_cast<double>(narrow) != v && !std::isnan(v))
                break;
            m_narrow[at + k] = narrow;
        }
        if (k < count)
            widen(); // the rows being stored are copied again below, as doubles
    }
    if (m_wide)
        std::copy_n(elevations, count, m_wide.get() + at);
    for (int row = firstRow; row < firstRow + rows; ++row)
        if (!m_rowStored[static_cast<std::size_t>(row)]) {
            m_rowStored[static_cast<std::size_t>(row)] = true;
            ++m_rowsStored;
        }
}

std::optional<DemInMemory> DemInMemory::load(GDALDataset& dem, const std::string& name,
                                             std::size_t maxPixels) {
    std::optional<DemInMemory> grid = prepare(dem, maxPixels);
    if (grid && grid->m_height > 0) {
        // A strip at a time, through the same check as the sweep's rows: the whole band as
        // doubles would be twice the grid's memory again.
        constexpr int stripRows = 256;
        std::vector<double> strip;
        for (int first = 0; first < grid->m_height; first += stripRows) {
            const int rows = std::min(stripRows, grid->m_height - first);
            strip.resize(static_cast<std::size_t>(rows) * static_cast<std::size_t>(grid->m_width));
            readElevationRows(*dem.GetRasterBand(1), name, first, rows, grid->m_width,
                              strip.data());
            grid->copyRows(first, rows, strip.data());
        }
    }
    return grid;
}

double DemInMemory::at(double x, double y) const noexcept {
    const double col = std::floor((x - m_transform[0]) / m_transform[1]);
    const double row = std::floor((y - m_transform[3]) / m_transform[5]);
    if (!(col >= 0 && row >= 0 && col < m_width && row < m_height)) // true for NaN
        return std::numeric_limits<double>::quiet_NaN();
    const std::size_t at = static_cast<std::size_t>(row) * static_cast<std::size_t>(m_width) +
                           static_cast<std::size_t>(col);
    return m_narrow ? static_cast<double>(m_narrow[at]) : m_wide[at];
}

} // namespace geo
