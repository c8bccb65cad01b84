#include "app/gui/import_files_page.h"

#include <algorithm>

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

#include "app/gui/import_wizard.h"

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

void ImportFilesPage::refresh() {
    if (m_project->text() != m_wizard->projectPath())
        m_project->setText(m_wizard->projectPath());
    m_files->clear();
    for (const ImportPlan& plan : m_wizard->plans()) {
        QString state;
        if (!plan.inspected)
            state = tr("reading…");
        else if (!plan.inspectionError.isEmpty())
            state = tr("cannot be read: %1").arg(plan.inspectionError);
        else
            state = layerTitle(plan.layer);
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
