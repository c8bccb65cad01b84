#include "county_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include <ogr_spatialref.h>

#include "cell_mesh.h"
#include "county_layout.h"
#include "geo/geodesic_area.h"
#include "land_use.h"
#include "ledgers.h"
#include "random.h"
#include "region_outline.h"
#include "roads.h"
#include "terrain.h"

namespace sample {
namespace {

// Measured on generated counties: how many mesh cells make one parcel on average, and how
// much of the mesh rectangle the county blob covers. Used to size the mesh for --parcels.
constexpr double cellsPerParcel = 1.25;
constexpr double countyShareOfMesh = 0.44;

// Centre of the sample county: east of the 111°E meridian of 3° zone 37, about 26°N.
constexpr double centreEasting = 37'560'000.0;
constexpr double centreNorthing = 2'885'000.0;

double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}

// 田坎 deduction by slope grade (GB/T 21010 slope grades; a county's own coefficients).
double ridgeCoefficient(const std::string& dlbm, double slope) {
    if (dlbm.rfind("01", 0) != 0)
        return 0.0;
    if (slope <= 2.0)
        return 0.0;
    if (slope <= 6.0)
        return 0.036;
    if (slope <= 15.0)
        return 0.108;
    if (slope <= 25.0)
        return 0.18;
    return 0.25;
}

int mergeLimit(const std::string& dlbm, Rng& rng) {
    if (dlbm == "1101" || dlbm == "1006")
        return rng.between(4, 9);
    if (dlbm.rfind("03", 0) == 0)
        return rng.between(1, 5);
    if (dlbm.rfind("02", 0) == 0)
        return rng.between(1, 3);
    return rng.between(1, 2);
}

// Walks a line in short steps and collects the cells it crosses.
void markCellsAlong(const CellMesh& mesh, const std::vector<Point>& line,
                    std::vector<std::uint8_t>& marks) {
    const double step = mesh.spacing() / 5.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Point& a = line[i];
        const Point& b = line[i + 1];
        const int n = std::max(1, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / step));
        for (int k = 0; k <= n; ++k) {
            const double t = static_cast<double>(k) / n;
            const CellId c = mesh.cellContaining(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
            if (c >= 0)
                marks[static_cast<std::size_t>(c)] = 1;
        }
    }
}

std::string padded(long long value, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", width, value);
    return buf;
}

} // namespace

