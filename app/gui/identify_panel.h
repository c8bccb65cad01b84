// The identify panel: everything about one parcel (attributes under their Chinese or English
// names, areas in 亩, 公顷 and m², its zone and the rule that decided it, idle and transfer
// status, every rule tried and why, its ledger records) or one 三资 asset (its ledger fields,
// status and audit history), as a table the user can select and copy; while editing, an asset's
// status can be set here.
#pragma once

#include <map>

#include <optional>

#include <QWidget>

#include <gdal_priv.h>

#include "geo/asset_details.h"
#include "geo/field_aliases.h"
#include "geo/parcel_details.h"
#include "geo/project_edit_session.h"
#include "geo/village_types.h"

class QAction;
class QLabel;
class QPushButton;
class QTableWidget;

namespace app {

class AssetStatusEditor;

class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);
    ~IdentifyPanel() override;

    // Field names shown through the alias table in "zh" or "en".
    void setAliases(const geo::FieldAliases& aliases, const QString& language);
    // Opens the project read-only (works while another session edits it). False when it
    // cannot be opened; the panel then says why.
    bool setProject(const QString& path);
    // With a session, idle status, transfer records and asset statuses show its pending edits
    // (marked "unsaved") and an asset's status can be set; null shows the saved project only.
    // The session must outlive its use here.
    void setEditSession(const geo::ProjectEditSession* session);
    // Shows parcel `fid`; false (and a message in the panel) when there is no such parcel.
    bool showParcel(qint64 fid);
    // Shows asset `fid` of the assets layer; false (and a message) when there is none.
    bool showAsset(qint64 fid);
    // Shows village `code` (ZLDWDM) named `name`: its figures from the classification (area
    // per zone, idle and transferred 亩, distances) and every village type tried and why.
    // Shows what it can, and says to classify, when the project has no figures for it yet.
    void showVillage(const QString& code, const QString& name);
    // Shows the parcel or asset shown again, e.g. after an edit was done or undone.
    void refresh();
    void clear();

    const std::optional<geo::ParcelDetails>& details() const noexcept { return m_details; }
    const std::optional<geo::AssetDetails>& asset() const noexcept { return m_asset; }
    // The code of the village shown, when one is.
    const std::optional<QString>& village() const noexcept { return m_villageCode; }
    AssetStatusEditor* statusEditor() const noexcept { return m_statusEditor; }
    QTableWidget* table() const noexcept { return m_table; }
    // The shown table as tab-separated lines: what "Copy" puts on the clipboard.
    QString text() const;

public slots:
    void copyToClipboard() const;

signals:
    // The user chose a new status for the asset shown (queue it as an edit).
    void assetStatusChosen(qint64 assetFid, const QString& status);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addSection(const QString& title);
    void addRow(const QString& name, const QString& value, const QString& tip = {});
    void fitNameColumn();
    QString alias(const char* field) const;
    bool editingThisProject() const;
    void showAssetRows(const geo::AssetDetails& asset, bool statusUnsaved);

    QLabel* m_title = nullptr;
    QPushButton* m_copy = nullptr;
    QAction* m_copySelected = nullptr;
    QTableWidget* m_table = nullptr;
    geo::FieldAliases m_aliases;
    QString m_language = "zh";
    QString m_path;
    GDALDatasetUniquePtr m_ds;
    std::optional<geo::ParcelDetails> m_details;
    std::optional<geo::AssetDetails> m_asset;
    std::optional<QString> m_villageCode, m_villageName;
    AssetStatusEditor* m_statusEditor = nullptr;
    const geo::ProjectEditSession* m_session = nullptr;
    // The rules the project was classified with (none when their file cannot be found or
    // read), and their titles (zh, en) by rule id.
    std::optional<geo::RuleSet> m_rules;
    std::map<std::string, std::pair<std::string, std::string>> m_ruleTitles;
    void loadRules();
    QString ruleTitle(const std::string& id) const;
    // Every rule tried on the shown parcel, in order, and why each held or not.
    void addRuleChain(const geo::ParcelDetails& parcel);
    // The village's row of village_stats, or nullopt (not classified, or no such village).
    std::optional<geo::StoredVillage> storedVillage(const std::string& code) const;
    // A village's primary type and every village type tried, in order.
    void addVillageTypes(const geo::StoredVillage& village);
    // Its figures from the classification, labelled.
    void addVillageFigures(const geo::StoredVillage& village);
};

} // namespace app
