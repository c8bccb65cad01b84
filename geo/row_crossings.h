// Where a polygon's rings cross rows of pixel centres, for burning polygons by scanline (the
// even-odd rule of terrain_statistics.h), worked out in two ways that give the same bits.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "geo/flat_layer.h"

namespace geo {

// The centres of a north-up raster's rows: row r is at originY + (r + 0.5) * pixelY.
struct RowCentres {
    double originY = 0;
    double pixelY = -1;

    double centre(int row) const noexcept { return originY + (row + 0.5) * pixelY; }

    // Clamps a fractional index to [lo, hi] before converting it (NaN gives lo).
    static int clampIndex(double v, int lo, int hi) noexcept {
        return !(v > lo) ? lo : v >= hi ? hi : static_cast<int>(v);
    }
    // Rows whose centres may lie between y0 and y1, within [lo, hi] (a superset: callers test
    // exactly); first > last when none.
    std::pair<int, int> between(double y0, double y1, int lo, int hi) const noexcept {
        const double a = (y0 - originY) / pixelY - 0.5, b = (y1 - originY) / pixelY - 0.5;
        return {clampIndex(std::floor(std::min(a, b)), lo, hi + 1),
                clampIndex(std::ceil(std::max(a, b)), lo - 1, hi)};
    }
};

// Sorts a row's crossings as std::sort does (so even NaN, from a broken vertex, lands where it
// always did), without the call for the usual pair.
inline void sortCrossings(double* xs, std::size_t n) noexcept {
    if (n == 2) {
        if (xs[1] < xs[0])
            std::swap(xs[0], xs[1]);
    } else {
        std::sort(xs, xs + n);
    }
}

// For each row r of [rowFirst, rowLast] that the rings of one feature cross at least twice, in
// row order, calls visit(r, xs, n) with the n crossings sorted west to east. An edge from
// (x0, y0) to (x1, y1), y0 < y1, crosses row r when y0 <= yc < y1 (yc its centre), at
// x0 + (yc - y0) * ((x1 - x0) / (y1 - y0)): this exact expression, in both ways below.
// Holds reusable buffers: one per thread.
class RowCrossings {
public:
    // The limits of fewRows: its crossings live in a fixed array on the stack.
    static constexpr int maxFewRows = 8;
    static constexpr std::uint32_t maxFewEdges = 64;

    template <class Visit>
    void operator()(const FlatLayer& p, std::size_t feature, const RowCentres& rows, int rowFirst,
                    int rowLast, Visit&& visit) {
        const std::uint32_t edges =
            p.partStart[p.featurePart[feature + 1]] - p.partStart[p.featurePart[feature]];
        if (rowLast - rowFirst < maxFewRows && edges <= maxFewEdges)
            fewRows(p, feature, rows, rowFirst, rowLast, visit);
        else
            edgeList(p, feature, rows, rowFirst, rowLast, visit);
    }

