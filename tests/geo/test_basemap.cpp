// Basemaps: local rasters placed in the project's CRS, checked against PROJ's own transform of
// sample points, with grey, paletted and 16-bit rasters turned into colour, and clear errors
// for files that cannot be placed.
#include <catch2/catch.hpp>

#include <memory>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "geo/basemap.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

namespace {

constexpr int projectEpsg = 4525; // CGCS2000 / 3-degree Gauss-Kruger zone 37

// A 400 × 300 GeoTIFF in Web Mercator around 111°E 26°N (zone 37's central meridian).
// `fill(col, row, band)` gives each pixel's value.
template <typename Fill>
std::string writeRaster(const std::string& name, int bands, GDALDataType type, Fill fill,
                        double* geoTransform = nullptr) {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/" + name;
    GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), 400, 300, bands, type, nullptr));
    OGRSpatialReference mercator;
    mercator.importFromEPSG(3857);
    ds->SetSpatialRef(&mercator);
    // 111°E, 26°N is about (12356463, 2999080) in Web Mercator; 10 m pixels.
    double gt[6] = {12356463.0 - 2000.0, 10.0, 0.0, 2999080.0 + 1500.0, 0.0, -10.0};
    ds->SetGeoTransform(gt);
    if (geoTransform)
        std::copy(gt, gt + 6, geoTransform);
    for (int b = 1; b <= bands; ++b) {
        std::vector<double> values(400 * 300);
        for (int r = 0; r < 300; ++r)
            for (int c = 0; c < 400; ++c)
                values[static_cast<std::size_t>(r * 400 + c)] = fill(c, r, b);
        REQUIRE(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, 400, 300, values.data(), 400, 300,
                                               GDT_Float64, 0, 0) == CE_None);
    }
    return path;
}

struct Argb {
    int a, r, g, b;
};
Argb unpack(std::uint32_t p) {
    return {int(p >> 24), int((p >> 16) & 255), int((p >> 8) & 255), int(p & 255)};
}

} // namespace

TEST_CASE("a basemap in Web Mercator lands where PROJ puts it in the project CRS", "[basemap]") {
    double gt[6];
    // Red west of the middle column, blue east of it.
    const std::string path = writeRaster(
        "halves.tif", 3, GDT_Byte,
        [](int c, int, int band) {
            return band == 1 ? (c < 200 ? 255 : 0) : band == 3 ? (c < 200 ? 0 : 255) : 0;
        },
        gt);
    const geo::Basemap basemap(path, projectEpsg);
    const geo::Extent footprint = basemap.extent();
    REQUIRE_FALSE(footprint.isNull());

    // A view a little larger than the footprint, 5 m pixels.
    const geo::Extent view{footprint.minX - 500, footprint.minY - 500, footprint.maxX + 500,
                           footprint.maxY + 500};
    const int width = static_cast<int>(view.width() / 5),
              height = static_cast<int>(view.height() / 5);
    const std::vector<std::uint32_t> pixels = basemap.readArgb(view, width, height);

    OGRSpatialReference project, mercator;
    project.importFromEPSG(projectEpsg);
    project.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    mercator.importFromEPSG(3857);
    mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toMercator(
        OGRCreateCoordinateTransformation(&project, &mercator));
    REQUIRE(toMercator);
    const double split = gt[0] + 200 * gt[1];
    int red = 0, blue = 0, outside = 0, wrong = 0;
    for (int row = 2; row < height; row += 7)
        for (int col = 2; col < width; col += 7) {
            double x = view.minX + (col + 0.5) * 5.0, y = view.maxY - (row + 0.5) * 5.0;
            REQUIRE(toMercator->Transform(1, &x, &y));
            const double sourceCol = (x - gt[0]) / gt[1], sourceRow = (y - gt[3]) / gt[5];
            const Argb p = unpack(pixels[static_cast<std::size_t>(row * width + col)]);
            if (sourceCol < -2 || sourceRow < -2 || sourceCol > 402 || sourceRow > 302) {
                ++outside;
                wrong += p.a != 0;
            } else if (sourceCol > 2 && sourceRow > 2 && sourceCol < 398 && sourceRow < 298 &&
                       std::abs(x - split) > 15) {
                const bool west = x < split;
                west ? ++red : ++blue;
                wrong += p.a != 255 || (west ? p.r < 250 || p.b > 5 : p.b < 250 || p.r > 5);
            }
        }
    INFO(red << " red, " << blue << " blue, " << outside << " outside, " << wrong << " wrong");
    CHECK(red > 500);
    CHECK(blue > 500);
    CHECK(outside > 100);
    CHECK(wrong == 0);
}

