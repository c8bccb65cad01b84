#include "app/gui/attribute_table_model.h"

#include <algorithm>
#include <stdexcept>

#include <QFont>
#include <QMetaObject>

#include <ogrsf_frmts.h>

#include "geo/gdal_session.h"

namespace app {
namespace {

constexpr const char* parcelsLayer = "parcels";
constexpr const char* classesLayer = "parcel_classes";
// The classification columns shown after the parcel's own fields.
const char* const classColumns[] = {"ZONE_NAME",   "VILLAGE_NAME", "IDLE",
                                    "TRANSFERRED", "LZFS",         "LZHTBM"};

GDALDatasetUniquePtr openReadOnly(const QString& path) {
    geo::initialiseGdal();
    const char* drivers[] = {"GPKG", nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
}

QString quotedName(const QString& name) {
    return "\"" + QString(name).replace("\"", "\"\"") + "\"";
}

QVariant valueOf(const OGRFeature& f, int i) {
    if (!f.IsFieldSetAndNotNull(i))
        return {};
    switch (f.GetFieldDefnRef(i)->GetType()) {
    case OFTInteger:
    case OFTInteger64:
        return QVariant::fromValue<qlonglong>(f.GetFieldAsInteger64(i));
    case OFTReal:
        return f.GetFieldAsDouble(i);
    default:
        return QString::fromUtf8(f.GetFieldAsString(i));
    }
}

// Runs `sql` and returns its first column as integers; a message in `error` on failure.
std::vector<qint64> firstColumn(GDALDataset& ds, const std::string& sql, QString& error) {
    std::vector<qint64> out;
    geo::GdalMessageCollector messages;
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) {
        error = QString::fromUtf8(messages.messages().empty() ? "the query failed"
                                                              : messages.messages().back().c_str());
        return out;
    }
    for (auto&& row : *result)
        out.push_back(row->GetFieldAsInteger64(0));
    ds.ReleaseResultSet(result);
    return out;
}

} // namespace

AttributeTableModel::AttributeTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

AttributeTableModel::~AttributeTableModel() {
    joinWorkers();
}

void AttributeTableModel::joinWorkers() {
    for (auto& [generation, thread] : m_workers)
        if (thread.joinable())
            thread.join();
    m_workers.clear();
}

bool AttributeTableModel::setProject(const QString& path) {
    GDALDatasetUniquePtr ds = openReadOnly(path);
    OGRLayer* parcels = ds ? ds->GetLayerByName(parcelsLayer) : nullptr;
    if (!parcels) {
        m_error = ds ? tr("%1 has no parcels layer; import parcels first.").arg(path)
                     : tr("%1 cannot be opened as a GeoPackage project.").arg(path);
        return false;
    }
    beginResetModel();
    ++m_generation; // results of a previous project's worker are dropped
    m_path = path;
    m_error.clear();
    m_fidColumn = QString::fromUtf8(parcels->GetFIDColumn());
    if (m_fidColumn.isEmpty())
        m_fidColumn = "fid";
    m_columns.clear();
    OGRFeatureDefn* defn = parcels->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const OGRFieldDefn* f = defn->GetFieldDefn(i);
        m_columns.push_back(
            {false, QString::fromUtf8(f->GetNameRef()), f->GetType() == OFTReal, false});
    }
    OGRLayer* classes = ds->GetLayerByName(classesLayer);
    m_hasClasses = classes != nullptr;
    if (classes)
        for (const char* name : classColumns) {
            const int i = classes->GetLayerDefn()->GetFieldIndex(name);
            if (i < 0)
                continue;
            const QString n = QString::fromUtf8(name);
            m_columns.push_back({true, n,
                                 classes->GetLayerDefn()->GetFieldDefn(i)->GetType() == OFTReal,
                                 n == "IDLE" || n == "TRANSFERRED"});
        }
    // The count comes from the GeoPackage's feature count and MIN/MAX of the FID from the
    // primary key: nothing here reads the rows, so a million parcels open at once.
    const qint64 count = parcels->GetFeatureCount(FALSE) >= 0 ? parcels->GetFeatureCount(FALSE)
                                                              : parcels->GetFeatureCount(TRUE);
    QString error;
    const std::vector<qint64> first = firstColumn(
        *ds, "SELECT MIN(" + quotedName(m_fidColumn).toStdString() + ") FROM " + parcelsLayer,
        error);
    const std::vector<qint64> last = firstColumn(
        *ds, "SELECT MAX(" + quotedName(m_fidColumn).toStdString() + ") FROM " + parcelsLayer,
        error);
    m_ds = std::move(ds);
    m_firstFid = first.empty() ? 1 : first.front();
    m_dense = count == 0 || (!last.empty() && last.front() - m_firstFid + 1 == count);
    m_rows = m_dense ? static_cast<int>(count) : 0;
    m_order.reset();
    m_rowOfFid.clear();
    m_aligned = -1;
    m_alignedVerified = false;
    m_classFid.clear();
    m_sortColumn = -1;
    m_filter = {};
    m_idleColumn = columnOfField("IDLE");
    clearCache();
    endResetModel();
    if (!m_dense)
        startOrder(); // FIDs with gaps: their list is read on the worker
    return true;
}

