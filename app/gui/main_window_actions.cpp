// The main window's workflows: the links between the map, the table and the parcel panel,
// find, editing (lock, marks, save), and the dialogs of the menus. The window's assembly is
// in main_window.cpp.
#include "app/gui/main_window.h"
#include "app/gui/main_window_ui.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/gui/attribute_table_model.h"
#include "app/gui/attribute_table_view.h"
#include "app/gui/classify_dialog.h"
#include "app/gui/edit_controller.h"
#include "app/gui/identify_panel.h"
#include "app/gui/import_wizard.h"
#include "app/gui/layer_panel.h"
#include "app/gui/map_canvas.h"
#include "app/gui/report_dialog.h"
#include "app/i18n/language_manager.h"
#include "app/resource_paths.h"
#include "geo/field_aliases.h"
#include "geo/gdal_session.h"
#include "geo/sql_quoting.h"

namespace app {
namespace {

geo::Extent villageExtent(const VillageDrawing& villages, std::size_t v) {
    return v < villages.box.size() ? villages.box[v] : geo::Extent{};
}

} // namespace

bool MainWindow::find(const QString& text) {
    const auto& drawing = m_canvas->drawing();
    const std::string wanted = text.trimmed().toStdString();
    if (!drawing || wanted.empty())
        return false;
    const VillageDrawing& villages = drawing->villages;
    for (std::size_t v = 0; v < villages.code.size(); ++v)
        if (villages.name[v] == wanted || villages.code[v] == wanted) {
            m_canvas->setView(villageExtent(villages, v));
            showStatus([name = QString::fromStdString(villages.name[v]),
                        code = QString::fromStdString(villages.code[v])] {
                return tr("Village %1 (%2)").arg(name, code);
            });
            return true;
        }
    // A parcel id (BSM): one indexed lookup in the project for its fid.
    long long fid = -1;
    try {
        GDALDatasetUniquePtr dataset = geo::openVector(drawing->path);
        OGRLayer* parcels = dataset->GetLayerByName("parcels");
        if (parcels && parcels->GetLayerDefn()->GetFieldIndex("BSM") >= 0) {
            parcels->SetAttributeFilter(("BSM = " + geo::sqlText(wanted)).c_str());
            if (OGRFeatureUniquePtr feature{parcels->GetNextFeature()})
                fid = feature->GetFID();
        }
    } catch (const std::exception&) {
        fid = -1;
    }
    const geo::CompactPolygons& polygons = drawing->parcels.polygons;
    for (std::size_t i = 0; fid >= 0 && i < polygons.size(); ++i)
        if (polygons.fid(i) == fid) {
            m_canvas->setSelection({std::uint32_t(i)});
            m_canvas->zoomToFeature(std::uint32_t(i));
            showStatus([text] { return tr("Parcel %1").arg(text.trimmed()); });
            return true;
        }
    showStatus([text] { return tr("Nothing called %1 in this project").arg(text.trimmed()); });
    return false;
}

void MainWindow::wireComponents() {
    // Selection both ways between the map and the table; a guard keeps them from echoing.
    connect(m_canvas, &MapCanvas::selectionChanged, this,
            [this](const std::vector<std::uint32_t>& features) {
                if (m_syncingSelection || !m_canvas->drawing())
                    return;
                QSet<qint64> fids;
                for (std::uint32_t f : features)
                    fids.insert(m_canvas->drawing()->parcels.polygons.fid(f));
                m_syncingSelection = true;
                m_table->selectParcels(fids);
                m_syncingSelection = false;
                updateEditActions();
            });
    connect(m_table, &AttributeTableView::parcelSelectionChanged, this,
            [this](const QList<qint64>& fids) {
                if (m_syncingSelection)
                    return;
                m_syncingSelection = true;
                m_canvas->setSelection(featuresOf(fids));
                m_syncingSelection = false;
                updateEditActions();
            });
    connect(m_table, &AttributeTableView::zoomToParcel, this, [this](qint64 fid) {
        const auto features = featuresOf({fid});
        if (!features.empty())
            m_canvas->zoomToFeature(features.front());
    });
    connect(m_canvas, &MapCanvas::parcelIdentified, this, &MainWindow::showIdentified);
    connect(m_canvas, &MapCanvas::assetIdentified, this, &MainWindow::showIdentifiedAsset);
    connect(m_canvas, &MapCanvas::villageIdentified, this, &MainWindow::showIdentifiedVillage);
    connect(m_identify, &IdentifyPanel::assetStatusChosen, this, &MainWindow::setAssetStatus);
    connect(m_layers, &LayerPanel::filterChanged, m_tableModel,
            [this](const ParcelFilter& filter) { m_tableModel->setFilter(filter); });
    connect(m_tableModel, &AttributeTableModel::failed, this,
            [this](const QString& message) { showStatusText(message); });

    connect(m_edits, &EditController::dirtyChanged, this, [this] { retranslate(); });
    connect(m_edits, &EditController::editsChanged, this, [this] {
        if (m_edits->session())
            m_tableModel->setPendingIdle(m_edits->session()->pendingIdle());
        m_identify->refresh(); // a pending or undone edit of what it shows
        updateEditActions();
    });
    connect(m_edits, &EditController::saved, this, [this](int edits) {
        showStatus([edits] { return tr("%n edit(s) saved", "", edits); });
        // The map, the table and the panel show saved values: read them again.
        openProject(m_projectPath, true);
    });
    connect(m_edits, &EditController::editingChanged, this, [this] {
        m_identify->setEditSession(m_edits->session());
        updateEditActions();
    });
}

std::vector<std::uint32_t> MainWindow::featuresOf(const QList<qint64>& fids) const {
    std::vector<std::uint32_t> features;
    if (!m_canvas->drawing())
        return features;
    for (qint64 fid : fids)
        if (const long long index = m_canvas->drawing()->parcels.indexOfFid(fid); index >= 0)
            features.push_back(std::uint32_t(index));
    return features;
}

void MainWindow::showIdentified(long long feature) {
    if (feature < 0 || !m_canvas->drawing()) {
        m_identify->clear();
        return;
    }
    m_identify->showParcel(m_canvas->drawing()->parcels.polygons.fid(std::size_t(feature)));
    m_ui->identifyDock->show();
    m_ui->identifyDock->raise();
}

void MainWindow::showIdentifiedAsset(long long assetFid) {
    m_identify->showAsset(assetFid);
    m_ui->identifyDock->show();
    m_ui->identifyDock->raise();
}

void MainWindow::showIdentifiedVillage(long long village) {
    const std::shared_ptr<const ProjectDrawing> drawing = m_canvas->drawing();
    if (!drawing || village < 0 ||
        static_cast<std::size_t>(village) >= drawing->villages.code.size()) {
        m_identify->clear();
        return;
    }
    const auto v = static_cast<std::size_t>(village);
    m_identify->showVillage(QString::fromStdString(drawing->villages.code[v]),
                            QString::fromStdString(drawing->villages.name[v]));
    m_ui->identifyDock->show();
    m_ui->identifyDock->raise();
}

void MainWindow::setLanguageManager(LanguageManager* languages) {
    m_languages = languages;
    menuBar()->insertMenu(m_ui->help->menuAction(), languages->createMenu(this));
    connect(languages, &LanguageManager::languageChanged, this, &MainWindow::updateAliases);
    updateAliases();
}

void MainWindow::updateAliases() {
    const bool zh = !m_languages || m_languages->language().startsWith("zh");
    m_canvas->setLanguageZh(zh);
    m_legend->setTheme(m_canvas->currentTheme(), zh);
    try {
        const geo::FieldAliases aliases =
            geo::FieldAliases::load(dataDirectory() + "/fields/field_aliases.json");
        const QString language = zh ? QStringLiteral("zh") : QStringLiteral("en");
        m_tableModel->setAliases(aliases, language);
        m_identify->setAliases(aliases, language);
    } catch (const std::exception& e) {
        showStatusText(QString::fromStdString(e.what()));
    }
}

void MainWindow::updateEditActions() {
    const bool project = !m_projectPath.isEmpty();
    const bool editing = m_edits->isEditing();
    const bool selected = !m_canvas->selection().empty();
    m_ui->startEditing->setEnabled(project);
    m_ui->startEditing->setChecked(editing);
    m_ui->markIdle->setEnabled(editing && selected);
    m_ui->markInUse->setEnabled(editing && selected);
    m_ui->addTransfer->setEnabled(editing && m_canvas->selection().size() == 1);
    m_ui->saveEdits->setEnabled(editing && m_edits->isDirty());
    m_ui->classify->setEnabled(project);
    m_ui->report->setEnabled(project);
}

bool MainWindow::startEditing() {
    if (m_projectPath.isEmpty())
        return false;
    QString error;
    if (!m_edits->openForEditing(m_projectPath, &error)) {
        showStatusText(error);
        if (isVisible())
            QMessageBox::information(this, tr("The project cannot be edited now"), error);
        return false;
    }
    showStatus([file = QFileInfo(m_projectPath).fileName()] {
        return tr("Editing %1: changes are kept until you save them (Ctrl+S)").arg(file);
    });
    updateEditActions();
    return true;
}

bool MainWindow::markSelectionIdle(bool idle) {
    if (!m_edits->isEditing() || m_canvas->selection().empty() || !m_canvas->drawing())
        return false;
    QList<qint64> fids;
    for (std::uint32_t f : m_canvas->selection())
        fids << m_canvas->drawing()->parcels.polygons.fid(f);
    QStringList problems;
    const bool done = m_edits->markIdle(fids, idle, false, &problems);
    if (!done)
        showStatusText(problems.join("; "));
    return done;
}

bool MainWindow::setAssetStatus(qint64 assetFid, const QString& status) {
    QStringList problems;
    const bool done = m_edits->setAssetStatus({assetFid}, status, &problems);
    if (!done)
        showStatusText(problems.join("; "));
    return done;
}

bool MainWindow::saveEdits() {
    QString error;
    if (!m_edits->save(&error)) {
        showStatusText(error);
        if (isVisible())
            QMessageBox::warning(this, tr("The edits could not be saved"), error);
        return false;
    }
    return true;
}

QDialog* MainWindow::showImportWizard(const QStringList& files) {
    auto* wizard = new ImportWizard(m_projectPath, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::projectChanged, this,
            [this](const QString& path) { openProject(path, true); });
    if (!files.isEmpty())
        wizard->addFiles(files);
    wizard->show();
    return wizard;
}

QDialog* MainWindow::showClassifyDialog() {
    if (m_projectPath.isEmpty())
        return nullptr;
    auto* dialog = new ClassifyDialog(m_projectPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ClassifyDialog::projectChanged, this,
            [this](const QString& path) { openProject(path, true); });
    dialog->show();
    return dialog;
}

QDialog* MainWindow::showReportDialog() {
    if (m_projectPath.isEmpty())
        return nullptr;
    auto* dialog = new ReportDialog(m_projectPath, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace app
