#include "app/gui/edit_command.h"

#include <QCoreApplication>

#include "geo/error.h"
#include "geo/project_edit_session.h"

namespace app {
namespace {

constexpr int markIdleId = 1001;
constexpr int markInUseId = 1002;

QString tr(const char* text) {
    return QCoreApplication::translate("app::EditCommand", text);
}

} // namespace

EditCommand::EditCommand(geo::ProjectEditSession& session, geo::ProjectEdit edit, bool mergeable)
    : m_session(session)
    , m_edits{std::move(edit)}
    , m_mergeable(mergeable) {
    setText(describe(m_edits, m_session));
}

QString EditCommand::describe(const std::vector<geo::ProjectEdit>& edits,
                              const geo::ProjectEditSession& session) {
    if (edits.empty())
        return {};
    if (const auto* mark = std::get_if<geo::MarkIdle>(&edits.front())) {
        std::size_t parcels = 0;
        for (const geo::ProjectEdit& e : edits)
            parcels += std::get<geo::MarkIdle>(e).parcels.size();
        const int n = static_cast<int>(parcels);
        return mark->idle
                   ? (n == 1 ? tr("Mark 1 parcel idle") : tr("Mark %1 parcels idle").arg(n))
                   : (n == 1 ? tr("Mark 1 parcel in use") : tr("Mark %1 parcels in use").arg(n));
    }
    if (const auto* add = std::get_if<geo::AddTransfer>(&edits.front()))
        return tr("Add transfer record %1 for parcel %2")
            .arg(QString::fromStdString(add->record.contract),
                 QString::fromStdString(add->record.parcel));
    if (const auto* change = std::get_if<geo::EditTransfer>(&edits.front()))
        return tr("Edit transfer record %1 for parcel %2")
            .arg(QString::fromStdString(change->key.contract),
                 QString::fromStdString(change->key.parcel));
    if (const auto* set = std::get_if<geo::SetAssetStatus>(&edits.front())) {
        const QString status = QString::fromStdString(set->status);
        if (set->assets.size() != 1)
            return tr("Set %1 assets to %2").arg(set->assets.size()).arg(status);
        const std::optional<geo::AssetRecord> asset = session.asset(set->assets.front());
        return tr("Set asset %1 to %2")
            .arg(asset && !asset->code.empty() ? QString::fromStdString(asset->code)
                                               : QString::number(set->assets.front()),
                 status);
    }
    const auto& end = std::get<geo::EndTransfer>(edits.front());
    return tr("End transfer record %1 on %2")
        .arg(QString::fromStdString(end.key.contract), QString::fromStdString(end.date));
}

void EditCommand::redo() {
    // The stack replays edits in the state they were checked in, so apply() does not fail;
    // if it ever did, the exception must not escape into Qt's event loop.
    m_applied = 0;
    for (const geo::ProjectEdit& e : m_edits) {
        try {
            m_session.apply(e);
            ++m_applied;
        } catch (const std::exception& error) {
            qWarning("edit could not be redone: %s", error.what());
            break;
        }
    }
}

void EditCommand::undo() {
    for (; m_applied > 0; --m_applied)
        m_session.pop();
}

int EditCommand::id() const {
    const auto* mark = std::get_if<geo::MarkIdle>(&m_edits.front());
    return mark ? (mark->idle ? markIdleId : markInUseId) : -1;
}

bool EditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditCommand*>(other);
    // Only a step pushed as a continuation merges, into the step before it.
    if (!next || !next->m_mergeable || next->id() != id() || id() == -1 ||
        &next->m_session != &m_session)
        return false;
    m_edits.insert(m_edits.end(), next->m_edits.begin(), next->m_edits.end());
    m_applied += next->m_applied;
    setText(describe(m_edits, m_session));
    return true;
}

} // namespace app
