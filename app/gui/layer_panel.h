// Layers and what they show: visibility, parcel opacity, the theme, and the parcel filter
// (only idle, only transferred, one zone, one village, one transfer mode).
#pragma once

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QWidget>

#include "app/render/map_settings.h"

namespace app {

class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);

    // Fills the choices (zones, villages, modes) from a loaded project.
    void setDrawing(const ProjectDrawing* drawing);
    MapLayers layers() const;
    ParcelFilter filter() const;
    std::string themeName() const;
    void setThemeName(const std::string& name);
    // The basemap row shows `fileName` and can be checked; empty: no basemap, row disabled.
    void setBasemapName(const QString& fileName, const QString& path = {});
    QPushButton* basemapButton() const noexcept { return m_basemapButton; }

    QComboBox* themeBox() const noexcept { return m_theme; }
    QListWidget* layerList() const noexcept { return m_layerList; }
    QCheckBox* idleOnlyBox() const noexcept { return m_idleOnly; }
    QComboBox* zoneBox() const noexcept { return m_zone; }
    QComboBox* villageBox() const noexcept { return m_village; }

signals:
    void layersChanged(const app::MapLayers& layers);
    void filterChanged(const app::ParcelFilter& filter);
    void themeChanged(const QString& name);
    void basemapRequested(); // the user wants to choose a basemap file

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QListWidgetItem* layerItem(const QString& id) const; // by its layer id, or null

    QLabel* m_layersTitle;
    QListWidget* m_layerList; // top row = top layer; checked = shown; drag to reorder
    QCheckBox* m_labels;
    QPushButton* m_basemapButton;
    QString m_basemapName;
    QLabel* m_opacityLabel;
    QSlider* m_opacity;
    QLabel* m_themeLabel;
    QComboBox* m_theme;
    QLabel* m_filterTitle;
    QCheckBox* m_idleOnly;
    QCheckBox* m_transferredOnly;
    QLabel* m_zoneLabel;
    QComboBox* m_zone;
    QLabel* m_villageLabel;
    QComboBox* m_village;
    QLabel* m_modeLabel;
    QComboBox* m_mode;
};

} // namespace app
