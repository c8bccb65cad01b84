// The reports' maps in the map window's look: rivers and village boundaries drawn as
// styles/map.json says, over the zones theme's colours; the transferred parcels hatched are
// the ones the report names. Drawn into an image and counted pixel by pixel; the image is
// written next to the build for a look.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <QImage>
#include <QPainter>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/output/report_map.h"
#include "app/render/theme_catalog.h"
#include "geo/gdal_session.h"
#include "support/classified_sample.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

const char* const village = "4309991002010000000"; // 唐家村, which a river crosses

long long pixelsOf(const QImage& image, QColor colour) {
    long long n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    return n;
}

QImage drawn(const app::ReportMapData& data, app::ReportMapResult* result = nullptr) {
    QImage image(1000, 800, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    const app::ReportMapResult r =
        app::drawReportMap(painter, QRectF(0, 0, 1000, 800), {&data, village, false, "T", "I"});
    if (result)
        *result = r;
    return image;
}

} // namespace

TEST_CASE("report map: rivers and boundaries as the map window draws them", "[render][report]") {
    const std::shared_ptr<const app::MapStyle> style = app::installedMapStyle();
    app::ReportMapData data = app::loadReportMapData(
        testing::classifiedSampleCounty(), testing::sourcePath("styles/zones.json"), style.get());
    REQUIRE(data.rivers.featureCount() > 0);
    const QImage withRivers = drawn(data);
    withRivers.save(QString::fromStdString(testing::temporaryDirectory() + "/report-map.png"));

    const long long river = pixelsOf(withRivers, style->rivers.line.colour);
    const long long boundary = pixelsOf(withRivers, style->villages.line.colour);
    CHECK(river > 300);    // the river's line, in the style's blue
    CHECK(boundary > 300); // the village's boundary, in the style's purple
    data.rivers = {};
    CHECK(pixelsOf(drawn(data), style->rivers.line.colour) < river / 10);
}

TEST_CASE("report map: the parcels hatched as transferred are the report's", "[render][report]") {
    app::ReportMapData data = app::loadReportMapData(testing::classifiedSampleCounty(),
                                                     testing::sourcePath("styles/zones.json"));
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < data.parcels.featureCount() && ids.size() < 7; ++i)
        if (data.village[i] == village)
            ids.push_back(data.parcels.category[i]);
    app::markTransferred(data, ids);
    app::ReportMapResult result;
    drawn(data, &result);
    const auto transferred = std::find_if(result.legend.begin(), result.legend.end(),
                                          [](const app::LegendEntry& e) { return e.label == "T"; });
    REQUIRE(transferred != result.legend.end());
    CHECK(transferred->count == 7);
}

TEST_CASE("report map: the county's legend counts every classified parcel, also one off the map",
          "[render][report]") {
    // A parcel moved 20 km east, off the map of the villages (as a parcel surveyed outside every
    // village boundary is), keeps its classification row.
    const std::string project = testing::temporaryDirectory() + "/off-the-map.gpkg";
    std::filesystem::copy_file(testing::classifiedSampleCounty(), project);
    geo::initialiseGdal();
    {
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* parcels = ds->GetLayerByName("parcels");
        OGRFeatureUniquePtr parcel(parcels->GetFeature(1));
        REQUIRE(parcel);
        OGRGeometry* shape = parcel->GetGeometryRef();
        REQUIRE(shape);
        OGRPolygon* polygon = wkbFlatten(shape->getGeometryType()) == wkbMultiPolygon
                                  ? shape->toMultiPolygon()->getGeometryRef(0)
                                  : shape->toPolygon();
        for (OGRLinearRing* ring : *polygon)
            for (int i = 0; i < ring->getNumPoints(); ++i)
                ring->setPoint(i, ring->getX(i) + 20000.0, ring->getY(i));
        REQUIRE(parcels->SetFeature(parcel.get()) == OGRERR_NONE);
    }
    const app::ReportMapData data =
        app::loadReportMapData(project, testing::sourcePath("styles/zones.json"));
    REQUIRE(data.villages.featureCount() > 0);
    REQUIRE(data.boxes[0].minX > data.villages.extent.maxX); // off the villages' map
    QImage image(1000, 800, QImage::Format_RGB32);
    QPainter painter(&image);
    const app::ReportMapResult result =
        app::drawReportMap(painter, QRectF(0, 0, 1000, 800), {&data, "", false, "T", "I"});
    std::map<std::string, long long> counted;
    long long zones = 0;
    for (const app::LegendEntry& e : result.legend) {
        counted[e.label.toStdString()] = e.count;
        if (e.label != "T" && e.label != "I")
            zones += e.count;
    }
    CHECK(zones == std::stoll(testing::projectValue(project, "SELECT COUNT(*) FROM parcels")));
    const std::string zoneOfMoved =
        testing::projectValue(project, "SELECT ZONE FROM parcel_classes WHERE fid = 1");
    const std::string label = data.zones.categoryFor(zoneOfMoved).labelZh.toStdString();
    CHECK(counted[label] ==
          std::stoll(testing::projectValue(
              project, "SELECT COUNT(*) FROM parcel_classes WHERE ZONE = '" + zoneOfMoved + "'")));
    CHECK(counted["T"] == std::stoll(testing::projectValue(
                              project, "SELECT SUM(TRANSFERRED) FROM parcel_classes")));
    CHECK(counted["I"] ==
          std::stoll(testing::projectValue(project, "SELECT SUM(IDLE) FROM parcel_classes")));
}
