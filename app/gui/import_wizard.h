// The import wizard: choose survey files (or drop them), check per file what tianmu decided —
// target layer, encoding with a live preview, CRS with a searchable picker, field mapping,
// validity — then import them on a worker thread with progress and Cancel, and read the report.
#pragma once

#include <memory>
#include <vector>

#include <QStringList>
#include <QTemporaryDir>
#include <QWizard>

#include "app/gui/background_task.h"
#include "app/gui/import_plan.h"
#include "geo/importer.h"
#include "geo/mapping_profile.h"

namespace app {

class ImportFilesPage;
class ImportSourcePage;
class ImportRunPage;

// What became of one file once the import ran.
struct ImportOutcome {
    enum class Status { Imported, Failed, Cancelled, NotStarted };
    QString path, layer;
    Status status = Status::NotStarted;
    QString error;              // why it failed
    geo::ImportSummary summary; // when imported
};

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilesPageId, SourcePageId, RunPageId };

    // `projectPath`: the open project (created by the first import when it does not exist);
    // empty: the user picks one on the first page.
    explicit ImportWizard(const QString& projectPath = {}, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setProjectPath(const QString& path);
    QString projectPath() const { return m_projectPath; }

    // Adds files (e.g. dropped on the main window); a shapefile's .dbf/.shx/.prj/.cpg select its
    // .shp, duplicates are ignored. Each is inspected on a worker thread.
    void addFiles(const QStringList& paths);
    void removeFile(int index);
    QStringList files() const;

    // Per-file settings; valid until files are added or removed.
    std::vector<ImportPlan>& plans() noexcept { return m_plans; }
    const std::vector<geo::MappingProfile>& profiles() const noexcept { return m_profiles; }
    bool isInspecting() const noexcept { return m_inspecting; }

    // Starts importing every file (normally done by entering the last page). False while
    // an import runs or when there is nothing to import.
    bool startImport();
    bool isImporting() const noexcept { return m_importer->isRunning(); }
    // Thread-safe. The file being imported is rolled back; files already imported stay, the
    // rest are not started. The report says which is which.
    void cancelImport() noexcept { m_importer->cancel(); }
    const std::vector<ImportOutcome>& outcomes() const noexcept { return m_outcomes; }

    ImportFilesPage* filesPage() const noexcept { return m_filesPage; }
    ImportSourcePage* sourcePage() const noexcept { return m_sourcePage; }
    ImportRunPage* runPage() const noexcept { return m_runPage; }

signals:
    void filesChanged();
    void inspectionFinished();
    // Emitted on the worker thread (use a queued connection to touch widgets).
    void importProgress(const QString& step, double fraction);
    // Emitted on the GUI thread when the import ends; `completed`: no file failed or was
    // cancelled.
    void importFinished(bool completed);
    // Something was written to the project: the main window should reload it.
    void projectChanged(const QString& projectPath);

public slots:
    void reject() override; // while importing: cancel instead of closing

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void retranslateUi();
    void inspectPending();
    void importDone(BackgroundTask::Outcome outcome, const QString& error);

    QString m_projectPath;
    std::vector<ImportPlan> m_plans;
    std::vector<geo::MappingProfile> m_profiles;
    QString m_profilesError;
    std::vector<ImportOutcome> m_outcomes;
    std::shared_ptr<std::vector<ImportOutcome>> m_running; // filled by the worker
    QTemporaryDir m_scratch;                               // edited mapping profiles
    bool m_inspecting = false;   // until the results are merged, not only computed
    bool m_inspectAgain = false; // files were added while inspecting
    BackgroundTask* m_inspector = nullptr;
    BackgroundTask* m_importer = nullptr;
    ImportFilesPage* m_filesPage = nullptr;
    ImportSourcePage* m_sourcePage = nullptr;
    ImportRunPage* m_runPage = nullptr;
};

} // namespace app
