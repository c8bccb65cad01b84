// The transfer record form: contract, parcel, mode from the ledger profile's list, dates and
// the area in 亩, each checked as it is typed with the message under the field; OK stays
// disabled while anything is wrong.
#pragma once

#include <functional>
#include <map>
#include <vector>

#include <QDialog>
#include <QStringList>

#include "geo/project_edit.h"

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace app {

class TransferForm : public QDialog {
    Q_OBJECT
public:
    // The problems of a record, e.g. the edit session's check of an AddTransfer.
    using Validator = std::function<std::vector<geo::FieldIssue>(const geo::TransferRecord&)>;

    TransferForm(const QStringList& modes, Validator validator, QWidget* parent = nullptr);

    void setRecord(const geo::TransferRecord& record);
    geo::TransferRecord record() const;

    // The messages shown now, keyed by field (LZHTBM, DKBM, LZFS, LZQXKSRQ, LZQXJSRQ, LZMJM).
    QStringList visibleMessages() const;
    QPushButton* okButton() const;
    QLineEdit* contractEdit() const noexcept { return m_contract; }
    QLineEdit* parcelEdit() const noexcept { return m_parcel; }
    QComboBox* modeCombo() const noexcept { return m_mode; }
    QDateEdit* startEdit() const noexcept { return m_start; }
    QDateEdit* endEdit() const noexcept { return m_end; }
    QDoubleSpinBox* areaSpin() const noexcept { return m_area; }

private:
    void revalidate();
    QString messageFor(const geo::FieldIssue& issue) const;
    QLabel* messageLabel();

    Validator m_validator;
    QLineEdit* m_contract = nullptr;
    QLineEdit* m_parcel = nullptr;
    QComboBox* m_mode = nullptr;
    QDateEdit* m_start = nullptr;
    QDateEdit* m_end = nullptr;
    QDoubleSpinBox* m_area = nullptr;
    QLineEdit* m_transferor = nullptr;
    QLineEdit* m_transferee = nullptr;
    QLineEdit* m_use = nullptr;
    std::map<QString, QLabel*> m_messages; // by field
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace app
