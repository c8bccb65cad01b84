// The legend of the active theme: each class's colour, name, parcel count and area (in the
// chosen unit), counting only the parcels the filter shows; below it the asset symbols with
// how many assets have each status.
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

protected:
    void changeEvent(QEvent* event) override;

private:
    void refill();
    void addThemeClasses();
    std::shared_ptr<const PreparedTheme> m_theme;
    bool m_zh = true;
    AreaUnit m_unit = AreaUnit::Mu;
    std::vector<AssetLegendEntry> m_assets;
};

} // namespace app
