// Polygon layers written out vertex by vertex for tests, exactly as given: no ring is closed,
// turned or checked, so that tests can hand the code under test open, scrambled or odd rings.
#pragma once

#include <utility>
#include <vector>

#include "geo/flat_layer.h"

namespace testing {

using Ring = std::vector<std::pair<double, double>>;
using Feature = std::vector<Ring>; // parts and holes alike, even-odd

geo::FlatLayer flatLayerOf(const std::vector<Feature>& features);

} // namespace testing
