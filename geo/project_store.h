// The project behind one small interface: canonical layers, import records, import issues
// and the audit log. The GeoPackage store is the embedded default; a PostGIS store (GDAL's
// PostgreSQL driver) can implement the same interface, so nothing outside the store may use
// GeoPackage-only SQL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/extent.h"
#include "geo/row_writer.h"

namespace geo {

// A column of a layer to create.
struct FieldSpec {
    std::string name;
    OGRFieldType type = OFTString;
    // replaceTable: an attribute index on the column, named <table>_<name>_idx, kept as the
    // rows go in (cheaper than building it afterwards when the rows come in its order). The
    // GeoPackage store builds it; the OGR-feature default of replaceTable does not.
    bool indexed = false;
    // replaceTable: the column's value is also the row's FID (the table's primary key), so a
    // row is found by it without an index. The values must be unique; rows written in their
    // ascending order are appended, the cheapest way into SQLite's table.
    bool rowFid = false;
};

// A feature's fid and bounding box, for building a spatial index in one go.
struct IndexedBox {
    std::int64_t fid = 0;
    Extent box;
};

// One row of `tianmu_imports`: what was imported, how it was decided, and what happened.
struct ImportRecord {
    std::string layer, source, encoding, encodingReason, crs, crsReason, profile;
    long long read = 0, imported = 0, repaired = 0, rejected = 0, flagged = 0;
    std::string started, finished; // ISO 8601 UTC
};

// One row of `import_issues`: a feature that was repaired, rejected or flagged.
struct ImportIssue {
    std::string layer;
    long long sourceRecord = -1; // 0-based record (feature or ledger row) in the source
    std::string sourceId;        // its id (BSM, contract code, …) when it has one
    std::string kind;            // empty_geometry, invalid_geometry, duplicate, sliver, …
    std::string detail;          // the reason, e.g. GEOS's message
    std::string action;          // repaired, rejected, flagged
    std::unique_ptr<OGRGeometry> original; // the geometry as read, when there was one
};

class ProjectStore {
public:
    virtual ~ProjectStore() = default;

    virtual const std::string& path() const noexcept = 0;
    // EPSG code of the project CRS; 0 until the first spatial layer is imported.
    virtual int crsEpsg() const = 0;
    virtual void setCrsEpsg(int epsg) = 0;
    virtual bool hasLayer(const std::string& name) const = 0;
    virtual bool hasRasterLayer(const std::string& name) const = 0;
    // A project property (key/value), e.g. which rule set classified it.
    virtual void setProperty(const std::string& key, const std::string& value) = 0;
    virtual std::string property(const std::string& key) const = 0;
    // Read access to a layer (nullptr when absent).
    virtual OGRLayer* layer(const std::string& name) = 0;
    // A second, read-only connection to the committed project, for reading on another thread
    // (GDAL handles are not shared between threads); nullptr when the store cannot give one.
    virtual GDALDatasetUniquePtr openReader() const { return nullptr; }

    // Everything between begin() and commit() is one transaction; rollback() undoes it.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    // Drops `name` if present and creates it empty with this schema (spatial index included).
    virtual OGRLayer& recreateLayer(const std::string& name, OGRwkbGeometryType type, int epsg,
                                    const std::vector<FieldSpec>& fields) = 0;
    // The same for a layer about to receive many rows at once: it is created without its
    // spatial index, which indexLayer() then builds in one go from every feature's box (far
    // faster than an index that grows row by row). Call indexLayer() before commit().
    virtual OGRLayer& recreateLayerForBulkLoad(const std::string& name, OGRwkbGeometryType type,
                                               int epsg, const std::vector<FieldSpec>& fields) = 0;
    virtual void indexLayer(const std::string& name, std::vector<IndexedBox> boxes) = 0;
    // Drops `name` if present, creates it as a table without geometry with these fields, and
    // returns the writer of its rows: for result tables of a million rows. Call it between
    // begin() and commit(). After that commit, layer() pointers taken before are invalid (a
    // store may reopen the project to see the table). This default writes OGR features
    // through recreateLayer(); a store may write faster.
    virtual std::unique_ptr<RowWriter> replaceTable(const std::string& name,
                                                    const std::vector<FieldSpec>& fields);
    // Drops the table or view `name` if present and makes it a view without geometry that
    // reads `select` (an SQL SELECT over the project's tables, which must list `fid` first),
    // registered as a layer so that GDAL and QGIS list it. Call it between begin() and
    // commit(); the layer is readable through layer() after that commit. Edits through the
    // view (e.g. in QGIS) fail with `readOnlyMessage`, which should say where they belong
    // (geo/read_only_view.h).
    virtual void replaceView(const std::string& name, const std::string& select,
                             const std::string& description,
                             const std::string& readOnlyMessage) = 0;
    // Drops these tables (or views) where present, with every view that reads one of them and the
    // styles stored for those views (layer_styles), inside the caller's transaction: results
    // that no longer describe the project's layers go, and nothing is left that reads them.
    virtual void dropTables(const std::vector<std::string>& names) = 0;
    // Returns the id of the new import record.
    virtual long long recordImport(const ImportRecord& record) = 0;
    virtual void recordIssues(long long importId, const std::vector<ImportIssue>& issues) = 0;

    // Stores `source` as the raster layer `name`, replacing one of that name, and records
    // the import. Runs outside begin()/commit(): the store makes it atomic itself (the
    // project is only changed when the whole raster is written).
    virtual void replaceRaster(const std::string& name, GDALDataset& source,
                               const ImportRecord& record) = 0;

    // Makes a new project durable (for a new GeoPackage: renames the partial file into
    // place). Call after commit(); without it a new project leaves no file behind.
    virtual void finish() = 0;
};

// begin() on construction; rollback() on destruction unless commit() was called, so any
// early exit (an exception, a refused import) leaves the project as it was.
class Transaction {
public:
    explicit Transaction(ProjectStore& store)
        : m_store(store) {
        m_store.begin();
    }
    ~Transaction() {
        if (!m_committed)
            m_store.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() {
        m_store.commit();
        m_committed = true;
    }

private:
    ProjectStore& m_store;
    bool m_committed = false;
};

// The time now as ISO 8601 UTC (e.g. 2026-11-29T15:02:31Z), for import records.
std::string utcTimestamp();

// A spatial reference for an EPSG code, in traditional GIS axis order (x = easting/longitude).
OGRSpatialReference spatialReferenceOf(int epsg);

// Opens the GeoPackage at `path`, or prepares a new one when it does not exist (written to a
// partial file until finish()). Throws InputError when the file exists but is not a
// GeoPackage tianmu can open.
std::unique_ptr<ProjectStore> openGeoPackageProject(const std::string& path);

} // namespace geo
