// The coverage grid behind the district view: every cell belongs to the parcel that holds its
// centre, and each parcel gets about its area's worth of cells.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/coverage_grid.h"
#include "geo/gdal_session.h"
#include "support/sample_fixture.h"

TEST_CASE("the coverage grid gives each cell the parcel holding its centre", "[coverage_grid]") {
    GDALDatasetUniquePtr ds = geo::openVector(testing::smallCounty().directory + "/county.gpkg");
    OGRLayer* layer = ds->GetLayerByName("parcels");
    OGREnvelope e;
    REQUIRE(layer->GetExtent(&e) == OGRERR_NONE);
    geo::CompactPolygons polygons(e.MinX, e.MinY);
    std::vector<std::unique_ptr<OGRGeometry>> geometries;
    double totalArea = 0;
    for (const auto& feature : *layer) {
        polygons.add(feature->GetFID(), feature->GetGeometryRef());
        geometries.emplace_back(feature->GetGeometryRef()->clone());
        totalArea += geometries.back()->toSurface()->get_Area();
    }
    polygons.finish();

    const double cell = geo::chooseCoverageCellSize(polygons);
    REQUIRE(cell > 0);
    const geo::CoverageGrid one = geo::CoverageGrid::build(polygons, cell, 1);
    const geo::CoverageGrid two = geo::CoverageGrid::build(polygons, cell, 2);
    CHECK(one.cells() == two.cells()); // workers split rows without changing the result

    // Every 37th cell: GEOS says which parcel holds the centre.
    int checked = 0;
    for (std::size_t k = 0; k < one.cells().size(); k += 37) {
        const int row = int(k / std::size_t(one.width())),
                  column = int(k % std::size_t(one.width()));
        const OGRPoint centre(one.left() + (column + 0.5) * cell, one.top() - (row + 0.5) * cell);
        const std::uint32_t feature = one.at(column, row);
        if (feature == geo::CoverageGrid::none) {
            for (const auto& g : geometries)
                CHECK_FALSE(g->Contains(&centre));
        } else {
            CHECK(geometries[feature]->Intersects(&centre));
            ++checked;
        }
    }
    CHECK(checked > 150);

    // Cells covered × cell area is the parcels' area, within the grid's granularity.
    std::size_t covered = 0;
    for (std::uint32_t c : one.cells())
        covered += c != geo::CoverageGrid::none;
    CHECK(double(covered) * cell * cell == Approx(totalArea).epsilon(0.03));
}
