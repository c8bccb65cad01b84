// First page of the import wizard: the project to import into and the files to import.
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace app {

class ImportWizard;

class ImportFilesPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportFilesPage(ImportWizard* wizard);

    bool isComplete() const override;
    QListWidget* fileList() const noexcept { return m_files; }
    QLineEdit* projectEdit() const noexcept { return m_project; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refresh();
    void chooseFiles();
    void chooseProject();

    ImportWizard* m_wizard;
    QLabel* m_projectLabel = nullptr;
    QLineEdit* m_project = nullptr;
    QPushButton* m_browseProject = nullptr;
    QLabel* m_filesLabel = nullptr;
    QListWidget* m_files = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace app
