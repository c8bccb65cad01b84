// What the step benchmarks (tianmu-bench-river, -villages, -terrain) share: CPU clocks, a
// digest of their answers so that two builds can be checked to answer alike, and their command
// line (PROJECT.gpkg [RUNS]), reading and error handling.
#pragma once

#include <cstdint>
#include <cstring>
#include <ctime>
#include <exception>
#include <functional>
#include <iostream>
#include <string>
#include <type_traits>

#include "geo/classification_inputs.h"
#include "geo/error.h"
#include "geo/project_store.h"

namespace bench {

// CPU seconds of this thread, or of the whole process (every thread's).
inline double threadSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}
inline double processSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// FNV-1a over the bytes of the values added: equal only when every value is.
class Digest {
public:
    template <class T>
    void add(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        unsigned char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        for (const unsigned char b : bytes)
            m_hash = (m_hash ^ b) * 1099511628211ULL;
    }
    std::uint64_t value() const noexcept { return m_hash; }

private:
    std::uint64_t m_hash = 1469598103934665603ULL;
};

// The main of a step benchmark: `name PROJECT.gpkg [RUNS]` (RUNS default 3), `about` its
// usage text. Reads the project's inputs as classify does with the default rules' fields, then
// calls `timeRuns(inputs, project, runs)`. Exit codes: 2 for a usage or input error, 1 for any
// other failure, each with a message on stderr.
inline int stepBenchmark(int argc, char** argv, const char* name, const char* about,
                         const std::function<void(const geo::ClassificationInputs&,
                                                  const std::string&, int)>& timeRuns) {
    if (argc < 2 || argc > 3 || std::string(argv[1]) == "--help") {
        std::cerr << "Usage: " << name << " PROJECT.gpkg [RUNS]\n" << about;
        return 2;
    }
    try {
        const int runs = argc == 3 ? std::stoi(argv[2]) : 3;
        const auto store = geo::openGeoPackageProject(argv[1]);
        const geo::ClassificationInputs in =
            geo::readClassificationInputs(*store, {}, "ZT", "XZZJ", "DJ", 3.0);
        timeRuns(in, argv[1], runs);
        return 0;
    } catch (const geo::InputError& e) {
        std::cerr << name << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << name << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace bench