    // Most parcels span two to four rows: every edge is tested against every row centre,
    // which is cheaper than listing, sorting and activating edges by row. At most maxFewRows
    // rows and maxFewEdges edges.
    template <class Visit>
    static void fewRows(const FlatLayer& p, std::size_t feature, const RowCentres& rows,
                        int rowFirst, int rowLast, Visit&& visit) {
        const int count = rowLast - rowFirst + 1;
        double yc[maxFewRows];
        for (int k = 0; k < count; ++k)
            yc[k] = rows.centre(rowFirst + k);
        double xs[maxFewRows][maxFewEdges];
        std::uint32_t n[maxFewRows] = {};
        for (std::uint32_t part = p.featurePart[feature]; part < p.featurePart[feature + 1];
             ++part) {
            const std::uint32_t begin = p.partStart[part], end = p.partStart[part + 1];
            for (std::uint32_t v = begin; v < end; ++v) {
                const std::uint32_t w = v + 1 < end ? v + 1 : begin;
                const double xa = p.xy[2 * std::size_t(v)], ya = p.xy[2 * std::size_t(v) + 1];
                const double xb = p.xy[2 * std::size_t(w)], yb = p.xy[2 * std::size_t(w) + 1];
                // Without branches: whether an edge goes up or down, and which rows it
                // crosses, is a coin toss per edge. Every edge's crossing is written, and
                // counted only when the exact test holds (never for a horizontal edge, whose
                // slope is not finite, nor for NaN).
                const bool down = yb < ya;
                const double x0 = down ? xb : xa, y0 = down ? yb : ya;
                const double x1 = down ? xa : xb, y1 = down ? ya : yb;
                const double dxdy = (x1 - x0) / (y1 - y0);
                for (int k = 0; k < count; ++k) {
                    xs[k][n[k]] = x0 + (yc[k] - y0) * dxdy;
                    n[k] += (y0 <= yc[k]) & (yc[k] < y1) ? 1U : 0U;
                }
            }
        }
        for (int k = 0; k < count; ++k) {
            if (n[k] < 2)
                continue;
            sortCrossings(xs[k], n[k]);
            visit(rowFirst + k, static_cast<const double*>(xs[k]), std::size_t(n[k]));
        }
    }

    // Any polygon: the edges that cross some row, sorted by their first row, made active row
    // by row.
    template <class Visit>
    void edgeList(const FlatLayer& p, std::size_t feature, const RowCentres& rows, int rowFirst,
                  int rowLast, Visit&& visit) {
        m_edges.clear();
        for (std::uint32_t part = p.featurePart[feature]; part < p.featurePart[feature + 1];
             ++part) {
            const std::uint32_t begin = p.partStart[part], end = p.partStart[part + 1];
            for (std::uint32_t v = begin; v < end; ++v) {
                const std::uint32_t w = v + 1 < end ? v + 1 : begin;
                double x0 = p.xy[2 * std::size_t(v)], y0 = p.xy[2 * std::size_t(v) + 1];
                double x1 = p.xy[2 * std::size_t(w)], y1 = p.xy[2 * std::size_t(w) + 1];
                if (!(y0 != y1))
                    continue; // horizontal edges never cross a row (and NaN never does)
                if (y1 < y0) {
                    std::swap(x0, x1);
                    std::swap(y0, y1);
                }
                const auto [first, last] = rows.between(y0, y1, rowFirst, rowLast);
                if (first <= last)
                    m_edges.push_back({x0, y0, y1, (x1 - x0) / (y1 - y0), first, last});
            }
        }
        std::sort(m_edges.begin(), m_edges.end(),
                  [](const Edge& a, const Edge& b) { return a.rowFirst < b.rowFirst; });

        m_active.clear();
        std::size_t next = 0;
        for (int r = rowFirst; r <= rowLast; ++r) {
            while (next < m_edges.size() && m_edges[next].rowFirst <= r)
                m_active.push_back(static_cast<std::uint32_t>(next++));
            const double yc = rows.centre(r);
            m_crossings.clear();
            for (std::size_t k = 0; k < m_active.size();) {
                const Edge& e = m_edges[m_active[k]];
                if (e.rowLast < r) {
                    m_active[k] = m_active.back();
                    m_active.pop_back();
                    continue;
                }
                if (e.yLow <= yc && yc < e.yHigh)
                    m_crossings.push_back(e.xLow + (yc - e.yLow) * e.dxdy);
                ++k;
            }
            if (m_crossings.size() < 2)
                continue;
            sortCrossings(m_crossings.data(), m_crossings.size());
            visit(r, static_cast<const double*>(m_crossings.data()), m_crossings.size());
        }
    }

private:
    struct Edge {
        double xLow, yLow, yHigh, dxdy;
        int rowFirst, rowLast;
    };
    std::vector<Edge> m_edges;
    std::vector<std::uint32_t> m_active;
    std::vector<double> m_crossings;
};

} // namespace geo
