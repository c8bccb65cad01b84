// A theme applied to a project's parcels: one byte of category per parcel (after the filter),
// the colours, the legend's counts and areas, and a pyramid of dominant categories over the
// coverage grid for the views where parcels are smaller than a few pixels. Built once per
// (theme, filter) on any thread, then shared read-only by renderers and the legend.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <QColor>
#include <QString>

#include "app/render/category_style.h"
#include "app/render/map_settings.h"
#include "app/render/project_drawing.h"

namespace app {

struct LegendClass {
    QColor fill;
    QString labelZh;
    QString labelEn;
    std::int64_t count = 0;
    double areaMu = 0.0;
};

class PreparedTheme {
public:
    static constexpr std::uint8_t filteredOut = 254; // drawn pale: context, not data
    static constexpr std::uint8_t noFeature = 255;   // nothing drawn

    // One pyramid level: cells of `cellSize`, row 0 at `top`, the dominant category of each.
    struct Level {
        int width = 0;
        int height = 0;
        double cellSize = 0.0;
        double left = 0.0;
        double top = 0.0;
        std::vector<std::uint8_t> cells;
    };

    static std::shared_ptr<const PreparedTheme>
    prepare(const ParcelDrawing& parcels, const CategoryStyle& style, const ParcelFilter& filter);

    std::uint8_t category(std::size_t feature) const noexcept { return m_category[feature]; }
    // Premultiplied ARGB of a category (fully transparent for noFeature).
    std::uint32_t argb(std::uint8_t category) const noexcept { return m_argb[category]; }
    QColor colour(std::uint8_t category) const noexcept;
    // Classes in style order, the default last; only parcels passing the filter are counted.
    const std::vector<LegendClass>& legend() const noexcept { return m_legend; }
    const std::vector<Level>& levels() const noexcept { return m_levels; }
    std::int64_t visibleCount() const noexcept { return m_visible; }
    // Whether `feature` passes the filter.
    bool passes(std::size_t feature) const noexcept { return m_category[feature] < filteredOut; }

private:
    void buildPyramid(const geo::CoverageGrid& grid);

    std::vector<std::uint8_t> m_category;
    std::uint32_t m_argb[256] = {};
    std::vector<LegendClass> m_legend;
    std::vector<Level> m_levels;
    std::int64_t m_visible = 0;
};

// Whether each dictionary value of `column` passes a test, so a filter costs one lookup per
// parcel.
std::vector<std::uint8_t> valuesPassing(const AttributeColumn* column,
                                        const std::function<bool(const std::string&)>& test);

} // namespace app
