// tianmu-bench-terrain: classify's terrain statistics on their own, for work on
// geo::computeTerrainStatistics. Reads a project's parcels as classify does, then sweeps its
// DEM under them a few times and prints each run's process CPU time (every thread's; less
// disturbed by other load than wall time), its wall time, and a digest of the statistics, so
// that two builds can be checked to answer alike.
#include <chrono>
#include <cstdint>
#include <exception>
#include <iomanip>
#include <iostream>
#include <string>

#include "bench_support.h"
#include "geo/classification_inputs.h"
#include "geo/error.h"
#include "geo/project_store.h"
#include "geo/terrain_statistics.h"

namespace {

// Every statistic of every parcel.
std::uint64_t digest(const std::vector<geo::TerrainStatistics>& stats) {
    bench::Digest d;
    for (const geo::TerrainStatistics& s : stats) {
        d.add(s.pixels);
        for (const double v : {s.meanElevation, s.minElevation, s.maxElevation, s.meanSlope})
            d.add(v);
    }
    return d.value();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: tianmu-bench-terrain PROJECT.gpkg [RUNS]\n"
                     "Computes every parcel's terrain statistics from the project's DEM RUNS\n"
                     "times (default 3); prints each run's CPU and wall seconds and a digest.\n";
        return 2;
    }
    const int runs = argc == 3 ? std::stoi(argv[2]) : 3;
    try {
        const auto store = geo::openGeoPackageProject(argv[1]);
        const geo::ClassificationInputs in =
            geo::readClassificationInputs(*store, {}, "ZT", "XZZJ", "DJ", 3.0);
        const std::string dem = std::string("GPKG:") + argv[1] + ":dem";
        std::cout << "parcels " << in.parcels.size() << "\n";
        for (int run = 0; run < runs; ++run) {
            const double start = bench::processSeconds();
            const auto wallStart = std::chrono::steady_clock::now();
            const std::vector<geo::TerrainStatistics> stats =
                geo::computeTerrainStatistics(dem, in.parcelShapes);
            const double seconds = bench::processSeconds() - start;
            const double wall =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
            std::cout << "run " << run + 1 << " cpu_s " << std::fixed << std::setprecision(3)
                      << seconds << " wall_s " << wall << " digest " << std::hex << digest(stats)
                      << std::dec << "\n";
        }
        return 0;
    } catch (const geo::InputError& e) {
        std::cerr << "tianmu-bench-terrain: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "tianmu-bench-terrain: " << e.what() << "\n";
        return 1;
    }
}
