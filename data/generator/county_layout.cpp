#include "county_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <set>

#include "noise.h"
#include "random.h"

namespace sample {
namespace {

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Mitchell's best-candidate sampling: well spread but not a lattice.
std::vector<std::size_t> spreadPicks(const std::vector<Point>& candidates, int count, Rng& rng) {
    std::vector<std::size_t> picks;
    const int n = static_cast<int>(candidates.size());
    for (int k = 0; k < count && k < n; ++k) {
        std::size_t best = 0;
        double bestScore = -1.0;
        for (int attempt = 0; attempt < 30; ++attempt) {
            const auto i = static_cast<std::size_t>(rng.between(0, n - 1));
            double nearest = std::numeric_limits<double>::max();
            for (std::size_t p : picks)
                nearest = std::min(nearest, distance(candidates[i], candidates[p]));
            if (nearest > bestScore && std::find(picks.begin(), picks.end(), i) == picks.end()) {
                bestScore = nearest;
                best = i;
            }
        }
        picks.push_back(best);
    }
    return picks;
}

} // namespace

void shapeCounty(const CellMesh& mesh, std::uint64_t seed, Layout& layout) {
    const std::size_t n = mesh.cellCount();
    layout.inCounty.assign(n, 0);
    const double cx = 0.5 * mesh.columns();
    const double cy = 0.5 * mesh.rows();
    const double rx = 0.5 * mesh.columns() - 4.0;
    const double ry = 0.5 * mesh.rows() - 4.0;
    const NoiseField wobble(seed + 21, std::max(mesh.columns(), mesh.rows()) * 0.35, 4);
    for (CellId c = 0; c < static_cast<CellId>(n); ++c) {
        if (!mesh.isInterior(c))
            continue;
        const double u = (mesh.columnOf(c) + 0.5 - cx) / rx;
        const double v = (mesh.rowOf(c) + 0.5 - cy) / ry;
        const double limit = 0.78 + 0.45 * (wobble.at(mesh.columnOf(c), mesh.rowOf(c)) - 0.5);
        if (std::hypot(u, v) < std::min(limit, 0.99))
            layout.inCounty[static_cast<std::size_t>(c)] = 1;
    }

    // Keep the largest connected piece.
    std::vector<int> component(n, -1);
    int bestComponent = -1;
    std::size_t bestSize = 0;
    int next = 0;
    for (CellId start = 0; start < static_cast<CellId>(n); ++start) {
        if (!layout.inCounty[static_cast<std::size_t>(start)] ||
            component[static_cast<std::size_t>(start)] >= 0)
            continue;
        std::size_t size = 0;
        std::vector<CellId> stack{start};
        component[static_cast<std::size_t>(start)] = next;
        while (!stack.empty()) {
            const CellId c = stack.back();
            stack.pop_back();
            ++size;
            for (CellId m : mesh.neighbours(c))
                if (layout.inCounty[static_cast<std::size_t>(m)] &&
                    component[static_cast<std::size_t>(m)] < 0) {
                    component[static_cast<std::size_t>(m)] = next;
                    stack.push_back(m);
                }
        }
        if (size > bestSize) {
            bestSize = size;
            bestComponent = next;
        }
        ++next;
    }
    for (std::size_t c = 0; c < n; ++c)
        layout.inCounty[c] = component[c] == bestComponent ? 1 : 0;

    // Fill holes: outside cells not reachable from the grid border become county.
    std::vector<std::uint8_t> outside(n, 0);
    std::vector<CellId> stack;
    for (CellId c = 0; c < static_cast<CellId>(n); ++c)
        if (!mesh.isInterior(c)) {
            outside[static_cast<std::size_t>(c)] = 1;
            stack.push_back(c);
        }
    while (!stack.empty()) {
        const CellId c = stack.back();
        stack.pop_back();
        for (CellId m : mesh.neighbours(c))
            if (!outside[static_cast<std::size_t>(m)] &&
                !layout.inCounty[static_cast<std::size_t>(m)]) {
                outside[static_cast<std::size_t>(m)] = 1;
                stack.push_back(m);
            }
        if (mesh.neighbours(c).empty()) {
            // Border cells have no computed neighbours: walk the grid instead.
            const int col = mesh.columnOf(c), row = mesh.rowOf(c);
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const int cc = col + dc, rr = row + dr;
                    if (cc < 0 || rr < 0 || cc >= mesh.columns() || rr >= mesh.rows())
                        continue;
                    const CellId m = mesh.cellAt(cc, rr);
                    if (!outside[static_cast<std::size_t>(m)] &&
                        !layout.inCounty[static_cast<std::size_t>(m)]) {
                        outside[static_cast<std::size_t>(m)] = 1;
                        stack.push_back(m);
                    }
                }
        }
    }
    layout.countyCells.clear();
    for (CellId c = 0; c < static_cast<CellId>(n); ++c) {
        if (!outside[static_cast<std::size_t>(c)])
            layout.inCounty[static_cast<std::size_t>(c)] = 1;
        if (layout.inCounty[static_cast<std::size_t>(c)])
            layout.countyCells.push_back(c);
    }
}