County generateCounty(const GeneratorOptions& options, const NameBook& names,
                      const Progress& progress) {
    auto report = [&](const std::string& step) {
        if (progress)
            progress(step);
    };
    County county;
    county.code = names.countyCode;
    county.name = names.countyName;
    const std::uint64_t seed = options.seed;
    const double s = options.cellSpacing;

    // The mesh rectangle, sized so the county blob holds about the requested parcels.
    const double meshCells = std::max(2000.0, options.parcels * cellsPerParcel / countyShareOfMesh);
    const int columns = static_cast<int>(std::ceil(std::sqrt(meshCells * 4.0 / 3.0))) + 8;
    const int rows = static_cast<int>(std::ceil(meshCells / (columns - 8))) + 8;
    const double x0 = std::round((centreEasting - 0.5 * columns * s) / 100.0) * 100.0;
    const double y0 = std::round((centreNorthing - 0.5 * rows * s) / 100.0) * 100.0;

    report("terrain and rivers");
    const double side = std::max(columns, rows) * s;
    const double pixel = std::clamp(std::round(side / 1500.0 / 5.0) * 5.0, 10.0, 30.0);
    const int demColumns = static_cast<int>(std::ceil(columns * s / pixel));
    const int demRows = static_cast<int>(std::ceil(rows * s / pixel));
    Terrain terrain = makeTerrain(demColumns, demRows, pixel, x0, y0 + demRows * pixel, seed);

    report("mesh");
    const CellMesh mesh(columns, rows, s, x0, y0, seed);
    const std::size_t cellCount = mesh.cellCount();

    // Rivers: smooth the D8 traces, give the large ones names, widths and their cells.
    Rng riverRng(hashOf(seed, 61));
    const std::string mainName = pick(names.riverStems, riverRng) + names.mainRiverSuffix;
    std::vector<std::uint8_t> riverCell(cellCount, 0);
    std::map<int, std::string> tributaryNames;
    for (River& river : terrain.rivers) {
        river.line = smoothLine(river.line, 2);
        const double share = river.upstreamArea / terrain.mainRiverArea;
        river.width = std::round(3.0 + 57.0 * std::sqrt(share));
        if (share >= 0.45)
            river.name = mainName;
        else if (share >= 0.08)
            river.name = pick(names.riverStems, riverRng) + pick(names.tributarySuffixes, riverRng);
        if (share >= 0.12)
            markCellsAlong(mesh, river.line, riverCell);
    }
    county.rivers = terrain.rivers;
    county.dem = terrain.elevation;

    report("county, villages and townships");
    Layout layout;
    shapeCounty(mesh, seed, layout);
    for (std::size_t c = 0; c < cellCount; ++c)
        riverCell[c] = riverCell[c] && layout.inCounty[c];
    growVillages(mesh, options.villages, riverCell, seed, layout);
    const int townshipCount =
        options.townships > 0 ? options.townships
                              : std::max(1, static_cast<int>(std::lround(options.villages / 10.0)));
    groupTownships(mesh, townshipCount, layout);

    Rng nameRng(hashOf(seed, 62));
    std::vector<std::string> townStems = names.townshipStems;
    std::vector<std::string> villageStems = names.villageStems;
    auto takeName = [&nameRng](std::vector<std::string>& pool, int index) {
        if (pool.empty())
            return std::to_string(index);
        const auto i =
            static_cast<std::size_t>(nameRng.between(0, static_cast<int>(pool.size()) - 1));
        std::string name = pool[i];
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
        return name;
    };
    const int realTownships = 1 + *std::max_element(layout.township.begin(), layout.township.end());
    for (int t = 0; t < realTownships; ++t) {
        Township town;
        town.code = county.code + padded(100 + t, 3);
        town.name = takeName(townStems, t) + pick(names.townshipSuffixes, nameRng);
        county.townships.push_back(std::move(town));
    }
    std::vector<int> villagesInTownship(county.townships.size(), 0);
    std::set<std::string> usedStems;
    bool pairsMade = false;
    for (std::size_t v = 0; v < layout.villageSeed.size(); ++v) {
        Village village;
        village.township = layout.township[v];
        const int seq = ++villagesInTownship[static_cast<std::size_t>(village.township)];
        village.code = county.townships[static_cast<std::size_t>(village.township)].code +
                       padded(200 + seq, 3);
        // Made only when the stems run out, so a county of up to 70 villages draws the same
        // names (and the same random numbers) as before the pairs existed.
        if (villageStems.empty() && !pairsMade) {
            pairsMade = true;
            for (const std::string& first : names.villageFirstParts)
                for (const std::string& second : names.villageSecondParts)
                    if (usedStems.count(first + second) == 0)
                        villageStems.push_back(first + second);
        }
        const std::string stem = takeName(villageStems, static_cast<int>(v));
        usedStems.insert(stem);
        village.name = stem + "村";
        village.centre = mesh.site(layout.villageSeed[v]);
        county.villages.push_back(std::move(village));
    }

    report("roads");
    county.roads = planRoads(county.villages, terrain);
    std::vector<std::uint8_t> roadCell(cellCount, 0);
    Grid<std::uint8_t> roadPixels = Grid<std::uint8_t>::like(terrain.elevation);
    for (const Road& road : county.roads) {
        markCellsAlong(mesh, road.line, roadCell);
        for (std::size_t i = 0; i + 1 < road.line.size(); ++i) {
            const Point& a = road.line[i];
            const Point& b = road.line[i + 1];
            const int n =
                std::max(1, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / (0.5 * pixel)));
            for (int k = 0; k <= n; ++k) {
                const double t = static_cast<double>(k) / n;
                const int c = roadPixels.colOf(a.x + t * (b.x - a.x));
                const int r = roadPixels.rowOf(a.y + t * (b.y - a.y));
                if (roadPixels.inside(c, r))
                    roadPixels.at(c, r) = 1;
            }
        }
    }
    const Grid<float> roadDistance = distanceTo(roadPixels, nullptr);

    report("land use");
    const LandUsePainter painter(seed);
    std::vector<CellLandUse> use(cellCount);
    for (CellId c : layout.countyCells) {
        const Point& p = mesh.site(c);
        const int v = layout.village[static_cast<std::size_t>(c)];
        CellTerrain t;
        t.x = p.x;
        t.y = p.y;
        t.elevation = terrain.elevation.sample(p.x, p.y);
        t.slope = terrain.slope.sample(p.x, p.y);
        t.heightAboveRiver = terrain.heightAboveRiver.sample(p.x, p.y);
        t.riverDistance = terrain.riverDistance.sample(p.x, p.y);
        t.roadDistance = roadDistance.sample(p.x, p.y);
        const Point& centre = county.villages[static_cast<std::size_t>(v)].centre;
        t.centreDistance = std::hypot(p.x - centre.x, p.y - centre.y);
        t.onRiver = riverCell[static_cast<std::size_t>(c)] != 0;
        t.onRoad = roadCell[static_cast<std::size_t>(c)] != 0 && !t.onRiver;
        use[static_cast<std::size_t>(c)] =
            painter.paint(t, hashOf(seed, 63, static_cast<std::uint64_t>(c)));
    }

    report("parcels");
    // Merge neighbouring cells of one village and one land use into parcels, keeping each
    // parcel's outline at 40 vertices or fewer, like a surveyor's 图斑.
    std::vector<int> parcelOf(cellCount, -1);
    std::vector<std::vector<CellId>> parcelCells;
    std::vector<CellId> visitOrder = layout.countyCells;
    std::sort(visitOrder.begin(), visitOrder.end(), [seed](CellId a, CellId b) {
        return hashOf(seed, 64, static_cast<std::uint64_t>(a)) <
               hashOf(seed, 64, static_cast<std::uint64_t>(b));
    });
    std::vector<Point> scratch;
    auto edgeVertices = [&](const CellEdge& e) {
        scratch.clear();
        mesh.appendEdgeInterior(e, scratch);
        return 1 + static_cast<int>(scratch.size());
    };
    for (CellId start : visitOrder) {
        if (parcelOf[static_cast<std::size_t>(start)] >= 0)
            continue;
        const int id = static_cast<int>(parcelCells.size());
        const CellLandUse& kind = use[static_cast<std::size_t>(start)];
        Rng rng(hashOf(seed, 65, static_cast<std::uint64_t>(start)));
        const int limit = mergeLimit(kind.dlbm, rng);
        std::vector<CellId> members{start};
        parcelOf[static_cast<std::size_t>(start)] = id;
        int vertices = 0;
        for (const CellEdge& e : mesh.edges(start))
            vertices += edgeVertices(e);
        for (std::size_t q = 0; q < members.size() && static_cast<int>(members.size()) < limit; ++q)
            for (CellId m : mesh.neighbours(members[q])) {
                if (static_cast<int>(members.size()) >= limit)
                    break;
                const auto mi = static_cast<std::size_t>(m);
                if (!layout.inCounty[mi] || parcelOf[mi] >= 0 ||
                    layout.village[mi] != layout.village[static_cast<std::size_t>(start)] ||
                    use[mi].dlbm != kind.dlbm || use[mi].idle != kind.idle)
                    continue;
                int delta = 0;
                for (const CellEdge& e : mesh.edges(m))
                    delta += (parcelOf[static_cast<std::size_t>(e.across)] == id ? -1 : 1) *
                             edgeVertices(e);
                if (vertices + delta > 40)
                    continue;
                vertices += delta;
                parcelOf[mi] = id;
                members.push_back(m);
            }
        parcelCells.push_back(std::move(members));
    }

    report("outlines and areas");
    OGRSpatialReference crs;
    crs.importFromEPSG(county.epsg);
    crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const geo::GeodesicAreaCalculator areas(crs);
    auto polygonArea = [&areas](const Polygon& polygon) {
        double total = 0.0;
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            std::vector<double> xs, ys;
            for (const Point& p : polygon.rings[r]) {
                xs.push_back(p.x);
                ys.push_back(p.y);
            }
            const double a =
                areas.ringArea(xs.data(), ys.data(), static_cast<int>(xs.size())).inSquareMetres();
            total += r == 0 ? a : -a;
        }
        return total;
    };

    std::vector<int> tbbhCounter(county.villages.size(), 0);
    county.parcels.reserve(parcelCells.size());
    for (std::size_t id = 0; id < parcelCells.size(); ++id) {
        const std::vector<CellId>& members = parcelCells[id];
        const auto first = static_cast<std::size_t>(members.front());
        MultiPolygon outline = regionOutline(mesh, members, [&](CellId c) {
            return parcelOf[static_cast<std::size_t>(c)] == static_cast<int>(id);
        });
        Parcel parcel;
        parcel.village = layout.village[first];
        parcel.dlbm = use[first].dlbm;
        parcel.idle = use[first].idle;
        parcel.geometry = std::move(outline.front());
        parcel.bsm = county.code + padded(static_cast<long long>(id + 1), 12);
        parcel.tbbh = std::to_string(++tbbhCounter[static_cast<std::size_t>(parcel.village)]);
        parcel.qsxz = (parcel.dlbm == "1101" || parcel.dlbm == "1006") ? "10" : "30";
        for (CellId c : members) {
            const Point& p = mesh.site(c);
            parcel.meanSlope +=
                terrain.slope.sample(p.x, p.y) / static_cast<double>(members.size());
            parcel.meanElevation +=
                terrain.elevation.sample(p.x, p.y) / static_cast<double>(members.size());
        }
        parcel.tbmj = round2(polygonArea(parcel.geometry));
        parcel.kcxs = ridgeCoefficient(parcel.dlbm, parcel.meanSlope);
        parcel.kcmj = round2(parcel.tbmj * parcel.kcxs);
        parcel.tbdlmj = round2(parcel.tbmj - parcel.kcmj);
        county.parcels.push_back(std::move(parcel));
    }

    for (std::size_t v = 0; v < county.villages.size(); ++v) {
        std::vector<CellId> members;
        for (CellId c : layout.countyCells)
            if (layout.village[static_cast<std::size_t>(c)] == static_cast<int>(v))
                members.push_back(c);
        county.villages[v].boundary = regionOutline(mesh, members, [&](CellId c) {
            return layout.village[static_cast<std::size_t>(c)] == static_cast<int>(v);
        });
    }
    for (std::size_t t = 0; t < county.townships.size(); ++t) {
        std::vector<CellId> members;
        auto inTownship = [&](CellId c) {
            const int v = layout.village[static_cast<std::size_t>(c)];
            return v >= 0 && layout.township[static_cast<std::size_t>(v)] == static_cast<int>(t);
        };
        for (CellId c : layout.countyCells)
            if (inTownship(c))
                members.push_back(c);
        county.townships[t].boundary = regionOutline(mesh, members, inTownship);
    }
    {
        std::vector<CellId> water;
        for (CellId c : layout.countyCells)
            if (use[static_cast<std::size_t>(c)].dlbm == "1101")
                water.push_back(c);
        for (Polygon& p : regionOutline(mesh, water, [&](CellId c) {
                 return layout.inCounty[static_cast<std::size_t>(c)] &&
                        use[static_cast<std::size_t>(c)].dlbm == "1101";
             }))
            county.riverSurfaces.push_back(std::move(p));
    }

    // Households from homestead area (about 450 m² of 宅基地 per household).
    std::vector<double> homestead(county.villages.size(), 0.0);
    for (const Parcel& p : county.parcels)
        if (p.dlbm == "0702")
            homestead[static_cast<std::size_t>(p.village)] += p.tbmj;
    Rng popRng(hashOf(seed, 66));
    for (std::size_t v = 0; v < county.villages.size(); ++v) {
        Village& village = county.villages[v];
        village.households = std::max(20, static_cast<int>(homestead[v] / 450.0));
        village.population = static_cast<int>(village.households * popRng.uniform(3.0, 3.8));
    }
    // Each township's seat is its largest village (by households; the first of equals), drawn
    // from what is already made, so that no random number is taken from the rest.
    std::vector<int> largest(county.townships.size(), -1);
    for (std::size_t v = 0; v < county.villages.size(); ++v) {
        const Village& village = county.villages[v];
        int& best = largest[static_cast<std::size_t>(village.township)];
        if (best < 0 ||
            village.households > county.villages[static_cast<std::size_t>(best)].households)
            best = static_cast<int>(v);
    }
    for (std::size_t t = 0; t < county.townships.size(); ++t)
        if (largest[t] >= 0)
            county.townships[t].seat = county.villages[static_cast<std::size_t>(largest[t])].centre;

    report("ledgers");
    std::vector<std::vector<int>> parcelNeighbours(county.parcels.size());
    for (CellId c : layout.countyCells)
        for (CellId m : mesh.neighbours(c)) {
            const int a = parcelOf[static_cast<std::size_t>(c)];
            const int b = parcelOf[static_cast<std::size_t>(m)];
            if (a >= 0 && b >= 0 && a != b)
                parcelNeighbours[static_cast<std::size_t>(a)].push_back(b);
        }
    for (auto& list : parcelNeighbours) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    std::vector<std::vector<Point>> buildingSpots(county.villages.size());
    std::vector<std::vector<Point>> fieldSpots(county.villages.size());
    for (CellId c : layout.countyCells) {
        const auto v = static_cast<std::size_t>(layout.village[static_cast<std::size_t>(c)]);
        const std::string& d = use[static_cast<std::size_t>(c)].dlbm;
        if (d == "0702")
            buildingSpots[v].push_back(mesh.site(c));
        else if (d == "0101" || d == "0103")
            fieldSpots[v].push_back(mesh.site(c));
    }
    const LedgerInputs inputs{county, parcelNeighbours, buildingSpots, fieldSpots,
                              names,  options.asOf,     seed};
    std::vector<std::string> overlapping, mismatched;
    county.transfers = makeTransfers(inputs, overlapping, mismatched);
    county.assets = makeAssets(inputs);
    county.funds = makeFunds(inputs);
    county.overlappingTransfers = std::move(overlapping);
    county.mismatchedTransfers = std::move(mismatched);
    return county;
}

} // namespace sample
