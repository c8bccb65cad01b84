#include "app/render/map_furniture.h"

#include <cmath>

#include <QFontMetricsF>
#include <QPainterPath>

namespace app {

double drawLegend(QPainter& painter, const QRectF& box, const std::vector<LegendEntry>& entries,
                  const QString& title) {
    painter.save();
    QFont font = painter.font();
    const QFontMetricsF fm(font);
    const double line = fm.height() * 1.35;
    const double pad = fm.height() * 0.4;
    const double swatch = fm.height() * 0.9;
    const int fit = std::max(0, static_cast<int>((box.height() - 2 * pad - line) / line));
    const int shown = static_cast<int>(entries.size()) <= fit ? static_cast<int>(entries.size())
                                                              : std::max(0, fit - 1);
    const bool more = shown < static_cast<int>(entries.size());
    const double height = std::min(box.height(), 2 * pad + line * (1 + shown + (more ? 1 : 0)));
    const QRectF frame(box.topLeft(), QSizeF(box.width(), height));
    painter.setPen(QPen(QColor(90, 90, 90), 0));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRect(frame);

    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(box.left() + pad, box.top() + pad, box.width() - 2 * pad, line),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.setFont(font);
    double y = box.top() + pad + line;
    for (int i = 0; i < shown; ++i, y += line) {
        const LegendEntry& e = entries[static_cast<std::size_t>(i)];
        const QRectF sw(box.left() + pad, y + (line - swatch) / 2, swatch * 1.4, swatch);
        painter.setPen(QPen(e.outline, 0));
        painter.setBrush(e.fill);
        painter.drawRect(sw);
        if (e.hatched) {
            painter.setBrush(QBrush(e.outline, Qt::BDiagPattern));
            painter.drawRect(sw);
        }
        QString text = e.label;
        if (e.count >= 0)
            text += QString("  %1").arg(e.count);
        if (e.areaMu >= 0)
            text += QString("  %1 亩").arg(e.areaMu, 0, 'f', 2);
        painter.setPen(Qt::black);
        const QRectF textBox(sw.right() + pad, y, box.right() - sw.right() - 2 * pad, line);
        painter.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(text, Qt::ElideRight, textBox.width()));
    }
    if (more)
        painter.drawText(QRectF(box.left() + pad, y, box.width() - 2 * pad, line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QString("… +%1").arg(entries.size() - static_cast<std::size_t>(shown)));
    painter.restore();
    return height;
}

double niceScaleLength(double maxMetres) {
    if (!(maxMetres >= 0.001))
        return 0.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= maxMetres * (1 + 1e-9))
            return step * magnitude;
    return magnitude;
}

double drawScaleBar(QPainter& painter, const QRectF& box, double metresPerUnit) {
    if (!(metresPerUnit > 0))
        return 0.0;
    const double metres = niceScaleLength(box.width() * 0.8 * metresPerUnit);
    const double length = metres / metresPerUnit;
    painter.save();
    const QFontMetricsF fm(painter.font());
    const double barHeight = std::max(2.0, box.height() - fm.height() * 1.2) * 0.35;
    const double x0 = box.left(), y0 = box.bottom() - barHeight;
    painter.setPen(QPen(Qt::black, 0));
    for (int i = 0; i < 4; ++i) {
        painter.setBrush(i % 2 ? Qt::white : Qt::black);
        painter.drawRect(QRectF(x0 + length * i / 4, y0, length / 4, barHeight));
    }
    const QString label = metres >= 1000 ? QString("%1 km").arg(metres / 1000, 0, 'g', 6)
                                         : QString("%1 m").arg(metres, 0, 'g', 6);
    painter.drawText(QRectF(x0, box.top(), length + fm.horizontalAdvance(label), y0 - box.top()),
                     Qt::AlignLeft | Qt::AlignBottom, "0");
    painter.drawText(QRectF(x0 + length - fm.horizontalAdvance(label) / 2, box.top(),
                            fm.horizontalAdvance(label) + 2, y0 - box.top()),
                     Qt::AlignLeft | Qt::AlignBottom, label);
    painter.restore();
    return length;
}

void drawNorthArrow(QPainter& painter, const QRectF& box) {
    painter.save();
    const QFontMetricsF fm(painter.font());
    const double size = std::min(box.width(), box.height() - fm.height());
    const QPointF c(box.center().x(), box.top() + fm.height() + size / 2);
    const QPointF tip(c.x(), c.y() - size / 2), base(c.x(), c.y() + size / 2);
    const QPointF left(c.x() - size / 4, base.y()), right(c.x() + size / 4, base.y());
    const QPointF notch(c.x(), c.y() + size / 4);
    painter.setPen(QPen(Qt::black, 0));
    QPainterPath dark, light;
    dark.moveTo(tip);
    dark.lineTo(notch);
    dark.lineTo(left);
    dark.closeSubpath();
    light.moveTo(tip);
    light.lineTo(right);
    light.lineTo(notch);
    light.closeSubpath();
    painter.setBrush(Qt::black);
    painter.drawPath(dark);
    painter.setBrush(Qt::white);
    painter.drawPath(light);
    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(QRectF(box.left(), box.top(), box.width(), fm.height()), Qt::AlignCenter, "N");
    painter.restore();
}

} // namespace app
