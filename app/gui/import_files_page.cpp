#include "app/gui/import_files_page.h"

#include <algorithm>
#include <map>

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/gui/import_wizard.h"
#include "geo/gdal_session.h"

namespace app {

ImportFilesPage::ImportFilesPage(ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_projectLabel(new QLabel(this))
    , m_project(new QLineEdit(this))
    , m_browseProject(new QPushButton(this))
    , m_filesLabel(new QLabel(this))
    , m_files(new QListWidget(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_hint(new QLabel(this)) {
    m_hint->setWordWrap(true);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto* projectRow = new QHBoxLayout;
    projectRow->addWidget(m_project, 1);
    projectRow->addWidget(m_browseProject);
    auto* buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* filesRow = new QHBoxLayout;
    filesRow->addWidget(m_files, 1);
    filesRow->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_projectLabel);
    layout->addLayout(projectRow);
    layout->addSpacing(8);
    layout->addWidget(m_filesLabel);
    layout->addLayout(filesRow, 1);
    layout->addWidget(m_hint);

    m_project->setText(wizard->projectPath());
    connect(m_project, &QLineEdit::textEdited, this,
            [this](const QString& text) { m_wizard->setProjectPath(text.trimmed()); });
    connect(m_browseProject, &QPushButton::clicked, this, &ImportFilesPage::chooseProject);
    connect(m_add, &QPushButton::clicked, this, &ImportFilesPage::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QList<QListWidgetItem*> chosen = m_files->selectedItems();
        std::vector<int> rows;
        for (QListWidgetItem* item : chosen)
            rows.push_back(m_files->row(item));
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            m_wizard->removeFile(row);
    });
    connect(wizard, &ImportWizard::filesChanged, this, &ImportFilesPage::refresh);
    retranslateUi();
}

bool ImportFilesPage::isComplete() const {
    return !m_wizard->projectPath().isEmpty() && !m_wizard->plans().empty();
}

namespace {

// What the project holds now, for saying what each import will replace.
struct ProjectContents {
    std::map<QString, long long> features; // per layer with features; the DEM counts as 1
    bool classified = false;
};

ProjectContents contentsOf(const QString& path, const std::vector<ImportPlan>& plans) {
    ProjectContents out;
    if (path.isEmpty() || !QFileInfo::exists(path))
        return out;
    const geo::GdalMessageCollector quiet; // not a project yet: nothing to replace
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(),
                                              GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY,
                                              drivers, nullptr, nullptr));
    if (!ds)
        return out;
    // Only the layers the files go to: counting every layer would also count the QGIS views,
    // a join of every parcel, each time the list changes.
    for (const ImportPlan& plan : plans)
        if (OGRLayer* layer = ds->GetLayerByName(plan.layer.toUtf8().constData()))
            if (const GIntBig count = layer->GetFeatureCount(); count > 0)
                out.features[plan.layer] = count;
    out.classified = ds->GetLayerByName("parcel_classes") != nullptr;
    if (OGRLayer* dem =
            ds->ExecuteSQL("SELECT 1 FROM gpkg_contents WHERE table_name = 'dem' AND data_type IN "
                           "('tiles', '2d-gridded-coverage')",
                           nullptr, nullptr)) {
        if (dem->GetFeatureCount() > 0)
            out.features["dem"] = 1;
        ds->ReleaseResultSet(dem);
    }
    return out;
}

} // namespace

void ImportFilesPage::refresh() {
    if (m_project->text() != m_wizard->projectPath())
        m_project->setText(m_wizard->projectPath());
    m_files->clear();
    // Said before anything is imported: what each file replaces, and for parcels the
    // classification that goes with them.
    const ProjectContents project = contentsOf(m_wizard->projectPath(), m_wizard->plans());
    for (const ImportPlan& plan : m_wizard->plans()) {
        QString state;
        if (!plan.inspected)
            state = tr("reading…");
        else if (!plan.inspectionError.isEmpty())
            state = tr("cannot be read: %1").arg(plan.inspectionError);
        else
            state = layerTitle(plan.layer);
        if (const auto had = project.features.find(plan.layer);
            plan.inspected && plan.inspectionError.isEmpty() && had != project.features.end()) {
            const int count = static_cast<int>(had->second);
            if (plan.layer == "dem")
                state = tr("%1 (replaces the project's DEM)").arg(state);
            else if (plan.layer == "parcels" && project.classified)
                state =
                    tr("%1 (replaces its %n feature(s) and removes the classification)", "", count)
                        .arg(state);
            else
                state = tr("%1 (replaces its %n feature(s))", "", count).arg(state);
        }
        m_files->addItem(
            QStringLiteral("%1  —  %2").arg(QDir::toNativeSeparators(plan.path), state));
    }
    emit completeChanged();
}

void ImportFilesPage::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Choose survey files"), QString(),
        tr("Survey data (*.shp *.gpkg *.geojson *.json *.fgb *.gdb *.csv *.xlsx *.tif *.tiff);;"
           "All files (*)"));
    m_wizard->addFiles(paths);
}

void ImportFilesPage::chooseProject() {
    // A save dialog: the project may be new, and is created by the first import.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Project to import into"), m_project->text(), tr("tianmu project (*.gpkg)"),
        nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_wizard->setProjectPath(path);
}

void ImportFilesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh();
    }
    QWizardPage::changeEvent(event);
}

void ImportFilesPage::retranslateUi() {
    setTitle(tr("Files to import"));
    setSubTitle(tr("Choose the surveyor's files, or drop them here. Several files can be "
                   "imported at once; tianmu checks each one on the next page."));
    m_projectLabel->setText(tr("Project (a new file is created by the first import):"));
    m_browseProject->setText(tr("Choose…"));
    m_filesLabel->setText(tr("Files:"));
    m_add->setText(tr("Add files…"));
    m_remove->setText(tr("Remove"));
    m_hint->setText(tr("Shapefiles (.shp with its .dbf, .shx and, if there is one, .prj and "
                       ".cpg), GeoPackage, GeoJSON, FlatGeobuf, CSV or XLSX ledgers, and "
                       "GeoTIFF elevation models."));
}

} // namespace app
