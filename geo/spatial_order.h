// An order of features along a space-filling curve, for work that goes faster when
// neighbours come one after another (nearest-river searches start from a neighbour's answer).
#pragma once

#include <cstdint>
#include <vector>

#include "geo/flat_layer.h"

namespace geo {

// Feature indices in Z (Morton) order of each feature's first vertex on a 65536 x 65536 grid
// over the layer's extent (features without a shape take key 0); equal keys in index order.
std::vector<std::uint32_t> spatialOrder(const FlatLayer& shapes);

} // namespace geo
