// Relief shading and view windows of a raster, against values derived independently: the
// light on a plane from its normal vector and the sun's direction, and a linear surface that
// bilinear resampling must reproduce at every cell centre.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include <gdal_priv.h>

#include "geo/gdal_session.h"
#include "geo/hillshade.h"
#include "geo/raster_window.h"

namespace {

// The light on a plane z = a·east + b·north: its unit normal dotted with the unit vector
// pointing at the sun.
double lightOnPlane(double a, double b, double azimuthDeg, double altitudeDeg) {
    const double az = azimuthDeg * std::numbers::pi / 180.0;
    const double alt = altitudeDeg * std::numbers::pi / 180.0;
    const double n = std::sqrt(a * a + b * b + 1.0);
    const double sun[3] = {std::cos(alt) * std::sin(az), std::cos(alt) * std::cos(az),
                           std::sin(alt)};
    return std::max(0.0, (-a * sun[0] - b * sun[1] + sun[2]) / n);
}

std::vector<float> plane(int w, int h, double cell, double a, double b) {
    std::vector<float> z(static_cast<std::size_t>(w * h));
    for (int r = 0; r < h; ++r)
        for (int c = 0; c < w; ++c)
            z[static_cast<std::size_t>(r * w + c)] =
                static_cast<float>(a * c * cell - b * r * cell + 500.0); // rows run south
    return z;
}

} // namespace

TEST_CASE("hillshade of planes equals the light from their normals", "[hillshade]") {
    const int w = 7, h = 6;
    const double cell = 30.0;
    struct Case {
        double a, b, azimuth, altitude;
    };
    const Case cases[] = {
        {0.0, 0.0, 315, 45},  // flat: sin(altitude)
        {0.5, 0.0, 315, 45},  // rises to the east, faces west: half lit from the north-west
        {-0.5, 0.0, 315, 45}, // faces east
        {0.0, -0.8, 315, 45}, // falls to the north: faces the northern sun
        {0.0, 0.8, 315, 45},  // faces south, away from it
        {0.3, -0.4, 200, 30}, // another sun
        {-2.0, -2.0, 45, 60}, // steep, facing north-east into the sun
        {3.0, 3.0, 45, 20},   // steep, facing south-west: in shadow (0)
    };
    for (const Case& t : cases) {
        geo::HillshadeOptions o;
        o.azimuthDegrees = t.azimuth;
        o.altitudeDegrees = t.altitude;
        const std::vector<float> shade =
            geo::hillshade(plane(w, h, cell, t.a, t.b), w, h, cell, cell, o);
        const double expected = lightOnPlane(t.a, t.b, t.azimuth, t.altitude);
        INFO("a " << t.a << " b " << t.b << " sun " << t.azimuth << "/" << t.altitude);
        for (int r = 1; r < h - 1; ++r) // interior cells: every neighbour exists
            for (int c = 1; c < w - 1; ++c)
                CHECK(shade[static_cast<std::size_t>(r * w + c)] == Approx(expected).margin(1e-5));
    }
    // A vertical exaggeration of 2 is the plane twice as steep.
    geo::HillshadeOptions steeper;
    steeper.zFactor = 2.0;
    const auto shade = geo::hillshade(plane(w, h, cell, 0.25, 0.1), w, h, cell, cell, steeper);
    CHECK(shade[2 * w + 3] == Approx(lightOnPlane(0.5, 0.2, 315, 45)).margin(1e-5));
}

TEST_CASE("hillshade leaves no-data cells empty and borrows the centre for missing neighbours",
          "[hillshade]") {
    const int w = 5, h = 5;
    std::vector<float> z(25, 100.0f);
    z[12] = std::nanf("");
    const auto shade = geo::hillshade(z, w, h, 10.0, 10.0);
    CHECK(std::isnan(shade[12]));
    const double flat = std::sin(45.0 * std::numbers::pi / 180.0);
    CHECK(shade[0] == Approx(flat));  // a corner: neighbours beyond the edge
    CHECK(shade[11] == Approx(flat)); // next to the hole
}

