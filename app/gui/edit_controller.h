// The GUI's side of editing a project: the edit session behind a QUndoStack, the dirty state
// for the window title and the close question, and save.
#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QObject>
#include <QStringList>

#include "geo/project_edit_session.h"

class QUndoStack;
class QWidget;

namespace app {

class EditController : public QObject {
    Q_OBJECT
public:
    explicit EditController(QObject* parent = nullptr);
    ~EditController() override;

    // Opens `path` for editing with the transfer modes and asset statuses of the ledger
    // profiles in the data folder. False, with the reason in `error` (e.g. who holds the project's
    // lock), when it cannot: the caller can still open the project read-only.
    bool openForEditing(const QString& path, QString* error = nullptr);
    bool openForEditing(const QString& path, geo::EditSessionOptions options,
                        QString* error = nullptr);
    // Ends editing: pending edits are dropped (ask maybeSave() first) and the lock released.
    void close();
    bool isEditing() const noexcept { return m_session != nullptr; }
    geo::ProjectEditSession* session() const noexcept { return m_session.get(); }
    QUndoStack* undoStack() const noexcept { return m_stack; }
    bool isDirty() const noexcept { return m_session && m_session->dirty(); }

    // Each queues one undoable step, or returns false with the messages in `problems`.
    // `continueLast` merges a mark into the previous step of the same kind.
    bool markIdle(const QList<qint64>& parcels, bool idle, bool continueLast = false,
                  QStringList* problems = nullptr);
    bool addTransfer(const geo::TransferRecord& record, QStringList* problems = nullptr);
    bool editTransfer(const geo::TransferKey& key, const geo::TransferRecord& record,
                      QStringList* problems = nullptr);
    bool endTransfer(const geo::TransferKey& key, const QString& date,
                     QStringList* problems = nullptr);
    // Sets the ledger status (ZT) of assets, by asset FID.
    bool setAssetStatus(const QList<qint64>& assets, const QString& status,
                        QStringList* problems = nullptr);

    // The transfer form over this session: for a new record (`editing` empty) prefilled with
    // `initial` (e.g. the clicked parcel's BSM and area), or for the record `editing`. On OK
    // the record is queued as one undoable step. False when cancelled or not editing.
    bool showTransferForm(QWidget* parent, const geo::TransferRecord& initial,
                          const std::optional<geo::TransferKey>& editing = std::nullopt);
    QStringList transferModes() const;

    // Writes the pending edits in one transaction. After a save the undo history starts
    // afresh (saved edits are in the audit log, not undoable). False with `error` on failure;
    // nothing is written then and the edits stay pending.
    bool save(QString* error = nullptr);
    // When there are unsaved edits, asks Save / Discard / Cancel. True when the caller may go
    // on (saved, discarded or nothing to save); false on Cancel or a failed save.
    bool maybeSave(QWidget* parent);

signals:
    void dirtyChanged(bool dirty);
    void editsChanged(); // a step was done, undone or redone
    void saved(int edits);
    void editingChanged(bool editing);

private:
    bool push(const geo::ProjectEdit& edit, bool mergeable, QStringList* problems);
    void notify();

    std::unique_ptr<geo::ProjectEditSession> m_session;
    QUndoStack* m_stack = nullptr;
    bool m_wasDirty = false;
};

} // namespace app