void AttributeTableModel::setAliases(const geo::FieldAliases& aliases, const QString& language) {
    m_aliases = aliases;
    m_language = language;
    if (!m_columns.empty())
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void AttributeTableModel::sort(int column, Qt::SortOrder order) {
    if (!m_ds || column >= columnCount())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    startOrder();
}

void AttributeTableModel::setFilter(const geo::ParcelFilter& filter) {
    if (!m_ds)
        return;
    m_filter = filter;
    startOrder();
}

void AttributeTableModel::reload() {
    if (!m_path.isEmpty() && m_ds) {
        const int column = m_sortColumn;
        const Qt::SortOrder order = m_sortOrder;
        const geo::ParcelFilter filter = m_filter;
        setProject(m_path);
        m_sortColumn = column;
        m_sortOrder = order;
        m_filter = filter;
        if (column >= 0 || !filter.isEmpty())
            startOrder();
    }
}

// The order query. Joining parcel_classes costs a lookup per parcel: by the class table's
// primary key when its rows are aligned with the parcels (checked once, on the worker),
// otherwise by PARCEL_FID, for which SQLite builds a temporary index. Sorting is SQLite's
// external sort of every parcel, on the worker. Measured on 1,012,286 parcels (warm cache,
// shared 2-core machine): 2.4 s by TBMJ (reads the parcels table, geometry pages included),
// 1.3 s by ZONE_NAME (the small classification table), 0.3 s for "idle only"; the order
// list costs 8 bytes per row.
void AttributeTableModel::startOrder() {
    const unsigned generation = ++m_generation;
    const std::string path = m_path.toStdString();
    const std::string fid = quotedName(m_fidColumn).toStdString();
    const bool filtered = !m_filter.isEmpty();
    const bool sorted = m_sortColumn >= 0;
    const Column sortBy = sorted ? m_columns[static_cast<std::size_t>(m_sortColumn)] : Column{};
    const std::string direction = m_sortOrder == Qt::AscendingOrder ? " ASC" : " DESC";
    const std::string condition = m_filter.sqlCondition("c");
    const int knownAligned = m_alignedVerified ? m_aligned : -1;
    const bool hasClasses = m_hasClasses;
    m_busy = true;
    m_workers.emplace_back(generation, [this, generation, path, fid, filtered, sorted, sortBy,
                                        direction, condition, knownAligned, hasClasses] {
        OrderResult result;
        try {
            GDALDatasetUniquePtr ds = openReadOnly(QString::fromStdString(path));
            if (!ds)
                throw std::runtime_error("the project can no longer be opened");
            bool aligned = knownAligned == 1;
            if (hasClasses && knownAligned < 0) {
                QString error;
                const auto misaligned = firstColumn(
                    *ds, "SELECT COUNT(*) FROM parcel_classes WHERE fid <> PARCEL_FID", error);
                aligned = !misaligned.empty() && misaligned.front() == 0;
            }
            result.classesAligned = aligned;
            const std::string sortExpression =
                sorted ? std::string(sortBy.fromClasses ? "c." : "p.") +
                             quotedName(sortBy.name).toStdString() + direction + ", "
                       : std::string();
            std::string sql;
            if (filtered && (!sorted || sortBy.fromClasses)) {
                // Every filter is on the classification: the parcels table is not read.
                sql = "SELECT c.PARCEL_FID + 0 AS k FROM parcel_classes c WHERE " + condition +
                      " ORDER BY " + sortExpression + "c.PARCEL_FID";
            } else {
                const bool join = filtered || (sorted && sortBy.fromClasses);
                sql = "SELECT p." + fid + " + 0 AS k FROM parcels p";
                if (join)
                    sql += std::string(filtered ? " JOIN" : " LEFT JOIN") +
                           " parcel_classes c ON c." + (aligned ? "fid" : "PARCEL_FID") + " = p." +
                           fid;
                if (filtered)
                    sql += " WHERE " + condition;
                sql += " ORDER BY " + sortExpression + "p." + fid;
            }
            QString error;
            result.fids = firstColumn(*ds, sql, error);
            result.error = error;
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        } catch (...) {
            result.error = "unknown failure";
        }
        // Nothing crosses the thread boundary but this value, delivered on the GUI thread.
        QMetaObject::invokeMethod(
            this, [this, generation, result] { applyOrder(generation, result); },
            Qt::QueuedConnection);
    });
}

void AttributeTableModel::applyOrder(unsigned generation, const OrderResult& result) {
    // The worker posted this as its last act: joining it waits for its exit only.
    for (auto it = m_workers.begin(); it != m_workers.end(); ++it)
        if (it->first == generation) {
            it->second.join();
            m_workers.erase(it);
            break;
        }
    if (generation != m_generation)
        return; // a newer sort or filter was asked for
    m_busy = false;
    if (!result.error.isEmpty()) {
        emit failed(tr("Sorting or filtering the parcels failed: %1").arg(result.error));
        return;
    }
    beginResetModel();
    if (m_hasClasses) {
        m_aligned = result.classesAligned ? 1 : 0;
        m_alignedVerified = true;
    }
    m_order = std::make_shared<const std::vector<qint64>>(result.fids);
    m_dense = false;
    m_rows = static_cast<int>(result.fids.size());
    m_rowOfFid.clear();
    clearCache();
    endResetModel();
    emit orderReady();
}

void AttributeTableModel::setPendingIdle(const std::unordered_map<long long, bool>& pending) {
    m_pendingIdle = pending;
    if (m_idleColumn >= 0 && m_rows > 0)
        emit dataChanged(index(0, m_idleColumn), index(m_rows - 1, m_idleColumn),
                         {Qt::DisplayRole, Qt::FontRole, RawRole});
}

qint64 AttributeTableModel::fidAt(int row) const {
    if (row < 0 || row >= m_rows)
        return -1;
    return m_dense ? m_firstFid + row : (*m_order)[static_cast<std::size_t>(row)];
}

int AttributeTableModel::rowOfFid(qint64 fid) const {
    if (m_dense)
        return fid >= m_firstFid && fid - m_firstFid < m_rows ? static_cast<int>(fid - m_firstFid)
                                                              : -1;
    if (m_rowOfFid.empty() && m_order) {
        m_rowOfFid.reserve(m_order->size());
        for (std::size_t i = 0; i < m_order->size(); ++i)
            m_rowOfFid.emplace((*m_order)[i], static_cast<int>(i));
    }
    const auto it = m_rowOfFid.find(fid);
    return it == m_rowOfFid.end() ? -1 : it->second;
}

QString AttributeTableModel::fieldName(int column) const {
    return column >= 0 && column < columnCount() ? m_columns[static_cast<std::size_t>(column)].name
                                                 : QString();
}

int AttributeTableModel::columnOfField(const QString& field) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name == field)
            return static_cast<int>(i);
    return -1;
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= columnCount())
        return {};
    const QString& name = m_columns[static_cast<std::size_t>(section)].name;
    if (role == Qt::DisplayRole)
        return m_language.isEmpty() ? name
                                    : QString::fromStdString(m_aliases.alias(
                                          name.toStdString(), m_language.toStdString()));
    if (role == Qt::ToolTipRole)
        return name;
    return {};
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows || index.column() >= columnCount())
        return {};
    if (role == FidRole)
        return QVariant::fromValue<qlonglong>(fidAt(index.row()));
    if (index.column() == m_idleColumn && !m_pendingIdle.empty()) {
        const auto pending = m_pendingIdle.find(fidAt(index.row()));
        if (pending != m_pendingIdle.end()) {
            if (role == Qt::FontRole) {
                QFont italic;
                italic.setItalic(true);
                return italic;
            }
            if (role == RawRole)
                return QVariant::fromValue<qlonglong>(pending->second ? 1 : 0);
            if (role == Qt::DisplayRole)
                return pending->second ? tr("yes (unsaved)") : tr("no (unsaved)");
        }
    }
    if (role != Qt::DisplayRole && role != RawRole && role != Qt::TextAlignmentRole &&
        role != Qt::ToolTipRole)
        return {};
    const Column& column = m_columns[static_cast<std::size_t>(index.column())];
    if (role == Qt::TextAlignmentRole)
        return column.isReal ? QVariant((Qt::AlignRight | Qt::AlignVCenter).toInt()) : QVariant();
    const Page& p = page(index.row() / pageSize);
    const std::size_t inPage = static_cast<std::size_t>(index.row() % pageSize);
    if (inPage >= p.size())
        return {};
    const QVariant& value = p[inPage][static_cast<std::size_t>(index.column())];
    if (role == RawRole || !value.isValid())
        return value;
    if (column.isFlag)
        return value.toLongLong() != 0 ? tr("yes") : tr("no");
    if (column.isReal)
        return QString::number(value.toDouble(), 'f', 2);
    return value.toString();
}

