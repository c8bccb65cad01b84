#include "geo/feature_bands.h"

#include <algorithm>
#include <cmath>

namespace geo {

FeatureBands::FeatureBands(const FlatLayer& layer, std::size_t feature, std::size_t edgesPerBand) {
    std::vector<Edge> edges;
    for (std::uint32_t part = layer.featurePart[feature]; part < layer.featurePart[feature + 1];
         ++part) {
        const std::uint32_t first = layer.partStart[part], last = layer.partStart[part + 1];
        for (std::uint32_t i = first, j = last - 1; i < last; j = i++)
            edges.push_back(
                {layer.xy[2 * i], layer.xy[2 * i + 1], layer.xy[2 * j], layer.xy[2 * j + 1]});
    }
    if (edges.empty())
        return;
    m_minY = m_maxY = edges.front().yi;
    for (const Edge& e : edges) {
        m_minY = std::min(m_minY, e.yi);
        m_maxY = std::max(m_maxY, e.yi);
    }
    m_bands = std::max<std::size_t>(1, edges.size() / std::max<std::size_t>(1, edgesPerBand));
    m_bandHeight = m_maxY > m_minY ? (m_maxY - m_minY) / static_cast<double>(m_bands) : 1.0;
    // An edge can change the parity only for rows y with min(yi, yj) <= y < max(yi, yj); it
    // goes into every band such a row can fall in (bandOf is monotonic in y).
    std::vector<std::uint32_t> count(m_bands + 1, 0);
    auto span = [&](const Edge& e) {
        return std::pair{bandOf(std::min(e.yi, e.yj)), bandOf(std::max(e.yi, e.yj))};
    };
    for (const Edge& e : edges) {
        const auto [lo, hi] = span(e);
        for (std::size_t b = lo; b <= hi; ++b)
            ++count[b + 1];
    }
    m_bandStart.assign(m_bands + 1, 0);
    for (std::size_t b = 0; b < m_bands; ++b)
        m_bandStart[b + 1] = m_bandStart[b] + count[b + 1];
    m_edges.resize(m_bandStart[m_bands]);
    std::vector<std::uint32_t> fill(m_bandStart.begin(), m_bandStart.end() - 1);
    for (const Edge& e : edges) {
        const auto [lo, hi] = span(e);
        for (std::size_t b = lo; b <= hi; ++b)
            m_edges[fill[b]++] = e;
    }
}

std::size_t FeatureBands::bandOf(double y) const noexcept {
    const double b = std::floor((y - m_minY) / m_bandHeight);
    if (!(b > 0.0)) // also NaN
        return 0;
    return std::min(m_bands - 1, static_cast<std::size_t>(b));
}

bool FeatureBands::contains(double x, double y) const noexcept {
    // Rows outside [minY, maxY) cross no edge: featureContains finds no crossing there either.
    if (m_bands == 0 || !(y >= m_minY && y < m_maxY))
        return false;
    const std::size_t b = bandOf(y);
    bool inside = false;
    for (std::uint32_t k = m_bandStart[b]; k < m_bandStart[b + 1]; ++k) {
        const Edge& e = m_edges[k];
        if ((e.yi > y) != (e.yj > y) && x < (e.xj - e.xi) * (y - e.yi) / (e.yj - e.yi) + e.xi)
            inside = !inside;
    }
    return inside;
}

} // namespace geo
