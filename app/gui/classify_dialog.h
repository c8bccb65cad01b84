// The classify dialog: pick a rule file (shown read-only, rule by rule), an as-of date, then
// classify the project on a worker thread with progress and Cancel, and read the summary:
// parcels and 亩 per zone, idle and transferred land, villages per type.
#pragma once

#include <memory>
#include <optional>

#include <QDate>
#include <QDialog>

#include "app/gui/background_task.h"
#include "geo/classifier.h"
#include "geo/rule_set.h"

class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace app {

class ClassifyDialog : public QDialog {
    Q_OBJECT
public:
    // `projectPath`: the open project. The rule file defaults to
    // data/rules/lingling-five-zones.json, the date to today.
    explicit ClassifyDialog(const QString& projectPath, QWidget* parent = nullptr);
    ~ClassifyDialog() override;

    void setProjectPath(const QString& path);
    QString projectPath() const { return m_projectPath; }
    // Loads and shows the rules; false (with the reason shown) when the file is broken.
    bool setRulesPath(const QString& path);
    QString rulesPath() const { return m_rulesPath; }
    void setAsOf(const QDate& date);
    QDate asOf() const;

    // Starts classifying (the Classify button does the same). False while running.
    bool start();
    // Thread-safe; the previous results stay as they were.
    void cancel() noexcept { m_task->cancel(); }
    bool isRunning() const noexcept { return m_task->isRunning(); }
    // The last completed classification's summary.
    const std::optional<geo::ClassifySummary>& summary() const noexcept { return m_summary; }

    QLineEdit* rulesEdit() const noexcept { return m_rulesEdit; }
    QTreeWidget* ruleTree() const noexcept { return m_ruleTree; }
    QPlainTextEdit* ruleText() const noexcept { return m_ruleText; }
    QDateEdit* asOfEdit() const noexcept { return m_asOf; }
    QPushButton* runButton() const noexcept { return m_run; }
    QPushButton* cancelButton() const noexcept { return m_cancel; }
    QProgressBar* progressBar() const noexcept { return m_progress; }
    QLabel* statusLabel() const noexcept { return m_status; }
    // Columns: zone name, zone id, parcels, 亩.
    QTableWidget* zoneTable() const noexcept { return m_zones; }
    // Rows: idle parcels, transferred parcels, villages per type…
    QTableWidget* totalsTable() const noexcept { return m_totals; }

signals:
    // Emitted on the worker thread (a direct connection runs inside the job).
    void progressChanged(const QString& step, double fraction);
    // Emitted on the GUI thread; `completed`: the results were saved.
    void classificationFinished(bool completed);
    // The project's classification changed: the main window should redraw.
    void projectChanged(const QString& projectPath);

public slots:
    void reject() override; // while running: cancel instead of closing

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void chooseRules();
    void showRules();
    void showSummary();
    void finished(BackgroundTask::Outcome outcome, const QString& error);
    bool chinese() const;

    QString m_projectPath, m_rulesPath, m_rulesError, m_lastError;
    std::optional<geo::RuleSet> m_rules;
    std::optional<geo::ClassifySummary> m_summary;
    std::shared_ptr<geo::ClassifySummary> m_running;
    BackgroundTask::Outcome m_lastOutcome = BackgroundTask::Outcome::Completed;
    bool m_ran = false;
    BackgroundTask* m_task = nullptr;
    QLabel* m_projectLabel = nullptr;
    QLabel* m_rulesLabel = nullptr;
    QLineEdit* m_rulesEdit = nullptr;
    QPushButton* m_browse = nullptr;
    QTabWidget* m_ruleTabs = nullptr;
    QTreeWidget* m_ruleTree = nullptr;
    QPlainTextEdit* m_ruleText = nullptr;
    QLabel* m_asOfLabel = nullptr;
    QDateEdit* m_asOf = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_resultTabs = nullptr;
    QTableWidget* m_zones = nullptr;
    QTableWidget* m_totals = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace app
