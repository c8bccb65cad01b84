// tianmu-bench-villages: classify's village location on its own, for work on
// geo::assignVillages. Reads a project's parcels and villages as classify does, then finds every
// parcel's village (the largest part) a few times and prints each run's process CPU time (both
// of its threads; less disturbed by other load than wall time) and a digest of the answers, so
// that two builds can be checked to answer alike.
#include <cstdint>
#include <ctime>
#include <exception>
#include <iomanip>
#include <iostream>
#include <string>

#include "geo/classification_inputs.h"
#include "geo/error.h"
#include "geo/project_store.h"
#include "geo/village_profile.h"

namespace {

double processSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// FNV-1a over each parcel's village and reason: equal only when every answer is.
std::uint64_t digest(const geo::VillageAssignment& a) {
    std::uint64_t h = 1469598103934665603ULL;
    auto add = [&](std::uint64_t v) {
        for (int b = 0; b < 8; ++b)
            h = (h ^ ((v >> (8 * b)) & 0xff)) * 1099511628211ULL;
    };
    for (std::size_t i = 0; i < a.village.size(); ++i) {
        add(static_cast<std::uint64_t>(static_cast<std::int64_t>(a.village[i])));
        add(a.reason[i]);
    }
    return h;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: tianmu-bench-villages PROJECT.gpkg [RUNS]\n"
                     "Finds every parcel's village RUNS times (default 3); prints each run's\n"
                     "CPU seconds and a digest of the answers.\n";
        return 2;
    }
    const int runs = argc == 3 ? std::stoi(argv[2]) : 3;
    try {
        const auto store = geo::openGeoPackageProject(argv[1]);
        const geo::ClassificationInputs in =
            geo::readClassificationInputs(*store, {}, "ZT", "XZZJ", "DJ", 3.0);
        std::cout << "parcels " << in.parcels.size() << " villages " << in.villages.size() << "\n";
        for (int run = 0; run < runs; ++run) {
            const double start = processSeconds();
            const geo::VillageAssignment a = geo::assignVillages(in, true);
            const double seconds = processSeconds() - start;
            std::cout << "run " << run + 1 << " cpu_s " << std::fixed << std::setprecision(3)
                      << seconds << " digest " << std::hex << digest(a) << std::dec << "\n";
        }
        return 0;
    } catch (const geo::InputError& e) {
        std::cerr << "tianmu-bench-villages: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "tianmu-bench-villages: " << e.what() << "\n";
        return 1;
    }
}
