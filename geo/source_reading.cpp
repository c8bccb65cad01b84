#include "geo/source_reading.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cpl_string.h>

#include "geo/error.h"
#include "geo/gdal_session.h"

namespace geo {
namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// Opens the source so that attribute bytes arrive untouched: tianmu decodes them itself.
} // namespace

GDALDatasetUniquePtr openSourceRaw(const std::string& path) {
    initialiseGdal();
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0)
        throw InputError("file not found; check the path", {path, {}, {}, {}});
    if (stat.st_size == 0)
        throw InputError("is empty (0 bytes); the file was not copied completely",
                         {path, {}, {}, {}});
    CPLStringList options;
    const std::string ext = lowerExtension(path);
    if (ext == ".shp") {
        const std::filesystem::path base(path);
        bool hasDbf = false;
        for (const char* e : {".dbf", ".DBF"})
            hasDbf =
                hasDbf || std::filesystem::exists(std::filesystem::path(base).replace_extension(e));
        if (!hasDbf)
            throw InputError(
                "has no .dbf beside it, so its attributes are missing; copy the .dbf of the same "
                "name from the delivery into this folder",
                {path, {}, {}, {}});
    }
    if (ext == ".shp" || ext == ".dbf")
        options.SetNameValue("ENCODING", "");
    if (ext == ".csv") {
        options.SetNameValue("AUTODETECT_TYPE", "NO");
        options.SetNameValue("EMPTY_STRING_AS_NULL", "YES");
    }
    GdalMessageCollector messages;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, options.List(), nullptr));
    if (!ds) {
        std::string reason = messages.messages().empty() ? "no GDAL driver recognises it"
                                                         : messages.messages().back();
        if (ext == ".shp")
            reason += "; a shapefile needs its .shp, .shx and .dbf side by side";
        throw InputError("cannot be read (" + reason + ")", {path, {}, {}, {}});
    }
    if (ds->GetLayerCount() < 1)
        throw InputError("has no vector layer to import", {path, {}, {}, {}});
    return ds;
}

std::string sourceCrsText(const std::string& source, OGRLayer& layer) {
    const std::filesystem::path prj = std::filesystem::path(source).replace_extension(".prj");
    if (lowerExtension(source) == ".shp") {
        std::ifstream in(prj);
        if (!in)
            return {};
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        char* wkt = nullptr;
        srs->exportToWkt(&wkt);
        std::string out = wkt ? wkt : "";
        CPLFree(wkt);
        return out;
    }
    return {};
}

} // namespace geo
