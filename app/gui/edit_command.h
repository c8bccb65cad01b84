// One undoable step over the edit session: redo queues its edits, undo removes them. Steps
// that mark parcels idle (or in use) one after another may merge into one step.
#pragma once

#include <vector>

#include <QUndoCommand>

#include "geo/project_edit.h"

namespace geo {
class ProjectEditSession;
}

namespace app {

class EditCommand : public QUndoCommand {
public:
    // `edit` must be valid for the session (checked by the caller): redo() cannot report.
    // A `mergeable` mark joins the mark step before it (same idle flag) on the stack.
    EditCommand(geo::ProjectEditSession& session, geo::ProjectEdit edit, bool mergeable = false);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const std::vector<geo::ProjectEdit>& edits() const noexcept { return m_edits; }
    // "Mark 3 parcels idle", "Add transfer record LZ… for parcel …", "Set asset ZC… to 闲置",
    // …; `session` names the assets by their code.
    static QString describe(const std::vector<geo::ProjectEdit>& edits,
                            const geo::ProjectEditSession& session);

private:
    geo::ProjectEditSession& m_session;
    std::vector<geo::ProjectEdit> m_edits;
    bool m_mergeable;
    std::size_t m_applied = 0;
};

} // namespace app
