// A classified project made from the committed sample county (data/sample), as `scripts/run.sh`
// makes it: imported and classified once per test process, copied for each test that edits.
#pragma once

#include <string>

namespace testing {

// The path of the shared classified project (do not modify it).
const std::string& classifiedSampleProject();

// A fresh copy of the classified project in a new temporary folder.
std::string copyOfClassifiedProject();

} // namespace testing
