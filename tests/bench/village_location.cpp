// tianmu-bench-villages: classify's village location on its own, for work on
// geo::assignVillages. Reads a project's parcels and villages as classify does, then finds every
// parcel's village (the largest part) a few times and prints each run's process CPU time (both
// of its threads; less disturbed by other load than wall time) and a digest of the answers, so
// that two builds can be checked to answer alike.
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>

#include "bench_support.h"
#include "geo/village_profile.h"

namespace {

// Each parcel's village and reason.
std::uint64_t digest(const geo::VillageAssignment& a) {
    bench::Digest d;
    for (std::size_t i = 0; i < a.village.size(); ++i) {
        d.add(static_cast<std::int64_t>(a.village[i]));
        d.add(static_cast<std::uint64_t>(a.reason[i]));
    }
    return d.value();
}

} // namespace

int main(int argc, char** argv) {
    return bench::stepBenchmark(
        argc, argv, "tianmu-bench-villages",
        "Finds every parcel's village RUNS times (default 3); prints each run's\n"
        "CPU seconds and a digest of the answers.\n",
        [](const geo::ClassificationInputs& in, const std::string&, int runs) {
            std::cout << "parcels " << in.parcels.size() << " villages " << in.villages.size()
                      << "\n";
            for (int run = 0; run < runs; ++run) {
                const double start = bench::processSeconds();
                const geo::VillageAssignment a = geo::assignVillages(in, true);
                const double seconds = bench::processSeconds() - start;
                std::cout << "run " << run + 1 << " cpu_s " << std::fixed << std::setprecision(3)
                          << seconds << " digest " << std::hex << digest(a) << std::dec << "\n";
            }
        });
}
