// Reading a project back in tests, independently of the code under test: one SQL value
// through GDAL on its own read-only connection.
#pragma once

#include <string>

namespace testing {

// The first value of the first row of `sql` on `project`; empty when there is none or it is
// null.
std::string projectValue(const std::string& project, const std::string& sql);

} // namespace testing
