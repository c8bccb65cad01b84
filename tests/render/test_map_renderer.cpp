// The map renderer on the classified sample county: reference images at district, village
// and parcel scale; the district view (dominant colour per pixel) against a full-detail render
// scaled down; labels without collisions; the cache; cancellation within 50 ms.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <thread>

#include <QPainter>

#include "app/render/map_render_job.h"
#include "app/render/parcel_renderer.h"
#include "app/render/theme_catalog.h"
#include "geo/gdal_session.h"

#include "support/classified_sample.h"
#include "support/image_compare.h"
#include "support/sample_fixture.h"
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

namespace {

std::shared_ptr<const app::ProjectDrawing> sampleDrawing() {
    static const auto drawing = app::loadProjectDrawing(testing::classifiedSampleCounty());
    return drawing;
}

std::shared_ptr<const app::CategoryStyle> themeStyle(const std::string& theme) {
    return app::installedTheme(theme);
}

app::MapSettings settingsFor(const geo::Extent& extent, QSize size, const std::string& theme) {
    app::MapSettings settings = app::MapSettings::fitted(extent, size);
    settings.drawing = sampleDrawing();
    settings.theme = themeStyle(theme);
    settings.style = app::installedMapStyle();
    settings.background = settings.style->background;
    settings.themeName = theme;
    return settings;
}

QImage render(const app::MapSettings& settings, std::vector<app::PlacedLabel>* labels = nullptr) {
    const auto theme =
        app::PreparedTheme::prepare(settings.drawing->parcels, *settings.theme, settings.filter);
    return app::renderMap(settings, theme, labels);
}

geo::Extent villageExtent(std::size_t village) {
    const geo::FlatLayer& v = sampleDrawing()->villages.polygons;
    geo::Extent box;
    for (std::uint32_t i = v.partStart[v.featurePart[village]];
         i < v.partStart[v.featurePart[village + 1]]; ++i)
        box.include(v.xy[2 * i], v.xy[2 * i + 1]);
    return box;
}

// A 200 m box around the middle of the district: a few dozen parcels, ids readable.
geo::Extent parcelScaleExtent() {
    const geo::Extent e = sampleDrawing()->extent;
    const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
    return {cx - 150, cy - 100, cx + 150, cy + 100};
}

std::string reference(const std::string& name) {
    return testing::sourcePath("tests/render/reference/" + name + ".png");
}

} // namespace

TEST_CASE("the map of the sample matches its reference images at three scales", "[renderer]") {
    const std::vector<std::string> themes{"zones", "landuse", "transfer", "idle", "village-type"};
    for (const std::string& theme : themes) {
        SECTION(theme + " district") {
            app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(640, 480), theme);
            s.layers.labels = true;
            const auto result =
                testing::compareWithReference(render(s), reference("map_" + theme + "_district"));
            INFO(result.message);
            CHECK(result.matches);
        }
        SECTION(theme + " village") {
            app::MapSettings s = settingsFor(villageExtent(0), QSize(640, 480), theme);
            s.layers.labels = true;
            const auto result =
                testing::compareWithReference(render(s), reference("map_" + theme + "_village"));
            INFO(result.message);
            CHECK(result.matches);
        }
        SECTION(theme + " parcel") {
            app::MapSettings s = settingsFor(parcelScaleExtent(), QSize(640, 480), theme);
            s.layers.labels = true;
            const auto result =
                testing::compareWithReference(render(s), reference("map_" + theme + "_parcel"));
            INFO(result.message);
            CHECK(result.matches);
        }
    }
}

