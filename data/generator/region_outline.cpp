#include "region_outline.h"

#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace sample {

double signedArea(const Ring& ring) noexcept {
    double twice = 0.0;
    const std::size_t n = ring.size();
    if (n < 3)
        return 0.0;
    const Point o = ring[0]; // relative coordinates keep precision at Gauss-Kruger magnitudes
    for (std::size_t i = 0; i < n; ++i) {
        const Point& a = ring[i];
        const Point& b = ring[(i + 1) % n];
        twice += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
    }
    return 0.5 * twice;
}

bool ringContains(const Ring& ring, const Point& p) noexcept {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point& a = ring[i];
        const Point& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

MultiPolygon regionOutline(const CellMesh& mesh, const std::vector<CellId>& cells,
                           const std::function<bool(CellId)>& isMember) {
    std::vector<CellEdge> boundary;
    for (CellId c : cells)
        for (const CellEdge& e : mesh.edges(c))
            if (!isMember(e.across))
                boundary.push_back(e);

    std::unordered_map<VertexKey, std::size_t, VertexKeyHash> leaving;
    leaving.reserve(boundary.size() * 2);
    for (std::size_t i = 0; i < boundary.size(); ++i)
        if (!leaving.emplace(boundary[i].from, i).second)
            throw std::logic_error("region outline: two boundary edges leave one vertex");

    std::vector<bool> used(boundary.size(), false);
    std::vector<Ring> outers;
    std::vector<Ring> holes;
    for (std::size_t start = 0; start < boundary.size(); ++start) {
        if (used[start])
            continue;
        Ring ring;
        std::size_t i = start;
        while (!used[i]) {
            used[i] = true;
            ring.push_back(mesh.vertex(boundary[i].from));
            mesh.appendEdgeInterior(boundary[i], ring);
            const auto next = leaving.find(boundary[i].to);
            if (next == leaving.end())
                throw std::logic_error("region outline: a boundary ring does not close");
            i = next->second;
        }
        (signedArea(ring) > 0.0 ? outers : holes).push_back(std::move(ring));
    }

    MultiPolygon result;
    for (Ring& outer : outers)
        result.push_back(Polygon{{std::move(outer)}});
    for (Ring& hole : holes) {
        // The owner is the smallest outer ring around the hole (islands can sit in holes).
        // Three-cell vertices mean a hole never touches its outer ring, so "inside" is exact.
        std::size_t owner = 0;
        double ownerArea = INFINITY;
        if (result.size() > 1)
            for (std::size_t k = 0; k < result.size(); ++k) {
                const Ring& outer = result[k].rings.front();
                const double area = signedArea(outer);
                if (area < ownerArea && ringContains(outer, hole.front())) {
                    owner = k;
                    ownerArea = area;
                }
            }
        if (!result.empty())
            result[owner].rings.push_back(std::move(hole));
    }
    return result;
}

} // namespace sample