TEST_CASE("a raster window resamples a surface onto the view's grid", "[hillshade]") {
    geo::initialiseGdal();
    // 200 × 150 cells of 30 m from (500000, 3000000) at the top-left: z = 0.01 x' + 0.02 y'.
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDatasetUniquePtr ds(mem->Create("surface", 200, 150, 1, GDT_Float32, nullptr));
    double gt[6] = {500000.0, 30.0, 0.0, 3000000.0, 0.0, -30.0};
    ds->SetGeoTransform(gt);
    const auto surface = [](double x, double y) {
        return 0.01 * (x - 500000.0) + 0.02 * (y - 2995500.0);
    };
    std::vector<float> values(200 * 150);
    for (int r = 0; r < 150; ++r)
        for (int c = 0; c < 200; ++c)
            values[static_cast<std::size_t>(r * 200 + c)] =
                static_cast<float>(surface(gt[0] + (c + 0.5) * 30.0, gt[3] - (r + 0.5) * 30.0));
    values[75 * 200 + 100] = -9999.0f;
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(-9999.0);
    REQUIRE(band->RasterIO(GF_Write, 0, 0, 200, 150, values.data(), 200, 150, GDT_Float32, 0, 0,
                           nullptr) == CE_None);

    SECTION("a finer view inside the raster") {
        geo::Extent view{501000.0, 2996000.0, 503000.0, 2997500.0}; // 2 km × 1.5 km
        const geo::RasterWindow window = geo::readRasterWindow(*ds, view, 200, 150);
        CHECK(window.anyData);
        CHECK(window.cellWidth == Approx(10.0));
        for (int r = 10; r < 140; r += 13)
            for (int c = 10; c < 190; c += 17) {
                const double x = view.minX + (c + 0.5) * 10.0, y = view.maxY - (r + 0.5) * 10.0;
                CHECK(window.values[static_cast<std::size_t>(r * 200 + c)] ==
                      Approx(surface(x, y)).margin(1e-3));
            }
    }
    SECTION("a view larger than the raster: outside is empty") {
        geo::Extent view{499000.0, 2994000.0, 507000.0, 3002000.0}; // cells of 80 m
        const geo::RasterWindow window = geo::readRasterWindow(*ds, view, 100, 100);
        CHECK(window.anyData);
        CHECK(std::isnan(window.values[0]));             // north-west of the raster
        CHECK(std::isnan(window.values[100 * 100 - 1])); // south-east
        // Cells well inside: the surface at their centres, to within a tenth of a cell
        // (GDAL may round the source window when it averages several pixels into one; the
        // surface climbs 0.022 per metre, 0.18 per tenth of an 80 m cell).
        // (The raster covers rows 25 to 80 and columns 13 to 86 of this view.)
        for (int r = 30; r < 80; r += 8)
            for (int c = 20; c < 80; c += 11) {
                const double x = view.minX + (c + 0.5) * 80.0, y = view.maxY - (r + 0.5) * 80.0;
                CHECK(window.values[static_cast<std::size_t>(r * 100 + c)] ==
                      Approx(surface(x, y)).margin(0.18));
            }
    }
    SECTION("the no-data cell stays empty at full resolution") {
        geo::Extent view{500000.0 + 90 * 30.0, 3000000.0 - 85 * 30.0, 500000.0 + 110 * 30.0,
                         3000000.0 - 65 * 30.0};
        const geo::RasterWindow window = geo::readRasterWindow(*ds, view, 20, 20);
        CHECK(std::isnan(window.values[10 * 20 + 10]));
        CHECK_FALSE(std::isnan(window.values[0]));
    }
    SECTION("a view beside the raster has no data") {
        geo::Extent view{600000.0, 2996000.0, 601000.0, 2997000.0};
        CHECK_FALSE(geo::readRasterWindow(*ds, view, 50, 50).anyData);
    }
}
