// The tianmu main window. For now: the project's preview map, File › Open and a status line;
// the full map canvas, panels and dialogs come with their own issues.
#pragma once

#include <QMainWindow>
#include <QString>

namespace app {

class PreviewWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens a project GeoPackage; on bad input shows the reason in the status bar and a
    // message box (unless `quiet`) and keeps the current project. Returns success.
    bool openProject(const QString& path, bool quiet = false);

    const QString& projectPath() const noexcept { return m_projectPath; }
    PreviewWidget* preview() const noexcept { return m_preview; }

signals:
    void projectOpened(const QString& path);

private:
    void chooseProject();

    PreviewWidget* m_preview = nullptr;
    QString m_projectPath;
};

} // namespace app
