// How much memory this test process holds, for tests of what the memory policy gives back.
#pragma once

#include <cstddef>

namespace testing {

// The resident memory of this process, in bytes (/proc/self/statm: pages resident).
std::size_t residentBytes();

} // namespace testing
