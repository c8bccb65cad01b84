#include "app/gui/crs_picker.h"

#include <algorithm>
#include <string>
#include <vector>

#include <QEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <ogr_srs_api.h>

namespace app {
namespace {

struct CrsEntry {
    int epsg = 0;
    std::string name;
};

// Surveys in China are delivered in these; a planner should not scroll past Peru to find them.
int rank(const std::string& name) {
    static const char* const prefixes[] = {"CGCS2000", "Xian 1980", "Beijing 1954", "New Beijing",
                                           "WGS 84"};
    for (int i = 0; i < 5; ++i)
        if (name.rfind(prefixes[i], 0) == 0)
            return i;
    return 5;
}

// Read once: PROJ's database does not change while tianmu runs, and the list is ~6,000 long.
const std::vector<CrsEntry>& crsEntries() {
    static const std::vector<CrsEntry> entries = [] {
        std::vector<CrsEntry> out;
        int count = 0;
        OSRCRSInfo** list = OSRGetCRSInfoListFromDatabase("EPSG", nullptr, &count);
        for (int i = 0; i < count; ++i) {
            const OSRCRSInfo& info = *list[i];
            const bool usable =
                info.eType == OSR_CRS_TYPE_PROJECTED || info.eType == OSR_CRS_TYPE_GEOGRAPHIC_2D;
            if (!usable || info.bDeprecated || !info.pszCode || !info.pszName)
                continue;
            const int code = std::atoi(info.pszCode);
            if (code > 0)
                out.push_back({code, info.pszName});
        }
        OSRDestroyCRSInfoList(list);
        std::stable_sort(out.begin(), out.end(), [](const CrsEntry& a, const CrsEntry& b) {
            const int ra = rank(a.name), rb = rank(b.name);
            return ra != rb ? ra < rb : a.epsg < b.epsg;
        });
        return out;
    }();
    return entries;
}

} // namespace

CrsPicker::CrsPicker(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_count(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this)) {
    for (const CrsEntry& e : crsEntries()) {
        auto* item = new QStandardItem(
            QStringLiteral("EPSG:%1  %2").arg(e.epsg).arg(QString::fromStdString(e.name)));
        item->setData(e.epsg, Qt::UserRole);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    m_list->setUniformItemSizes(true); // thousands of rows: do not measure each
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, &CrsPicker::setFilterText);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                const int epsg = current.isValid() ? current.data(Qt::UserRole).toInt() : 0;
                if (m_filtering || epsg == 0 || epsg == m_selected)
                    return;
                m_selected = epsg;
                emit epsgChanged(epsg);
            });
    retranslateUi();
}

void CrsPicker::setFilterText(const QString& text) {
    if (m_filter->text() != text)
        m_filter->setText(text); // comes back here through textChanged
    m_filtering = true;
    m_proxy->setFilterFixedString(text.trimmed());
    showSelected();
    m_filtering = false;
    m_count->setText(tr("%1 coordinate systems shown").arg(m_proxy->rowCount()));
}

void CrsPicker::showSelected() {
    const QModelIndexList hits =
        m_model->match(m_model->index(0, 0), Qt::UserRole, m_selected, 1, Qt::MatchExactly);
    const QModelIndex index = hits.isEmpty() ? QModelIndex() : m_proxy->mapFromSource(hits.front());
    if (index.isValid()) {
        m_list->setCurrentIndex(index);
        m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    } else {
        m_list->selectionModel()->clear();
    }
}

bool CrsPicker::selectEpsg(int epsg) {
    const QModelIndexList hits =
        m_model->match(m_model->index(0, 0), Qt::UserRole, epsg, 1, Qt::MatchExactly);
    if (hits.isEmpty())
        return false;
    const bool changed = epsg != m_selected;
    m_selected = epsg;
    if (!m_proxy->mapFromSource(hits.front()).isValid())
        setFilterText(QString()); // shows it
    else
        showSelected();
    if (changed)
        emit epsgChanged(epsg);
    return true;
}

void CrsPicker::clearSelection() {
    m_selected = 0;
    showSelected();
}

int CrsPicker::visibleCount() const {
    return m_proxy->rowCount();
}

int CrsPicker::visibleEpsg(int row) const {
    return m_proxy->index(row, 0).data(Qt::UserRole).toInt();
}

QString CrsPicker::visibleText(int row) const {
    return m_proxy->index(row, 0).data().toString();
}

void CrsPicker::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CrsPicker::retranslateUi() {
    m_filter->setPlaceholderText(tr("Search by EPSG code or name, e.g. 4525 or zone 37"));
    m_count->setText(tr("%1 coordinate systems shown").arg(m_proxy->rowCount()));
}

} // namespace app
