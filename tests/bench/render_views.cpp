// The render benchmark's tianmu side: loads a project's drawing data once (timed: the first
// display includes it), then renders the zone and land-use themes at full extent, at 1/50 and
// at 1/2500 of the extent's area, `runs` times each, and times a pan step served from the
// cached image. Prints one line per measurement: `name seconds`.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <QGuiApplication>
#include <QPainter>

#include "app/render/map_render_job.h"
#include "app/render/theme_catalog.h"
#include "geo/gdal_session.h"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

geo::Extent fraction(const geo::Extent& e, double areaFraction) {
    const double side = std::sqrt(areaFraction);
    const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
    const double w = e.width() * side / 2, h = e.height() * side / 2;
    return {cx - w, cy - h, cx + w, cy + h};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s PROJECT.gpkg OUT_DIR [RUNS]\n", argv[0]);
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    geo::initialiseGdal();
    const std::string project = argv[1];
    const std::string out = argv[2];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 3;
    const QSize size(1920, 1080);

    const auto opened = Clock::now();
    const auto drawing = app::loadProjectDrawing(project);
    const double load = since(opened);
    const auto zones = app::installedTheme("zones");
    const geo::Extent extent = drawing->parcels.polygons.extent(); // as QGIS sees the layer
    app::MapSettings first = app::MapSettings::fitted(extent, size);
    first.drawing = drawing;
    first.theme = zones;
    const auto firstTheme = app::PreparedTheme::prepare(drawing->parcels, *zones, {});
    app::renderMap(first, firstTheme);
    std::printf("load %.4f\n", load);
    std::printf("first_display %.4f\n", since(opened));
    std::printf("drawing_bytes_per_parcel %.1f\n",
                double(drawing->memoryBytes()) / double(drawing->parcels.polygons.size()));

    for (const std::string theme : {"zones", "landuse"}) {
        const auto style = app::installedTheme(theme);
        const auto prepareStart = Clock::now();
        const auto prepared = app::PreparedTheme::prepare(drawing->parcels, *style, {});
        std::printf("%s_prepare %.4f\n", theme.c_str(), since(prepareStart));
        for (const auto& [name, share] : std::vector<std::pair<std::string, double>>{
                 {"full", 1.0}, {"fiftieth", 1.0 / 50}, {"2500th", 1.0 / 2500}}) {
            app::MapSettings settings =
                app::MapSettings::fitted(fraction(extent, share), size, 0.0);
            settings.drawing = drawing;
            settings.theme = style;
            std::vector<double> times;
            QImage image;
            for (int r = 0; r < runs; ++r) {
                const auto start = Clock::now();
                image = app::renderMap(settings, prepared);
                times.push_back(since(start));
            }
            image.save(QString::fromStdString(out + "/tianmu_" + theme + "_" + name + ".png"));
            std::printf("%s_%s %.4f\n", theme.c_str(), name.c_str(), median(times));
        }
    }

    // A pan step as the canvas serves it: the last image drawn moved by 40 pixels.
    app::MapSettings view = app::MapSettings::fitted(fraction(extent, 1.0 / 50), size, 0);
    view.drawing = drawing;
    view.theme = zones;
    const QImage cached = app::renderMap(view, firstTheme);
    std::vector<double> pans;
    QImage screen(size, QImage::Format_ARGB32_Premultiplied);
    for (int r = 0; r < 20; ++r) {
        const auto start = Clock::now();
        QPainter painter(&screen);
        painter.fillRect(screen.rect(), Qt::white);
        painter.drawImage(QPointF(40.0 * (r % 2 ? 1 : -1), 0), cached);
        painter.end();
        pans.push_back(since(start));
    }
    std::printf("pan_step %.5f\n", median(pans));
    return 0;
}
