// Land use of each mesh cell from the terrain under it: valley floors are paddies and dry
// land, slopes carry orchards and tea, steep and high ground is forest, ponds sit near
// streams, settlements cluster along roads.
#pragma once

#include <cstdint>
#include <string>

namespace sample {

struct CellTerrain {
    double elevation = 0.0;        // m
    double slope = 0.0;            // degrees
    double heightAboveRiver = 0.0; // m
    double riverDistance = 0.0;    // m to the nearest stream
    double roadDistance = 0.0;     // m to the nearest road
    double centreDistance = 0.0;   // m to the village centre
    double x = 0.0, y = 0.0;       // map position, for the patch noise
    bool onRiver = false;          // a large river flows through the cell
    bool onRoad = false;           // a road runs through the cell
};

struct CellLandUse {
    std::string dlbm;
    bool idle = false; // abandoned or idle, as a surveyor would flag it
};

class LandUsePainter {
public:
    explicit LandUsePainter(std::uint64_t seed) noexcept
        : m_seed(seed) {}
    CellLandUse paint(const CellTerrain& t, std::uint64_t cellHash) const;

private:
    std::uint64_t m_seed;
};

} // namespace sample
