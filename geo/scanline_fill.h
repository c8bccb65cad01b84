// Scanline loops over grids of 32-bit cells: even-odd polygon fills at cell centres (the
// coverage grid's feature indices, the map's ARGB32 premultiplied pixels where QPainter's
// per-call cost would dominate) and one-pixel blended lines, restricted to a band of rows so
// workers can share one grid without touching each other's cells.
#pragma once

#include <cstdint>
#include <vector>

#include "geo/compact_polygons.h"

namespace geo {

struct PixelEdge {
    double x0, y0, x1, y1; // y0 < y1, in cells (row 0 at the top)
};

struct PixelBand {
    std::uint32_t* bits; // row 0 of the grid
    int stride;          // cells per row
    int width;
    int rowFrom; // first row this worker may write
    int rowTo;   // one past the last
};

// The edges of all rings of `feature`, in a grid where a vertex stored as integers (x, y)
// lands at (offsetX + x·scale, offsetY − y·scale): what fillEvenOdd takes. Replaces `edges`.
void gridEdges(const CompactPolygons& polygons, std::size_t feature, double scale, double offsetX,
               double offsetY, std::vector<PixelEdge>& edges);

// Fills the cells whose centre is inside the edges (even-odd) with `value`, replacing what
// was there: polygons that tile the land cover each cell once, without seams. `minY`/`maxY`
// bound the edges. `crossings` is scratch space.
void fillEvenOdd(const PixelBand& band, const std::vector<PixelEdge>& edges, double minY,
                 double maxY, std::uint32_t value, std::vector<double>& crossings);

// A one-cell line from (x0, y0) to (x1, y1) in ARGB32 premultiplied cells, blended over what
// is there (source over).
void blendHairline(const PixelBand& band, double x0, double y0, double x1, double y1,
                   std::uint32_t colour);

} // namespace geo
