#include "app/gui/asset_status_editor.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace app {

AssetStatusEditor::AssetStatusEditor(QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_status = new QComboBox(this);
    m_status->setObjectName("assetStatusCombo");
    m_apply = new QPushButton(this);
    m_apply->setObjectName("assetStatusApply");
    m_label->setBuddy(m_status);
    layout->addWidget(m_label);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_apply);
    connect(m_status, &QComboBox::currentTextChanged, this, [this] { updateApply(); });
    connect(m_apply, &QPushButton::clicked, this,
            [this] { emit statusChosen(m_status->currentText()); });
    retranslateUi();
    updateApply();
}

void AssetStatusEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AssetStatusEditor::retranslateUi() {
    m_label->setText(tr("New &status:"));
    m_apply->setText(tr("&Apply"));
    m_apply->setToolTip(tr("Record the new status as an edit: undo it with Ctrl+Z, write it to "
                           "the project with Save edits"));
}

void AssetStatusEditor::setStatuses(const QStringList& statuses, const QString& current) {
    m_current = current;
    QStringList offered = statuses;
    if (!current.isEmpty() && !offered.contains(current))
        offered.prepend(current);
    const QSignalBlocker quiet(m_status);
    m_status->clear();
    m_status->addItems(offered);
    m_status->setCurrentText(current);
    updateApply();
}

void AssetStatusEditor::updateApply() {
    m_apply->setEnabled(!m_status->currentText().isEmpty() && m_status->currentText() != m_current);
}

} // namespace app
