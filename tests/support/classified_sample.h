// The committed sample county, classified (as of 2026-06-30) once per test process by the
// built tianmu, in a private temporary folder: the project the map and report tests draw.
#pragma once

#include <string>

namespace testing {

const std::string& classifiedSampleCounty();

} // namespace testing