TEST_CASE("grey, paletted and 16-bit basemaps become colour", "[basemap]") {
    SECTION("grey bytes") {
        const geo::Basemap b(writeRaster("grey.tif", 1, GDT_Byte,
                                         [](int c, int, int) { return c < 200 ? 40 : 200; }),
                             3857);
        const geo::Extent e = b.extent();
        const auto px = b.readArgb(e, 40, 30);
        const Argb west = unpack(px[15 * 40 + 5]), east = unpack(px[15 * 40 + 35]);
        CHECK((west.a == 255 && west.r == 40 && west.g == 40 && west.b == 40));
        CHECK((east.r == 200 && east.g == 200 && east.b == 200));
    }
    SECTION("a palette") {
        const std::string path = writeRaster("palette.tif", 1, GDT_Byte,
                                             [](int c, int, int) { return c < 200 ? 1 : 2; });
        {
            GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_UPDATE));
            GDALColorTable table;
            const GDALColorEntry none{0, 0, 0, 0}, green{0, 128, 0, 255}, yellow{255, 220, 0, 255};
            table.SetColorEntry(0, &none);
            table.SetColorEntry(1, &green);
            table.SetColorEntry(2, &yellow);
            ds->GetRasterBand(1)->SetColorTable(&table);
        }
        const geo::Basemap b(path, 3857);
        const auto px = b.readArgb(b.extent(), 40, 30);
        const Argb west = unpack(px[15 * 40 + 5]), east = unpack(px[15 * 40 + 35]);
        CHECK((west.a == 255 && west.r == 0 && west.g == 128 && west.b == 0));
        CHECK((east.r == 255 && east.g == 220 && east.b == 0));
    }
    SECTION("16-bit values are stretched from their range") {
        const geo::Basemap b(writeRaster("uint16.tif", 1, GDT_UInt16,
                                         [](int c, int, int) { return c < 200 ? 1000 : 3000; }),
                             3857);
        const auto px = b.readArgb(b.extent(), 40, 30);
        CHECK(unpack(px[15 * 40 + 5]).r == 0);
        CHECK(unpack(px[15 * 40 + 35]).r == 255);
        // The range is found once and kept: a second view reads the same colours.
        CHECK(b.readArgb(b.extent(), 40, 30) == px);
    }
}

TEST_CASE("a basemap that cannot be placed is refused with the file and the fix", "[basemap]") {
    const std::string missing = testing::temporaryDirectory() + "/nowhere.tif";
    try {
        geo::Basemap b(missing, projectEpsg);
        FAIL("a missing file was accepted");
    } catch (const geo::InputError& e) {
        CHECK(std::string(e.what()).find("nowhere.tif") != std::string::npos);
        CHECK(std::string(e.what()).find("cannot be opened as a raster") != std::string::npos);
    }
    // A picture with no georeferencing at all.
    const std::string plain = testing::temporaryDirectory() + "/photo.png";
    {
        GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
        GDALDatasetUniquePtr m(mem->Create("", 20, 20, 3, GDT_Byte, nullptr));
        GDALDatasetUniquePtr png(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(
            plain.c_str(), m.get(), FALSE, nullptr, nullptr, nullptr));
        REQUIRE(png);
    }
    try {
        geo::Basemap b(plain, projectEpsg);
        FAIL("an image without georeferencing was accepted");
    } catch (const geo::InputError& e) {
        CHECK(std::string(e.what()).find("photo.png") != std::string::npos);
        CHECK(std::string(e.what()).find("no coordinate system") != std::string::npos);
    }
}
