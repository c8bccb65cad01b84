#include "app/gui/report_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/i18n/geo_text.h"
#include "app/output/report_export.h"
#include "app/output/report_format.h"
#include "app/resource_paths.h"
#include "geo/report/report_source.h"

namespace app {

ReportDialog::ReportDialog(const QString& projectPath, QWidget* parent)
    : QDialog(parent)
    , m_project(projectPath)
    , m_kind(new QComboBox(this))
    , m_byVillage(new QCheckBox(this))
    , m_byZone(new QCheckBox(this))
    , m_byMode(new QCheckBox(this))
    , m_classificationDay(new QCheckBox(this))
    , m_asOf(new QDateEdit(QDate::currentDate(), this))
    , m_area(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_months(new QSpinBox(this))
    , m_paper(new QComboBox(this))
    , m_previewButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
    , m_outdated(new QLabel(this)) {
    for (const char* kind : {"transfer", "idle", "discrepancy", "expiring", "atlas"})
        m_kind->addItem(QString(), QString(kind));
    for (QCheckBox* box : {m_byVillage, m_byZone, m_byMode, m_classificationDay})
        box->setChecked(true);
    // Names for tests and accessibility tools.
    m_classificationDay->setObjectName("classificationDay");
    m_asOf->setObjectName("asOf");
    m_previewButton->setObjectName("preview");
    m_asOf->setDisplayFormat("yyyy-MM-dd");
    m_asOf->setCalendarPopup(true);
    m_asOf->setEnabled(false);
    m_area->addItem(QString(), "ellipsoidal");
    m_area->addItem(QString(), "surveyed");
    m_language->addItem(QStringLiteral("中文"), "zh");
    m_language->addItem(QStringLiteral("English"), "en");
    m_language->setCurrentIndex(QLocale().language() == QLocale::Chinese ? 0 : 1);
    m_months->setRange(1, 600);
    m_months->setValue(6);
    m_paper->addItem("A4", "A4");
    m_paper->addItem("A3", "A3");
    m_paper->addItem(QString(), "A4L");
    m_paper->addItem(QString(), "A3L");
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outdated->setObjectName("outdatedClassification");
    m_outdated->setWordWrap(true);
    m_outdated->setStyleSheet("QLabel { color: #9a3412; }"); // the amber of a caution
    m_outdated->setVisible(false);

    auto* form = new QFormLayout;
    for (QLabel*& label : m_labels)
        label = new QLabel(this);
    auto* groups = new QHBoxLayout;
    groups->addWidget(m_byVillage);
    groups->addWidget(m_byZone);
    groups->addWidget(m_byMode);
    auto* day = new QHBoxLayout;
    day->addWidget(m_classificationDay);
    day->addWidget(m_asOf);
    form->addRow(m_labels[0], m_kind);
    form->addRow(m_labels[1], groups);
    form->addRow(m_labels[2], day);
    form->addRow(m_labels[3], m_area);
    form->addRow(m_labels[4], m_language);
    form->addRow(m_labels[5], m_months);
    form->addRow(m_labels[6], m_paper);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_exportButton);
    buttons->addStretch();
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_outdated);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(900, 640);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_classificationDay, &QCheckBox::toggled, m_asOf,
            [this](bool on) { m_asOf->setEnabled(!on); });
    connect(m_previewButton, &QPushButton::clicked, this, &ReportDialog::preview);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportDialog::chooseFileAndExport);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        for (QCheckBox* box : {m_byVillage, m_byZone, m_byMode})
            box->setEnabled(kind == "transfer" || kind == "atlas");
        m_months->setEnabled(kind == "expiring");
    });
    emit m_kind->currentIndexChanged(0);

    // Another day starts from the classification's own, the day the map shows; today when the
    // project cannot say (not classified yet: preview then explains what to do). A
    // classification older than some of its layers is said before any report is made.
    try {
        m_staleness = geo::report::ReportSource(m_project.toStdString()).classificationStaleness();
        const QDate classified =
            QDate::fromString(QString::fromStdString(m_staleness.asOf), Qt::ISODate);
        if (classified.isValid())
            m_asOf->setDate(classified);
    } catch (const std::exception&) {
    }
    m_outdated->setVisible(m_staleness.stale());
    retranslate();
}

void ReportDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ReportDialog::retranslate() {
    setWindowTitle(tr("Make a report"));
    const QStringList kinds{tr("Land transfer areas"), tr("Idle-resource ledger"),
                            tr("Discrepancies"), tr("Expiring contracts"),
                            tr("Village atlas (PDF)")};
    for (int i = 0; i < kinds.size(); ++i)
        m_kind->setItemText(i, kinds[i]);
    m_byVillage->setText(tr("village"));
    m_byZone->setText(tr("zone"));
    m_byMode->setText(tr("transfer mode"));
    m_classificationDay->setText(tr("the classification's day"));
    m_area->setItemText(0, tr("ellipsoidal"));
    m_area->setItemText(1, tr("surveyed (TBDLMJ)"));
    m_paper->setItemText(2, tr("A4 landscape"));
    m_paper->setItemText(3, tr("A3 landscape"));
    const QStringList labels{tr("Report"),          tr("Rows by"),
                             tr("As of"),           tr("Areas"),
                             tr("Report language"), tr("Expiring within (months)"),
                             tr("Paper (PDF)"),     QString()};
    for (int i = 0; i < 8; ++i)
        m_labels[i]->setText(labels[i]);
    m_previewButton->setText(tr("&Preview"));
    m_exportButton->setText(tr("&Export…"));
    const QString asOf = QString::fromStdString(m_staleness.asOf);
    QStringList layers;
    for (const std::string& layer : m_staleness.newerLayers)
        layers << geoLayerName(layer);
    QStringList notes;
    if (!layers.isEmpty())
        notes << tr("The classification (as of %1) predates the import of %2: reports show it "
                    "as it was. Classify the project again for up-to-date zones, idle land and "
                    "transfers.")
                     .arg(asOf, layers.join(tr(", ")));
    if (!m_staleness.changedRuleFile.empty())
        notes << tr("The rule file %1 was changed after the classification (as of %2): reports "
                    "show the zones as they were. Classify the project again to apply it.")
                     .arg(QDir::toNativeSeparators(
                              QString::fromStdString(m_staleness.changedRuleFile)),
                          asOf);
    m_outdated->setText(notes.join("\n"));
}

