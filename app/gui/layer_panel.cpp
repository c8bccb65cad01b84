#include "app/gui/layer_panel.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "app/render/theme_catalog.h"

namespace app {

LayerPanel::LayerPanel(QWidget* parent)
    : QWidget(parent)
    , m_layersTitle(new QLabel(this))
    , m_layerList(new QListWidget(this))
    , m_labels(new QCheckBox(this))
    , m_basemapButton(new QPushButton(this))
    , m_opacityLabel(new QLabel(this))
    , m_opacity(new QSlider(Qt::Horizontal, this))
    , m_themeLabel(new QLabel(this))
    , m_theme(new QComboBox(this))
    , m_filterTitle(new QLabel(this))
    , m_idleOnly(new QCheckBox(this))
    , m_transferredOnly(new QCheckBox(this))
    , m_zoneLabel(new QLabel(this))
    , m_zone(new QComboBox(this))
    , m_villageLabel(new QLabel(this))
    , m_village(new QComboBox(this))
    , m_modeLabel(new QLabel(this))
    , m_mode(new QComboBox(this)) {
    m_labels->setChecked(true);
    // Top of the list is drawn last (on top), as in every desktop GIS.
    // Relief starts unchecked: it is for reading the terrain, not for every view.
    for (const char* id :
         {"seats", "assets", "villages", "roads", "rivers", "relief", "parcels", "basemap"}) {
        auto* item = new QListWidgetItem(m_layerList);
        item->setData(Qt::UserRole, QString(id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(QString(id) == "relief" ? Qt::Unchecked : Qt::Checked);
    }
    setBasemapName({}); // none until one is chosen
    m_layerList->setDragDropMode(QAbstractItemView::InternalMove);
    // Every row shown, no scrolling: check boxes and icons make a row taller than the text.
    m_layerList->setFixedHeight(m_layerList->count() * (fontMetrics().height() + 10) +
                                2 * m_layerList->frameWidth());
    m_opacity->setRange(10, 100);
    m_opacity->setValue(100);
    for (const std::string& name : themeNames())
        m_theme->addItem(QString(), QString::fromStdString(name));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_layersTitle);
    layout->addWidget(m_layerList);
    auto* belowList = new QHBoxLayout;
    belowList->addWidget(m_labels);
    belowList->addStretch();
    belowList->addWidget(m_basemapButton);
    layout->addLayout(belowList);
    auto* form = new QFormLayout;
    form->addRow(m_opacityLabel, m_opacity);
    form->addRow(m_themeLabel, m_theme);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_filterTitle);
    layout->addWidget(m_idleOnly);
    layout->addWidget(m_transferredOnly);
    auto* filters = new QFormLayout;
    filters->addRow(m_zoneLabel, m_zone);
    filters->addRow(m_villageLabel, m_village);
    filters->addRow(m_modeLabel, m_mode);
    layout->addLayout(filters);
    layout->addStretch();
    retranslate();

    const auto emitLayers = [this] {
        emit layersChanged(layers());
    };
    connect(m_labels, &QCheckBox::toggled, this, emitLayers);
    connect(m_basemapButton, &QPushButton::clicked, this, &LayerPanel::basemapRequested);
    connect(m_layerList, &QListWidget::itemChanged, this, emitLayers);
    connect(m_layerList->model(), &QAbstractItemModel::rowsMoved, this, emitLayers);
    connect(m_opacity, &QSlider::valueChanged, this, emitLayers);
    const auto emitFilter = [this] {
        emit filterChanged(filter());
    };
    connect(m_idleOnly, &QCheckBox::toggled, this, emitFilter);
    connect(m_transferredOnly, &QCheckBox::toggled, this, emitFilter);
    for (QComboBox* box : {m_zone, m_village, m_mode})
        connect(box, &QComboBox::currentIndexChanged, this, emitFilter);
    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { emit themeChanged(m_theme->currentData().toString()); });
}

void LayerPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LayerPanel::retranslate() {
    m_layersTitle->setText(tr("<b>Layers</b>"));
    const QSignalBlocker quiet(m_layerList); // renaming items is not a layer change
    for (int row = 0; row < m_layerList->count(); ++row) {
        QListWidgetItem* item = m_layerList->item(row);
        const QString id = item->data(Qt::UserRole).toString();
        item->setText(id == "parcels"  ? tr("Parcels")
                      : id == "rivers" ? tr("Rivers")
                      : id == "roads"  ? tr("Roads")
                      : id == "seats"  ? tr("Township seats")
                      : id == "relief" ? tr("Relief (from the DEM)")
                      : id == "assets" ? tr("Assets (三资 ledger)")
                      : id == "basemap"
                          ? (m_basemapName.isEmpty() ? tr("Basemap (none chosen)")
                                                     : tr("Basemap: %1").arg(m_basemapName))
                          : tr("Village boundaries"));
        const bool enabled = item->flags() & Qt::ItemIsEnabled;
        if (id == "relief")
            item->setToolTip(enabled ? tr("Shades slopes facing away from the north-west light")
                                     : tr("This project has no DEM: import one to see the relief"));
        else if (id == "roads")
            item->setToolTip(enabled ? tr("Main and other roads; village types measure the "
                                          "distance to the main ones")
                                     : tr("This project has no roads: import them with "
                                          "tianmu import --as roads"));
        else if (id == "seats")
            item->setToolTip(enabled ? tr("The township seats (乡镇驻地) with their names")
                                     : tr("This project has no township seats: import them with "
                                          "tianmu import --as seats"));
    }
    m_labels->setText(tr("Labels"));
    m_basemapButton->setText(tr("Basemap…"));
    m_basemapButton->setToolTip(
        tr("Show a local raster under the map: an orthophoto (GeoTIFF, JPEG 2000) or MBTiles"));
    m_opacityLabel->setText(tr("Parcel opacity"));
    m_themeLabel->setText(tr("Colour by"));
    const QStringList themeTitles{tr("Development zone"), tr("Land use"), tr("Transfer mode"),
                                  tr("Idle status"), tr("Village type")};
    for (int i = 0; i < m_theme->count() && i < themeTitles.size(); ++i)
        m_theme->setItemText(i, themeTitles[i]);
    m_filterTitle->setText(tr("<b>Show only</b>"));
    m_idleOnly->setText(tr("Idle parcels"));
    m_transferredOnly->setText(tr("Transferred parcels"));
    m_zoneLabel->setText(tr("Zone"));
    m_villageLabel->setText(tr("Village"));
    m_modeLabel->setText(tr("Transfer mode"));
    for (QComboBox* box : {m_zone, m_village, m_mode})
        if (box->count() > 0)
            box->setItemText(0, tr("All"));
}

