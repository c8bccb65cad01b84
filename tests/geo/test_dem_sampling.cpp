// The DEM's elevation at many points, read strip by strip: each point's value must be what a
// read of its one pixel gives, with no-data and scale/offset applied by hand here.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <gdal_priv.h>

#include "geo/dem_sampling.h"
#include "geo/gdal_session.h"

namespace {

// A north-up raster of `rows` × `cols` pixels of 10 m, its north-west corner at (1000, 9000).
GDALDatasetUniquePtr raster(int rows, int cols, GDALDataType type) {
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("", cols, rows, 1, type, nullptr));
    double t[6] = {1000, 10, 0, 9000, 0, -10};
    ds->SetGeoTransform(t);
    std::vector<double> values(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            values[static_cast<std::size_t>(r * cols + c)] = (r * 7 + c * 3) % 500;
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, cols, rows, values.data(), cols, rows,
                                           GDT_Float64, 0, 0, nullptr) == CE_None);
    return ds;
}

// The expected elevation: one pixel read through GDAL, converted as the sampler promises.
double onePixel(GDALDataset& ds, double x, double y) {
    const int col = static_cast<int>(std::floor((x - 1000) / 10));
    const int row = static_cast<int>(std::floor((y - 9000) / -10));
    if (std::isnan(x) || std::isnan(y) || col < 0 || row < 0 || col >= ds.GetRasterXSize() ||
        row >= ds.GetRasterYSize())
        return NAN;
    GDALRasterBand& band = *ds.GetRasterBand(1);
    double v = 0;
    REQUIRE(band.RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Float64, 0, 0, nullptr) ==
            CE_None);
    int hasNodata = 0;
    const double nodata = band.GetNoDataValue(&hasNodata);
    if (hasNodata && v == nodata)
        return NAN;
    return v * band.GetScale() + band.GetOffset();
}

std::vector<std::array<double, 2>> points(GDALDataset& ds, int count) {
    std::mt19937 random(20261129);
    const double east = 1000 + 10.0 * ds.GetRasterXSize(),
                 south = 9000 - 10.0 * ds.GetRasterYSize();
    std::uniform_real_distribution<double> x(900, east + 100), y(south - 100, 9100);
    std::vector<std::array<double, 2>> p;
    for (int i = 0; i < count; ++i)
        p.push_back({x(random), y(random)});
    // Pixel corners and edges (a point on a border belongs to the pixel east and south of it),
    // the raster's own corners, and a point that is no number.
    p.push_back({1000, 9000});
    p.push_back({1010, 8990});
    p.push_back({east, 9000 - 5});
    p.push_back({east - 1e-9, south + 1e-9});
    p.push_back({NAN, 8000});
    return p;
}

} // namespace

TEST_CASE("DEM samples equal one-pixel reads, across strips and off the raster", "[dem_sampling]") {
    geo::initialiseGdal();
    auto ds = raster(700, 40, GDT_Float32); // three strips of 256 rows
    const auto p = points(*ds, 5000);
    const std::vector<double> got = geo::sampleDem(*ds, "test DEM", p);
    REQUIRE(got.size() == p.size());
    int on = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        INFO("point " << p[i][0] << ", " << p[i][1]);
        const double expected = onePixel(*ds, p[i][0], p[i][1]);
        if (std::isnan(expected)) {
            CHECK(std::isnan(got[i]));
        } else {
            CHECK(got[i] == expected);
            ++on;
        }
    }
    CHECK(on > 3000); // most points fall on the raster
}

TEST_CASE("DEM samples leave out no-data pixels and apply scale and offset", "[dem_sampling]") {
    geo::initialiseGdal();
    auto ds = raster(300, 60, GDT_Int16);
    GDALRasterBand& band = *ds->GetRasterBand(1);
    band.SetNoDataValue(0); // (r * 7 + c * 3) % 500 is 0 at many pixels
    band.SetScale(0.5);
    band.SetOffset(100);
    const auto p = points(*ds, 5000);
    const std::vector<double> got = geo::sampleDem(*ds, "test DEM", p);
    int noData = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        INFO("point " << p[i][0] << ", " << p[i][1]);
        const double expected = onePixel(*ds, p[i][0], p[i][1]);
        if (std::isnan(expected)) {
            CHECK(std::isnan(got[i]));
        } else {
            CHECK(got[i] == expected);
            CHECK(got[i] >= 100); // scaled and offset: raw values are 1..499
        }
        noData += std::isnan(got[i]) && !std::isnan(p[i][0]) && p[i][0] >= 1000 && p[i][0] < 1600 &&
                  p[i][1] <= 9000 && p[i][1] > 6000;
    }
    CHECK(noData > 0); // some points did land on no-data pixels
}

