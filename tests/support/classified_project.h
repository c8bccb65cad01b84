// A classified project made from the committed sample county (data/sample), as `scripts/run.sh`
// makes it: imported and classified once per test process, copied for each test that edits.
#pragma once

#include <string>

namespace testing {

// Classifies `project` with the default rules (data/rules/lingling-five-zones.json) as of the
// sample's reference day, 2026-06-30.
void classifyAsOfSampleDay(const std::string& project);

// The path of the shared classified project (do not modify it).
const std::string& classifiedSampleProject();

// A fresh copy of the classified project in a new temporary folder.
std::string copyOfClassifiedProject();

// A fresh copy of the committed sample county (data/sample/county.gpkg, with its asset ledger
// and funds) classified in this process as of 2026-06-30, in a new temporary folder.
std::string copyOfClassifiedSampleCounty();

} // namespace testing
