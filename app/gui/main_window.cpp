#include "app/gui/main_window.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "app/gui/preview_widget.h"
#include "app/render/project_preview.h"
#include "app/resource_paths.h"
#include "geo/error.h"

namespace app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_preview(new PreviewWidget(this)) {
    setWindowTitle(QStringLiteral("tianmu 田亩"));
    setCentralWidget(m_preview);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    statusBar()->showMessage(tr("No project open"));
}

void MainWindow::chooseProject() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("tianmu project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

bool MainWindow::openProject(const QString& path, bool quiet) {
    try {
        const CategoryStyle style =
            CategoryStyle::load(stylesDirectory() + "/landuse-sandiao.json");
        PreviewLayers layers = loadPreviewLayers(path.toStdString());
        const auto parcels = layers.parcels.featureCount();
        const auto villages = layers.villages.featureCount();
        m_preview->setProject(std::move(layers), style);
        m_projectPath = path;
        setWindowTitle(QFileInfo(path).fileName() + QStringLiteral(" — tianmu 田亩"));
        statusBar()->showMessage(tr("%1 parcels in %2 villages").arg(parcels).arg(villages));
        emit projectOpened(path);
        return true;
    } catch (const std::exception& e) {
        const QString reason = QString::fromStdString(e.what());
        statusBar()->showMessage(tr("Could not open the project: %1").arg(reason));
        if (!quiet)
            QMessageBox::warning(this, tr("Could not open the project"), reason);
        return false;
    }
}

} // namespace app
