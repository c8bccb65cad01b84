// Cartographic furniture shared by every map tianmu draws (report maps, the atlas, and the
// map renderer): a legend of filled swatches with counts and areas, a scale bar of a round
// length, and a north arrow. Plain functions on a QPainter; sizes follow the painter's
// device (fonts in points, lengths in device units).
//
//   drawLegend(p, QRectF(x, y, w, h), entries, "图例");
//   drawScaleBar(p, QRectF(x, y, w, h), metresPerUnit); // metres on the ground per device unit
//   drawNorthArrow(p, QRectF(x, y, w, h));              // grid north is up
#pragma once

#include <vector>

#include <QColor>
#include <QPainter>
#include <QRectF>
#include <QString>

namespace app {

struct LegendEntry {
    QColor fill;
    QString label;
    qint64 count = -1;    // features; below 0: not shown
    double areaMu = -1.0; // area in 亩; below 0: not shown
    bool hatched = false; // drawn with the "transferred" hatching over the fill
    QColor outline = QColor(80, 80, 80);
};

// Draws a framed legend inside `box` (title on top, one row per entry: swatch, label,
// count, area). Returns the height used, at most box.height(): rows that do not fit are left
// out and the last row says how many.
double drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendEntry>& entries,
                  const QString& title);

// The largest length of the form 1, 2 or 5 × 10^n metres not longer than `maxMetres`
// (0 when maxMetres < 1 mm).
double niceScaleLength(double maxMetres);

// Draws a scale bar in `box`: a bar of niceScaleLength(box.width() * metresPerUnit * 0.8)
// split in four, labelled in m or km. Returns the bar's length in device units.
double drawScaleBar(QPainter& painter, const QRectF& box, double metresPerUnit);

// Draws a north arrow (a split arrowhead and an "N") centred in `box`.
void drawNorthArrow(QPainter& painter, const QRectF& box);

} // namespace app
