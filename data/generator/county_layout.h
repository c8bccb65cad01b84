// Step 1 of the county: which mesh cells belong to the county, to which village and township.
#pragma once

#include <cstdint>
#include <vector>

#include "cell_mesh.h"

namespace sample {

struct Layout {
    std::vector<std::uint8_t> inCounty; // per cell
    std::vector<CellId> countyCells;    // the cells with inCounty set, ascending
    std::vector<int> village;           // per cell, -1 outside
    std::vector<CellId> villageSeed;    // per village
    std::vector<int> township;          // per village
};

// A connected, hole-free blob of interior cells, irregular like a county border.
void shapeCounty(const CellMesh& mesh, std::uint64_t seed, Layout& layout);

// Grows villages from well-spread seeds over the mesh; crossing a `barrier` cell (a river)
// costs more, so village borders tend to follow rivers as real ones do.
void growVillages(const CellMesh& mesh, int villages, const std::vector<std::uint8_t>& barrier,
                  std::uint64_t seed, Layout& layout);

// Groups neighbouring villages into townships.
void groupTownships(const CellMesh& mesh, int townships, Layout& layout);

} // namespace sample
