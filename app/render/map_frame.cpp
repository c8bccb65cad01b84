#include "app/render/map_frame.h"

#include <cmath>

#include <QPainter>

#include "app/render/label_renderer.h"

namespace app {
namespace {

// A round length (1, 2 or 5 × 10^n) close to `target`.
double niceLength(double target) {
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= target)
            return step * power;
    return power;
}

} // namespace

void drawMapFurniture(QImage& image, const MapSettings& settings, const PreparedTheme& theme) {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double dpi = settings.dpi();
    const double unit = dpi / 96.0;
    const QFont font = mapFont(8.5, dpi);
    const QFont titleFont = mapFont(9.5, dpi, true);
    painter.setFont(font);
    const QFontMetricsF metrics(font);

    // Legend, lower left: classes with parcels in them.
    std::vector<const LegendClass*> rows;
    for (const LegendClass& c : theme.legend())
        if (c.count > 0)
            rows.push_back(&c);
    const double rowHeight = metrics.height() * 1.3;
    double textWidth = 0;
    std::vector<QString> texts;
    for (const LegendClass* c : rows) {
        texts.push_back(QString("%1  %2 · %3 亩")
                            .arg(settings.zh ? c->labelZh : c->labelEn)
                            .arg(c->count)
                            .arg(c->areaMu, 0, 'f', 1));
        textWidth = std::max(textWidth, metrics.horizontalAdvance(texts.back()));
    }
    const double swatch = rowHeight * 0.7;
    const QRectF box(10 * unit,
                     image.height() - 10 * unit - rowHeight * (double(rows.size()) + 1.4),
                     textWidth + swatch + 24 * unit, rowHeight * (double(rows.size()) + 1.2));
    painter.setPen(QPen(QColor(120, 120, 120), unit));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRect(box);
    painter.setFont(titleFont);
    painter.setPen(Qt::black);
    painter.drawText(QPointF(box.left() + 8 * unit, box.top() + rowHeight * 0.9),
                     settings.zh ? QStringLiteral("图例") : QStringLiteral("Legend"));
    painter.setFont(font);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const double y = box.top() + rowHeight * (double(k) + 1.2);
        painter.setPen(QPen(QColor(80, 80, 80), 0.5 * unit));
        painter.setBrush(rows[k]->fill);
        painter.drawRect(
            QRectF(box.left() + 8 * unit, y + (rowHeight - swatch) / 2, swatch, swatch));
        painter.setPen(Qt::black);
        painter.drawText(QPointF(box.left() + 14 * unit + swatch, y + rowHeight * 0.75), texts[k]);
    }

    // Scale bar, lower right.
    const double upp = settings.mapUnitsPerPixel();
    const double length = niceLength(150 * unit * upp);
    const double barPixels = length / upp;
    const QPointF origin(image.width() - 20 * unit - barPixels, image.height() - 20 * unit);
    painter.setPen(QPen(Qt::black, 1.5 * unit));
    painter.setBrush(Qt::NoBrush);
    painter.drawLine(origin, origin + QPointF(barPixels, 0));
    for (double t : {0.0, 0.5, 1.0})
        painter.drawLine(origin + QPointF(barPixels * t, 0),
                         origin + QPointF(barPixels * t, -6 * unit));
    const QString label =
        length >= 1000 ? QString("%1 km").arg(length / 1000) : QString("%1 m").arg(length);
    painter.drawText(
        origin + QPointF(barPixels / 2 - metrics.horizontalAdvance(label) / 2, -9 * unit), label);

    // North arrow, upper right.
    const QPointF tip(image.width() - 30 * unit, 18 * unit);
    const double h = 28 * unit;
    QPolygonF left{tip, tip + QPointF(-8 * unit, h), tip + QPointF(0, h * 0.75)};
    QPolygonF right{tip, tip + QPointF(8 * unit, h), tip + QPointF(0, h * 0.75)};
    painter.setPen(QPen(Qt::black, unit));
    painter.setBrush(Qt::black);
    painter.drawPolygon(left);
    painter.setBrush(Qt::white);
    painter.drawPolygon(right);
    painter.setFont(titleFont);
    painter.drawText(QRectF(tip.x() - 10 * unit, tip.y() + h, 20 * unit, rowHeight),
                     Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("N"));
}

} // namespace app
