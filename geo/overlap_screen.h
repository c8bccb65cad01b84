// Finds pairs of polygons whose interiors may overlap, among neighbours found through a
// spatial index, on several threads. Exact on tilings (shared edges are not overlaps); a
// candidate still has to be measured.
#pragma once

#include <utility>
#include <vector>

#include "geo/extent.h"
#include "geo/flat_layer.h"

namespace geo {

// Pairs (i, j), i < j, of features of `shapes` (with `boxes[i]` their extents).
std::vector<std::pair<std::size_t, std::size_t>>
screenOverlaps(const FlatLayer& shapes, const std::vector<Extent>& boxes, unsigned threads);

} // namespace geo
