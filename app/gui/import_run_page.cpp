#include "app/gui/import_run_page.h"

#include <algorithm>
#include <map>

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/cli/import_report.h"
#include "app/cli/text_output.h"
#include "app/gui/import_wizard.h"
#include "app/i18n/geo_text.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

ImportRunPage::ImportRunPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_save(new QPushButton(this))
    , m_reportLabel(new QLabel(this))
    , m_report(new QTableWidget(this))
    , m_issues(new QTreeWidget(this)) {
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status->setWordWrap(true);
    m_report->setColumnCount(8);
    m_report->verticalHeader()->setVisible(false);
    m_report->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_report->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_report->horizontalHeader()->setStretchLastSection(true);
    m_issues->setColumnCount(4);
    m_issues->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    auto* reportRow = new QHBoxLayout;
    reportRow->addWidget(m_reportLabel, 1);
    reportRow->addWidget(m_save);
    layout->addLayout(reportRow);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_issues, 2);

    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the import report"),
                                                          QString(), tr("JSON (*.json)"));
        if (path.isEmpty())
            return;
        if (const QString error = saveReport(path); !error.isEmpty())
            QMessageBox::warning(this, tr("The report could not be saved"), error);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_wizard->cancelImport();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling: the file being imported is rolled back…"));
    });
    // Queued: the progress comes from the worker thread.
    connect(
        wizard, &ImportWizard::importProgress, this,
        [this](const QString& step, double fraction) {
            if (!m_wizard->isImporting())
                return; // a late report after the end
            m_progress->setValue(static_cast<int>(fraction * 1000));
            if (m_cancel->isEnabled())
                m_status->setText(step);
        },
        Qt::QueuedConnection);
    connect(wizard, &ImportWizard::importFinished, this, [this] {
        m_progress->setValue(1000);
        m_cancel->setEnabled(false);
        showReport();
        m_save->setEnabled(std::any_of(
            m_wizard->outcomes().begin(), m_wizard->outcomes().end(),
            [](const ImportOutcome& o) { return o.status == ImportOutcome::Status::Imported; }));
        emit completeChanged();
    });
    retranslateUi();
}

void ImportRunPage::initializePage() {
    m_report->setRowCount(0);
    m_issues->clear();
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_save->setEnabled(false);
    m_status->setText(tr("Importing…"));
    m_started = m_wizard->startImport();
    if (!m_started) {
        m_cancel->setEnabled(false);
        m_status->setText(tr("Nothing to import: choose a project and files first."));
    }
    emit completeChanged();
}

QString ImportRunPage::saveReport(const QString& path) const {
    nlohmann::json reports = nlohmann::json::array();
    for (const ImportOutcome& o : m_wizard->outcomes())
        if (o.status == ImportOutcome::Status::Imported)
            reports.push_back(importReportJson(o.summary));
    return q(writeFileAtomically(path.toStdString(), reports.dump(2) + "\n"));
}

bool ImportRunPage::isComplete() const {
    return !m_wizard->isImporting();
}

