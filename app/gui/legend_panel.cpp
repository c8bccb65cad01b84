#include "app/gui/legend_panel.h"

#include <algorithm>

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QPixmap>

#include "app/render/overlay_renderer.h"

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

void LegendPanel::setAssets(std::vector<AssetLegendEntry> entries) {
    m_assets = std::move(entries);
    refill();
}

void LegendPanel::setOverlays(Overlays overlays) {
    m_overlays = std::move(overlays);
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
    if (m_theme)
        addThemeClasses();
    addOverlays();
    if (m_assets.empty())
        return;
    // A group row without a count, so the parcel counts of the rows above still add up.
    auto* group = new QTreeWidgetItem(this, {tr("Assets (三资 ledger)")});
    for (const AssetLegendEntry& e : m_assets) {
        QPixmap icon(14, 14);
        icon.fill(Qt::transparent);
        {
            QPainter painter(&icon);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(QColor(255, 255, 255), 1.0));
            drawAssetSymbol(painter, QPointF(7, 7), 10, e.symbol);
        }
        const QString status = QString::fromStdString(e.status);
        // The ledger's own words; in English with a gloss for the usual ones.
        const QString gloss = e.status == "闲置"   ? tr("idle")
                              : e.status == "出租" ? tr("leased")
                              : e.status == "在用" ? tr("in use")
                                                   : QString();
        auto* item = new QTreeWidgetItem(
            group, {m_zh || gloss.isEmpty() ? status : gloss + " (" + status + ")",
                    QString::number(e.count)});
        item->setIcon(0, QIcon(icon));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    group->setExpanded(true);
}

void LegendPanel::addOverlays() {
    if (m_overlays.roads == 0 && m_overlays.mainRoads == 0 && m_overlays.seats == 0)
        return;
    // A group row without a count, as the assets': the parcel counts above add up alone.
    auto* group = new QTreeWidgetItem(this, {tr("Roads and township seats")});
    const auto addRoads = [&](const QString& label, std::size_t count, const LineStyle& casing,
                              const LineStyle& line) {
        if (count == 0)
            return;
        QPixmap icon(14, 14);
        icon.fill(Qt::transparent);
        {
            QPainter painter(&icon);
            painter.setRenderHint(QPainter::Antialiasing);
            for (const LineStyle* stroke : {&casing, &line}) {
                painter.setPen(QPen(stroke->colour, std::clamp(stroke->widthPx * 1.5, 1.0, 6.0)));
                painter.drawLine(QPointF(1, 7), QPointF(13, 7));
            }
        }
        auto* item = new QTreeWidgetItem(group, {label, QString::number(count)});
        item->setIcon(0, QIcon(icon));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    };
    const RoadStyle& roads = m_overlays.roadStyle;
    QStringList grades;
    for (const std::string& g : roads.mainGrades)
        grades << QString::fromStdString(g);
    addRoads(tr("Main roads (%1)").arg(grades.join(tr(", "))), m_overlays.mainRoads,
             roads.mainCasing, roads.mainLine);
    addRoads(roads.mainGrades.empty() ? tr("Roads") : tr("Other roads"), m_overlays.roads,
             roads.casing, roads.line);
    if (m_overlays.seats > 0) {
        QPixmap icon(14, 14);
        icon.fill(Qt::transparent);
        {
            QPainter painter(&icon);
            painter.setRenderHint(QPainter::Antialiasing);
            drawSeatSymbol(painter, QPointF(7, 7), 12, m_overlays.seatStyle);
        }
        auto* item = new QTreeWidgetItem(
            group, {tr("Township seats (乡镇驻地)"), QString::number(m_overlays.seats)});
        item->setIcon(0, QIcon(icon));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    group->setExpanded(true);
}

void LegendPanel::addThemeClasses() {
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
