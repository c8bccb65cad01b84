// The parcels of a project, joined with their classification, as a table model that opens a
// million rows at once: rows are read in pages of 256 when the view asks for them, and the
// row order of a sort or filter is computed by SQLite on a worker thread.
#pragma once

#include <list>
#include <memory>
#include <thread>
#include <unordered_map>
#include <vector>

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

#include <gdal_priv.h>

#include "geo/field_aliases.h"
#include "geo/parcel_filter.h"

namespace app {

class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // data(index, FidRole) is the parcel's FID; data(index, RawRole) the unformatted value.
    enum Role { FidRole = Qt::UserRole + 1, RawRole };
    static constexpr int pageSize = 256;

    explicit AttributeTableModel(QObject* parent = nullptr);
    ~AttributeTableModel() override;

    // Opens the project read-only and shows its parcels in FID order. Returns false, with
    // errorString(), when the project cannot be read or has no parcels layer.
    bool setProject(const QString& path);
    QString projectPath() const { return m_path; }
    QString errorString() const { return m_error; }

    // Header names from the alias table in "zh" or "en"; field names without one.
    void setAliases(const geo::FieldAliases& aliases, const QString& language);

    // Sort and filter run on a worker; the rows change when orderReady() is emitted.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    void setFilter(const geo::ParcelFilter& filter);
    const geo::ParcelFilter& filter() const noexcept { return m_filter; }
    bool isBusy() const noexcept { return m_busy; }
    // Re-reads everything (after a save): cached pages are dropped, sort and filter re-run.
    void reload();
    // Idle flags of unsaved edits (parcel FID → idle), shown in italics over the saved value.
    // Sorting and filtering still use the saved values until the edits are saved.
    void setPendingIdle(const std::unordered_map<long long, bool>& pending);

    qint64 fidAt(int row) const;
    // The row showing parcel `fid`, -1 when it is not shown (filtered out).
    int rowOfFid(qint64 fid) const;
    QString fieldName(int column) const;
    int columnOfField(const QString& field) const;
    int sortColumn() const noexcept { return m_sortColumn; }
    // Pages read so far and pages held (for tests and the status bar).
    int pagesRead() const noexcept { return m_pagesRead; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void orderReady();
    void failed(const QString& message);

private:
    struct Column {
        bool fromClasses = false; // parcel_classes, else parcels
        QString name;
        bool isReal = false;
        bool isFlag = false; // IDLE, TRANSFERRED: shown as yes/no
    };
    using Page = std::vector<std::vector<QVariant>>; // [row in page][column]
    struct OrderResult {
        std::vector<qint64> fids;
        bool classesAligned = false;
        QString error;
    };

    void startOrder();
    void applyOrder(unsigned generation, const OrderResult& result);
    const Page& page(int index) const;
    Page readPage(int index) const;
    void readColumns(const std::vector<qint64>& fids, bool fromClasses,
                     std::unordered_map<qint64, std::vector<QVariant>>& out) const;
    void ensureClassMap() const;
    void clearCache();
    void joinWorkers();

    QString m_path, m_error, m_language;
    geo::FieldAliases m_aliases;
    GDALDatasetUniquePtr m_ds;
    QString m_fidColumn;
    std::vector<Column> m_columns;
    bool m_hasClasses = false;

    // Row order: dense FIDs (m_firstFid + row) until a sort or filter, or a list of FIDs.
    bool m_dense = true;
    qint64 m_firstFid = 1;
    int m_rows = 0;
    std::shared_ptr<const std::vector<qint64>> m_order;
    mutable std::unordered_map<qint64, int> m_rowOfFid; // built on first rowOfFid()

    // parcel_classes rows are looked up by their own FID when they are aligned with the
    // parcels (the classifier writes them in parcel order); otherwise through this map.
    mutable int m_aligned = -1;     // -1 unknown, 0 no, 1 yes
    bool m_alignedVerified = false; // checked on every row (by the worker), not one page
    mutable std::unordered_map<qint64, qint64> m_classFid;

    // Page cache: least recently used pages dropped past maxPages.
    static constexpr std::size_t maxPages = 256;
    mutable std::unordered_map<int, std::pair<Page, std::list<int>::iterator>> m_pages;
    mutable std::list<int> m_recent;
    mutable int m_pagesRead = 0;

    std::unordered_map<long long, bool> m_pendingIdle;
    int m_idleColumn = -1;

    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    geo::ParcelFilter m_filter;
    bool m_busy = false;
    unsigned m_generation = 0;
    std::vector<std::pair<unsigned, std::thread>> m_workers; // by generation
};

} // namespace app