const AttributeTableModel::Page& AttributeTableModel::page(int index) const {
    const auto it = m_pages.find(index);
    if (it != m_pages.end()) {
        m_recent.splice(m_recent.begin(), m_recent, it->second.second);
        return it->second.first;
    }
    Page read = readPage(index);
    ++m_pagesRead;
    if (m_pages.size() >= maxPages) {
        m_pages.erase(m_recent.back());
        m_recent.pop_back();
    }
    m_recent.push_front(index);
    return m_pages.emplace(index, std::make_pair(std::move(read), m_recent.begin()))
        .first->second.first;
}

// One page: the parcels by their primary key, then their classification rows.
AttributeTableModel::Page AttributeTableModel::readPage(int index) const {
    const int begin = index * pageSize;
    const int end = std::min(m_rows, begin + pageSize);
    std::vector<qint64> fids;
    for (int row = begin; row < end; ++row)
        fids.push_back(fidAt(row));
    std::unordered_map<qint64, std::vector<QVariant>> parcelValues, classValues;
    readColumns(fids, false, parcelValues);
    if (m_hasClasses)
        readColumns(fids, true, classValues);
    Page out(fids.size(), std::vector<QVariant>(m_columns.size()));
    for (std::size_t r = 0; r < fids.size(); ++r) {
        const auto pv = parcelValues.find(fids[r]);
        const auto cv = classValues.find(fids[r]);
        std::size_t pi = 0, ci = 0;
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            if (!m_columns[c].fromClasses) {
                if (pv != parcelValues.end())
                    out[r][c] = pv->second[pi];
                ++pi;
            } else {
                if (cv != classValues.end())
                    out[r][c] = cv->second[ci];
                ++ci;
            }
        }
    }
    return out;
}

