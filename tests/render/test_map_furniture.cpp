// The map furniture: round scale lengths, a scale bar as long as its length on the map, a
// legend that fits its box, a north arrow that draws.
#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

#include "app/render/map_furniture.h"

TEST_CASE("niceScaleLength picks 1, 2 or 5 times a power of ten", "[furniture]") {
    CHECK(app::niceScaleLength(1234.0) == Approx(1000.0).margin(1e-9)); // m
    CHECK(app::niceScaleLength(2500.0) == Approx(2000.0).margin(1e-9)); // m
    CHECK(app::niceScaleLength(7.9) == Approx(5.0).margin(1e-12));      // m
    CHECK(app::niceScaleLength(0.3) == Approx(0.2).margin(1e-12));      // m
    CHECK(app::niceScaleLength(5000.0) == Approx(5000.0).margin(1e-9)); // m
    CHECK(app::niceScaleLength(0.0) == 0.0);
}

TEST_CASE("drawScaleBar draws its round length at the map's scale", "[furniture]") {
    QImage image(400, 60, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    // 25 m per pixel: 80 % of 300 px is 6 km, so the bar shows 5 km = 200 px.
    const double length = app::drawScaleBar(painter, QRectF(10, 10, 300, 40), 25.0);
    painter.end();
    CHECK(length == Approx(200.0).margin(1e-9)); // px
    // The bar's black first quarter starts at x = 10 and ends at 10 + 200 / 4.
    CHECK(qGray(image.pixel(20, 45)) < 60);
    CHECK(qGray(image.pixel(300, 45)) > 200); // beyond the bar
}

TEST_CASE("drawLegend fits its box and says how many entries were left out", "[furniture]") {
    QImage image(300, 120, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    std::vector<app::LegendEntry> entries;
    for (int i = 0; i < 20; ++i)
        entries.push_back({QColor(20 * i, 100, 100), QString("zone %1").arg(i), i, i * 1.5});
    const double used = app::drawLegend(painter, QRectF(0, 0, 300, 120), entries, "Legend");
    CHECK(used <= 120.0);
    CHECK(used > 60.0);
    const double small = app::drawLegend(painter, QRectF(0, 0, 300, 400), {entries[0]}, "Legend");
    CHECK(small < used);
    app::drawNorthArrow(painter, QRectF(250, 0, 40, 80));
    painter.end();
    CHECK(qGray(image.pixel(267, 38)) < 128); // the arrow's dark half
}
