#include "app/render/prepared_theme.h"

#include <algorithm>
#include <array>

namespace app {
namespace {

std::size_t cellIndex(int row, int column, int width) {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(column);
}

std::uint32_t premultiplied(const QColor& colour) {
    const std::uint32_t a = static_cast<std::uint32_t>(colour.alpha());
    const auto mul = [a](int c) {
        return (static_cast<std::uint32_t>(c) * a + 127) / 255;
    };
    return (a << 24) | (mul(colour.red()) << 16) | (mul(colour.green()) << 8) | mul(colour.blue());
}

bool truthy(const std::string& value) {
    return value == "1" || value == "true" || value == "TRUE";
}

} // namespace

std::vector<std::uint8_t> valuesPassing(const AttributeColumn* column,
                                        const std::function<bool(const std::string&)>& test) {
    std::vector<std::uint8_t> pass;
    if (!column)
        return pass;
    pass.reserve(column->values.size());
    for (const std::string& value : column->values)
        pass.push_back(test(value) ? 1 : 0);
    return pass;
}

QColor PreparedTheme::colour(std::uint8_t category) const noexcept {
    return QColor::fromRgba(qUnpremultiply(m_argb[category]));
}

std::shared_ptr<const PreparedTheme> PreparedTheme::prepare(const ParcelDrawing& parcels,
                                                            const CategoryStyle& style,
                                                            const ParcelFilter& filter) {
    auto theme = std::make_shared<PreparedTheme>();
    const auto& categories = style.categories();
    const std::size_t classes = std::min<std::size_t>(categories.size(), filteredOut - 1);
    for (std::size_t c = 0; c < classes; ++c) {
        theme->m_legend.push_back(
            {categories[c].fill, categories[c].labelZh, categories[c].labelEn, 0, 0.0});
        theme->m_argb[c] = premultiplied(categories[c].fill);
    }
    const std::size_t fallback = classes;
    theme->m_legend.push_back(
        {style.fallback().fill, style.fallback().labelZh, style.fallback().labelEn, 0, 0.0});
    theme->m_argb[fallback] = premultiplied(style.fallback().fill);
    theme->m_argb[filteredOut] = premultiplied(QColor(236, 236, 236));
    theme->m_argb[noFeature] = 0;

    // The category of every dictionary value, then of every parcel through its code.
    const AttributeColumn* themed = parcels.column(style.field());
    std::vector<std::uint8_t> categoryOfCode;
    if (themed)
        for (const std::string& value : themed->values) {
            const int index = style.indexFor(value);
            categoryOfCode.push_back(static_cast<std::uint8_t>(
                index < 0 ? fallback : std::min(static_cast<std::size_t>(index), fallback)));
        }

    // The filter as one pass/fail byte per dictionary value of each column it tests.
    struct Test {
        const AttributeColumn* column;
        std::vector<std::uint8_t> pass;
    };
    std::vector<Test> tests;
    const auto add = [&](const char* field, const std::function<bool(const std::string&)>& f) {
        const AttributeColumn* column = parcels.column(field);
        tests.push_back({column, valuesPassing(column, f)});
    };
    if (filter.idleOnly)
        add("IDLE", truthy);
    if (filter.transferredOnly)
        add("TRANSFERRED", truthy);
    if (!filter.zone.empty())
        add("ZONE", [&](const std::string& v) { return v == filter.zone; });
    if (!filter.villageCode.empty())
        add(parcels.column("VILLAGE_CODE") ? "VILLAGE_CODE" : "ZLDWDM",
            [&](const std::string& v) { return v == filter.villageCode; });
    if (!filter.mode.empty())
        add("LZFS", [&](const std::string& v) { return v == filter.mode; });

    const std::size_t count = parcels.polygons.size();
    theme->m_category.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        bool passes = true;
        for (const Test& test : tests)
            if (!test.column || !test.pass[test.column->codes[i]]) {
                passes = false;
                break;
            }
        std::uint8_t category = static_cast<std::uint8_t>(fallback);
        if (themed)
            category = categoryOfCode[themed->codes[i]];
        if (!passes) {
            theme->m_category[i] = filteredOut;
            continue;
        }
        theme->m_category[i] = category;
        LegendClass& legend = theme->m_legend[category];
        ++legend.count;
        if (i < parcels.areaMu.size())
            legend.areaMu += parcels.areaMu[i];
        ++theme->m_visible;
    }
    theme->buildPyramid(parcels.coverage);
    return theme;
}

void PreparedTheme::buildPyramid(const geo::CoverageGrid& grid) {
    if (grid.isEmpty())
        return;
    Level base{grid.width(), grid.height(), grid.cellSize(), grid.left(), grid.top(), {}};
    base.cells.resize(grid.cells().size());
    std::transform(grid.cells().begin(), grid.cells().end(), base.cells.begin(),
                   [this](std::uint32_t feature) {
                       return feature == geo::CoverageGrid::none ? noFeature : m_category[feature];
                   });
    m_levels.push_back(std::move(base));
    // Each coarser level keeps the most frequent category of its (up to) four children; empty
    // cells only win when all four are empty, so coastlines do not erode as levels coarsen.
    while (m_levels.back().width > 64 || m_levels.back().height > 64) {
        const Level& fine = m_levels.back();
        Level coarse{(fine.width + 1) / 2,
                     (fine.height + 1) / 2,
                     fine.cellSize * 2,
                     fine.left,
                     fine.top,
                     {}};
        coarse.cells.resize(cellIndex(coarse.height, 0, coarse.width));
        for (int r = 0; r < coarse.height; ++r)
            for (int c = 0; c < coarse.width; ++c) {
                std::array<std::uint8_t, 4> children{noFeature, noFeature, noFeature, noFeature};
                int n = 0;
                for (int dr = 0; dr < 2; ++dr)
                    for (int dc = 0; dc < 2; ++dc) {
                        const int fr = 2 * r + dr, fc = 2 * c + dc;
                        if (fr < fine.height && fc < fine.width)
                            children[static_cast<std::size_t>(n++)] =
                                fine.cells[cellIndex(fr, fc, fine.width)];
                    }
                std::uint8_t best = noFeature;
                int bestCount = 0;
                for (int a = 0; a < n; ++a) {
                    if (children[static_cast<std::size_t>(a)] == noFeature)
                        continue;
                    int same = 0;
                    for (int b = 0; b < n; ++b)
                        same += children[static_cast<std::size_t>(b)] ==
                                children[static_cast<std::size_t>(a)];
                    if (same > bestCount) {
                        best = children[static_cast<std::size_t>(a)];
                        bestCount = same;
                    }
                }
                coarse.cells[cellIndex(r, c, coarse.width)] = best;
            }
        m_levels.push_back(std::move(coarse));
    }
}

} // namespace app
