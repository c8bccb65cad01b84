// The main window's menus, actions and docks, shared by its two source files (the assembly in
// main_window.cpp, the workflows in main_window_actions.cpp). Private to them.
#pragma once

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QToolBar>

#include "app/gui/main_window.h"

namespace app {

struct MainWindow::Ui {
    QMenu* file = nullptr;
    QMenu* view = nullptr;
    QMenu* tools = nullptr;
    QMenu* edit = nullptr;
    QMenu* analysis = nullptr;
    QMenu* help = nullptr;
    QAction* importData = nullptr;
    QAction* classify = nullptr;
    QAction* report = nullptr;
    QAction* undo = nullptr;
    QAction* redo = nullptr;
    QAction* startEditing = nullptr;
    QAction* markIdle = nullptr;
    QAction* markInUse = nullptr;
    QAction* addTransfer = nullptr;
    QAction* saveEdits = nullptr;
    QAction* copyIdentify = nullptr;
    QDockWidget* tableDock = nullptr;
    QDockWidget* identifyDock = nullptr;
    QToolBar* toolbar = nullptr;
    QAction* open = nullptr;
    QAction* quit = nullptr;
    QAction* fullExtent = nullptr;
    QAction* zoomIn = nullptr;
    QAction* zoomOut = nullptr;
    QAction* previous = nullptr;
    QAction* next = nullptr;
    QAction* zoomSelection = nullptr;
    QAction* pan = nullptr;
    QAction* identify = nullptr;
    QAction* select = nullptr;
    QAction* measureDistance = nullptr;
    QAction* measureArea = nullptr;
    QAction* about = nullptr;
    QDockWidget* layersDock = nullptr;
    QDockWidget* legendDock = nullptr;
    QLabel* unitLabel = nullptr;
};

} // namespace app
