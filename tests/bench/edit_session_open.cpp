// Times the edit session on a large project: taking the lock and loading the parcels and the
// ledger, validating a record, and saving a few edits with their audit rows.
// Usage: tianmu-bench-edit PROJECT.gpkg (the project is changed: use a copy)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "geo/error.h"
#include "geo/project_edit_session.h"

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: tianmu-bench-edit PROJECT.gpkg\n");
        return 2;
    }
    try {
        geo::EditSessionOptions options;
        options.transferModes = {"出租", "转包", "入股", "互换", "转让", "其他"};
        const long before = residentKiB();
        auto start = std::chrono::steady_clock::now();
        {
            // The share of GDAL and SQLite: the project opened for writing, nothing read.
            auto store = geo::openGeoPackageProject(argv[1]);
            std::printf("open the GeoPackage alone: %.3f s, memory +%ld KiB\n", seconds(start),
                        residentKiB() - before);
        }
        start = std::chrono::steady_clock::now();
        auto session = geo::ProjectEditSession::open(argv[1], options);
        std::printf("open for editing: %.3f s, memory +%ld KiB\n", seconds(start),
                    residentKiB() - before);
        geo::TransferRecord r;
        r.contract = "LZBENCH0001";
        r.parcel = session->parcelBsm(500000);
        r.mode = "出租";
        r.start = "2026-01-01";
        r.end = "2030-12-31";
        r.areaMu = 0.1;
        start = std::chrono::steady_clock::now();
        const auto issues = session->check(geo::AddTransfer{r});
        std::printf("validate a record: %.6f s (%zu issue(s))\n", seconds(start), issues.size());
        session->apply(geo::MarkIdle{{1, 2, 3, 500000, 1000000}, true});
        session->apply(geo::AddTransfer{r});
        start = std::chrono::steady_clock::now();
        const geo::SaveResult saved = session->save();
        std::printf("save %zu edits, %zu audit rows: %.3f s\n", saved.edits, saved.auditRows,
                    seconds(start));
    } catch (const geo::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 3;
    }
    return 0;
}
