// tianmu-bench-terrain: classify's terrain statistics on their own, for work on
// geo::computeTerrainStatistics. Reads a project's parcels as classify does, then sweeps its
// DEM under them a few times and prints each run's process CPU time (every thread's; less
// disturbed by other load than wall time), its wall time, and a digest of the statistics, so
// that two builds can be checked to answer alike.
#include <chrono>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>

#include "bench_support.h"
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
    return bench::stepBenchmark(
        argc, argv, "tianmu-bench-terrain",
        "Computes every parcel's terrain statistics from the project's DEM RUNS\n"
        "times (default 3); prints each run's CPU and wall seconds and a digest.\n",
        [](const geo::ClassificationInputs& in, const std::string& project, int runs) {
            const std::string dem = "GPKG:" + project + ":dem";
            std::cout << "parcels " << in.parcels.size() << "\n";
            for (int run = 0; run < runs; ++run) {
                const double start = bench::processSeconds();
                const auto wallStart = std::chrono::steady_clock::now();
                const std::vector<geo::TerrainStatistics> stats =
                    geo::computeTerrainStatistics(dem, in.parcelShapes);
                const double seconds = bench::processSeconds() - start;
                const double wall =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart)
                        .count();
                std::cout << "run " << run + 1 << " cpu_s " << std::fixed << std::setprecision(3)
                          << seconds << " wall_s " << wall << " digest " << std::hex
                          << digest(stats) << std::dec << "\n";
            }
        });
}
