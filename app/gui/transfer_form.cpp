#include "app/gui/transfer_form.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace app {
namespace {

constexpr const char* dateFormat = "yyyy-MM-dd";

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

TransferForm::TransferForm(const QStringList& modes, Validator validator, QWidget* parent)
    : QDialog(parent)
    , m_validator(std::move(validator)) {
    setWindowTitle(tr("Transfer record"));
    auto* form = new QFormLayout;
    auto addField = [&](const QString& label, QWidget* editor, const char* field) {
        auto* box = new QVBoxLayout;
        box->setSpacing(1);
        box->addWidget(editor);
        if (field) {
            QLabel* message = messageLabel();
            box->addWidget(message);
            m_messages[QString::fromUtf8(field)] = message;
        }
        form->addRow(label, box);
    };
    m_contract = new QLineEdit(this);
    m_contract->setObjectName("contract");
    m_contract->setPlaceholderText(tr("e.g. LZ4309991002010001"));
    addField(tr("Contract no. (流转合同编码)"), m_contract, "LZHTBM");
    m_parcel = new QLineEdit(this);
    m_parcel->setObjectName("parcel");
    addField(tr("Parcel id (地块编码)"), m_parcel, "DKBM");
    m_mode = new QComboBox(this);
    m_mode->setObjectName("mode");
    m_mode->addItems(modes);
    addField(tr("Transfer mode (流转方式)"), m_mode, "LZFS");
    auto date = [&](const char* name) {
        auto* edit = new QDateEdit(QDate::currentDate(), this);
        edit->setObjectName(name);
        edit->setDisplayFormat(dateFormat);
        edit->setCalendarPopup(true);
        return edit;
    };
    m_start = date("start");
    addField(tr("Start date (流转期限开始)"), m_start, "LZQXKSRQ");
    m_end = date("end");
    m_end->setDate(QDate::currentDate().addYears(10));
    addField(tr("End date (流转期限结束)"), m_end, "LZQXJSRQ");
    m_area = new QDoubleSpinBox(this);
    m_area->setObjectName("area");
    m_area->setDecimals(2);
    m_area->setRange(0.0, 1.0e7);
    m_area->setSuffix(QString::fromUtf8(" 亩"));
    addField(tr("Area (流转面积)"), m_area, "LZMJM");
    m_transferor = new QLineEdit(this);
    addField(tr("Transferor (流出方)"), m_transferor, nullptr);
    m_transferee = new QLineEdit(this);
    addField(tr("Transferee (流入方)"), m_transferee, nullptr);
    m_use = new QLineEdit(this);
    addField(tr("Use after transfer (用途)"), m_use, nullptr);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    for (QLineEdit* e : {m_contract, m_parcel, m_transferor, m_transferee, m_use})
        connect(e, &QLineEdit::textChanged, this, &TransferForm::revalidate);
    connect(m_mode, &QComboBox::currentTextChanged, this, &TransferForm::revalidate);
    connect(m_start, &QDateEdit::dateChanged, this, &TransferForm::revalidate);
    connect(m_end, &QDateEdit::dateChanged, this, &TransferForm::revalidate);
    connect(m_area, &QDoubleSpinBox::valueChanged, this, &TransferForm::revalidate);
    revalidate();
}

QLabel* TransferForm::messageLabel() {
    auto* label = new QLabel(this);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    label->setPalette(p);
    label->hide();
    return label;
}

void TransferForm::setRecord(const geo::TransferRecord& r) {
    m_contract->setText(q(r.contract));
    m_parcel->setText(q(r.parcel));
    if (const int i = m_mode->findText(q(r.mode)); i >= 0)
        m_mode->setCurrentIndex(i);
    if (!r.start.empty())
        m_start->setDate(QDate::fromString(q(r.start), dateFormat));
    if (!r.end.empty())
        m_end->setDate(QDate::fromString(q(r.end), dateFormat));
    m_area->setValue(r.areaMu);
    m_transferor->setText(q(r.transferor));
    m_transferee->setText(q(r.transferee));
    m_use->setText(q(r.use));
    revalidate();
}

geo::TransferRecord TransferForm::record() const {
    geo::TransferRecord r;
    r.contract = m_contract->text().trimmed().toStdString();
    r.parcel = m_parcel->text().trimmed().toStdString();
    r.mode = m_mode->currentText().toStdString();
    r.start = m_start->date().toString(dateFormat).toStdString();
    r.end = m_end->date().toString(dateFormat).toStdString();
    r.areaMu = m_area->value();
    r.transferor = m_transferor->text().trimmed().toStdString();
    r.transferee = m_transferee->text().trimmed().toStdString();
    r.use = m_use->text().trimmed().toStdString();
    return r;
}

// Messages in the interface language for the issues geo names by code; geo's own sentence
// for anything else.
QString TransferForm::messageFor(const geo::FieldIssue& issue) const {
    const geo::TransferRecord r = record();
    const QString code = q(issue.code);
    if (code == "required")
        return tr("Required.");
    if (code == "dates_order")
        return tr("The end date is before the start date %1.").arg(q(r.start));
    if (code == "area_not_positive")
        return tr("The area must be more than 0 亩.");
    if (code == "area_too_large") {
        // geo's sentence carries the parcel's area; the interface language is not known there.
        const auto open = issue.message.rfind('(');
        const QString parcelArea =
            open == std::string::npos ? QString() : q(issue.message.substr(open));
        return tr("Larger than the parcel %1.").arg(parcelArea);
    }
    if (code == "no_parcel")
        return tr("No parcel of the project has this id.");
    if (code == "duplicate")
        return tr("This contract already has a record for this parcel.");
    if (code == "not_in_list")
        return tr("Choose one of the listed modes.");
    return q(issue.message);
}

void TransferForm::revalidate() {
    std::map<QString, QStringList> byField;
    if (m_validator)
        for (const geo::FieldIssue& issue : m_validator(record()))
            byField[q(issue.field)] << messageFor(issue);
    for (auto& [field, label] : m_messages) {
        const auto it = byField.find(field);
        label->setText(it == byField.end() ? QString() : it->second.join(' '));
        label->setVisible(it != byField.end());
    }
    okButton()->setEnabled(byField.empty());
}

QStringList TransferForm::visibleMessages() const {
    QStringList out;
    for (const auto& [field, label] : m_messages)
        if (!label->isHidden() && !label->text().isEmpty())
            out << field + ": " + label->text();
    return out;
}

QPushButton* TransferForm::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

} // namespace app
