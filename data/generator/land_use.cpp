#include "land_use.h"

#include "noise.h"
#include "random.h"

namespace sample {

CellLandUse LandUsePainter::paint(const CellTerrain& t, std::uint64_t cellHash) const {
    // Patch fields a few hundred metres across: neighbouring cells tend to share a use.
    const NoiseField crops(m_seed + 51, 500.0, 3);
    const NoiseField orchards(m_seed + 52, 700.0, 3);
    const NoiseField woods(m_seed + 53, 600.0, 3);
    const NoiseField hamlets(m_seed + 54, 350.0, 3);
    const NoiseField abandon(m_seed + 55, 400.0, 2);
    const double r = unitOf(cellHash);

    if (t.onRiver)
        return {"1101", false};
    if (t.onRoad)
        return {"1006", false};
    const double settle = hamlets.at(t.x, t.y);
    const bool gentle = t.slope < 12.0;
    if (gentle && (t.centreDistance < 110.0 || (t.roadDistance < 160.0 && settle > 0.56) ||
                   (t.heightAboveRiver < 25.0 && settle > 0.74)))
        return {"0702", false};
    if (gentle && t.roadDistance < 260.0 && settle > 0.5 && r < 0.04)
        return {"1201", true}; // vacant plots at the edge of hamlets

    if (t.slope < 7.0 && t.heightAboveRiver < 20.0) { // valley floor
        if (t.riverDistance < 300.0 && crops.at(t.x + 900.0, t.y) > 0.66 && r < 0.55)
            return {"1104", false};
        const double c = crops.at(t.x, t.y);
        const bool abandoned = abandon.at(t.x, t.y) > 0.72 && r < 0.25;
        if (t.riverDistance < 200.0 && c < 0.32)
            return {"0102", abandoned};
        return {c > 0.36 ? "0101" : "0103", abandoned};
    }
    if (t.slope < 16.0 && t.heightAboveRiver < 70.0) { // lower slopes
        const double o = orchards.at(t.x, t.y);
        if (o > 0.58)
            return {"0201", false};
        if (o < 0.3)
            return {"0202", false};
        if (o < 0.38)
            return {"0204", false};
        const bool abandoned = abandon.at(t.x, t.y) > 0.65 && r < 0.35;
        return {"0103", abandoned};
    }
    if (t.slope > 24.0 && r < 0.03)
        return {"1206", true};
    const double w = woods.at(t.x, t.y);
    if (w > 0.45)
        return {"0301", false};
    if (w > 0.32)
        return {"0307", false};
    return {"0305", false};
}

} // namespace sample
