// GDAL set-up shared by every entry point, and a scope that collects GDAL's messages.
#pragma once

#include <string>
#include <vector>

#include <gdal_priv.h>

namespace geo {

// Registers GDAL's drivers once and sets the options tianmu relies on
// (traditional GIS axis order is set per spatial reference, not here). Thread-safe.
void initialiseGdal();

// Opens a vector dataset read-only or throws InputError naming the file and the fix.
GDALDatasetUniquePtr openVector(const std::string& path);

// Collects GDAL's warnings and errors raised in this thread while the object lives,
// instead of letting GDAL print them to stderr.
class GdalMessageCollector {
public:
    GdalMessageCollector();
    ~GdalMessageCollector();
    GdalMessageCollector(const GdalMessageCollector&) = delete;
    GdalMessageCollector& operator=(const GdalMessageCollector&) = delete;

    const std::vector<std::string>& messages() const noexcept { return m_messages; }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
    std::vector<std::string> m_messages;
};

} // namespace geo
