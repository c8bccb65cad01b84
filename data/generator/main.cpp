// tianmu-sample: generates the sample county (or a large one for benchmarks).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>

#include "county_generator.h"
#include "county_writer.h"

namespace {

constexpr const char* usage = R"(Usage: tianmu-sample --out DIR [options]

Generates a believable county (terrain, rivers, villages, parcels, ledgers) and writes it to
DIR: county.gpkg (all layers and the DEM), dem.tif, and unless --project-only the files a
surveyor would deliver (surveyor/: GBK shapefiles in three CRS variants, GBK CSV and XLSX
ledgers) with manifest.json listing the deliberately broken features.

Options:
  --out DIR          output folder (created; existing files of the same name are replaced)
  --seed N           random seed (default 20230615); the same seed gives the same county
  --parcels N        approximate number of parcels (default 4000; 1000000 for benchmarks)
  --villages N       number of villages (default 4)
  --townships N      number of townships (default: one per ten villages)
  --as-of DATE       the day ledgers are dated against, YYYY-MM-DD (default 2026-06-30)
  --project-only     write only county.gpkg and dem.tif
  --data-dir DIR     tianmu's data folder with the word lists (default: the source tree)
  --help             this text

Exit codes: 0 success, 2 usage error, 1 failure.
)";

int usageError(const std::string& message) {
    std::cerr << "tianmu-sample: " << message << "\nRun 'tianmu-sample --help' for usage.\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    sample::GeneratorOptions options;
    std::string out;
    std::string dataDir = TIANMU_DATA_DIR;
    bool projectOnly = false;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc)
                    throw std::invalid_argument(arg + " needs a value");
                return argv[++i];
            };
            if (arg == "--help" || arg == "-h") {
                std::cout << usage;
                return 0;
            } else if (arg == "--out") {
                out = value();
            } else if (arg == "--seed") {
                options.seed = std::stoull(value());
            } else if (arg == "--parcels") {
                options.parcels = std::stoi(value());
            } else if (arg == "--villages") {
                options.villages = std::stoi(value());
            } else if (arg == "--townships") {
                options.townships = std::stoi(value());
            } else if (arg == "--as-of") {
                options.asOf = value();
            } else if (arg == "--project-only") {
                projectOnly = true;
            } else if (arg == "--data-dir") {
                dataDir = value();
            } else {
                return usageError("unknown option " + arg);
            }
        }
    } catch (const std::exception& e) {
        return usageError(std::string("bad option value: ") + e.what());
    }
    if (out.empty())
        return usageError("--out DIR is required");
    if (options.parcels < 100 || options.villages < 1 || options.villages > 2000)
        return usageError("--parcels must be at least 100 and --villages between 1 and 2000");
    if (options.asOf.size() != 10 || options.asOf[4] != '-' || options.asOf[7] != '-')
        return usageError("--as-of must be a date like 2026-06-30");

    try {
        const auto started = std::chrono::steady_clock::now();
        auto progress = [&](const std::string& step) {
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            std::fprintf(stderr, "[%7.1f s] %s\n", s, step.c_str());
        };
        const sample::NameBook names = sample::NameBook::load(
            dataDir + "/generator/names/names.zh.json", dataDir + "/landuse/gbt21010-2017.json");
        const sample::County county = sample::generateCounty(options, names, progress);
        progress("writing " + out);
        sample::writeCounty(county, {out, !projectOnly, options.seed, options.parcels},
                            names.landUseNames);
        progress("done: " + std::to_string(county.parcels.size()) + " parcels in " +
                 std::to_string(county.villages.size()) + " villages");
        std::cout << std::filesystem::path(out) / "county.gpkg" << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "tianmu-sample: " << e.what() << '\n';
        return 1;
    }
}
