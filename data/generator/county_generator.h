// Generates a believable county: terrain, rivers, villages, parcels following the terrain,
// and the ledgers a township keeps. Deterministic from the seed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "county.h"
#include "name_book.h"

namespace sample {

struct GeneratorOptions {
    std::uint64_t seed = 20230615;
    int parcels = 4000; // approximate number of parcels
    int villages = 4;
    int townships = 0;               // 0: about one per ten villages
    double cellSpacing = 45.0;       // metres between mesh sites: a paddy of about 3 亩
    std::string asOf = "2026-06-30"; // ledgers are dated relative to this day
};

using Progress = std::function<void(const std::string& step)>;

County generateCounty(const GeneratorOptions& options, const NameBook& names,
                      const Progress& progress = {});

} // namespace sample
