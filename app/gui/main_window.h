// The tianmu main window: the map canvas in the centre; docks for layers and filters, the
// legend, the attribute table and the identify panel; toolbar and menus; a status bar with
// the cursor position (project CRS and degrees), the scale and the area unit. Remembers its
// layout and recent projects.
#pragma once

#include <functional>
#include <memory>

#include <QMainWindow>
#include <QString>

#include "app/gui/legend_panel.h"
#include "app/render/category_style.h"

class QLabel;
class QLineEdit;
class QComboBox;
class QActionGroup;
class QMenu;

namespace app {

class AttributeTableModel;
class AttributeTableView;
class EditController;
class IdentifyPanel;
class LanguageManager;
class MapCanvas;
class LayerPanel;
class ProjectLoader;
struct ProjectDrawing;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts opening a project GeoPackage (the drawing data load on a worker thread).
    // Returns false at once, with the reason in the status bar (and a message box unless
    // `quiet`), when the file cannot be a project; the open project stays.
    bool openProject(const QString& path, bool quiet = false);

    const QString& projectPath() const noexcept { return m_projectPath; }
    MapCanvas* canvas() const noexcept { return m_canvas; }
    LayerPanel* layerPanel() const noexcept { return m_layers; }
    LegendPanel* legendPanel() const noexcept { return m_legend; }
    QLineEdit* findBox() const noexcept { return m_find; }
    // Finds a village (name or code) or a parcel (BSM) and zooms there. Returns success.
    bool find(const QString& text);
    void setAreaUnit(AreaUnit unit);
    // Adds the Language menu and follows its changes (field aliases, legend labels).
    void setLanguageManager(LanguageManager* languages);

    AttributeTableView* attributeTable() const noexcept { return m_table; }
    AttributeTableModel* attributeModel() const noexcept { return m_tableModel; }
    IdentifyPanel* identifyPanel() const noexcept { return m_identify; }
    EditController* edits() const noexcept { return m_edits; }

    // The workflows of the menus, callable from tests: each opens its dialog non-modally and
    // returns it (owned by the window).
    QDialog* showImportWizard(const QStringList& files = {});
    QDialog* showClassifyDialog();
    QDialog* showReportDialog();
    // Editing the open project (Edit menu): false with the reason in the status bar.
    bool startEditing();
    bool markSelectionIdle(bool idle);
    // Queues the new status of an asset (the identify panel's Apply); false with the reason in
    // the status bar.
    bool setAssetStatus(qint64 assetFid, const QString& status);
    bool saveEdits();
    // Shows `path` (any raster GDAL reads) under the map of the open project and remembers it
    // for this project; false with the reason in the status bar (and a message box unless
    // `quiet`).
    bool setBasemap(const QString& path, bool quiet = false);

signals:
    void projectOpened(const QString& path);
    void projectFailed(const QString& path, const QString& reason);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildActions();
    void retranslate();
    void chooseProject();
    void projectLoaded(const QString& path, std::shared_ptr<const ProjectDrawing> drawing,
                       double seconds);
    void projectLoadFailed(const QString& path, const QString& reason);
    void applyTheme(const QString& name);
    void updateRecentMenu();
    void showCursor(double x, double y);
    void showScale();
    void updateFindCompletion();
    void wireComponents();
    void updateAliases();
    void showIdentified(long long feature);
    void showIdentifiedAsset(long long assetFid);
    void showIdentifiedVillage(long long village);
    void updateEditActions();
    // The status bar's message is kept as a function that builds it, so a language switch shows
    // it again in the new language; showStatusText is for text that comes ready-made (an
    // error from a component or from geo, which are not retranslated).
    void showStatus(std::function<QString()> message);
    void showStatusText(const QString& text);
    std::vector<std::uint32_t> featuresOf(const QList<qint64>& fids) const;

    MapCanvas* m_canvas = nullptr;
    LayerPanel* m_layers = nullptr;
    LegendPanel* m_legend = nullptr;
    ProjectLoader* m_loader = nullptr;
    QLineEdit* m_find = nullptr;
    QLabel* m_coordinates = nullptr;
    QLabel* m_scale = nullptr;
    QComboBox* m_unit = nullptr;
    QMenu* m_recentMenu = nullptr;
    AttributeTableModel* m_tableModel = nullptr;
    AttributeTableView* m_table = nullptr;
    IdentifyPanel* m_identify = nullptr;
    EditController* m_edits = nullptr;
    LanguageManager* m_languages = nullptr;
    bool m_syncingSelection = false;
    QString m_projectPath;
    QString m_pendingPath;
    bool m_pendingQuiet = false;
    std::function<QString()> m_status;
    std::map<std::string, std::shared_ptr<const CategoryStyle>> m_styles;
    struct Ui;
    std::unique_ptr<Ui> m_ui;
};

} // namespace app
