// The spatial index a project store builds in one go: a valid SQLite R*Tree that GDAL
// recognises as the layer's GeoPackage index, answers like a scan, and follows later edits.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "geo/gdal_session.h"
#include "geo/project_store.h"
#include "support/sample_fixture.h"

namespace {

std::string firstValue(GDALDataset& ds, const std::string& sql) {
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(result);
    OGRFeatureUniquePtr row(result->GetNextFeature());
    std::string value = row ? row->GetFieldAsString(0) : "";
    ds.ReleaseResultSet(result);
    return value;
}

std::set<GIntBig> fidsIn(OGRLayer& layer, const OGREnvelope& window) {
    layer.SetSpatialFilterRect(window.MinX, window.MinY, window.MaxX, window.MaxY);
    std::set<GIntBig> fids;
    for (const auto& f : layer)
        fids.insert(f->GetFID());
    layer.SetSpatialFilter(nullptr);
    return fids;
}

// Squares of random sizes; `count` large enough for a tree several levels deep.
void fill(OGRLayer& layer, int count, std::vector<geo::IndexedBox>& boxes) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> position(0.0, 10000.0);
    std::uniform_real_distribution<double> size(0.5, 40.0);
    for (int i = 0; i < count; ++i) {
        const double x = 500000.0 + position(random), y = 2900000.0 + position(random);
        const double s = size(random);
        OGRPolygon square;
        OGRLinearRing ring;
        ring.addPoint(x, y);
        ring.addPoint(x + s, y);
        ring.addPoint(x + s, y + s);
        ring.addPoint(x, y + s);
        ring.addPoint(x, y);
        square.addRing(&ring);
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        f->SetField("n", i);
        if (i % 97 != 5) // a few without geometry: the index skips them
            f->SetGeometry(&square);
        REQUIRE(layer.CreateFeature(f.get()) == OGRERR_NONE);
        boxes.push_back(
            {f->GetFID(), i % 97 != 5 ? geo::Extent{x, y, x + s, y + s} : geo::Extent{}});
    }
}

} // namespace

TEST_CASE("a layer indexed in one go has a valid GeoPackage R-tree", "[project_store]") {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/p.gpkg";
    const int count = GENERATE(0, 30, 20000);
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        OGRLayer& layer =
            store->recreateLayerForBulkLoad("parcels", wkbPolygon, 4546, {{"n", OFTInteger}});
        std::vector<geo::IndexedBox> boxes;
        fill(layer, count, boxes);
        store->indexLayer("parcels", std::move(boxes));
        transaction.commit();
        store->finish();
    }

    auto ds = geo::openVector(path);
    CHECK(firstValue(*ds, "SELECT rtreecheck('rtree_parcels_geom')") == "ok");
    CHECK(firstValue(*ds, "SELECT HasSpatialIndex('parcels', 'geom')") == "1");
    CHECK(firstValue(*ds, "SELECT COUNT(*) FROM rtree_parcels_geom") ==
          std::to_string(count - (count + 91) / 97));
    OGRLayer& layer = *ds->GetLayerByName("parcels");

    // Windows answered through the index equal a scan of every feature.
    std::mt19937 random(11);
    std::uniform_real_distribution<double> corner(0.0, 9800.0);
    for (int w = 0; w < 20; ++w) {
        const double x = 500000.0 + corner(random), y = 2900000.0 + corner(random);
        OGREnvelope window;
        window.MinX = x;
        window.MinY = y;
        window.MaxX = x + 200.0;
        window.MaxY = y + 200.0;
        std::set<GIntBig> scanned;
        for (const auto& f : layer) {
            OGREnvelope e;
            if (const OGRGeometry* g = f->GetGeometryRef()) {
                g->getEnvelope(&e);
                if (e.Intersects(window))
                    scanned.insert(f->GetFID());
            }
        }
        CHECK(fidsIn(layer, window) == scanned);
    }
}

TEST_CASE("the bulk-built index follows later edits through the GeoPackage triggers",
          "[project_store]") {
    geo::initialiseGdal();
    const std::string path = testing::temporaryDirectory() + "/p.gpkg";
    {
        auto store = geo::openGeoPackageProject(path);
        geo::Transaction transaction(*store);
        OGRLayer& layer =
            store->recreateLayerForBulkLoad("parcels", wkbPolygon, 4546, {{"n", OFTInteger}});
        std::vector<geo::IndexedBox> boxes;
        fill(layer, 500, boxes);
        store->indexLayer("parcels", std::move(boxes));
        transaction.commit();
        store->finish();
    }
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer& layer = *ds->GetLayerByName("parcels");
        OGRFeatureUniquePtr added(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        OGRPoint far(600000.0, 3000000.0);
        std::unique_ptr<OGRGeometry> square(far.Buffer(5.0));
        added->SetGeometry(square.get());
        REQUIRE(layer.CreateFeature(added.get()) == OGRERR_NONE);
        REQUIRE(layer.DeleteFeature(1) == OGRERR_NONE);
    }
    auto ds = geo::openVector(path);
    CHECK(firstValue(*ds, "SELECT rtreecheck('rtree_parcels_geom')") == "ok");
    CHECK(firstValue(*ds, "SELECT COUNT(*) FROM rtree_parcels_geom WHERE id = 1") == "0");
    OGREnvelope window;
    window.MinX = 599990.0;
    window.MinY = 2999990.0;
    window.MaxX = 600010.0;
    window.MaxY = 3000010.0;
    CHECK(fidsIn(*ds->GetLayerByName("parcels"), window) == std::set<GIntBig>{501});
}