void growVillages(const CellMesh& mesh, int villages, const std::vector<std::uint8_t>& barrier,
                  std::uint64_t seed, Layout& layout) {
    Rng rng(hashOf(seed, 31));
    std::vector<Point> sites;
    std::vector<CellId> eligible;
    for (CellId c : layout.countyCells)
        if (!barrier[static_cast<std::size_t>(c)]) {
            eligible.push_back(c);
            sites.push_back(mesh.site(c));
        }
    layout.villageSeed.clear();
    for (std::size_t i : spreadPicks(sites, villages, rng))
        layout.villageSeed.push_back(eligible[i]);

    // Multi-source Dijkstra: each cell joins the village that reaches it cheapest. Regions of
    // a shortest-path forest are connected, so every village is one piece.
    const NoiseField roughness(seed + 32, mesh.spacing() * 25.0, 3);
    const std::size_t n = mesh.cellCount();
    std::vector<double> cost(n, std::numeric_limits<double>::infinity());
    layout.village.assign(n, -1);
    using Item = std::pair<double, CellId>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
    for (std::size_t v = 0; v < layout.villageSeed.size(); ++v) {
        const CellId c = layout.villageSeed[v];
        cost[static_cast<std::size_t>(c)] = 0.0;
        layout.village[static_cast<std::size_t>(c)] = static_cast<int>(v);
        open.emplace(0.0, c);
    }
    while (!open.empty()) {
        const auto [d, c] = open.top();
        open.pop();
        if (d > cost[static_cast<std::size_t>(c)])
            continue;
        for (CellId m : mesh.neighbours(c)) {
            if (!layout.inCounty[static_cast<std::size_t>(m)])
                continue;
            const Point& a = mesh.site(c);
            const Point& b = mesh.site(m);
            double step = distance(a, b) * (0.4 + 1.2 * roughness.at(b.x, b.y));
            if (barrier[static_cast<std::size_t>(m)] != barrier[static_cast<std::size_t>(c)])
                step *= 6.0;
            if (d + step < cost[static_cast<std::size_t>(m)]) {
                cost[static_cast<std::size_t>(m)] = d + step;
                layout.village[static_cast<std::size_t>(m)] =
                    layout.village[static_cast<std::size_t>(c)];
                open.emplace(d + step, m);
            }
        }
    }
}

void groupTownships(const CellMesh& mesh, int townships, Layout& layout) {
    const int villages = static_cast<int>(layout.villageSeed.size());
    townships = std::clamp(townships, 1, std::max(1, villages));
    std::vector<std::set<int>> adjacent(static_cast<std::size_t>(villages));
    for (CellId c : layout.countyCells)
        for (CellId m : mesh.neighbours(c)) {
            const int a = layout.village[static_cast<std::size_t>(c)];
            const int b = layout.village[static_cast<std::size_t>(m)];
            if (a >= 0 && b >= 0 && a != b)
                adjacent[static_cast<std::size_t>(a)].insert(b);
        }
    std::vector<Point> centres;
    for (CellId s : layout.villageSeed)
        centres.push_back(mesh.site(s));
    Rng rng(hashOf(static_cast<std::uint64_t>(villages), 41));
    const std::vector<std::size_t> seeds = spreadPicks(centres, townships, rng);

    // Breadth-first growth over the village adjacency graph, one ring at a time per
    // township, so townships stay connected and of similar size.
    layout.township.assign(static_cast<std::size_t>(villages), -1);
    std::vector<std::vector<int>> frontier(seeds.size());
    for (std::size_t t = 0; t < seeds.size(); ++t) {
        layout.township[seeds[t]] = static_cast<int>(t);
        frontier[t].push_back(static_cast<int>(seeds[t]));
    }
    bool grew = true;
    while (grew) {
        grew = false;
        for (std::size_t t = 0; t < seeds.size(); ++t) {
            std::vector<int> next;
            for (int v : frontier[t])
                for (int m : adjacent[static_cast<std::size_t>(v)])
                    if (layout.township[static_cast<std::size_t>(m)] < 0) {
                        layout.township[static_cast<std::size_t>(m)] = static_cast<int>(t);
                        next.push_back(m);
                        grew = true;
                    }
            frontier[t] = std::move(next);
        }
    }
    for (int& t : layout.township)
        t = std::max(t, 0);
}

} // namespace sample
