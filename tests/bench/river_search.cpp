// tianmu-bench-river: the nearest-river searches of classify on their own, for work on
// geo::RiverDistance. Reads a project's parcels and rivers as classify does (rivers of DJ 3
// and up), then searches every parcel's nearest river point in Z order on one thread, a few
// times, and prints the thread's CPU time of each run (less disturbed by other load on the
// machine than wall time) and a digest of the answers, so that two builds can be checked to
// answer alike.
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>

#include "bench_support.h"
#include "geo/river_distance.h"
#include "geo/spatial_order.h"

namespace {

// Every distance and nearest point.
std::uint64_t digest(const std::vector<double>& distances,
                     const std::vector<std::array<double, 2>>& points) {
    bench::Digest d;
    for (std::size_t i = 0; i < distances.size(); ++i) {
        d.add(distances[i]);
        d.add(points[i][0]);
        d.add(points[i][1]);
    }
    return d.value();
}

} // namespace

int main(int argc, char** argv) {
    return bench::stepBenchmark(
        argc, argv, "tianmu-bench-river",
        "Searches every parcel's nearest river (DJ >= 3) RUNS times (default 3) on\n"
        "one thread; prints each run's CPU seconds and a digest of the answers.\n",
        [](const geo::ClassificationInputs& in, const std::string&, int runs) {
            const geo::RiverDistance rivers(in.rivers, 10000.0);
            const std::vector<std::uint32_t> order = geo::spatialOrder(in.parcelShapes);
            const std::size_t n = in.parcels.size();
            std::cout << "parcels " << n << "\n";
            for (int run = 0; run < runs; ++run) {
                std::vector<double> distances(n);
                std::vector<std::array<double, 2>> points(n);
                const double start = bench::threadSeconds();
                rivers.distances(in.parcelShapes, order, distances, points);
                const double seconds = bench::threadSeconds() - start;
                std::cout << "run " << run + 1 << " cpu_s " << std::fixed << std::setprecision(3)
                          << seconds << " digest " << std::hex << digest(distances, points)
                          << std::dec << "\n";
            }
        });
}
