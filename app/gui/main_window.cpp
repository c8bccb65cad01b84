#include "app/gui/main_window.h"
#include "app/gui/main_window_ui.h"

#include <algorithm>

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QUndoStack>

#include "app/gui/attribute_table_model.h"
#include "app/gui/attribute_table_view.h"
#include "app/gui/classify_dialog.h"
#include "app/gui/edit_controller.h"
#include "app/gui/identify_panel.h"
#include "app/gui/import_wizard.h"
#include "app/gui/layer_panel.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_loader.h"
#include "app/gui/report_dialog.h"
#include "app/i18n/geo_text.h"
#include "app/i18n/language_manager.h"
#include "app/render/theme_catalog.h"
#include "app/resource_paths.h"
#include "geo/field_aliases.h"
#include "geo/gdal_session.h"
#include "geo/report/report_source.h"

namespace app {
namespace {

// Where the basemap of a project is remembered (per user, by the project's absolute path).
QString basemapKey(const QString& projectPath) {
    return QStringLiteral("basemaps/") + QFileInfo(projectPath)
                                             .absoluteFilePath()
                                             .toUtf8()
                                             .toBase64(QByteArray::Base64UrlEncoding);
}

} // namespace

namespace {

constexpr int maxRecent = 8;

QStringList recentProjects() {
    return QSettings().value("recentProjects").toStringList();
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_canvas(new MapCanvas(this))
    , m_layers(new LayerPanel(this))
    , m_legend(new LegendPanel(this))
    , m_loader(new ProjectLoader(this))
    , m_find(new QLineEdit(this))
    , m_coordinates(new QLabel(this))
    , m_scale(new QLabel(this))
    , m_unit(new QComboBox(this))
    , m_tableModel(new AttributeTableModel(this))
    , m_table(new AttributeTableView(this))
    , m_identify(new IdentifyPanel(this))
    , m_edits(new EditController(this))
    , m_ui(std::make_unique<Ui>()) {
    setObjectName("MainWindow");
    setCentralWidget(m_canvas);
    setAcceptDrops(true);

    m_ui->layersDock = new QDockWidget(this);
    m_ui->layersDock->setObjectName("LayersDock");
    m_ui->layersDock->setWidget(m_layers);
    addDockWidget(Qt::LeftDockWidgetArea, m_ui->layersDock);
    m_ui->legendDock = new QDockWidget(this);
    m_ui->legendDock->setObjectName("LegendDock");
    m_ui->legendDock->setWidget(m_legend);
    addDockWidget(Qt::LeftDockWidgetArea, m_ui->legendDock);
    m_table->setTableModel(m_tableModel);
    m_ui->tableDock = new QDockWidget(this);
    m_ui->tableDock->setObjectName("AttributeTableDock");
    m_ui->tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, m_ui->tableDock);
    m_ui->identifyDock = new QDockWidget(this);
    m_ui->identifyDock->setObjectName("IdentifyDock");
    m_ui->identifyDock->setWidget(m_identify);
    addDockWidget(Qt::RightDockWidgetArea, m_ui->identifyDock);
    // Wide enough for the legend's counts and areas and the parcel panel's values.
    resizeDocks({m_ui->layersDock, m_ui->identifyDock}, {330, 330}, Qt::Horizontal);

    m_unit->addItem(QString(), int(AreaUnit::Mu));
    m_unit->addItem(QString(), int(AreaUnit::Hectare));
    m_unit->addItem(QString(), int(AreaUnit::SquareMetre));
    m_ui->unitLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_coordinates);
    statusBar()->addPermanentWidget(m_scale);
    statusBar()->addPermanentWidget(m_ui->unitLabel);
    statusBar()->addPermanentWidget(m_unit);

    buildActions();
    wireComponents();
    retranslate();