void ReportDialog::setKind(const QString& kind) {
    const int index = m_kind->findData(kind);
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

geo::report::ReportOptions ReportDialog::options() const {
    geo::report::ReportOptions o;
    o.project = m_project.toStdString();
    o.kind = m_kind->currentData().toString().toStdString();
    o.groupBy.clear();
    if (m_byVillage->isChecked())
        o.groupBy.emplace_back("village");
    if (m_byZone->isChecked())
        o.groupBy.emplace_back("zone");
    if (m_byMode->isChecked())
        o.groupBy.emplace_back("mode");
    if (!m_classificationDay->isChecked())
        o.asOf = m_asOf->date().toString(Qt::ISODate).toStdString();
    o.basis = m_area->currentData().toString() == "surveyed" ? geo::report::AreaBasis::Surveyed
                                                             : geo::report::AreaBasis::Ellipsoidal;
    o.language = m_language->currentData().toString().toStdString();
    o.months = m_months->value();
    o.labelsFile = dataDirectory() + "/reports/labels.json";
    return o;
}

bool ReportDialog::preview() {
    if (m_task.isRunning())
        return false;
    geo::report::ReportOptions o = options();
    if (o.kind == "atlas")
        o.kind = "transfer"; // the atlas's tables are the transfer report's, by village
    m_status->setText(tr("Building the report…"));
    m_previewButton->setEnabled(false);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        &m_task, &BackgroundTask::finished, this,
        [this, connection](BackgroundTask::Outcome outcome, const QString& error) {
            disconnect(*connection);
            m_previewButton->setEnabled(true);
            if (outcome != BackgroundTask::Outcome::Completed || !m_report) {
                m_status->setText(tr("The report could not be made: %1").arg(error));
                return;
            }
            showReport(*m_report);
            emit previewReady();
        },
        Qt::QueuedConnection);
    m_report.reset();
    m_task.start([this, o](BackgroundTask&) { m_report = geo::report::buildReport(o); });
    return true;
}

void ReportDialog::showReport(const geo::report::Report& report) {
    const geo::report::Table& main = report.parts.front();
    std::vector<int> shown;
    for (std::size_t c = 0; c < main.columns.size(); ++c)
        if (main.columns[c].printed)
            shown.push_back(int(c));
    m_table->clear();
    m_table->setColumnCount(int(shown.size()));
    m_table->setRowCount(int(main.rows.size()));
    QStringList headers;
    for (int c : shown)
        headers << QString::fromStdString(main.columns[std::size_t(c)].label);
    m_table->setHorizontalHeaderLabels(headers);
    for (std::size_t r = 0; r < main.rows.size(); ++r) {
        const geo::report::Row& row = main.rows[r];
        for (std::size_t k = 0; k < shown.size(); ++k) {
            const auto c = std::size_t(shown[k]);
            auto* item = new QTableWidgetItem(displayText(row.cells[c], main.columns[c].type));
            if (row.cells[c].isNumber)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row.kind != geo::report::RowKind::Detail) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(QColor(240, 236, 224));
            }
            m_table->setItem(int(r), int(k), item);
        }
    }
    QStringList notes;
    for (const std::string& note : main.notes)
        notes << QString::fromStdString(note);
    m_status->setText(QString::fromStdString(report.title) + " · " +
                      QString::fromStdString(report.asOf) +
                      (notes.isEmpty() ? QString() : "\n" + notes.join("\n")));
}

void ReportDialog::chooseFileAndExport() {
    const bool atlas = m_kind->currentData().toString() == "atlas";
    const QString filter = atlas ? tr("PDF (*.pdf)")
                                 : tr("PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv);;"
                                      "Web page (*.html)");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the report"), QString(), filter);
    if (!path.isEmpty())
        exportTo(path);
}

bool ReportDialog::exportTo(const QString& path) {
    if (m_task.isRunning())
        return false;
    ReportExport request;
    request.options = options();
    request.out = path.toStdString();
    const QString paper = m_paper->currentData().toString();
    request.pdf.paper = paper.startsWith("A3") ? QPageSize::A3 : QPageSize::A4;
    request.pdf.orientation = paper.endsWith('L') ? QPageLayout::Landscape : QPageLayout::Portrait;
    m_status->setText(tr("Writing %1…").arg(path));
    m_exportButton->setEnabled(false);
    auto summary = std::make_shared<QString>();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        &m_task, &BackgroundTask::finished, this,
        [this, connection, summary, path](BackgroundTask::Outcome outcome, const QString& error) {
            disconnect(*connection);
            m_exportButton->setEnabled(true);
            const bool ok = outcome == BackgroundTask::Outcome::Completed;
            m_status->setText(ok ? *summary : tr("The report could not be written: %1").arg(error));
            emit exported(path, ok);
        },
        Qt::QueuedConnection);
    m_task.start([request, summary](BackgroundTask&) { *summary = exportReport(request); });
    return true;
}

} // namespace app
