// A basemap: any raster GDAL reads (an orthophoto GeoTIFF, a JPEG 2000, an MBTiles file of
// local tiles — there is no network where tianmu runs), warped on the fly into the project's
// CRS and read as colour for the view.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "geo/extent.h"

namespace geo {

class Basemap {
public:
    // Opens `path` for drawing in the CRS of EPSG code `projectEpsg` (a warped view when its
    // own CRS differs). Throws InputError naming the file when GDAL cannot open it as a raster
    // or it has no CRS or georeferencing to place it by.
    Basemap(const std::string& path, int projectEpsg);
    ~Basemap();
    Basemap(const Basemap&) = delete;
    Basemap& operator=(const Basemap&) = delete;

    const std::string& path() const noexcept { return m_path; }
    // Its footprint in the project CRS.
    Extent extent() const;

    // The view `extent` as width × height premultiplied RGBA pixels (alpha 0 where the basemap
    // has no data or does not reach), row-major from the top. Grey and paletted rasters become
    // colour; rasters of other types than bytes are stretched from their approximate range.
    // Thread-safe: reads are serialised (a GDAL dataset serves one thread at a time).
    std::vector<std::uint32_t> readArgb(const Extent& extent, int width, int height) const;

private:
    std::string m_path;
    mutable std::mutex m_mutex;
    // Offset and scale to bytes of each colour band (identity for bytes), guarded by m_mutex.
    struct Stretch {
        std::array<double, 3> low{0, 0, 0}, scale{1, 1, 1};
    };
    mutable std::optional<Stretch> m_stretch;
    GDALDatasetUniquePtr m_source;
    GDALDatasetUniquePtr m_warped; // null when the source is already in the project CRS
    GDALDataset& view() const { return m_warped ? *m_warped : *m_source; }
};

} // namespace geo
