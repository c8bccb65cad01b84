// A digest of a dataset's content (every layer's fields and geometry, every raster's pixels)
// that ignores what GDAL stamps into files (creation times), so two runs can be compared.
#pragma once

#include <cstdint>
#include <string>

namespace testing {

std::uint64_t datasetDigest(const std::string& path);

// FNV-1a of a file's bytes.
std::uint64_t fileDigest(const std::string& path);

} // namespace testing