    connect(m_loader, &ProjectLoader::loaded, this, &MainWindow::projectLoaded,
            Qt::QueuedConnection);
    connect(m_loader, &ProjectLoader::failed, this, &MainWindow::projectLoadFailed,
            Qt::QueuedConnection);
    connect(
        m_loader, &ProjectLoader::progress, this,
        [this](double f) {
            showStatus([path = m_pendingPath, f] {
                return tr("Opening %1: %2 %").arg(path).arg(int(f * 100));
            });
        },
        Qt::QueuedConnection);
    connect(m_canvas, &MapCanvas::cursorMoved, this, &MainWindow::showCursor);
    connect(m_canvas, &MapCanvas::viewChanged, this, &MainWindow::showScale);
    connect(m_canvas, &MapCanvas::renderFinished, this, [this] {
        const MapSettings& view = m_canvas->view();
        m_legend->setAssets(view.drawing && view.style && view.layers.assets
                                ? assetLegend(view.drawing->assets, view.style->assets)
                                : std::vector<AssetLegendEntry>{});
        LegendPanel::Overlays overlays;
        if (view.drawing && view.style) {
            if (view.layers.roads)
                for (const std::string& grade : view.drawing->roads.grade)
                    ++(view.style->roads.isMain(grade) ? overlays.mainRoads : overlays.roads);
            overlays.seats = view.layers.seats ? view.drawing->seats.size() : 0;
            overlays.roadStyle = view.style->roads;
            overlays.seatStyle = view.style->seats;
        }
        m_legend->setOverlays(std::move(overlays));
        m_legend->setTheme(m_canvas->currentTheme(), view.zh);
        m_ui->previous->setEnabled(m_canvas->hasPreviousView());
        m_ui->next->setEnabled(m_canvas->hasNextView());
    });
    connect(m_canvas, &MapCanvas::renderFailed, this,
            [this](const QString& message) { showStatusText(message); });
    connect(m_layers, &LayerPanel::layersChanged, m_canvas, &MapCanvas::setLayers);
    connect(m_layers, &LayerPanel::filterChanged, m_canvas, &MapCanvas::setFilter);
    connect(m_layers, &LayerPanel::themeChanged, this, &MainWindow::applyTheme);
    connect(m_layers, &LayerPanel::basemapRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a basemap"), QString(),
            tr("Rasters (*.tif *.tiff *.jp2 *.mbtiles *.img *.vrt *.png *.jpg);;All files (*)"));
        if (!path.isEmpty())
            setBasemap(path);
    });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { find(m_find->text()); });
    connect(m_unit, &QComboBox::currentIndexChanged, this,
            [this] { setAreaUnit(AreaUnit(m_unit->currentData().toInt())); });

    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    if (!settings.contains("window/geometry"))
        resize(1280, 820);
    updateRecentMenu();
    try {
        m_canvas->setMapStyle(installedMapStyle());
    } catch (const std::exception& e) {
        showStatusText(QString::fromStdString(e.what())); // built-in look instead
    }
    applyTheme("zones");
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    Ui& ui = *m_ui;
    ui.file = menuBar()->addMenu(QString());
    ui.open = ui.file->addAction(QString(), this, &MainWindow::chooseProject);
    ui.open->setShortcut(QKeySequence::Open);
    m_recentMenu = ui.file->addMenu(QString());
    ui.importData = ui.file->addAction(QString(), this, [this] { showImportWizard(); });
    ui.importData->setShortcut(Qt::CTRL | Qt::Key_I);
    ui.file->addSeparator();
    ui.quit = ui.file->addAction(QString(), this, &QWidget::close);
    ui.quit->setShortcut(QKeySequence::Quit);

    ui.view = menuBar()->addMenu(QString());
    ui.fullExtent = ui.view->addAction(QString(), m_canvas, &MapCanvas::zoomToFullExtent);
    ui.fullExtent->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    ui.zoomIn = ui.view->addAction(QString(), this, [this] { m_canvas->zoomBy(2.0); });
    ui.zoomIn->setShortcut(QKeySequence::ZoomIn);
    ui.zoomOut = ui.view->addAction(QString(), this, [this] { m_canvas->zoomBy(0.5); });
    ui.zoomOut->setShortcut(QKeySequence::ZoomOut);
    ui.zoomSelection = ui.view->addAction(QString(), m_canvas, &MapCanvas::zoomToSelection);
    ui.zoomSelection->setShortcut(Qt::CTRL | Qt::Key_J);
    ui.previous = ui.view->addAction(QString(), m_canvas, &MapCanvas::previousView);
    ui.previous->setShortcut(Qt::ALT | Qt::Key_Left);
    ui.next = ui.view->addAction(QString(), m_canvas, &MapCanvas::nextView);
    ui.next->setShortcut(Qt::ALT | Qt::Key_Right);
    ui.view->addSeparator();
    ui.view->addAction(m_ui->layersDock->toggleViewAction());
    ui.view->addAction(m_ui->legendDock->toggleViewAction());
    ui.view->addAction(m_ui->tableDock->toggleViewAction());
    ui.view->addAction(m_ui->identifyDock->toggleViewAction());

    ui.edit = menuBar()->addMenu(QString());
    ui.undo = m_edits->undoStack()->createUndoAction(this);
    ui.undo->setShortcut(QKeySequence::Undo);
    ui.redo = m_edits->undoStack()->createRedoAction(this);
    ui.redo->setShortcut(QKeySequence::Redo);
    ui.edit->addAction(ui.undo);
    ui.edit->addAction(ui.redo);
    ui.edit->addSeparator();
    ui.startEditing = ui.edit->addAction(QString(), this, [this] {
        if (m_edits->isEditing()) {
            if (m_edits->maybeSave(this))
                m_edits->close();
        } else {
            startEditing();
        }
        updateEditActions();
    });
    ui.startEditing->setCheckable(true);
    ui.markIdle = ui.edit->addAction(QString(), this, [this] { markSelectionIdle(true); });
    ui.markInUse = ui.edit->addAction(QString(), this, [this] { markSelectionIdle(false); });
    ui.addTransfer = ui.edit->addAction(QString(), this, [this] {
        if (m_canvas->selection().size() != 1 || !m_edits->isEditing())
            return;
        geo::TransferRecord record;
        const auto fid = m_canvas->drawing()->parcels.polygons.fid(m_canvas->selection().front());
        record.parcel = m_edits->session()->parcelBsm(fid);
        m_edits->showTransferForm(this, record, std::nullopt);
    });
    ui.saveEdits = ui.edit->addAction(QString(), this, &MainWindow::saveEdits);
    ui.saveEdits->setShortcut(QKeySequence::Save);
    ui.edit->addSeparator();
    ui.copyIdentify = ui.edit->addAction(QString(), m_identify, &IdentifyPanel::copyToClipboard);

    ui.analysis = menuBar()->addMenu(QString());
    ui.classify = ui.analysis->addAction(QString(), this, [this] { showClassifyDialog(); });
    ui.classify->setShortcut(Qt::CTRL | Qt::Key_K);
    ui.report = ui.analysis->addAction(QString(), this, [this] { showReportDialog(); });
    ui.report->setShortcut(Qt::CTRL | Qt::Key_R);

    ui.tools = menuBar()->addMenu(QString());
    auto* tools = new QActionGroup(this);
    const auto tool = [&](QAction*& action, MapCanvas::Tool which, const QKeySequence& key) {
        action = ui.tools->addAction(QString());
        action->setCheckable(true);
        action->setShortcut(key);
        tools->addAction(action);
        connect(action, &QAction::triggered, this, [this, which] { m_canvas->setTool(which); });
    };
    tool(ui.pan, MapCanvas::Tool::Pan, Qt::Key_P);
    tool(ui.identify, MapCanvas::Tool::Identify, Qt::Key_I);
    tool(ui.select, MapCanvas::Tool::Select, Qt::Key_S);
    tool(ui.measureDistance, MapCanvas::Tool::MeasureDistance, Qt::Key_M);
    tool(ui.measureArea, MapCanvas::Tool::MeasureArea, Qt::SHIFT | Qt::Key_M);
    ui.pan->setChecked(true);

    ui.help = menuBar()->addMenu(QString());
    ui.about = ui.help->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About tianmu"),
                           tr("tianmu (田亩) %1: land-transfer and three-assets planning for "
                              "counties and villages.")
                               .arg(QStringLiteral(TIANMU_VERSION)));
    });

    ui.toolbar = addToolBar(QString());
    ui.toolbar->setObjectName("MainToolbar");
    for (QAction* a :
         {ui.open, ui.fullExtent, ui.zoomIn, ui.zoomOut, ui.previous, ui.next, ui.zoomSelection})
        ui.toolbar->addAction(a);
    ui.toolbar->addSeparator();
    for (QAction* a : {ui.pan, ui.identify, ui.select, ui.measureDistance, ui.measureArea})
        ui.toolbar->addAction(a);
    ui.toolbar->addSeparator();
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(280);
    ui.toolbar->addWidget(m_find);
}

