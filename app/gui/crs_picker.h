// A searchable list of the coordinate reference systems in PROJ's database (EPSG), Chinese
// survey CRSs first: CGCS2000, Xian 1980 and Beijing 1954 Gauss-Kruger zones.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace app {

class CrsPicker : public QWidget {
    Q_OBJECT
public:
    explicit CrsPicker(QWidget* parent = nullptr);

    // Shows only the entries whose code or name contains `text` (case-insensitive).
    void setFilterText(const QString& text);
    QLineEdit* filterEdit() const noexcept { return m_filter; }

    // The EPSG code picked, 0 when none is. Filtering never changes it, even when it hides it.
    int selectedEpsg() const noexcept { return m_selected; }
    // Selects `epsg` (clearing the filter if it hides it) and emits epsgChanged() when that is
    // a change; false when PROJ does not know the code.
    bool selectEpsg(int epsg);

    // The entries the filter leaves, in order, for the caller and the tests.
    // Nothing picked (a file whose CRS is unknown); does not emit epsgChanged().
    void clearSelection();

    int visibleCount() const;
    int visibleEpsg(int row) const;
    QString visibleText(int row) const;

signals:
    // The user (or selectEpsg()) picked another coordinate system.
    void epsgChanged(int epsg);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showSelected(); // highlights m_selected when the filter shows it

    int m_selected = 0;
    bool m_filtering = false; // the view's current row moves while filtering: not a pick

    QLineEdit* m_filter = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_count = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

} // namespace app
