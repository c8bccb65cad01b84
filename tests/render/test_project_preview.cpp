// The preview drawing of the committed sample: compared with a reference image, and checked
// for what a person sees (land-use colours where the parcels are, blue on the river).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>

#include <QColor>

#include "app/render/map_style.h"
#include "app/render/project_preview.h"
#include "support/image_compare.h"
#include "support/sample_fixture.h"

namespace {

const app::PreviewLayers& sampleLayers() {
    static const app::PreviewLayers layers =
        app::loadPreviewLayers(testing::sourcePath("data/sample/county.gpkg"));
    return layers;
}

const app::CategoryStyle& landUse() {
    static const app::CategoryStyle style =
        app::CategoryStyle::load(testing::sourcePath("styles/landuse-sandiao.json"));
    return style;
}

} // namespace

TEST_CASE("the sample preview matches its reference image", "[preview]") {
    const QImage image = app::renderPreview(sampleLayers(), landUse(), QSize(800, 600));
    const auto result = testing::compareWithReference(
        image, testing::sourcePath("tests/render/reference/sample_preview_800x600.png"));
    INFO(result.message);
    CHECK(result.matches);
}

TEST_CASE("the preview shows land-use colours in proportion and the river in blue", "[preview]") {
    const QImage image = app::renderPreview(sampleLayers(), landUse(), QSize(800, 600))
                             .convertToFormat(QImage::Format_RGB32);
    std::map<QRgb, long long> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    auto share = [&](const QColor& c) {
        return static_cast<double>(counts[c.rgb()]) / (image.width() * image.height());
    };
    // Forest, paddy and dry land each cover a visible part of the drawing.
    CHECK(share(landUse().categoryFor("0301").fill) > 0.03);
    CHECK(share(landUse().categoryFor("0101").fill) > 0.02);
    CHECK(share(landUse().categoryFor("0103").fill) > 0.02);
    CHECK(share(QColor("#4f8fd0")) > 0.005); // river surface
    CHECK(share(QColor("#f4f1ea")) > 0.1);   // background around the county
    CHECK(share(QColor("#f4f1ea")) < 0.6);
}

TEST_CASE("a project without parcels is refused with the reason", "[preview]") {
    CHECK_THROWS_WITH(
        app::loadPreviewLayers(testing::sourcePath("data/sample/surveyor/cgcs2000/DLTB.shp")),
        Catch::Contains("no 'parcels' layer"));
}

TEST_CASE("the preview marks the township seat in the map's seat red", "[preview][seats]") {
    REQUIRE(sampleLayers().seats.featureCount() == 1);
    const QColor seat = app::SeatStyle{}.colour;
    const auto seatPixels = [&](const QImage& image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - seat.red()) + std::abs(c.green() - seat.green()) +
                         std::abs(c.blue() - seat.blue()) <
                     30;
            }
        return n;
    };
    const int with = seatPixels(app::renderPreview(sampleLayers(), landUse(), QSize(800, 600)));
    app::PreviewLayers without = sampleLayers();
    without.seats = geo::FlatLayer{};
    const int none = seatPixels(app::renderPreview(without, landUse(), QSize(800, 600)));
    INFO(with << " seat-red pixels with the seat, " << none << " without");
    CHECK(with >= 40); // a ring and a dot about 15 pixels across
    CHECK(none <= 5);  // no land-use colour is that red
}
