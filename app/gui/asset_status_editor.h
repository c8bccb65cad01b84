// The identify panel's control for recording an asset's new status: the ledger profile's
// statuses in a list and an Apply button, enabled only when the chosen status differs from the
// asset's (pending or saved) status.
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace app {

class AssetStatusEditor : public QWidget {
    Q_OBJECT
public:
    explicit AssetStatusEditor(QWidget* parent = nullptr);

    // The statuses offered, and the asset's current one (selected; it may be outside the list,
    // e.g. a status the surveyor wrote, and is then offered too).
    void setStatuses(const QStringList& statuses, const QString& current);
    QString current() const { return m_current; }

    QComboBox* statusCombo() const noexcept { return m_status; }
    QPushButton* applyButton() const noexcept { return m_apply; }

signals:
    void statusChosen(const QString& status);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateApply();

    QLabel* m_label = nullptr;
    QComboBox* m_status = nullptr;
    QPushButton* m_apply = nullptr;
    QString m_current;
};

} // namespace app
