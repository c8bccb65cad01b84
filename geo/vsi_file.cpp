// Opening and reading files through GDAL's virtual file system, with errors that name the file.
#include "geo/vsi_file.h"

#include <cstdio>

#include "geo/error.h"

namespace geo::detail {

bool exists(const std::string& path) {
    VSIStatBufL stat;
    return VSIStatL(path.c_str(), &stat) == 0;
}

VsiFile openForReading(const std::string& path) {
    VsiFile file(VSIFOpenL(path.c_str(), "rb"));
    if (!file)
        throw InputError("cannot be read; check that it exists and that you may read it",
                         {path, {}, {}, {}});
    return file;
}

std::string readAt(VSILFILE* file, vsi_l_offset offset, std::size_t size) {
    std::string bytes(size, '\0');
    if (VSIFSeekL(file, offset, SEEK_SET) != 0)
        return {};
    bytes.resize(VSIFReadL(bytes.data(), 1, size, file));
    return bytes;
}

} // namespace geo::detail
