#include "app/gui/import_wizard.h"

#include <algorithm>

#include <QAbstractButton>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

#include "app/gui/import_files_page.h"
#include "app/gui/import_run_page.h"
#include "app/gui/import_source_page.h"
#include "app/resource_paths.h"
#include "geo/dem_import.h"
#include "geo/error.h"
#include "geo/gdal_session.h"

namespace app {
namespace {

// A shapefile is chosen by any of its parts; the importer wants the .shp.
QString canonicalSource(const QString& path) {
    const QFileInfo info(path);
    static const QStringList parts = {"dbf", "shx", "prj", "cpg", "qix", "sbn"};
    if (parts.contains(info.suffix().toLower())) {
        for (const QString& ext : {QStringLiteral("shp"), QStringLiteral("SHP")}) {
            const QString shp = info.path() + "/" + info.completeBaseName() + "." + ext;
            if (QFileInfo::exists(shp))
                return QFileInfo(shp).absoluteFilePath();
        }
    }
    return info.absoluteFilePath();
}

struct Inspection {
    QString path;
    geo::SourceInfo info;
    geo::RawSample raw;
    QString error;
};

} // namespace

ImportWizard::ImportWizard(const QString& projectPath, QWidget* parent)
    : QWizard(parent)
    , m_projectPath(projectPath)
    , m_inspector(new BackgroundTask(this))
    , m_importer(new BackgroundTask(this)) {
    geo::initialiseGdal();
    try {
        m_profiles = geo::MappingProfile::loadDirectory(profilesDirectory());
    } catch (const std::exception& e) {
        m_profilesError = QString::fromStdString(e.what());
    }
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true); // the page has its own Cancel
    setAcceptDrops(true);
    m_filesPage = new ImportFilesPage(this);
    m_sourcePage = new ImportSourcePage(this);
    m_runPage = new ImportRunPage(this);
    setPage(FilesPageId, m_filesPage);
    setPage(SourcePageId, m_sourcePage);
    setPage(RunPageId, m_runPage);
    resize(980, 720);

    // Re-emitted on the worker thread, so that a direct connection runs inside the job.
    connect(m_importer, &BackgroundTask::progress, this, &ImportWizard::importProgress,
            Qt::DirectConnection);
    connect(m_importer, &BackgroundTask::finished, this, &ImportWizard::importDone);
    retranslateUi();
}

ImportWizard::~ImportWizard() {
    // The jobs report to this object: stop them before its members go.
    m_importer->cancel();
    m_importer->wait();
    m_inspector->cancel();
    m_inspector->wait();
}

void ImportWizard::setProjectPath(const QString& path) {
    m_projectPath = path;
    emit filesChanged();
}

void ImportWizard::addFiles(const QStringList& paths) {
    bool added = false;
    for (const QString& p : paths) {
        const QString path = canonicalSource(p);
        if (path.isEmpty() || !QFileInfo(path).isFile())
            continue;
        const bool known = std::any_of(m_plans.begin(), m_plans.end(),
                                       [&](const ImportPlan& plan) { return plan.path == path; });
        if (known)
            continue;
        ImportPlan plan;
        plan.path = path;
        if (isRasterPath(path)) {
            plan.layer = "dem";
            plan.inspected = true; // a raster has no attributes; its CRS is decided on import
        }
        m_plans.push_back(std::move(plan));
        added = true;
    }
    if (!added)
        return;
    emit filesChanged();
    inspectPending();
}

void ImportWizard::removeFile(int index) {
    if (index < 0 || index >= static_cast<int>(m_plans.size()) || isImporting())
        return;
    m_plans.erase(m_plans.begin() + index);
    emit filesChanged();
}

QStringList ImportWizard::files() const {
    QStringList out;
    for (const ImportPlan& p : m_plans)
        out << p.path;
    return out;
}