TEST_CASE("the district view shows the colours a full-detail render shows, scaled down",
          "[renderer]") {
    // Small enough that parcels are a pixel or two wide: the renderer draws dominant colours.
    const QSize small(240, 180);
    app::MapSettings lod = settingsFor(sampleDrawing()->extent, small, "landuse");
    lod.layers = {true, false, false, false, 1.0};
    const auto theme =
        app::PreparedTheme::prepare(sampleDrawing()->parcels, *lod.theme, lod.filter);
    REQUIRE(app::ParcelRenderer(lod, theme).drawsFromCoverage());
    const QImage fast = render(lod).convertToFormat(QImage::Format_RGB32);

    // The reference: every parcel as a polygon at 8× the size, then the commonest colour of
    // each 8×8 block.
    app::MapSettings full = settingsFor(sampleDrawing()->extent, small * 8, "landuse");
    full.layers = lod.layers;
    full.levelOfDetail = false;
    REQUIRE_FALSE(app::ParcelRenderer(full, theme).drawsFromCoverage());
    const QImage detail = render(full).convertToFormat(QImage::Format_RGB32);
    int same = 0, compared = 0;
    for (int y = 0; y < small.height(); ++y)
        for (int x = 0; x < small.width(); ++x) {
            std::map<QRgb, int> votes;
            for (int dy = 0; dy < 8; ++dy)
                for (int dx = 0; dx < 8; ++dx)
                    ++votes[detail.pixel(8 * x + dx, 8 * y + dy)];
            const auto best = std::max_element(votes.begin(), votes.end(),
                                               [](auto a, auto b) { return a.second < b.second; });
            if (best->first == lod.background.rgb() && fast.pixel(x, y) == lod.background.rgb())
                continue; // background on both: not evidence
            ++compared;
            same += best->first == fast.pixel(x, y);
        }
    INFO(same << " of " << compared << " pixels agree");
    CHECK(compared > 5000);
    CHECK(double(same) / compared > 0.80);
}

TEST_CASE("village names are placed inside the district view without overlapping",
          "[renderer][labels]") {
    app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(1200, 900), "landuse");
    s.layers.labels = true;
    std::vector<app::PlacedLabel> labels;
    render(s, &labels);
    std::set<QString> names;
    for (const auto& l : labels)
        if (l.kind == app::PlacedLabel::Kind::Village)
            names.insert(l.text);
    for (const std::string& name : sampleDrawing()->villages.name)
        CHECK(names.count(QString::fromStdString(name)) == 1);
    for (std::size_t a = 0; a < labels.size(); ++a)
        for (std::size_t b = a + 1; b < labels.size(); ++b)
            CHECK_FALSE(labels[a].rect.intersects(labels[b].rect));

    // At parcel scale, parcel ids (BSM) appear.
    app::MapSettings close = settingsFor(parcelScaleExtent(), QSize(1200, 900), "landuse");
    close.layers.labels = true;
    render(close, &labels);
    const auto ids = std::count_if(labels.begin(), labels.end(), [](const app::PlacedLabel& l) {
        return l.kind == app::PlacedLabel::Kind::Parcel;
    });
    CHECK(ids >= 3);
    for (const auto& l : labels)
        if (l.kind == app::PlacedLabel::Kind::Parcel)
            CHECK(l.text.size() >= 10); // BSM codes, not empty strings
}

TEST_CASE("a finished layer is served from the cache; a cancelled render adds nothing",
          "[renderer][cache]") {
    app::RenderCache cache;
    app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(640, 480), "landuse");
    const auto theme = app::PreparedTheme::prepare(sampleDrawing()->parcels, *s.theme, s.filter);
    {
        app::MapRenderJob job(s, theme, &cache);
        job.start();
        job.waitForFinished();
        REQUIRE(job.errors().empty());
        // parcels, rivers, roads, village boundaries, assets, township seats
        CHECK(cache.size() == 6);
    }
    {
        // The same view again: the layers come from the cache, the image is the same.
        app::MapRenderJob first(s, theme, nullptr);
        first.start();
        first.waitForFinished();
        app::MapRenderJob again(s, theme, &cache);
        again.start();
        again.waitForFinished();
        CHECK(again.image() == first.image());
        CHECK(cache.size() == 6);
    }

    // A slow full-detail render (every parcel outlined, antialiased), cancelled while it
    // draws: it stops within 50 ms and caches nothing.
    app::RenderCache empty;
    app::MapSettings big = settingsFor(sampleDrawing()->extent, QSize(4000, 3000), "landuse");
    big.levelOfDetail = false;
    big.layers.rivers = big.layers.villages = false;
    app::MapRenderJob job(big, theme, &empty);
    job.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    REQUIRE_FALSE(job.isFinished()); // still drawing: the cancel comes mid-way
    const auto cancelled = std::chrono::steady_clock::now();
    job.cancel();
    job.waitForFinished();
    const double stopMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - cancelled)
            .count();
    INFO("stopped " << stopMs << " ms after cancel");
    CHECK(stopMs < 50.0);
    CHECK(job.wasCancelled());
    CHECK(job.image().isNull());
    // Whatever reached the cache is complete: the same layer from an uncancelled render.
    const app::RenderCache::Key parcels{
        "parcels", big.visibleExtent(), big.size(), big.dpi(), big.drawing.get(), theme.get(), 1.0};
    if (const auto cached = empty.find(parcels)) {
        app::RenderCache full;
        app::MapRenderJob complete(big, theme, &full);
        complete.start();
        complete.waitForFinished();
        REQUIRE(full.find(parcels));
        CHECK(*cached == *full.find(parcels));
    }
}