void MainWindow::retranslate() {
    Ui& ui = *m_ui;
    setWindowTitle((m_edits->isDirty() ? QStringLiteral("* ") : QString()) +
                   (m_projectPath.isEmpty() ? tr("tianmu")
                                            : QFileInfo(m_projectPath).fileName() +
                                                  QStringLiteral(" — ") + tr("tianmu")));
    ui.file->setTitle(tr("&File"));
    ui.open->setText(tr("&Open project…"));
    m_recentMenu->setTitle(tr("Open &recent"));
    ui.quit->setText(tr("&Quit"));
    ui.view->setTitle(tr("&View"));
    ui.fullExtent->setText(tr("Zoom to &full extent"));
    ui.zoomIn->setText(tr("Zoom &in"));
    ui.zoomOut->setText(tr("Zoom &out"));
    ui.zoomSelection->setText(tr("Zoom to &selection"));
    ui.previous->setText(tr("&Previous view"));
    ui.next->setText(tr("&Next view"));
    ui.tools->setTitle(tr("&Tools"));
    ui.pan->setText(tr("&Pan"));
    ui.identify->setText(tr("&Identify parcel, asset or village"));
    ui.select->setText(tr("&Select parcels"));
    ui.measureDistance->setText(tr("Measure &distance"));
    ui.measureArea->setText(tr("Measure &area"));
    ui.importData->setText(tr("&Import data…"));
    ui.edit->setTitle(tr("&Edit"));
    ui.undo->setText(tr("&Undo"));
    ui.redo->setText(tr("&Redo"));
    ui.startEditing->setText(tr("&Edit this project"));
    ui.markIdle->setText(tr("Mark selected parcels &idle"));
    ui.markInUse->setText(tr("Mark selected parcels in &use"));
    ui.addTransfer->setText(tr("Add a &transfer record…"));
    ui.saveEdits->setText(tr("&Save edits"));
    ui.copyIdentify->setText(tr("&Copy identified details"));
    ui.analysis->setTitle(tr("&Analysis"));
    ui.classify->setText(tr("&Classify…"));
    ui.report->setText(tr("&Reports…"));
    ui.tableDock->setWindowTitle(tr("Attribute table"));
    ui.identifyDock->setWindowTitle(tr("Identify"));
    ui.help->setTitle(tr("&Help"));
    ui.about->setText(tr("&About tianmu"));
    ui.toolbar->setWindowTitle(tr("Map tools"));
    ui.layersDock->setWindowTitle(tr("Layers"));
    ui.legendDock->setWindowTitle(tr("Legend"));
    ui.unitLabel->setText(tr("Area unit:"));
    m_unit->setItemText(0, tr("mu"));
    m_unit->setItemText(1, tr("hectares"));
    m_unit->setItemText(2, tr("square metres"));
    m_find->setPlaceholderText(tr("Find village or parcel id…"));
    if (m_projectPath.isEmpty() && !m_loader->isLoading())
        showStatus([] { return tr("No project open"); });
    else if (m_status)
        statusBar()->showMessage(m_status());
    showScale();
}

