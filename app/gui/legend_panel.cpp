#include "app/gui/legend_panel.h"

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>

namespace app {

QString areaText(double areaMu, AreaUnit unit) {
    switch (unit) {
    case AreaUnit::Hectare:
        return QObject::tr("%1 ha").arg(areaMu / 15.0, 0, 'f', 2);
    case AreaUnit::SquareMetre:
        return QObject::tr("%1 m²").arg(areaMu * 10000.0 / 15.0, 0, 'f', 0);
    case AreaUnit::Mu:
        break;
    }
    return QObject::tr("%1 mu").arg(areaMu, 0, 'f', 1);
}

LegendPanel::LegendPanel(QWidget* parent)
    : QTreeWidget(parent) {
    setColumnCount(3);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    refill();
}

void LegendPanel::setTheme(std::shared_ptr<const PreparedTheme> theme, bool zh) {
    m_theme = std::move(theme);
    m_zh = zh;
    refill();
}

void LegendPanel::setAreaUnit(AreaUnit unit) {
    m_unit = unit;
    refill();
}

void LegendPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refill();
    QTreeWidget::changeEvent(event);
}

void LegendPanel::refill() {
    setHeaderLabels({tr("Class"), tr("Parcels"), tr("Area")});
    clear();
    if (!m_theme)
        return;
    for (const LegendClass& c : m_theme->legend()) {
        if (c.count == 0)
            continue;
        QPixmap swatch(14, 14);
        swatch.fill(c.fill);
        QPainter(&swatch).drawRect(0, 0, 13, 13);
        auto* item =
            new QTreeWidgetItem(this, {m_zh ? c.labelZh : c.labelEn, QString::number(c.count),
                                       areaText(c.areaMu, m_unit)});
        item->setIcon(0, QIcon(swatch));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
}

} // namespace app
