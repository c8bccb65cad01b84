// Last page of the import wizard: the import running on a worker thread, with progress and
// Cancel, then the report: per file what was imported, repaired, rejected and flagged, and why.
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace app {

class ImportWizard;

class ImportRunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportRunPage(ImportWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

    QProgressBar* progressBar() const noexcept { return m_progress; }
    QPushButton* cancelButton() const noexcept { return m_cancel; }
    QTableWidget* reportTable() const noexcept { return m_report; }
    QTreeWidget* issueTree() const noexcept { return m_issues; }
    QPushButton* saveButton() const noexcept { return m_save; }

    // Writes the report of every file imported as JSON (an array of what `tianmu import
    // --report` writes for one file); returns the reason when it cannot, else empty.
    QString saveReport(const QString& path) const;
    QLabel* statusLabel() const noexcept { return m_status; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showReport();

    ImportWizard* m_wizard;
    bool m_started = false;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_reportLabel = nullptr;
    QTableWidget* m_report = nullptr;
    QTreeWidget* m_issues = nullptr;
};

} // namespace app
