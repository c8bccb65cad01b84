// The legend of the active theme: each class's colour, name, parcel count and area (in the
// chosen unit), counting only the parcels the filter shows; below it the roads and township
// seats the map shows, and the asset symbols with how many assets have each status.
#pragma once

#include <memory>

#include <QTreeWidget>

#include "app/render/asset_renderer.h"
#include "app/render/prepared_theme.h"

namespace app {

enum class AreaUnit { Mu, Hectare, SquareMetre };
QString areaText(double areaMu, AreaUnit unit);

class LegendPanel : public QTreeWidget {
    Q_OBJECT
public:
    explicit LegendPanel(QWidget* parent = nullptr);
    void setTheme(std::shared_ptr<const PreparedTheme> theme, bool zh);
    void setAreaUnit(AreaUnit unit);
    // The assets layer's entries; empty hides the section (no assets, or the layer is off).
    void setAssets(std::vector<AssetLegendEntry> entries);
    // The roads and the township seats as the map draws them; a count of 0 hides an entry (the
    // project lacks the layer, or it is off).
    struct Overlays {
        std::size_t roads = 0, mainRoads = 0, seats = 0; // roads: the others than main ones
        RoadStyle roadStyle;
        SeatStyle seatStyle;
    };
    void setOverlays(Overlays overlays);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refill();
    void addThemeClasses();
    void addOverlays();
    std::shared_ptr<const PreparedTheme> m_theme;
    bool m_zh = true;
    AreaUnit m_unit = AreaUnit::Mu;
    std::vector<AssetLegendEntry> m_assets;
    Overlays m_overlays;
};

} // namespace app