TEST_CASE("a filter greys out other parcels and the legend counts only what passes",
          "[renderer][filter]") {
    app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(400, 300), "landuse");
    const auto all = app::PreparedTheme::prepare(sampleDrawing()->parcels, *s.theme, {});
    app::ParcelFilter idle;
    idle.idleOnly = true;
    const auto onlyIdle = app::PreparedTheme::prepare(sampleDrawing()->parcels, *s.theme, idle);
    std::int64_t total = 0, idleTotal = 0;
    for (const auto& c : all->legend())
        total += c.count;
    for (const auto& c : onlyIdle->legend())
        idleTotal += c.count;
    CHECK(total == std::int64_t(sampleDrawing()->parcels.polygons.size()));
    // IDLE read independently from the drawing's own column.
    const app::AttributeColumn* column = sampleDrawing()->parcels.column("IDLE");
    REQUIRE(column);
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < column->codes.size(); ++i)
        expected += column->valueOf(i) == "1";
    CHECK(idleTotal == expected);
    CHECK(idleTotal > 0);
    CHECK(idleTotal < total);
}

TEST_CASE("layers are drawn in the layer order", "[renderer][order]") {
    // A village's own view: its dashed boundary shows over the parcels by default.
    app::MapSettings s = settingsFor(villageExtent(0), QSize(640, 480), "zones");
    const QColor boundary = s.style->villages.line.colour;
    const auto count = [&](const QImage& image) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - boundary.red()) + std::abs(c.green() - boundary.green()) +
                         std::abs(c.blue() - boundary.blue()) <
                     30;
            }
        return n;
    };
    const int onTop = count(render(s));
    s.layers.order = {"villages", "parcels", "rivers"}; // boundaries under the parcels
    const int below = count(render(s));
    INFO(onTop << " boundary pixels on top, " << below << " below the parcels");
    CHECK(onTop > 300);
    CHECK(below < onTop / 5); // only outside the parcels, where nothing covers them
}

TEST_CASE("the legend's 亩 per class add up to the classified area", "[renderer][legend]") {
    const auto theme = app::PreparedTheme::prepare(sampleDrawing()->parcels, *themeStyle("zones"),
                                                   app::ParcelFilter{});
    double legendMu = 0;
    for (const auto& c : theme->legend())
        legendMu += c.areaMu;
    // The same total read independently through GDAL.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* sum = ds->ExecuteSQL("SELECT SUM(AREA_MU) FROM parcel_classes", nullptr, nullptr);
    REQUIRE(sum);
    OGRFeatureUniquePtr row{sum->GetNextFeature()};
    const double expected = row->GetFieldAsDouble(0);
    row.reset();
    ds->ReleaseResultSet(sum);
    CHECK(expected > 1000);
    CHECK(legendMu == Approx(expected).epsilon(1e-4)); // float storage: 1 in 10,000
}

TEST_CASE("every attribute column holds each value once", "[renderer][columns]") {
    for (const auto& [name, column] : sampleDrawing()->parcels.columns) {
        std::set<std::string> seen(column.values.begin(), column.values.end());
        INFO(name);
        CHECK(seen.size() == column.values.size());
        CHECK(column.codes.size() == sampleDrawing()->parcels.polygons.size());
    }
}