void ImportWizard::inspectPending() {
    if (m_inspecting) {
        m_inspectAgain = true;
        return;
    }
    QStringList pending;
    for (const ImportPlan& p : m_plans)
        if (!p.inspected)
            pending << p.path;
    if (pending.isEmpty()) {
        emit inspectionFinished();
        return;
    }
    m_inspecting = true;
    auto results = std::make_shared<std::vector<Inspection>>();
    // Results are merged on the GUI thread; the job only fills its own vector.
    connect(
        m_inspector, &BackgroundTask::finished, this,
        [this, results] {
            for (const Inspection& r : *results)
                for (ImportPlan& plan : m_plans)
                    if (plan.path == r.path && !plan.inspected) {
                        plan.inspected = true;
                        plan.inspectionError = r.error;
                        plan.info = r.info;
                        plan.raw = r.raw;
                        if (plan.layer.isEmpty())
                            plan.layer =
                                guessLayer(plan.path, plan.decodedFieldNames(), m_profiles);
                    }
            m_inspecting = false;
            emit filesChanged();
            if (m_inspectAgain) {
                m_inspectAgain = false;
                inspectPending();
            } else {
                emit inspectionFinished();
            }
        },
        static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
    m_inspector->start([pending, results](BackgroundTask& task) {
        for (const QString& path : pending) {
            if (task.isCancelled())
                return;
            Inspection r;
            r.path = path;
            try {
                r.info = geo::inspectSource(path.toStdString());
                r.raw = geo::sampleRawValues(path.toStdString(), 6);
            } catch (const std::exception& e) {
                r.error = QString::fromStdString(e.what());
            }
            results->push_back(std::move(r));
        }
    });
}

bool ImportWizard::startImport() {
    if (isImporting() || m_plans.empty() || m_projectPath.isEmpty())
        return false;
    // Ledgers refer to parcels and parcels to villages: import in that order.
    std::vector<ImportPlan> ordered = m_plans;
    std::stable_sort(ordered.begin(), ordered.end(), [](const ImportPlan& a, const ImportPlan& b) {
        return importLayers().indexOf(a.layer) < importLayers().indexOf(b.layer);
    });
    std::vector<geo::ImportOptions> jobs;
    m_outcomes.clear();
    for (const ImportPlan& plan : ordered) {
        geo::ImportOptions o;
        o.project = m_projectPath.toStdString();
        o.source = plan.path.toStdString();
        o.layer = plan.layer.toStdString();
        o.encoding = plan.encoding.toStdString();
        o.crs = plan.crsEpsg > 0 ? "EPSG:" + std::to_string(plan.crsEpsg) : "auto";
        o.profile = plan.profile.toStdString();
        o.profilesDirectory = profilesDirectory();
        ImportOutcome outcome;
        outcome.path = plan.path;
        outcome.layer = plan.layer;
        if (plan.mapping && !plan.isRaster()) {
            const geo::MappingProfile* profile = nullptr;
            for (const geo::MappingProfile& p : m_profiles)
                if (QString::fromStdString(p.name) == plan.profile)
                    profile = &p;
            if (!profile)
                profile = geo::chooseProfile(m_profiles, o.layer, plan.decodedFieldNames());
            try {
                if (profile && m_scratch.isValid())
                    o.profile =
                        writeEditedProfile(*profile, *plan.mapping, m_scratch.path().toStdString());
            } catch (const std::exception& e) {
                outcome.status = ImportOutcome::Status::Failed;
                outcome.error = QString::fromStdString(e.what());
            }
        }
        jobs.push_back(std::move(o));
        m_outcomes.push_back(std::move(outcome));
    }
    // The summaries hold geometries (move-only): the outcomes move to the job and back.
    m_running = std::make_shared<std::vector<ImportOutcome>>(std::move(m_outcomes));
    m_outcomes.clear();
    auto results = m_running;
    return m_importer->start([jobs, results](BackgroundTask& task) {
        const double n = static_cast<double>(jobs.size());
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            ImportOutcome& outcome = (*results)[i];
            if (outcome.status == ImportOutcome::Status::Failed)
                continue;
            if (task.isCancelled()) {
                outcome.status = ImportOutcome::Status::NotStarted;
                continue;
            }
            geo::ImportOptions o = jobs[i];
            const QString file = QFileInfo(QString::fromStdString(o.source)).fileName();
            o.progress = [&](const std::string& step, double fraction) {
                task.reportProgress(file + ": " + QString::fromStdString(step),
                                    (static_cast<double>(i) + fraction) / n);
            };
            o.cancelled = [&] {
                return task.isCancelled();
            };
            try {
                outcome.summary = o.layer == "dem" ? geo::importDem(o) : geo::importIntoProject(o);
                outcome.status = ImportOutcome::Status::Imported;
            } catch (const geo::Cancelled&) {
                outcome.status = ImportOutcome::Status::Cancelled;
            } catch (const std::exception& e) {
                outcome.status = ImportOutcome::Status::Failed;
                outcome.error = QString::fromStdString(e.what());
            }
        }
    });
}

void ImportWizard::importDone(BackgroundTask::Outcome outcome, const QString& error) {
    if (m_running)
        m_outcomes = std::move(*m_running);
    m_running.reset();
    if (outcome == BackgroundTask::Outcome::Failed) // a failure outside any one file
        for (ImportOutcome& o : m_outcomes)
            if (o.status == ImportOutcome::Status::NotStarted) {
                o.status = ImportOutcome::Status::Failed;
                o.error = error;
            }
    const bool any = std::any_of(m_outcomes.begin(), m_outcomes.end(), [](const auto& o) {
        return o.status == ImportOutcome::Status::Imported;
    });
    const bool all = std::all_of(m_outcomes.begin(), m_outcomes.end(), [](const auto& o) {
        return o.status == ImportOutcome::Status::Imported;
    });
    if (any)
        emit projectChanged(m_projectPath);
    emit importFinished(all);
}

void ImportWizard::reject() {
    if (isImporting()) {
        cancelImport();
        return;
    }
    QWizard::reject();
}

void ImportWizard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void ImportWizard::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ImportWizard::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    addFiles(paths);
    event->acceptProposedAction();
}

void ImportWizard::retranslateUi() {
    setWindowTitle(tr("Import survey data"));
    // QWizard's own buttons follow the application's language, not Qt's translations.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CommitButton, tr("&Import"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

} // namespace app
