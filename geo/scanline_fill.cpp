#include "geo/scanline_fill.h"

#include <algorithm>
#include <cmath>

namespace geo {

void gridEdges(const CompactPolygons& polygons, std::size_t feature, double scale, double offsetX,
               double offsetY, std::vector<PixelEdge>& edges) {
    edges.clear();
    const std::int32_t* xy = polygons.vertices();
    for (std::uint32_t r = polygons.ringBegin(feature); r < polygons.ringEnd(feature); ++r) {
        const std::uint32_t v0 = polygons.vertexBegin(r), v1 = polygons.vertexBegin(r + 1);
        for (std::uint32_t i = v0, j = v1 - 1; i < v1; j = i++) {
            double ax = offsetX + xy[2 * j] * scale, ay = offsetY - xy[2 * j + 1] * scale;
            double bx = offsetX + xy[2 * i] * scale, by = offsetY - xy[2 * i + 1] * scale;
            if (ay == by)
                continue; // horizontal: never crosses a row centre
            if (ay > by) {
                std::swap(ax, bx);
                std::swap(ay, by);
            }
            edges.push_back({ax, ay, bx, by});
        }
    }
}

void fillEvenOdd(const PixelBand& band, const std::vector<PixelEdge>& edges, double minY,
                 double maxY, std::uint32_t value, std::vector<double>& crossings) {
    const int first = std::max(band.rowFrom, int(std::ceil(minY - 0.5)));
    const int last = std::min(band.rowTo - 1, int(std::floor(maxY - 0.5)));
    for (int row = first; row <= last; ++row) {
        const double yc = row + 0.5;
        crossings.clear();
        for (const PixelEdge& e : edges)
            if (e.y0 <= yc && yc < e.y1)
                crossings.push_back(e.x0 + (yc - e.y0) * ((e.x1 - e.x0) / (e.y1 - e.y0)));
        if (crossings.size() < 2)
            continue;
        std::sort(crossings.begin(), crossings.end());
        std::uint32_t* line = band.bits + std::ptrdiff_t(row) * band.stride;
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            // Centres xc with crossings[k] <= xc < crossings[k + 1].
            const int c0 = std::max(0, int(std::ceil(crossings[k] - 0.5)));
            const int c1 = std::min(band.width, int(std::ceil(crossings[k + 1] - 0.5)));
            if (c0 < c1)
                std::fill(line + c0, line + c1, value);
        }
    }
}

namespace {

inline std::uint32_t over(std::uint32_t src, std::uint32_t dst) {
    const std::uint32_t inverse = 255 - (src >> 24);
    // Red-blue and alpha-green pairs at once, as Qt's own blending does.
    std::uint32_t rb = (dst & 0x00ff00ffU) * inverse;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffU) + 0x00800080U) >> 8) & 0x00ff00ffU;
    std::uint32_t ag = ((dst >> 8) & 0x00ff00ffU) * inverse;
    ag = (ag + ((ag >> 8) & 0x00ff00ffU) + 0x00800080U) & 0xff00ff00U;
    return src + (rb | ag);
}

} // namespace

void blendHairline(const PixelBand& band, double x0, double y0, double x1, double y1,
                   std::uint32_t colour) {
    const double dx = x1 - x0, dy = y1 - y0;
    const int steps = std::max(1, int(std::ceil(std::max(std::fabs(dx), std::fabs(dy)))));
    const double sx = dx / steps, sy = dy / steps;
    // One pixel per step along the longer axis; the end pixel is the next edge's start.
    for (int k = 0; k < steps; ++k) {
        const int x = int(std::floor(x0 + k * sx));
        const int y = int(std::floor(y0 + k * sy));
        if (y < band.rowFrom || y >= band.rowTo || x < 0 || x >= band.width)
            continue;
        std::uint32_t& pixel = band.bits[std::ptrdiff_t(y) * band.stride + x];
        pixel = over(colour, pixel);
    }
}

} // namespace geo