TEST_CASE("a rotated DEM gives no samples rather than wrong ones", "[dem_sampling]") {
    geo::initialiseGdal();
    auto ds = raster(10, 10, GDT_Float32);
    double t[6] = {1000, 10, 1, 9000, 1, -10};
    ds->SetGeoTransform(t);
    const std::vector<double> got = geo::sampleDem(*ds, "test DEM", {{1005, 8995}});
    REQUIRE(got.size() == 1);
    CHECK(std::isnan(got[0]));
}

TEST_CASE("a DEM held in memory samples what sampleDem samples", "[dem_sampling]") {
    geo::initialiseGdal();
    auto plain = raster(700, 40, GDT_Float32);
    auto scaled = raster(300, 60, GDT_Int16);
    GDALRasterBand& band = *scaled->GetRasterBand(1);
    band.SetNoDataValue(0);
    band.SetScale(0.5);
    band.SetOffset(100);
    auto rotated = raster(10, 10, GDT_Float32);
    double t[6] = {1000, 10, 1, 9000, 1, -10};
    rotated->SetGeoTransform(t);
    for (GDALDataset* ds : {plain.get(), scaled.get(), rotated.get()}) {
        const auto p = points(*ds, 5000);
        const std::vector<double> expected = geo::sampleDem(*ds, "test DEM", p);
        const std::optional<geo::DemInMemory> grid =
            geo::DemInMemory::load(*ds, "test DEM", 1000000);
        REQUIRE(grid);
        int numbers = 0;
        for (std::size_t i = 0; i < p.size(); ++i) {
            INFO("point " << p[i][0] << ", " << p[i][1]);
            const double got = grid->at(p[i][0], p[i][1]);
            CHECK((got == expected[i] || (std::isnan(got) && std::isnan(expected[i]))));
            numbers += !std::isnan(got);
        }
        CHECK(numbers > (ds == rotated.get() ? -1 : 3000));
    }
    // Too large to hold: the caller samples with sampleDem instead.
    CHECK_FALSE(geo::DemInMemory::load(*plain, "test DEM", 700 * 40 - 1));
    CHECK(geo::DemInMemory::load(*plain, "test DEM", 700 * 40));
}

TEST_CASE("a DEM held in memory keeps elevations a float cannot hold exactly", "[dem_sampling]") {
    geo::initialiseGdal();
    // Whole metres in the first 300 rows (a float holds them; the grid starts out as floats),
    // tenths below (it does not: the grid must turn to doubles and keep the rows it already
    // has). More than one strip of rows is read before the first tenth comes.
    auto ds = raster(600, 50, GDT_Float64);
    std::vector<double> lower(300 * 50);
    for (std::size_t k = 0; k < lower.size(); ++k)
        lower[k] = 100.1 + 0.1 * double(k % 97);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 300, 50, 300, lower.data(), 50, 300,
                                           GDT_Float64, 0, 0, nullptr) == CE_None);
    const auto p = points(*ds, 4000);
    const std::vector<double> expected = geo::sampleDem(*ds, "test DEM", p);
    const std::optional<geo::DemInMemory> grid = geo::DemInMemory::load(*ds, "test DEM", 1000000);
    REQUIRE(grid);
    REQUIRE(grid->complete());
    int upper = 0, tenths = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        INFO("point " << p[i][0] << ", " << p[i][1]);
        const double got = grid->at(p[i][0], p[i][1]);
        CHECK((got == expected[i] || (std::isnan(got) && std::isnan(expected[i]))));
        if (!std::isnan(got))
            (got == std::floor(got) ? upper : tenths) += 1;
    }
    CHECK(upper > 1000);  // rows stored before the grid widened are still there
    CHECK(tenths > 1000); // and the tenths are exact: a float would be off in the 6th digit
    CHECK(grid->at(1000 + 5, 9000 - 10 * 300 - 5) == 100.1); // first pixel of row 300
}
