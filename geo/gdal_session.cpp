#include "geo/gdal_session.h"

#include <mutex>

#include <cpl_error.h>
#include <cpl_vsi.h>

#include "geo/error.h"
#include "geo/sqlite_write_combining.h"

namespace geo {

void initialiseGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // SQLite's own durability (synchronous FULL, GDAL's default) is kept: projects live on
        // township office PCs where the power goes, and with syncs off a cut just after a save
        // can corrupt the whole file, not only lose the save. At 1M parcels the sync of the
        // results table runs beside classify's last work (EarlyWriteback::settleInBackground),
        // so the commit's own syncs take milliseconds.
        //
        // Before any GeoPackage is opened: their page writes are then gathered (see there).
        installSqliteWriteCombining();
        GDALAllRegister();
    });
}

GDALDatasetUniquePtr openVector(const std::string& path) {
    initialiseGdal();
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0)
        throw InputError("file not found; check the path", {path, {}, {}, {}});
    GdalMessageCollector quiet;
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        std::string reason =
            quiet.messages().empty() ? "no GDAL driver recognises it" : quiet.messages().back();
        throw InputError("cannot open as a vector dataset (" + reason +
                             "); check that the file is complete and of a supported format",
                         {path, {}, {}, {}});
    }
    return dataset;
}

GdalMessageCollector::GdalMessageCollector() {
    CPLPushErrorHandlerEx(&handler, this);
}

GdalMessageCollector::~GdalMessageCollector() {
    CPLPopErrorHandler();
}

void CPL_STDCALL GdalMessageCollector::handler(CPLErr level, CPLErrorNum /*number*/,
                                               const char* message) {
    auto* self = static_cast<GdalMessageCollector*>(CPLGetErrorHandlerUserData());
    if (self && level >= CE_Warning)
        self->m_messages.emplace_back(message ? message : "");
}

} // namespace geo
