// The DEM's elevation at many points (e.g. the river point nearest each parcel): the pixel
// each point falls in, read strip by strip in row order instead of one read per point, with
// the DEM's no-data and scale/offset applied as terrain statistics apply them.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>

namespace geo {

// Reads rows [firstRow, firstRow + rows) of `band` (all `width` columns) into `out` as
// elevations: no-data as NaN, the band's scale and offset applied. Throws geo::InputError
// naming `name` and the rows when GDAL cannot read them. The one way DEM values are read, by
// terrain statistics and by the samplers below alike.
void readElevationRows(GDALRasterBand& band, const std::string& name, int firstRow, int rows,
                       int width, double* out);

// Per point (x, y in the DEM's CRS): the elevation of the pixel it lies in, or NaN when it
// lies off the raster (or a point is NaN) or the pixel has no data. `dem` must be north-up.
// Throws geo::InputError naming `name` when GDAL cannot read it.
std::vector<double> sampleDem(GDALDataset& dem, const std::string& name,
                              const std::vector<std::array<double, 2>>& points);

// A DEM's band 1 held in memory, to sample from any thread without GDAL, e.g. while another
// connection writes to the project holding the DEM (in a GeoPackage, SQLite may then keep
// GDAL's readers out). at() gives exactly what sampleDem gives for the same point.
class DemInMemory {
public:
    // Reads the whole band, or returns nullopt when it has more than `maxPixels` pixels (read
    // those with sampleDem). Throws geo::InputError naming `name` when GDAL cannot read it.
    static std::optional<DemInMemory> load(GDALDataset& dem, const std::string& name,
                                           std::size_t maxPixels);

    // The same grid with no rows yet, for a reader that reads the DEM anyway (the terrain
    // sweep) to fill with copyRows(): the DEM is then decoded once, not twice.
    static std::optional<DemInMemory> prepare(GDALDataset& dem, std::size_t maxPixels);
    // Stores rows [firstRow, firstRow + rows) as readElevationRows gives them.
    void copyRows(int firstRow, int rows, const double* elevations);
    // Every row was stored (by load, or by copyRows once each).
    bool complete() const noexcept { return m_rowsStored == m_height; }

    // The elevation of the pixel (x, y) lies in; NaN off the raster, for a NaN point, on a
    // no-data pixel, and everywhere on a DEM that is not north-up. Only for a complete() grid:
    // a row not stored yet holds nothing meaningful (it is not zeroed).
    double at(double x, double y) const noexcept;

private:
    // Keeps doubles from now on: a value came that a float does not hold exactly.
    void widen();

    double m_transform[6] = {0, 1, 0, 0, 0, -1};
    int m_width = 0, m_height = 0;
    int m_rowsStored = 0;
    // Row by row; no-data as NaN, scale and offset applied. As floats while every value is one
    // exactly (a Float32 DEM without scale or offset, as tianmu imports them: half the memory,
    // and the same answers), else as doubles. Left unset until stored: a grid's pages are first
    // touched by the thread that fills them, and not zeroed on the way.
    std::unique_ptr<float[]> m_narrow;
    std::unique_ptr<double[]> m_wide;
    std::vector<bool> m_rowStored;
};

} // namespace geo