void ImportRunPage::showReport() {
    const auto& outcomes = m_wizard->outcomes();
    int imported = 0, cancelled = 0, failed = 0;
    m_report->setRowCount(static_cast<int>(outcomes.size()));
    m_issues->clear();
    int row = 0;
    for (const ImportOutcome& o : outcomes) {
        QString status;
        switch (o.status) {
        case ImportOutcome::Status::Imported:
            status = tr("imported");
            ++imported;
            break;
        case ImportOutcome::Status::Failed:
            status = tr("failed: %1").arg(o.error);
            ++failed;
            break;
        case ImportOutcome::Status::Cancelled:
            status = tr("cancelled: nothing of it was imported");
            ++cancelled;
            break;
        case ImportOutcome::Status::NotStarted:
            status = tr("not started");
            ++cancelled;
            break;
        }
        const geo::ImportRecord& r = o.summary.record;
        const bool done = o.status == ImportOutcome::Status::Imported;
        auto count = [&](long long n) {
            return done ? QString::number(n) : QStringLiteral("–");
        };
        const QStringList cells = {QFileInfo(o.path).fileName(),
                                   layerTitle(o.layer),
                                   count(r.read),
                                   count(r.imported),
                                   count(r.repaired),
                                   count(r.rejected),
                                   count(r.flagged),
                                   status};
        for (int c = 0; c < cells.size(); ++c)
            m_report->setItem(row, c, new QTableWidgetItem(cells[c]));
        ++row;
        if (!done)
            continue;
        auto* file = new QTreeWidgetItem(m_issues);
        file->setText(0, QFileInfo(o.path).fileName());
        QStringList decisions;
        if (!o.summary.encoding.encoding.empty())
            decisions << tr("encoding %1").arg(q(o.summary.encoding.encoding));
        if (o.summary.crs.epsg)
            decisions << tr("CRS EPSG:%1").arg(o.summary.crs.epsg);
        if (!o.summary.mapping.profile.empty())
            decisions << tr("profile %1").arg(q(o.summary.mapping.profile));
        file->setText(3, decisions.join(tr(", ")));
        for (const std::string& w : o.summary.warnings) {
            auto* item = new QTreeWidgetItem(file);
            item->setText(0, tr("warning"));
            item->setText(3, geoText(w));
        }
        // Issues grouped by kind: thousands of rows would hide the pattern.
        std::map<std::pair<std::string, std::string>, std::vector<const geo::ImportIssue*>> byKind;
        for (const geo::ImportIssue& i : o.summary.issues)
            byKind[{i.kind, i.action}].push_back(&i);
        for (const auto& [kind, issues] : byKind) {
            auto* group = new QTreeWidgetItem(file);
            group->setText(
                0, tr("%1 (%2)").arg(issueKindTitle(kind.first), issueActionTitle(kind.second)));
            group->setText(1, QString::number(issues.size()));
            constexpr std::size_t shown = 200;
            for (std::size_t k = 0; k < issues.size() && k < shown; ++k) {
                auto* item = new QTreeWidgetItem(group);
                item->setText(0, tr("record %1").arg(issues[k]->sourceRecord));
                item->setText(1, q(issues[k]->sourceId));
                item->setText(2, issueActionTitle(issues[k]->action));
                item->setText(3, geoText(issues[k]->detail));
            }
            group->setExpanded(issues.size() <= 5); // a few: show them; many: the count says it
        }
        file->setExpanded(true);
    }
    if (failed == 0 && cancelled == 0)
        m_status->setText(tr("Every file was imported (%1). The report is saved in the project "
                             "(tables tianmu_imports and import_issues).")
                              .arg(imported));
    else
        m_status->setText(tr("%1 imported, %2 failed, %3 cancelled or not started. Files that "
                             "were not imported left the project as it was.")
                              .arg(imported)
                              .arg(failed)
                              .arg(cancelled));
}

void ImportRunPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (!m_wizard->isImporting() && !m_wizard->outcomes().empty())
            showReport();
    }
    QWizardPage::changeEvent(event);
}

void ImportRunPage::retranslateUi() {
    setTitle(tr("Import"));
    setSubTitle(tr("The files are imported one by one, each in one transaction: a file is "
                   "either imported completely or not at all."));
    m_cancel->setText(tr("Cancel import"));
    m_save->setText(tr("Save report…"));
    m_reportLabel->setText(tr("Import report:"));
    m_report->setHorizontalHeaderLabels({tr("File"), tr("Layer"), tr("Read"), tr("Imported"),
                                         tr("Repaired"), tr("Rejected"), tr("Flagged"),
                                         tr("Result")});
    m_issues->setHeaderLabels({tr("Issue"), tr("Count / id"), tr("Action"), tr("Detail")});
}

} // namespace app
