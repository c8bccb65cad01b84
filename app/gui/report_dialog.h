// The report dialog: choose a kind, grouping, as-of day, area basis and language; see the
// main table as a preview; export to PDF, XLSX, CSV or HTML. Building and writing run on a
// worker thread (a million parcels take seconds), with the outcome shown in the dialog.
#pragma once

#include <optional>

#include <QDialog>

#include "app/gui/background_task.h"
#include "geo/classification_results.h"
#include "geo/report/report_builder.h"
#include "geo/report/report_table.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace app {

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(const QString& projectPath, QWidget* parent = nullptr);

    void setKind(const QString& kind); // transfer, idle, discrepancy, expiring, atlas
    // Builds the report for the preview; false when a job is already running.
    bool preview();
    // Writes the report to `path` (format from the extension); false when busy.
    bool exportTo(const QString& path);
    bool isBusy() const { return m_task.isRunning(); }

    QTableWidget* previewTable() const noexcept { return m_table; }
    QLabel* statusLabel() const noexcept { return m_status; }
    QLabel* outdatedLabel() const noexcept { return m_outdated; }

signals:
    void previewReady();
    void exported(const QString& path, bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void chooseFileAndExport();
    void showReport(const geo::report::Report& report);
    geo::report::ReportOptions options() const;

    QString m_project;
    BackgroundTask m_task;
    QComboBox* m_kind;
    QCheckBox* m_byVillage;
    QCheckBox* m_byZone;
    QCheckBox* m_byMode;
    QCheckBox* m_classificationDay;
    QDateEdit* m_asOf;
    QComboBox* m_area;
    QComboBox* m_language;
    QSpinBox* m_months;
    QComboBox* m_paper;
    QPushButton* m_previewButton;
    QPushButton* m_exportButton;
    QTableWidget* m_table;
    QLabel* m_status;
    // Shown when the classification the reports read no longer matches the project.
    QLabel* m_outdated;
    geo::ClassificationStaleness m_staleness;
    QLabel* m_labels[8] = {};
    std::optional<geo::report::Report> m_report; // written by the worker before it finishes
};

} // namespace app
