// Roads between village centres that wind along valleys: a minimum spanning tree of the
// centres, each link routed by least cost over the terrain (steep ground and river
// crossings are expensive).
#pragma once

#include <vector>

#include "county.h"
#include "terrain.h"

namespace sample {

std::vector<Road> planRoads(const std::vector<Village>& villages, const Terrain& terrain);

// Chaikin corner cutting, endpoints kept.
std::vector<Point> smoothLine(const std::vector<Point>& line, int iterations);

} // namespace sample