void MainWindow::showStatus(std::function<QString()> message) {
    m_status = std::move(message);
    statusBar()->showMessage(m_status());
}

void MainWindow::showStatusText(const QString& text) {
    showStatus([text] { return text; });
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("tianmu project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString& path, bool quiet) {
    const QFileInfo info(path);
    QString reason;
    if (!info.exists())
        reason = tr("%1 was not found").arg(path);
    else if (!info.isReadable())
        reason = tr("%1 cannot be read (check its permissions)").arg(path);
    if (!reason.isEmpty()) {
        projectLoadFailed(path, reason);
        if (!quiet)
            QMessageBox::warning(this, tr("Could not open the project"), reason);
        return false;
    }
    m_pendingPath = path;
    m_pendingQuiet = quiet;
    showStatus([path] { return tr("Opening %1…").arg(path); });
    m_loader->load(path);
    return true;
}

void MainWindow::projectLoaded(const QString& path, std::shared_ptr<const ProjectDrawing> drawing,
                               double seconds) {
    m_projectPath = path;
    m_canvas->setDrawing(drawing);
    m_layers->setDrawing(drawing.get());
    if (!m_tableModel->setProject(path))
        showStatusText(m_tableModel->errorString());
    m_identify->setProject(path);
    updateAliases();
    updateFindCompletion();
    updateEditActions();
    retranslate();
    // A classification older than layers imported since is said on opening: the map shows
    // its zones, which may no longer be right.
    geo::ClassificationStaleness stale;
    try {
        stale = geo::report::ReportSource(path.toStdString()).classificationStaleness();
    } catch (const std::exception&) {
        // not classified: nothing to be out of date
    }
    showStatus([parcels = drawing->parcels.polygons.size(),
                villages = drawing->villages.code.size(), seconds, stale] {
        QString status = tr("%1 parcels in %2 villages, opened in %3 s")
                             .arg(parcels)
                             .arg(villages)
                             .arg(seconds, 0, 'f', 1);
        QStringList layers;
        for (const std::string& layer : stale.newerLayers)
            layers << geoLayerName(layer);
        if (!layers.isEmpty())
            status += tr("; the classification (as of %1) predates the import of %2: classify "
                         "again")
                          .arg(QString::fromStdString(stale.asOf), layers.join(tr(", ")));
        if (!stale.changedRuleFile.empty())
            status += tr("; the rule file %1 was changed after the classification: classify "
                         "again")
                          .arg(QFileInfo(QString::fromStdString(stale.changedRuleFile)).fileName());
        return status;
    });
    // The basemap this project was last shown with, if its file is still there.
    m_canvas->setBasemap(nullptr);
    m_layers->setBasemapName({});
    const QString basemap = QSettings().value(basemapKey(path)).toString();
    if (!basemap.isEmpty() && QFileInfo::exists(basemap))
        setBasemap(basemap, true);
    QStringList recent = recentProjects();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    while (recent.size() > maxRecent)
        recent.removeLast();
    QSettings().setValue("recentProjects", recent);
    updateRecentMenu();
    emit projectOpened(path);
}

bool MainWindow::setBasemap(const QString& path, bool quiet) {
    const auto& drawing = m_canvas->drawing();
    if (!drawing)
        return false;
    try {
        auto basemap = std::make_shared<const geo::Basemap>(path.toStdString(), drawing->epsg);
        m_canvas->setBasemap(std::move(basemap));
    } catch (const std::exception& e) {
        const QString reason = QString::fromStdString(e.what());
        showStatusText(reason);
        if (!quiet && isVisible())
            QMessageBox::warning(this, tr("The basemap cannot be shown"), reason);
        return false;
    }
    m_layers->setBasemapName(QFileInfo(path).fileName(), path);
    QSettings().setValue(basemapKey(m_projectPath), QFileInfo(path).absoluteFilePath());
    showStatus([name = QFileInfo(path).fileName()] {
        return tr("Basemap %1 shown under the map; lower the parcel opacity to see it through "
                  "the parcels")
            .arg(name);
    });
    return true;
}

void MainWindow::projectLoadFailed(const QString& path, const QString& reason) {
    showStatus([reason] { return tr("Could not open the project: %1").arg(reason); });
    if (!m_pendingQuiet && path == m_pendingPath && isVisible())
        QMessageBox::warning(this, tr("Could not open the project"), reason);
    emit projectFailed(path, reason);
}

void MainWindow::applyTheme(const QString& name) {
    const std::string theme = name.toStdString();
    auto& style = m_styles[theme];
    if (!style) {
        try {
            style = installedTheme(theme);
        } catch (const std::exception& e) {
            showStatusText(QString::fromStdString(e.what()));
            m_styles.erase(theme);
            return;
        }
    }
    m_layers->setThemeName(theme);
    m_canvas->setThemeStyle(style, theme);
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    for (const QString& path : recentProjects())
        m_recentMenu->addAction(path, this, [this, path] { openProject(path); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::showCursor(double x, double y) {
    double lon = 0, lat = 0;
    QString text = QStringLiteral("%1, %2").arg(x, 0, 'f', 2).arg(y, 0, 'f', 2);
    if (m_canvas->toDegrees(x, y, lon, lat))
        text += QStringLiteral("  (%1°E, %2°N)").arg(lon, 0, 'f', 6).arg(lat, 0, 'f', 6);
    m_coordinates->setText(text);
}

void MainWindow::showScale() {
    if (!m_canvas->drawing()) {
        m_scale->clear();
        return;
    }
    m_scale->setText(tr("Scale 1:%1").arg(qRound64(m_canvas->view().scaleDenominator())));
}

void MainWindow::setAreaUnit(AreaUnit unit) {
    m_legend->setAreaUnit(unit);
    const int index = m_unit->findData(int(unit));
    if (index >= 0 && index != m_unit->currentIndex())
        m_unit->setCurrentIndex(index);
}

void MainWindow::updateFindCompletion() {
    QStringList words;
    if (const auto& drawing = m_canvas->drawing())
        for (std::size_t v = 0; v < drawing->villages.code.size(); ++v) {
            words << QString::fromStdString(drawing->villages.name[v]);
            words << QString::fromStdString(drawing->villages.code[v]);
        }
    auto* completer = new QCompleter(words, m_find);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& text) { find(text); });
    m_find->setCompleter(completer);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_edits->maybeSave(this)) {
        event->ignore(); // the user chose Cancel: keep the window and the edits
        return;
    }
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList sources;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString file = url.toLocalFile();
        if (file.endsWith(".gpkg", Qt::CaseInsensitive)) {
            openProject(file);
            return;
        }
        if (!file.isEmpty())
            sources << file;
    }
    if (!sources.isEmpty())
        showImportWizard(sources); // survey files: import them into the open project
}

} // namespace app