void LayerPanel::setDrawing(const ProjectDrawing* drawing) {
    const QSignalBlocker a(m_zone), b(m_village), c(m_mode);
    for (QComboBox* box : {m_zone, m_village, m_mode}) {
        box->clear();
        box->addItem(tr("All"), QString());
    }
    // A layer the project lacks is greyed out; its tooltip says how to add it.
    const auto enable = [&](const char* id, bool has) {
        if (QListWidgetItem* item = layerItem(id)) {
            const QSignalBlocker quiet(m_layerList);
            item->setFlags(has ? item->flags() | Qt::ItemIsEnabled
                               : item->flags() & ~Qt::ItemIsEnabled);
        }
    };
    enable("relief", drawing && !drawing->demDataset.empty());
    enable("roads", drawing && drawing->roads.lines.featureCount() > 0);
    enable("seats", drawing && drawing->seats.size() > 0);
    retranslate(); // the tooltips say why a layer is off
    if (!drawing)
        return;
    const auto fill = [&](QComboBox* box, const char* field) {
        if (const AttributeColumn* column = drawing->parcels.column(field))
            for (std::size_t code = 1; code < column->values.size(); ++code)
                box->addItem(QString::fromStdString(column->values[code]),
                             QString::fromStdString(column->values[code]));
    };
    fill(m_zone, "ZONE");
    fill(m_mode, "LZFS");
    const VillageDrawing& villages = drawing->villages;
    for (std::size_t v = 0; v < villages.code.size(); ++v)
        m_village->addItem(QString::fromStdString(villages.name[v] + " (" + villages.code[v] + ")"),
                           QString::fromStdString(villages.code[v]));
}

void LayerPanel::setBasemapName(const QString& fileName, const QString& path) {
    m_basemapName = fileName;
    if (QListWidgetItem* row = layerItem("basemap")) {
        const QSignalBlocker quiet(m_layerList);
        row->setFlags(fileName.isEmpty() ? row->flags() & ~Qt::ItemIsEnabled
                                         : row->flags() | Qt::ItemIsEnabled);
        row->setToolTip(path);
    }
    retranslate();
}

QListWidgetItem* LayerPanel::layerItem(const QString& id) const {
    for (int row = 0; row < m_layerList->count(); ++row)
        if (m_layerList->item(row)->data(Qt::UserRole).toString() == id)
            return m_layerList->item(row);
    return nullptr;
}

MapLayers LayerPanel::layers() const {
    MapLayers layers;
    layers.labels = m_labels->isChecked();
    layers.parcelOpacity = m_opacity->value() / 100.0;
    layers.order.clear();
    for (int row = m_layerList->count() - 1; row >= 0; --row) {
        const QListWidgetItem* item = m_layerList->item(row);
        const std::string id = item->data(Qt::UserRole).toString().toStdString();
        const bool shown = item->checkState() == Qt::Checked;
        layers.order.push_back(id);
        if (id == "parcels")
            layers.parcels = shown;
        else if (id == "rivers")
            layers.rivers = shown;
        else if (id == "relief")
            layers.relief = shown && (item->flags() & Qt::ItemIsEnabled);
        else if (id == "basemap")
            layers.basemap = shown;
        else if (id == "assets")
            layers.assets = shown;
        else if (id == "roads")
            layers.roads = shown;
        else if (id == "seats")
            layers.seats = shown;
        else
            layers.villages = shown;
    }
    return layers;
}

ParcelFilter LayerPanel::filter() const {
    ParcelFilter f;
    f.idleOnly = m_idleOnly->isChecked();
    f.transferredOnly = m_transferredOnly->isChecked();
    f.zone = m_zone->currentData().toString().toStdString();
    f.villageCode = m_village->currentData().toString().toStdString();
    f.mode = m_mode->currentData().toString().toStdString();
    return f;
}

std::string LayerPanel::themeName() const {
    return m_theme->currentData().toString().toStdString();
}

void LayerPanel::setThemeName(const std::string& name) {
    const int index = m_theme->findData(QString::fromStdString(name));
    if (index >= 0)
        m_theme->setCurrentIndex(index);
}

} // namespace app
