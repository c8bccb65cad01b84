// A bounded, evenly spaced sample of a DBF's records, copied into /vsimem/ for GDAL to read, and
// the SHAPEFILE metadata GDAL reports for the copy.
#pragma once

#include <cstddef>
#include <string>

class OGRLayer;

namespace geo::detail {

struct DbfSample {
    std::string dbf; // a small DBF: the header and evenly spaced records of the real one
    std::size_t total = 0, sampled = 0;
    unsigned languageByte = 0;
};

// GDAL wants the .shp and .shx beside a .dbf and reads every record it is asked for; the
// encoding lives in the .dbf alone, so GDAL is handed a bounded sample of it.
// Throws InputError naming the file when it cannot be read or its header is damaged.
DbfSample sampleDbf(const std::string& path);

// A folder in /vsimem/ that is removed when it goes out of scope.
class MemoryFolder {
public:
    MemoryFolder();
    ~MemoryFolder();
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

// Writes `bytes` to `path`, a file in a MemoryFolder; throws Error when it cannot.
void writeFile(const std::string& path, const std::string& bytes);

// An item of the layer's SHAPEFILE metadata domain (CPG_VALUE, ENCODING_FROM_CPG, LDID_VALUE,
// ENCODING_FROM_LDID), or null when GDAL reports none or an empty one.
const char* shapefileItem(OGRLayer& layer, const char* name);

} // namespace geo::detail
