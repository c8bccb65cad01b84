#include "app/gui/edit_controller.h"

#include "app/i18n/geo_text.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

#include "app/gui/edit_command.h"
#include "app/gui/transfer_form.h"
#include "app/resource_paths.h"
#include "geo/error.h"

namespace app {

EditController::EditController(QObject* parent)
    : QObject(parent)
    , m_stack(new QUndoStack(this)) {
    connect(m_stack, &QUndoStack::indexChanged, this, [this] { notify(); });
}

EditController::~EditController() = default;

bool EditController::openForEditing(const QString& path, QString* error) {
    geo::EditSessionOptions options;
    try {
        options.transferModes = geo::loadTransferModes(profilesDirectory() + "/transfers.json");
        options.assetStatuses = geo::loadAssetStatuses(profilesDirectory() + "/assets.json");
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    return openForEditing(path, std::move(options), error);
}

bool EditController::openForEditing(const QString& path, geo::EditSessionOptions options,
                                    QString* error) {
    close();
    try {
        m_session = geo::ProjectEditSession::open(path.toStdString(), std::move(options));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    emit editingChanged(true);
    notify();
    return true;
}

void EditController::close() {
    m_stack->clear(); // before the session the commands refer to
    const bool was = m_session != nullptr;
    m_session.reset();
    if (was)
        emit editingChanged(false);
    notify();
}

bool EditController::push(const geo::ProjectEdit& edit, bool mergeable, QStringList* problems) {
    if (!m_session) {
        if (problems)
            *problems << tr("The project is not open for editing.");
        return false;
    }
    std::vector<geo::FieldIssue> issues;
    try {
        issues = m_session->check(edit);
    } catch (const std::exception& e) { // nothing may escape into Qt's event loop
        issues.push_back({"", "failure", e.what()});
    }
    if (!issues.empty()) {
        if (problems)
            for (const geo::FieldIssue& i : issues)
                *problems << QString::fromStdString(i.field) + ": " + geoText(i.message);
        return false;
    }
    m_stack->push(new EditCommand(*m_session, edit, mergeable));
    return true;
}

bool EditController::markIdle(const QList<qint64>& parcels, bool idle, bool continueLast,
                              QStringList* problems) {
    geo::MarkIdle mark{{parcels.begin(), parcels.end()}, idle};
    return push(mark, continueLast, problems);
}

bool EditController::addTransfer(const geo::TransferRecord& record, QStringList* problems) {
    return push(geo::AddTransfer{record}, false, problems);
}

bool EditController::editTransfer(const geo::TransferKey& key, const geo::TransferRecord& record,
                                  QStringList* problems) {
    return push(geo::EditTransfer{key, record}, false, problems);
}

bool EditController::endTransfer(const geo::TransferKey& key, const QString& date,
                                 QStringList* problems) {
    return push(geo::EndTransfer{key, date.toStdString()}, false, problems);
}

bool EditController::setAssetStatus(const QList<qint64>& assets, const QString& status,
                                    QStringList* problems) {
    return push(geo::SetAssetStatus{{assets.begin(), assets.end()}, status.toStdString()}, false,
                problems);
}

QStringList EditController::transferModes() const {
    QStringList modes;
    if (m_session)
        for (const std::string& m : m_session->options().transferModes)
            modes << QString::fromStdString(m);
    return modes;
}

bool EditController::showTransferForm(QWidget* parent, const geo::TransferRecord& initial,
                                      const std::optional<geo::TransferKey>& editing) {
    if (!m_session)
        return false;
    geo::ProjectEditSession& session = *m_session;
    TransferForm form(
        transferModes(),
        [&session, editing](const geo::TransferRecord& r) {
            return editing ? session.check(geo::EditTransfer{*editing, r})
                           : session.check(geo::AddTransfer{r});
        },
        parent);
    form.setObjectName("transferForm");
    form.setRecord(editing ? session.transfer(*editing).value_or(initial) : initial);
    if (form.exec() != QDialog::Accepted)
        return false;
    return editing ? editTransfer(*editing, form.record()) : addTransfer(form.record());
}

bool EditController::save(QString* error) {
    if (!m_session)
        return true;
    try {
        const geo::SaveResult result = m_session->save();
        m_stack->clear();
        notify();
        emit saved(static_cast<int>(result.edits));
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool EditController::maybeSave(QWidget* parent) {
    if (!isDirty())
        return true;
    const int pending = static_cast<int>(m_session->pending().size());
    QMessageBox box(QMessageBox::Warning, tr("Unsaved edits"),
                    tr("The project has %n unsaved edit(s).", nullptr, pending),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setObjectName("unsavedEditsQuestion");
    box.setInformativeText(tr("Save them to the project, discard them, or go back?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save: {
        QString error;
        if (save(&error))
            return true;
        QMessageBox::critical(
            parent, tr("Save failed"),
            tr("Nothing was saved; the edits are still pending.\n\n%1").arg(error));
        return false;
    }
    case QMessageBox::Discard:
        m_stack->clear();
        m_session->discard();
        notify();
        return true;
    default:
        return false;
    }
}

void EditController::notify() {
    emit editsChanged();
    const bool dirty = isDirty();
    if (dirty != m_wasDirty) {
        m_wasDirty = dirty;
        emit dirtyChanged(dirty);
    }
}

} // namespace app
