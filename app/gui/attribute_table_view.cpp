#include "app/gui/attribute_table_view.h"

#include <algorithm>
#include <vector>

#include <QHeaderView>
#include <QItemSelection>

#include "app/gui/attribute_table_model.h"

namespace app {

AttributeTableView::AttributeTableView(QWidget* parent)
    : QTableView(parent) {
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(false); // the header click is wired to the model's asynchronous sort
    horizontalHeader()->setSectionsClickable(true);
    horizontalHeader()->setSortIndicatorShown(true);
    // Fixed row heights: the view then never measures rows, which would read every page.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setWordWrap(false);
    connect(this, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_model && index.isValid())
            emit zoomToParcel(m_model->fidAt(index.row()));
    });
    connect(horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        if (!m_model)
            return;
        const Qt::SortOrder order =
            m_model->sortColumn() == column &&
                    horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        horizontalHeader()->setSortIndicator(column, order);
        m_model->sort(column, order);
    });
}

void AttributeTableView::setTableModel(AttributeTableModel* model) {
    m_model = model;
    setModel(model);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selectingFromOutside)
            emit parcelSelectionChanged(selectedFids());
    });
}

QList<qint64> AttributeTableView::selectedFids() const {
    QList<qint64> out;
    if (!m_model || !selectionModel())
        return out;
    for (const QItemSelectionRange& range : selectionModel()->selection())
        for (int row = range.top(); row <= range.bottom(); ++row)
            out.push_back(m_model->fidAt(row));
    return out;
}

void AttributeTableView::selectParcels(const QSet<qint64>& fids) {
    if (!m_model)
        return;
    std::vector<int> rows;
    for (qint64 fid : fids)
        if (const int row = m_model->rowOfFid(fid); row >= 0)
            rows.push_back(row);
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_model->columnCount() - 1;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j; // contiguous rows as one range
        selection.select(m_model->index(rows[i], 0), m_model->index(rows[j], lastColumn));
        i = j + 1;
    }
    m_selectingFromOutside = true;
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_selectingFromOutside = false;
    if (!rows.empty())
        scrollTo(m_model->index(rows.front(), 0));
}

} // namespace app
