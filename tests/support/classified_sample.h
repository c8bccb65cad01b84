// The committed sample county, classified (as of 2026-06-30) once per test process by the
// built tianmu, in a private temporary folder: the project the map and report tests draw.
#pragma once

#include <string>
#include <vector>

namespace testing {

const std::string& classifiedSampleCounty();

// A fresh copy of classifiedSampleCounty() into which the surveyor's rivers were imported
// again after classify, so that its classification is outdated by them; the import's
// warnings go into `importWarnings` when given.
std::string
outdatedCopyOfClassifiedSampleCounty(std::vector<std::string>* importWarnings = nullptr);

} // namespace testing