TEST_CASE("the relief layer darkens slopes GDAL's hillshade puts in shadow and lightens lit ones",
          "[renderer][relief]") {
    const auto drawing = sampleDrawing();
    REQUIRE_FALSE(drawing->demDataset.empty());
    GDALDatasetUniquePtr dem(
        GDALDataset::Open(drawing->demDataset.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(dem);
    double gt[6];
    REQUIRE(dem->GetGeoTransform(gt) == CE_None);

    // GDAL's own hillshade of the DEM at its native resolution (light from 315°, 45° high;
    // flat ground is 181 of 255), independent of tianmu's shading.
    char** argv = nullptr;
    for (const char* a : {"-of", "MEM", "-az", "315", "-alt", "45", "-compute_edges"})
        argv = CSLAddString(argv, a);
    GDALDEMProcessingOptions* options = GDALDEMProcessingOptionsNew(argv, nullptr);
    CSLDestroy(argv);
    GDALDatasetUniquePtr shade(GDALDataset::FromHandle(
        GDALDEMProcessing("", dem.get(), "hillshade", nullptr, options, nullptr)));
    GDALDEMProcessingOptionsFree(options);
    REQUIRE(shade);

    // A 6 km × 6 km view at 10 m per pixel (no exaggeration) in the middle of the district,
    // the relief alone on white.
    const geo::Extent& all = drawing->extent;
    const double cx = (all.minX + all.maxX) / 2, cy = (all.minY + all.maxY) / 2;
    app::MapSettings s =
        settingsFor({cx - 3000, cy - 3000, cx + 3000, cy + 3000}, QSize(600, 600), "zones");
    s = s.withUnitsPerPixel(10.0);
    s.background = Qt::white;
    s.layers.parcels = s.layers.rivers = s.layers.villages = s.layers.labels = false;
    const QImage off = render(s);
    CHECK(off.pixelColor(300, 300) == QColor(Qt::white));
    s.layers.relief = true;
    const QImage on = render(s);

    const int columns = dem->GetRasterXSize(), rows = dem->GetRasterYSize();
    std::vector<unsigned char> gdalShade(static_cast<std::size_t>(columns * rows));
    REQUIRE(shade->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, columns, rows, gdalShade.data(),
                                              columns, rows, GDT_Byte, 0, 0, nullptr) == CE_None);
    // Each DEM cell inside the view, at the pixel of its centre: GDAL's shade and ours.
    int dark = 0, darkAgree = 0, lit = 0, litDarkened = 0;
    for (int r = 1; r + 1 < rows; ++r)
        for (int c = 1; c + 1 < columns; ++c) {
            const QPointF p = s.toPixel(gt[0] + (c + 0.5) * gt[1], gt[3] + (r + 0.5) * gt[5]);
            if (p.x() < 2 || p.y() < 2 || p.x() > 597 || p.y() > 597)
                continue;
            const int value = gdalShade[static_cast<std::size_t>(r * columns + c)];
            const int grey = qGray(on.pixel(int(p.x()), int(p.y())));
            if (value < 120) { // clearly in shadow
                ++dark;
                darkAgree += grey < 235;
            } else if (value > 205) { // facing the light: white over white
                ++lit;
                litDarkened += grey < 240;
            }
        }
    INFO(dark << " shadowed DEM cells, " << darkAgree << " darker on the map; " << lit
              << " lit cells, " << litDarkened << " darkened");
    REQUIRE(dark > 50);
    CHECK(darkAgree >= dark * 95 / 100);
    REQUIRE(lit > 50);
    CHECK(litDarkened <= lit / 20);
    on.save(QString::fromStdString(std::string(TIANMU_BINARY_DIR) + "/relief_only.png"));
}

TEST_CASE("each asset of the ledger is drawn at its place in its status's colour",
          "[renderer][assets]") {
    app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(1000, 750), "zones");
    s.background = Qt::white;
    s.layers.parcels = s.layers.rivers = s.layers.villages = s.layers.labels = false;
    s.layers.roads = s.layers.seats = false;
    const QImage image = render(s);
    const app::AssetStyle& style = s.style->assets;
    REQUIRE(style.symbols.size() >= 3);

    // The ledger read through GDAL, not through the drawing data.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* assets = ds->GetLayerByName("assets");
    REQUIRE(assets);
    int checked = 0, idle = 0;
    for (const auto& feature : *assets) {
        const OGRPoint* p = feature->GetGeometryRef()->toPoint();
        const QPointF px = s.toPixel(p->getX(), p->getY());
        const std::string status = feature->GetFieldAsString("ZT");
        const QColor expected = style.symbolFor(status).fill;
        const QColor drawn = image.pixelColor(px.toPoint());
        INFO(feature->GetFieldAsString("ZCMC") << " " << status);
        // Neighbours can overlap a symbol; the symbol's centre is its own colour or another
        // asset's.
        CHECK(std::abs(drawn.red() - expected.red()) + std::abs(drawn.green() - expected.green()) +
                  std::abs(drawn.blue() - expected.blue()) <
              40);
        ++checked;
        idle += status == "闲置";
    }
    CHECK(checked == static_cast<int>(sampleDrawing()->assets.size()));
    CHECK(idle > 0);

    // Hidden with its layer.
    s.layers.assets = false;
    const QImage none = render(s);
    for (int y = 0; y < none.height(); y += 3)
        for (int x = 0; x < none.width(); x += 3)
            REQUIRE(none.pixelColor(x, y) == QColor(Qt::white));
}

