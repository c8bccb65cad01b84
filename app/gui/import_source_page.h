// Second page of the import wizard: for each file, the target layer, the attribute encoding
// with its evidence and a live preview, the CRS with its reason and a searchable picker, the
// field mapping (editable), and what validation found.
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QTabWidget;
class QTableWidget;

namespace app {

class CrsPicker;
class ImportWizard;
struct ImportPlan;

class ImportSourcePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportSourcePage(ImportWizard* wizard);

    void initializePage() override;
    bool isComplete() const override;

    // Shows the settings of file `index` (of ImportWizard::files()).
    void showFile(int index);
    int currentFile() const;

    QComboBox* fileCombo() const noexcept { return m_file; }
    QComboBox* layerCombo() const noexcept { return m_layer; }
    QComboBox* encodingCombo() const noexcept { return m_encoding; }
    QLabel* encodingEvidence() const noexcept { return m_encodingEvidence; }
    QTableWidget* previewTable() const noexcept { return m_preview; }
    QLabel* crsDecision() const noexcept { return m_crsDecision; }
    CrsPicker* crsPicker() const noexcept { return m_crsPicker; }
    // Shown when the CRS was inferred: ticking it confirms the inference.
    QCheckBox* crsConfirmation() const noexcept { return m_crsConfirm; }
    // Why the import cannot start yet (empty when it can), e.g. a CRS to confirm.
    QString blocker() const;
    QComboBox* profileCombo() const noexcept { return m_profile; }
    QTableWidget* mappingTable() const noexcept { return m_mapping; }
    // The file's fields no tianmu field takes: imported under their own names.
    QLabel* unmappedFields() const noexcept { return m_unmapped; }
    QLabel* validationSummary() const noexcept { return m_validation; }
    QTabWidget* tabs() const noexcept { return m_tabs; }

protected:
    void changeEvent(QEvent* event) override;

private:
    ImportPlan* plan();
    void retranslateUi();
    void refreshFiles();
    void refreshAll();
    void refreshEncoding();
    void refreshPreview();
    void refreshCrs();
    void refreshMapping();
    void refreshValidation();
    void mappingEdited();
    void refreshUnmapped();

    ImportWizard* m_wizard;
    bool m_updating = false; // widgets being filled, not edited by the user
    QLabel* m_fileLabel = nullptr;
    QComboBox* m_file = nullptr;
    QLabel* m_layerLabel = nullptr;
    QComboBox* m_layer = nullptr;
    QLabel* m_status = nullptr;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_encodingTab = nullptr;
    QLabel* m_encodingLabel = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_encodingEvidence = nullptr;
    QLabel* m_previewLabel = nullptr;
    QTableWidget* m_preview = nullptr;
    QWidget* m_crsTab = nullptr;
    QLabel* m_crsDecision = nullptr;
    QCheckBox* m_crsConfirm = nullptr;
    QLabel* m_crsPickLabel = nullptr;
    CrsPicker* m_crsPicker = nullptr;
    QWidget* m_mappingTab = nullptr;
    QLabel* m_profileLabel = nullptr;
    QComboBox* m_profile = nullptr;
    QTableWidget* m_mapping = nullptr;
    QLabel* m_unmapped = nullptr;
    QWidget* m_validationTab = nullptr;
    QLabel* m_validation = nullptr;
};

} // namespace app
