// The outline of a set of mesh cells as polygons with holes: the edges a region does not
// share with itself, chained into rings. Because the mesh's vertices have three cells each,
// a boundary vertex has exactly one outgoing boundary edge and rings never touch themselves.
#pragma once

#include <functional>
#include <vector>

#include "cell_mesh.h"
#include "county.h"

namespace sample {

// `cells` are the members; `isMember` answers for any cell id (members and their neighbours).
MultiPolygon regionOutline(const CellMesh& mesh, const std::vector<CellId>& cells,
                           const std::function<bool(CellId)>& isMember);

// Signed area of a ring (positive when counter-clockwise), in square map units.
double signedArea(const Ring& ring) noexcept;

// Even-odd point-in-ring test.
bool ringContains(const Ring& ring, const Point& p) noexcept;

} // namespace sample