void AttributeTableModel::ensureClassMap() const {
    if (!m_classFid.empty())
        return;
    OGRLayer* result = m_ds->ExecuteSQL(
        "SELECT fid + 0 AS k0, PARCEL_FID + 0 AS k1 FROM parcel_classes", nullptr, nullptr);
    if (!result)
        return;
    for (auto&& row : *result)
        m_classFid.emplace(row->GetFieldAsInteger64(1), row->GetFieldAsInteger64(0));
    m_ds->ReleaseResultSet(result);
}

// Values of the parcels' (or their classification's) columns, keyed by parcel FID.
void AttributeTableModel::readColumns(
    const std::vector<qint64>& fids, bool fromClasses,
    std::unordered_map<qint64, std::vector<QVariant>>& out) const {
    if (fids.empty())
        return;
    std::string select;
    for (const Column& c : m_columns)
        if (c.fromClasses == fromClasses)
            select += ", " + quotedName(c.name).toStdString();
    if (fromClasses && m_aligned == 0)
        ensureClassMap();
    std::string keys;
    for (qint64 fid : fids) {
        qint64 key = fid;
        if (fromClasses && m_aligned == 0) {
            const auto it = m_classFid.find(fid);
            if (it == m_classFid.end())
                continue;
            key = it->second;
        }
        keys += (keys.empty() ? "" : ",") + std::to_string(key);
    }
    if (keys.empty())
        return;
    // Keys as aliased expressions: GDAL turns a bare primary key, and an unaliased
    // expression of it, into the result's FID instead of a field.
    const std::string fid = quotedName(m_fidColumn).toStdString();
    const std::string sql = fromClasses
                                ? "SELECT fid + 0 AS k0, PARCEL_FID + 0 AS k1" + select +
                                      " FROM parcel_classes WHERE fid IN (" + keys + ")"
                                : "SELECT " + fid + " + 0 AS k0, " + fid + " + 0 AS k1" + select +
                                      " FROM parcels WHERE " + fid + " IN (" + keys + ")";
    geo::GdalMessageCollector quiet;
    OGRLayer* result = m_ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result)
        return;
    bool misaligned = false;
    for (auto&& row : *result) {
        const qint64 parcel = row->GetFieldAsInteger64(1);
        if (fromClasses && row->GetFieldAsInteger64(0) != parcel)
            misaligned = true;
        std::vector<QVariant> values;
        for (int i = 2; i < row->GetFieldCount(); ++i)
            values.push_back(valueOf(*row, i));
        out[parcel] = std::move(values);
    }
    m_ds->ReleaseResultSet(result); // finishes the statement: it would block writers
    // A row missing is a parcel without classification, or rows not in parcel order: until
    // the worker has checked every row, it is taken for the latter.
    const bool missing = out.size() < fids.size() && !m_alignedVerified;
    if (fromClasses && (misaligned || missing) && m_aligned != 0) {
        m_aligned = 0; // rows were not written in parcel order: read them through the map
        out.clear();
        readColumns(fids, true, out);
    } else if (fromClasses && m_aligned < 0) {
        m_aligned = 1;
    }
}

void AttributeTableModel::clearCache() {
    m_pages.clear();
    m_recent.clear();
}

} // namespace app
