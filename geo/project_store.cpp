#include "geo/project_store.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <vector>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <sqlite3.h>

#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/geopackage_bulk_writer.h"
#include "geo/geopackage_rtree.h"
#include "geo/ogr_row_writer.h"
#include "geo/read_only_view.h"
#include "geo/sql_quoting.h"

namespace geo {
namespace {

constexpr const char* projectTable = "tianmu_project";
constexpr const char* importsTable = "tianmu_imports";
constexpr const char* issuesTable = "import_issues";
constexpr const char* auditTable = "audit_log";

FieldSpec field(const char* name, OGRFieldType type) {
    return {name, type};
}

class GeoPackageStore final : public ProjectStore {
public:
    explicit GeoPackageStore(const std::string& path)
        : m_path(path) {
        initialiseGdal();
        std::error_code ec;
        m_new = !std::filesystem::exists(path, ec);
        GdalMessageCollector messages;
        if (m_new) {
            m_writePath = path + ".partial";
            std::filesystem::remove(m_writePath, ec);
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            m_ds.reset(driver->Create(m_writePath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!m_ds)
                throw InputError("cannot create the project (" + lastMessage(messages) +
                                     "); check that the folder exists and is writable",
                                 {path, {}, {}, {}});
            createBookkeeping();
        } else {
            m_writePath = path;
            const char* drivers[] = {"GPKG", nullptr};
            m_ds.reset(GDALDataset::Open(path.c_str(),
                                         GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_UPDATE, drivers,
                                         nullptr, nullptr));
            if (!m_ds)
                throw InputError("is not a GeoPackage tianmu can open for writing (" +
                                     lastMessage(messages) +
                                     "); give a new file name to create a project",
                                 {path, {}, {}, {}});
            // Bookkeeping tables are added at the first write (begin()), so that merely
            // opening a GeoPackage, or failing before writing, never changes it.
        }
    }

    ~GeoPackageStore() override {
        m_ds.reset();
        if (m_new && !m_finished) {
            std::error_code ec;
            std::filesystem::remove(m_writePath,
                                    ec); // a new project that never finished leaves nothing
        }
    }

    const std::string& path() const noexcept override { return m_path; }

    int crsEpsg() const override { return std::atoi(property("crs_epsg").c_str()); }

    void setCrsEpsg(int epsg) override { setProperty("crs_epsg", std::to_string(epsg)); }

    bool hasLayer(const std::string& name) const override {
        return m_ds->GetLayerByName(name.c_str()) != nullptr;
    }

    bool hasRasterLayer(const std::string& name) const override {
        const std::string sql = "SELECT table_name FROM gpkg_contents WHERE data_type IN ('tiles', "
                                "'2d-gridded-coverage') AND table_name = '" +
                                name + "'";
        OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (!result)
            return false;
        const bool found = result->GetFeatureCount() > 0;
        m_ds->ReleaseResultSet(result);
        return found;
    }

    std::string property(const std::string& key) const override {
        OGRLayer* table = m_ds->GetLayerByName(projectTable);
        if (!table)
            return {};
        table->SetAttributeFilter(("key = '" + key + "'").c_str());
        table->ResetReading();
        OGRFeatureUniquePtr row(table->GetNextFeature());
        table->SetAttributeFilter(nullptr);
        return row ? row->GetFieldAsString("value") : "";
    }

    OGRLayer* layer(const std::string& name) override { return m_ds->GetLayerByName(name.c_str()); }

    GDALDatasetUniquePtr openReader() const override {
        const char* drivers[] = {"GPKG", nullptr};
        GdalMessageCollector quiet; // no reader is no failure: the caller reads on one connection
        return GDALDatasetUniquePtr(GDALDataset::Open(
            m_writePath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    }

    void begin() override {
        if (m_ds->StartTransaction(FALSE) != OGRERR_NONE)
            throw Error("cannot start a transaction on the project", {m_path, {}, {}, {}});
        ensureBookkeeping();
    }
    void commit() override {
        // GDAL defers some work on the layers it made (their row-count triggers and counts,
        // spatial indexes, its placeholder table) to when the dataset is flushed or closed, each
        // statement then a transaction of its own with its own syncs: done here, it is part of
        // this one.
        {
            const GdalMessageCollector messages; // GDAL's reason goes into the error, not stderr
            CPLErrorReset();
            m_ds->FlushCache();
            if (CPLGetLastErrorType() == CE_Failure) // nothing committed: the caller rolls back
                throw Error("cannot write the project (" + std::string(CPLGetLastErrorMsg()) + ")",
                            {m_path, {}, {}, {}});
        }
        if (m_ds->CommitTransaction() != OGRERR_NONE)
            throw Error("cannot commit the import to the project (" +
                            std::string(CPLGetLastErrorMsg()) + ")",
                        {m_path, {}, {}, {}});
        m_layersCreated = false;
        if (m_tablesBehindGdal) {
            m_tablesBehindGdal = false;
            reopen(m_writePath); // GDAL lists the layers it made itself: show it the new ones
        }
    }
    void rollback() override {
        // Layers GDAL made in the transaction outlive it as objects; closing them, GDAL tries
        // to restore their row-count triggers on tables that are gone and says so on stderr.
        // The project itself is as it was: keep that noise from the user.
        const GdalMessageCollector quiet;
        m_ds->RollbackTransaction();
        if (m_tablesBehindGdal || m_layersCreated) {
            m_tablesBehindGdal = m_layersCreated = false;
            try {
                reopen(m_writePath); // tables GDAL dropped in the transaction are back
            } catch (const std::exception&) {
                // rollback() runs in destructors: the project is intact, only this handle is
                // lost, and the next call on it reports that
            }
        }
    }

    std::unique_ptr<RowWriter> replaceTable(const std::string& name,
                                            const std::vector<FieldSpec>& fields) override {
        auto* db = static_cast<sqlite3*>(m_ds->GetInternalHandle("SQLITE_HANDLE"));
        if (!db)
            return ProjectStore::replaceTable(name, fields);
        dropLayer(name);
        m_tablesBehindGdal = true;
        return std::make_unique<GeoPackageBulkWriter>(db, m_path, name, fields);
    }

    OGRLayer& recreateLayer(const std::string& name, OGRwkbGeometryType type, int epsg,
                            const std::vector<FieldSpec>& fields) override {
        return createLayer(name, type, epsg, fields, true);
    }

    OGRLayer& recreateLayerForBulkLoad(const std::string& name, OGRwkbGeometryType type, int epsg,
                                       const std::vector<FieldSpec>& fields) override {
        return createLayer(name, type, epsg, fields, false);
    }

    void indexLayer(const std::string& name, std::vector<IndexedBox> boxes) override {
        OGRLayer* layer = m_ds->GetLayerByName(name.c_str());
        void* sqlite = m_ds->GetInternalHandle("SQLITE_HANDLE");
        if (!layer || !sqlite)
            throw Error("cannot index layer " + name, {m_path, name, {}, {}});
        layer->SyncToDisk(); // GDAL creates the table itself only when it is first needed
        const char* fid = layer->GetFIDColumn();
        buildGeoPackageRtree(sqlite, name, layer->GetGeometryColumn(), fid && *fid ? fid : "fid",
                             std::move(boxes));
    }

    long long recordImport(const ImportRecord& r) override {
        ensureBookkeeping();
        OGRLayer* table = m_ds->GetLayerByName(importsTable);
        OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
        row->SetField("layer", r.layer.c_str());
        row->SetField("source", r.source.c_str());
        row->SetField("encoding", r.encoding.c_str());
        row->SetField("encoding_reason", r.encodingReason.c_str());
        row->SetField("crs", r.crs.c_str());
        row->SetField("crs_reason", r.crsReason.c_str());
        row->SetField("profile", r.profile.c_str());
        row->SetField("features_read", static_cast<GIntBig>(r.read));
        row->SetField("imported", static_cast<GIntBig>(r.imported));
        row->SetField("repaired", static_cast<GIntBig>(r.repaired));
        row->SetField("rejected", static_cast<GIntBig>(r.rejected));
        row->SetField("flagged", static_cast<GIntBig>(r.flagged));
        row->SetField("started", r.started.c_str());
        row->SetField("finished", r.finished.c_str());
        if (table->CreateFeature(row.get()) != OGRERR_NONE)
            throw Error("cannot record the import", {m_path, importsTable, {}, {}});
        return row->GetFID();
    }

    void recordIssues(long long importId, const std::vector<ImportIssue>& issues) override {
        ensureBookkeeping();
        OGRLayer* table = m_ds->GetLayerByName(issuesTable);
        for (const ImportIssue& issue : issues) {
            OGRFeatureUniquePtr row(OGRFeature::CreateFeature(table->GetLayerDefn()));
            row->SetField("import_id", static_cast<GIntBig>(importId));
            row->SetField("layer", issue.layer.c_str());
            row->SetField("source_record", static_cast<GIntBig>(issue.sourceRecord));
            row->SetField("source_id", issue.sourceId.c_str());
            row->SetField("kind", issue.kind.c_str());
            row->SetField("detail", issue.detail.c_str());
            row->SetField("action", issue.action.c_str());
            if (issue.original)
                row->SetGeometry(issue.original.get());
            if (table->CreateFeature(row.get()) != OGRERR_NONE)
                throw Error("cannot record an import issue", {m_path, issuesTable, {}, {}});
        }
    }

    void replaceRaster(const std::string& name, GDALDataset& source,
                       const ImportRecord& record) override {
        // Raster tiles are written by GDAL on its own connection, outside any transaction we
        // hold, so the raster goes into a copy of the project that replaces it when complete.
        const std::string work = m_path + ".raster-partial";
        std::error_code ec;
        std::filesystem::remove(work, ec);
        m_ds.reset();
        std::filesystem::copy_file(m_writePath, work, ec);
        if (ec)
            throw Error("cannot copy the project to add a raster: " + ec.message(),
                        {m_path, name, {}, {}});
        auto discard = [&] {
            std::filesystem::remove(work, ec);
            reopen(m_writePath);
        };
        try {
            reopen(work);
            dropRasterTable(name);
            m_ds.reset();
            CPLStringList options;
            options.SetNameValue("APPEND_SUBDATASET", "YES");
            options.SetNameValue("RASTER_TABLE", name.c_str());
            options.SetNameValue("TILE_FORMAT", "TIFF"); // keeps Float32 elevations exact
            GdalMessageCollector messages;
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            GDALDatasetUniquePtr copy(
                driver->CreateCopy(work.c_str(), &source, FALSE, options.List(), nullptr, nullptr));
            if (!copy)
                throw InputError("the raster could not be written (" + lastMessage(messages) + ")",
                                 {m_path, name, {}, {}});
            // Halved levels down to about 256 pixels, so a zoomed-out map (the relief layer)
            // reads a small level instead of every tile; analysis reads the full resolution.
            std::vector<int> levels;
            for (int f = 2; std::max(copy->GetRasterXSize(), copy->GetRasterYSize()) / f >= 256;
                 f *= 2)
                levels.push_back(f);
            if (!levels.empty() &&
                copy->BuildOverviews("AVERAGE", static_cast<int>(levels.size()), levels.data(), 0,
                                     nullptr, nullptr, nullptr, nullptr) != CE_None)
                throw InputError("the raster's overviews could not be written (" +
                                     lastMessage(messages) + ")",
                                 {m_path, name, {}, {}});
            copy.reset();
            reopen(work);
            recordImport(record);
            m_ds.reset();
        } catch (...) {
            discard();
            throw;
        }
        std::filesystem::rename(work, m_writePath, ec);
        if (ec) {
            discard();
            throw Error("cannot move the project with its new raster into place: " + ec.message(),
                        {m_path, name, {}, {}});
        }
        reopen(m_writePath);
    }

    void finish() override {
        if (!m_new || m_finished)
            return;
        m_ds.reset(); // close before the rename
        std::error_code ec;
        std::filesystem::rename(m_writePath, m_path, ec);
        if (ec)
            throw Error("cannot move the new project into place: " + ec.message(),
                        {m_path, {}, {}, {}});
        m_finished = true;
        const char* drivers[] = {"GPKG", nullptr};
        m_ds.reset(GDALDataset::Open(m_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers,
                                     nullptr, nullptr));
    }

    void replaceView(const std::string& name, const std::string& select,
                     const std::string& description, const std::string& readOnlyMessage) override {
        const std::string failure = "cannot write the view " + name;
        // Only `name` itself goes, not as dropTables would with the views that read it: those
        // (parcel_zones reads parcel_classes) read the new view by its name, and keep the
        // QGIS styles stored for them.
        if (isView(name)) {
            execute("DROP VIEW " + sqlIdentifier(name), failure, name);
            execute("DELETE FROM gpkg_contents WHERE table_name = " + sqlText(name), failure, name);
        } else if (hasLayer(name)) { // the table an older tianmu wrote there
            m_layersCreated = true;  // a rollback brings the table back: see rollback()
            dropLayer(name);
        }
        execute("CREATE VIEW " + sqlIdentifier(name) + " AS " + select, failure, name);
        for (const std::string& trigger : readOnlyViewTriggers(name, readOnlyMessage))
            execute(trigger, failure, name);
        execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                "last_change) VALUES (" +
                    sqlText(name) + ", 'attributes', " + sqlText(name) + ", " +
                    sqlText(description) + ", strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                failure, name);
        m_tablesBehindGdal = true; // GDAL lists the view once the project is reopened: commit()
    }

    void dropTables(const std::vector<std::string>& names) override {
        // Runs one statement of the removal; a failure stops it (the caller rolls back).
        auto run = [&](const std::string& sql, const std::string& what) {
            execute(sql, "cannot remove " + what, what);
        };
        const bool styles = hasLayer("layer_styles");
        // The views first: SQLite keeps a view whose table is gone, and QGIS would then find a
        // layer that cannot be read. A name given may itself be a view.
        std::vector<std::string> views;
        if (OGRLayer* all = m_ds->ExecuteSQL(
                "SELECT name, sql FROM sqlite_master WHERE type = 'view'", nullptr, nullptr)) {
            for (const auto& row : *all) {
                const std::string view = row->GetFieldAsString(0);
                if (readsAny(row->GetFieldAsString(1), names) ||
                    std::find(names.begin(), names.end(), view) != names.end())
                    views.push_back(view);
            }
            m_ds->ReleaseResultSet(all);
        }
        for (const std::string& view : views) {
            run("DROP VIEW IF EXISTS " + sqlIdentifier(view), view);
            run("DELETE FROM gpkg_geometry_columns WHERE table_name = " + sqlText(view), view);
            run("DELETE FROM gpkg_contents WHERE table_name = " + sqlText(view), view);
            if (styles)
                run("DELETE FROM layer_styles WHERE f_table_name = " + sqlText(view), view);
            m_tablesBehindGdal = true; // GDAL still lists the view: see commit()
        }
        for (const std::string& name : names)
            if (std::find(views.begin(), views.end(), name) == views.end() && hasLayer(name)) {
                if (styles) // a style saved for the table itself (QGIS can store one)
                    run("DELETE FROM layer_styles WHERE f_table_name = " + sqlText(name), name);
                m_layersCreated = true; // a rollback brings the table back: see rollback()
                dropLayer(name);
            }
    }

private:
    // Runs one SQL statement inside the caller's transaction; a failure throws `failure`, with
    // GDAL's reason, naming `layer`.
    void execute(const std::string& sql, const std::string& failure, const std::string& layer) {
        const GdalMessageCollector messages;
        CPLErrorReset();
        m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (CPLGetLastErrorType() == CE_Failure)
            throw Error(failure + " (" + lastMessage(messages) + ")", {m_path, layer, {}, {}});
    }

    bool isView(const std::string& name) const {
        const std::string sql =
            "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = " + sqlText(name);
        OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (!result)
            return false;
        const bool found = OGRFeatureUniquePtr(result->GetNextFeature()) != nullptr;
        m_ds->ReleaseResultSet(result);
        return found;
    }

    // Whether a view's SQL names one of `tables` as a whole identifier.
    static bool readsAny(const std::string& sql, const std::vector<std::string>& tables) {
        auto lower = [](std::string s) {
            for (char& c : s)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return s;
        };
        const std::string text = lower(sql);
        auto identifierChar = [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        };
        for (const std::string& table : tables) {
            const std::string name = lower(table);
            for (std::size_t at = text.find(name); at != std::string::npos;
                 at = text.find(name, at + 1)) {
                const std::size_t end = at + name.size();
                if ((at == 0 || !identifierChar(text[at - 1])) &&
                    (end == text.size() || !identifierChar(text[end])))
                    return true;
            }
        }
        return false;
    }

    void dropLayer(const std::string& name) {
        for (int i = 0; i < m_ds->GetLayerCount(); ++i)
            if (name == m_ds->GetLayer(i)->GetName()) {
                if (m_ds->DeleteLayer(i) != OGRERR_NONE)
                    throw Error("cannot replace layer " + name, {m_path, name, {}, {}});
                break;
            }
    }

    OGRLayer& createLayer(const std::string& name, OGRwkbGeometryType type, int epsg,
                          const std::vector<FieldSpec>& fields, bool spatialIndex) {
        m_layersCreated = true; // a rollback reopens the project: see rollback()
        dropLayer(name);
        OGRSpatialReference crs;
        OGRSpatialReference* crsPtr = nullptr;
        if (type != wkbNone && epsg > 0) {
            crs.importFromEPSG(epsg);
            crs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            crsPtr = &crs;
        }
        CPLStringList options;
        options.SetNameValue("FID", "fid");
        if (type != wkbNone)
            options.SetNameValue("SPATIAL_INDEX", spatialIndex ? "YES" : "NO");
        OGRLayer* created = m_ds->CreateLayer(name.c_str(), crsPtr, type, options.List());
        if (!created)
            throw Error("cannot create layer " + name + " (" + CPLGetLastErrorMsg() + ")",
                        {m_path, name, {}, {}});
        for (const FieldSpec& f : fields) {
            OGRFieldDefn defn(f.name.c_str(), f.type);
            if (created->CreateField(&defn) != OGRERR_NONE)
                throw Error("cannot create field " + f.name, {m_path, name, {}, {}});
        }
        return *created;
    }

    void reopen(const std::string& file) {
        const char* drivers[] = {"GPKG", nullptr};
        m_ds.reset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_UPDATE,
                                     drivers, nullptr, nullptr));
        if (!m_ds)
            throw Error("cannot reopen the project", {m_path, {}, {}, {}});
    }

    // GeoPackage bookkeeping of a tiled raster table; GDAL has no call to delete one.
    void dropRasterTable(const std::string& name) {
        const std::string quoted = "'" + name + "'";
        for (const std::string& sql :
             {"DELETE FROM gpkg_2d_gridded_tile_ancillary WHERE tpudt_name = " + quoted,
              "DELETE FROM gpkg_2d_gridded_coverage_ancillary WHERE tile_matrix_set_name = " +
                  quoted,
              "DELETE FROM gpkg_tile_matrix WHERE table_name = " + quoted,
              "DELETE FROM gpkg_tile_matrix_set WHERE table_name = " + quoted,
              "DELETE FROM gpkg_extensions WHERE table_name = " + quoted,
              "DELETE FROM gpkg_contents WHERE table_name = " + quoted,
              "DROP TABLE IF EXISTS \"" + name + "\""}) {
            GdalMessageCollector
                quiet; // the ancillary tables exist only once a coverage was written
            m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        }
    }

    static std::string lastMessage(const GdalMessageCollector& messages) {
        return messages.messages().empty() ? std::string("no detail from GDAL")
                                           : messages.messages().back();
    }

    void setProperty(const std::string& key, const std::string& value) override {
        ensureBookkeeping();
        OGRLayer* table = m_ds->GetLayerByName(projectTable);
        table->SetAttributeFilter(("key = '" + key + "'").c_str());
        table->ResetReading();
        OGRFeatureUniquePtr row(table->GetNextFeature());
        table->SetAttributeFilter(nullptr);
        if (!row) {
            row.reset(OGRFeature::CreateFeature(table->GetLayerDefn()));
            row->SetField("key", key.c_str());
            row->SetField("value", value.c_str());
            if (table->CreateFeature(row.get()) != OGRERR_NONE)
                throw Error("cannot write project property " + key, {m_path, projectTable, {}, {}});
        } else {
            row->SetField("value", value.c_str());
            if (table->SetFeature(row.get()) != OGRERR_NONE)
                throw Error("cannot write project property " + key, {m_path, projectTable, {}, {}});
        }
    }

    void ensureBookkeeping() {
        if (!m_ds->GetLayerByName(projectTable) || !m_ds->GetLayerByName(auditTable))
            createBookkeeping();
    }

    void createBookkeeping() {
        auto table = [&](const char* name, OGRwkbGeometryType type, std::vector<FieldSpec> fields) {
            if (!m_ds->GetLayerByName(name))
                recreateLayer(name, type, 0, fields);
        };
        table(projectTable, wkbNone, {field("key", OFTString), field("value", OFTString)});
        table(importsTable, wkbNone,
              {field("layer", OFTString), field("source", OFTString), field("encoding", OFTString),
               field("encoding_reason", OFTString), field("crs", OFTString),
               field("crs_reason", OFTString), field("profile", OFTString),
               field("features_read", OFTInteger64), field("imported", OFTInteger64),
               field("repaired", OFTInteger64), field("rejected", OFTInteger64),
               field("flagged", OFTInteger64), field("started", OFTString),
               field("finished", OFTString)});
        table(issuesTable, wkbUnknown,
              {field("import_id", OFTInteger64), field("layer", OFTString),
               field("source_record", OFTInteger64), field("source_id", OFTString),
               field("kind", OFTString), field("detail", OFTString), field("action", OFTString)});
        table(auditTable, wkbNone,
              {field("time", OFTString), field("user", OFTString), field("layer", OFTString),
               field("feature_id", OFTString), field("field", OFTString),
               field("old_value", OFTString), field("new_value", OFTString),
               field("action", OFTString)});
        setProperty("schema_version", "1");
    }

    std::string m_path;
    std::string m_writePath;
    bool m_new = false;
    bool m_finished = false;
    // Tables were written on GDAL's connection without GDAL (replaceTable): its list of layers
    // is out of date once the transaction ends.
    bool m_tablesBehindGdal = false;
    bool m_layersCreated = false; // by GDAL, since the last commit
    GDALDatasetUniquePtr m_ds;
};

} // namespace

std::unique_ptr<RowWriter> ProjectStore::replaceTable(const std::string& name,
                                                      const std::vector<FieldSpec>& fields) {
    const auto keyed =
        std::find_if(fields.begin(), fields.end(), [](const FieldSpec& f) { return f.rowFid; });
    return std::make_unique<OgrRowWriter>(
        recreateLayer(name, wkbNone, 0, fields), path(),
        keyed == fields.end() ? -1 : static_cast<int>(keyed - fields.begin()));
}

std::string utcTimestamp() {
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

OGRSpatialReference spatialReferenceOf(int epsg) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::unique_ptr<ProjectStore> openGeoPackageProject(const std::string& path) {
    return std::make_unique<GeoPackageStore>(path);
}

} // namespace geo
