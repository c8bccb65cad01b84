// Geometry predicates on FlatLayer features (rings as flat coordinate arrays), fast enough to
// run on every parcel of a county where GEOS would dominate: containment, interior points,
// simple-ring checks and overlap detection between neighbours.
#pragma once

#include <cstddef>
#include <cstdint>

#include "geo/flat_layer.h"

namespace geo {

// Even-odd containment of (x, y) over all rings of `feature`.
bool featureContains(const FlatLayer& layer, std::size_t feature, double x, double y);

// A point inside `feature`: the centroid of its first ring when that is inside, else the
// middle of the widest stretch inside the feature across the middle of its first ring (for an
// L, or a parcel whose hole holds the centroid). False for empty or degenerate features.
bool interiorPoint(const FlatLayer& layer, std::size_t feature, double& x, double& y);

// True when `feature` is a single closed ring whose edges meet only at consecutive vertices:
// then it is a valid polygon without asking GEOS. False means "not proven", not "invalid".
bool isSimpleSingleRing(const FlatLayer& layer, std::size_t feature);

// Whether the interiors of features `a` of `la` and `b` of `lb` may overlap: an edge crosses
// properly, a vertex of one lies strictly inside the other, or both have the same vertices.
// Shared edges and vertices (an exact tiling) are not overlaps. A true answer should be
// confirmed by measuring the intersection.
bool interiorsMayOverlap(const FlatLayer& la, std::size_t a, const FlatLayer& lb, std::size_t b);

// A hash of a feature's coordinates, equal for features with identical coordinates.
std::uint64_t flatHash(const FlatLayer& layer, std::size_t feature);

// Whether two features have exactly the same parts and coordinates.
bool sameCoordinates(const FlatLayer& la, std::size_t a, const FlatLayer& lb, std::size_t b);

} // namespace geo
