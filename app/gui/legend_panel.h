// The legend of the active theme: each class's colour, name, parcel count and area (in the
// chosen unit), counting only the parcels the filter shows.
#pragma once

#include <memory>

#include <QTreeWidget>

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void refill();
    std::shared_ptr<const PreparedTheme> m_theme;
    bool m_zh = true;
    AreaUnit m_unit = AreaUnit::Mu;
};

} // namespace app
