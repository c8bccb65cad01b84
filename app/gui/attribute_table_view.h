// The attribute table's view: keeps the map's selection and its own in step through parcel
// FIDs, and asks the map to zoom to a double-clicked parcel.
#pragma once

#include <QList>
#include <QSet>
#include <QTableView>

namespace app {

class AttributeTableModel;

class AttributeTableView : public QTableView {
    Q_OBJECT
public:
    explicit AttributeTableView(QWidget* parent = nullptr);

    void setTableModel(AttributeTableModel* model);
    AttributeTableModel* tableModel() const { return m_model; }
    QList<qint64> selectedFids() const;

public slots:
    // Selects the rows of these parcels (from the map) without echoing selectionChanged back;
    // parcels filtered out of the table are skipped. Scrolls to the first.
    void selectParcels(const QSet<qint64>& fids);

signals:
    void parcelSelectionChanged(const QList<qint64>& fids);
    void zoomToParcel(qint64 fid);

private:
    AttributeTableModel* m_model = nullptr;
    bool m_selectingFromOutside = false;
};

} // namespace app