namespace {

int colourDistance(const QColor& a, const QColor& b) {
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) +
           std::abs(a.blue() - b.blue());
}

} // namespace

TEST_CASE("roads are drawn along their lines and township seats at their places, named",
          "[renderer][roads][seats]") {
    app::MapSettings s = settingsFor(sampleDrawing()->extent, QSize(1000, 750), "zones");
    s.background = Qt::white;
    s.layers.parcels = s.layers.rivers = s.layers.villages = s.layers.assets = false;
    s.layers.labels = true;
    std::vector<app::PlacedLabel> labels;
    const QImage image = render(s, &labels);
    image.save(QString::fromStdString(std::string(TIANMU_BINARY_DIR) + "/roads_and_seats.png"));
    const app::RoadStyle& road = s.style->roads;
    const app::SeatStyle& seat = s.style->seats;

    // The roads and seats read through GDAL, not through the drawing data.
    GDALDatasetUniquePtr ds = geo::openVector(testing::classifiedSampleCounty());
    OGRLayer* roads = ds->GetLayerByName("roads");
    OGRLayer* seats = ds->GetLayerByName("seats");
    REQUIRE(roads);
    REQUIRE(seats);
    // Along every road, midway between its vertices, the road's ink within a pixel: its casing,
    // its line, or a blend of them with the white around (the line is antialiased), all warm
    // (red above green above blue), as the seats' red and the labels' purple are not.
    REQUIRE(road.casing.colour.red() > road.casing.colour.green());
    REQUIRE(road.casing.colour.green() > road.casing.colour.blue());
    const auto nearRoadInk = [&](QPointF px) {
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const QPoint at = px.toPoint() + QPoint(dx, dy);
                if (!image.rect().contains(at))
                    continue;
                const QColor c = image.pixelColor(at);
                if (c.red() > c.green() + 8 && c.green() > c.blue() + 8)
                    return true;
            }
        return false;
    };
    int onRoad = 0, samples = 0;
    std::vector<QPointF> roadPixels;
    for (const auto& feature : *roads) {
        const OGRLineString* line = feature->GetGeometryRef()->toLineString();
        for (int k = 0; k < line->getNumPoints(); ++k)
            roadPixels.push_back(s.toPixel(line->getX(k), line->getY(k)));
        for (int k = 0; k + 1 < line->getNumPoints(); ++k) {
            const QPointF px = s.toPixel((line->getX(k) + line->getX(k + 1)) / 2,
                                         (line->getY(k) + line->getY(k + 1)) / 2);
            if (!QRectF(image.rect()).contains(px))
                continue;
            ++samples;
            onRoad += nearRoadInk(px);
        }
    }
    INFO(onRoad << " of " << samples << " road midpoints in the road's colours");
    REQUIRE(samples > 20);
    CHECK(onRoad >= samples * 95 / 100); // a seat's symbol may cover a road's end
    // The main roads (DLDJ of the style's main grades) in their own line colour, the others
    // never in it.
    REQUIRE_FALSE(road.mainGrades.empty());
    const auto nearColour = [&](QPointF px, const QColor& colour) {
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const QPoint at = px.toPoint() + QPoint(dx, dy);
                if (image.rect().contains(at) && colourDistance(image.pixelColor(at), colour) < 60)
                    return true;
            }
        return false;
    };
    int mainSamples = 0, mainInColour = 0, otherInMainColour = 0;
    roads->ResetReading();
    for (const auto& feature : *roads) {
        const bool isMain = road.isMain(feature->GetFieldAsString("DLDJ"));
        const OGRLineString* line = feature->GetGeometryRef()->toLineString();
        for (int k = 0; k + 1 < line->getNumPoints(); ++k) {
            const QPointF px = s.toPixel((line->getX(k) + line->getX(k + 1)) / 2,
                                         (line->getY(k) + line->getY(k + 1)) / 2);
            if (!QRectF(image.rect()).contains(px))
                continue;
            const bool amber = nearColour(px, road.mainLine.colour);
            mainSamples += isMain;
            mainInColour += isMain && amber;
            otherInMainColour += !isMain && amber;
        }
    }
    INFO(mainInColour << " of " << mainSamples << " main-road midpoints in the main colour; "
                      << otherInMainColour << " of the others");
    REQUIRE(mainSamples > 10); // the sample's county road (县道)
    CHECK(mainInColour >= mainSamples * 9 / 10);
    CHECK(otherInMainColour <= 3); // where a minor road meets the main one
    // Each seat: the dot in its colour at the centre, the white inside around it, its name in
    // a label beside it.
    int seatCount = 0;
    for (const auto& feature : *seats) {
        const OGRPoint* p = feature->GetGeometryRef()->toPoint();
        const QPointF px = s.toPixel(p->getX(), p->getY());
        const QString name = QString::fromUtf8(feature->GetFieldAsString("XZMC"));
        INFO(name.toStdString());
        CHECK(colourDistance(image.pixelColor(px.toPoint()), seat.colour) < 40);
        // Between the dot and the ring, the fill, in most of eight directions (the rest fall
        // on a blended pixel of the dot's or the ring's edge).
        int filled = 0;
        for (int k = 0; k < 8; ++k) {
            const double a = k * 3.14159265358979 / 4, r = seat.sizePx * 0.27;
            const QPointF at = px + QPointF(r * std::cos(a), r * std::sin(a));
            filled += colourDistance(image.pixelColor(at.toPoint()), seat.fill) < 60;
        }
        CHECK(filled >= 4);
        const auto label =
            std::find_if(labels.begin(), labels.end(), [&](const app::PlacedLabel& l) {
                return l.kind == app::PlacedLabel::Kind::Seat && l.text == name;
            });
        REQUIRE(label != labels.end());
        // Beside the symbol, not over it.
        CHECK_FALSE(label->rect.contains(px));
        CHECK(std::hypot(label->rect.center().x() - px.x(), label->rect.center().y() - px.y()) <
              label->rect.width());
        ++seatCount;
    }
    CHECK(seatCount == static_cast<int>(sampleDrawing()->seats.size()));
    REQUIRE(seatCount > 0);
    // Nothing else drawn: away from the roads, the seats and the labels, the map is white.
    int stray = 0;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) {
            if (image.pixelColor(x, y) == QColor(Qt::white))
                continue;
            const QPointF at(x, y);
            const bool explained =
                std::any_of(roadPixels.begin(), roadPixels.end(),
                            [&](QPointF p) { return std::hypot(p.x() - x, p.y() - y) < 4; }) ||
                std::any_of(labels.begin(), labels.end(), [&](const app::PlacedLabel& l) {
                    return l.rect.adjusted(-4, -4, 4, 4).contains(at);
                });
            stray += !explained;
        }
    CHECK(stray <= seatCount * 3); // the seats' rings
    // A township's name is not a village's: the village names are all still placed.
    CHECK(std::count_if(labels.begin(), labels.end(), [](const app::PlacedLabel& l) {
              return l.kind == app::PlacedLabel::Kind::Village;
          }) == static_cast<long>(sampleDrawing()->villages.name.size()));

    // Hidden with their layers: nothing drawn, no seat names.
    s.layers.roads = s.layers.seats = false;
    labels.clear();
    const QImage none = render(s, &labels);
    for (int y = 0; y < none.height(); y += 3)
        for (int x = 0; x < none.width(); x += 3)
            if (none.pixelColor(x, y) != QColor(Qt::white)) {
                // Only the village names remain.
                const bool inLabel =
                    std::any_of(labels.begin(), labels.end(), [&](const app::PlacedLabel& l) {
                        return l.rect.adjusted(-4, -4, 4, 4).contains(QPointF(x, y));
                    });
                REQUIRE(inLabel);
            }
    CHECK(std::none_of(labels.begin(), labels.end(), [](const app::PlacedLabel& l) {
        return l.kind == app::PlacedLabel::Kind::Seat;
    }));
}
