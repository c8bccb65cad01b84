// A small generated county shared by the tests of one process: generated in memory once and
// written to a private temporary folder, removed when the process ends.
#pragma once

#include <cstdint>
#include <string>

#include "county.h"
#include "name_book.h"

namespace testing {

struct GeneratedCounty {
    sample::County county;
    std::string directory; // holds county.gpkg, dem.tif, surveyor/, manifest.json
};

constexpr std::uint64_t smallCountySeed = 777;

// 1,500 parcels in 3 villages, seed 777.
const GeneratedCounty& smallCounty();

// Generates and writes a county with the given parameters into `directory`.
GeneratedCounty generateInto(const std::string& directory, std::uint64_t seed, int parcels,
                             int villages);

const sample::NameBook& nameBook();

// A fresh empty temporary folder, removed when the process ends.
std::string temporaryDirectory();

std::string sourcePath(const std::string& relative);

} // namespace testing
