// The GeoPackage store's RowWriter: a table without geometry created and filled with SQL on
// GDAL's own connection, inside the transaction GDAL began, so a million rows cost a share of
// a statement each instead of an OGRFeature each. Only the GeoPackage project store uses it
// (GeoPackage SQL stays behind geo/project_store.h). The table it makes is the one GDAL would
// make for the same fields: the same column declarations, its gpkg_contents and
// gpkg_ogr_contents rows, and GDAL's feature-count triggers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geo/early_writeback.h"
#include "geo/project_store.h"
#include "geo/row_batch.h"
#include "geo/row_writer.h"
#include "geo/sqlite_batch_table.h"

struct sqlite3;
struct sqlite3_stmt;

namespace geo {

class GeoPackageBulkWriter final : public RowWriter {
public:
    // Creates `table` (which must not exist) on `db`. Throws Error for no fields or a field
    // type other than string, integer, 64-bit integer or real, or when SQLite refuses.
    GeoPackageBulkWriter(sqlite3* db, std::string project, std::string table,
                         const std::vector<FieldSpec>& fields);
    ~GeoPackageBulkWriter() override;
    GeoPackageBulkWriter(const GeoPackageBulkWriter&) = delete;
    GeoPackageBulkWriter& operator=(const GeoPackageBulkWriter&) = delete;

    void setInteger(int column, std::int64_t value) override;
    void setReal(int column, double value) override;
    void setText(int column, std::string_view value) override;
    void addRow() override;
    void addRows(const RowBatch& rows) override;
    void finish() override;

private:
    void execute(const std::string& sql);
    // Writes every row of `rows` with one INSERT … SELECT from m_source.
    void insert(const RowBatch& rows);
    void release() noexcept;

    sqlite3* m_db;
    std::string m_project, m_table;
    std::unique_ptr<SqliteBatchTable> m_source; // the rows of the batch being inserted
    sqlite3_stmt* m_insert = nullptr;           // INSERT INTO table (…) SELECT … FROM m_source
    RowBatch m_pending;                         // rows given one by one, not yet inserted
    long long m_rows = 0;
    EarlyWriteback m_writeback{m_project}; // the file's pages start for the disk as rows go in
    std::size_t m_batches = 0;
};

} // namespace geo
