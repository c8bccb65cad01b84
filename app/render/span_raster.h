// Pixel loops for the parcel layer where QPainter's per-call cost dominates (tens of thousands
// of small polygons per frame): even-odd fills at pixel centres and one-pixel blended lines,
// written straight into ARGB32 premultiplied rows, restricted to a band of rows so workers
// can share one image without touching each other's pixels.
#pragma once

#include <cstdint>
#include <vector>

namespace app {

struct PixelEdge {
    double x0, y0, x1, y1; // y0 < y1, in pixels
};

struct PixelBand {
    std::uint32_t* bits; // row 0 of the image
    int stride;          // pixels per row
    int width;
    int rowFrom; // first row this worker may write
    int rowTo;   // one past the last
};

// Fills the pixels whose centre is inside the edges (even-odd) with `colour`, replacing what
// was there: parcels that tile the land cover each pixel once, without seams. `minY`/`maxY`
// bound the edges. `crossings` is scratch space.
void fillEvenOdd(const PixelBand& band, const std::vector<PixelEdge>& edges, double minY,
                 double maxY, std::uint32_t colour, std::vector<double>& crossings);

// A one-pixel line from (x0, y0) to (x1, y1), blended over what is there (source over).
void blendHairline(const PixelBand& band, double x0, double y0, double x1, double y1,
                   std::uint32_t colour);

} // namespace app
