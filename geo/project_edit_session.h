// Editing a project: pending edits held in memory, validated against the project as it
// would be with them, and written by save() in one transaction with one audit_log row per
// changed field. The session holds the project's editing lock while it lives.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/asset_details.h"
#include "geo/project_edit.h"
#include "geo/project_lock.h"
#include "geo/project_store.h"

namespace geo {

struct EditSessionOptions {
    std::vector<std::string> transferModes; // loadTransferModes(data/profiles/transfers.json)
    std::vector<std::string> assetStatuses; // loadAssetStatuses(data/profiles/assets.json)
    // The asset statuses that count idle; empty: those the project was classified with (its
    // asset_idle_values property), else the rule sets' default (闲置).
    std::set<std::string> assetIdleValues;
    std::string user; // for the audit log; empty: the OS user
    // YYYY-MM-DD deciding TRANSFERRED and the idle-since day (XZRQ) of an asset marked idle;
    // empty: the classification's as-of day.
    std::string today;
};

struct SaveResult {
    std::size_t edits = 0;
    std::size_t auditRows = 0;
};

class ProjectEditSession {
public:
    // Takes the editing lock and opens the project for writing. Throws InputError when the
    // file is missing, is locked by another session (naming who), or is not classified.
    static std::unique_ptr<ProjectEditSession> open(const std::string& path,
                                                    EditSessionOptions options);
    ~ProjectEditSession();
    ProjectEditSession(const ProjectEditSession&) = delete;
    ProjectEditSession& operator=(const ProjectEditSession&) = delete;

    const std::string& path() const noexcept { return m_path; }
    const EditSessionOptions& options() const noexcept { return m_options; }

    // Problems of `edit` against the project with the pending edits applied; empty: valid.
    std::vector<FieldIssue> check(const ProjectEdit& edit) const;
    // Validates and appends `edit` to the pending edits; throws InputError listing every
    // problem when it is invalid (nothing is queued then).
    void apply(const ProjectEdit& edit);
    // Removes the last pending edit (undo of the last apply). No-op when none is pending.
    void pop();
    void discard();
    const std::vector<ProjectEdit>& pending() const noexcept { return m_pending; }
    bool dirty() const noexcept { return !m_pending.empty(); }

    // Writes every pending edit in one transaction, with the audit rows; on any failure the
    // project is left exactly as it was, the pending edits are kept, and Error is thrown.
    SaveResult save();

    // The project as it would be with the pending edits.
    std::optional<TransferRecord> transfer(const TransferKey& key) const;
    std::vector<TransferRecord> transfersOfParcel(const std::string& parcelBsm) const;
    std::optional<bool> idle(long long parcelFid) const; // nothing: no such parcel
    // Parcels whose idle flag the pending edits set (parcel FID → idle), for views that show
    // pending edits before they are saved.
    const std::unordered_map<long long, bool>& pendingIdle() const noexcept {
        return m_effective.idle;
    }
    std::optional<double> parcelAreaMu(const std::string& parcelBsm) const;
    std::optional<long long> parcelFid(const std::string& parcelBsm) const;
    std::string parcelBsm(long long parcelFid) const; // empty: no such parcel
    TransferContext transferContext() const;

    // An asset as saved in the project; nothing when there is no such asset.
    std::optional<AssetRecord> asset(long long assetFid) const;
    // Its status with the pending edits (ZT); nothing when there is no such asset.
    std::optional<std::string> assetStatus(long long assetFid) const;
    // Assets whose status the pending edits set (asset FID → status).
    const std::unordered_map<long long, std::string>& pendingAssetStatus() const noexcept {
        return m_effective.assetStatus;
    }
    bool isIdleStatus(const std::string& status) const {
        return m_options.assetIdleValues.count(status) > 0;
    }
    AssetContext assetContext() const;

private:
    // A parcel's classification row as it is in the project (saved state).
    struct ParcelRow {
        long long classFid = -1;
        std::string bsm;
        double areaMu = 0.0;
        bool idle = false;
    };
    // What the pending edits change: ledger records by key (nothing: the record is gone),
    // idle flags and asset statuses. The saved ledger stays in the project; only its keys are
    // held.
    struct Overlay {
        std::map<TransferKey, std::optional<TransferRecord>> ledger;
        std::unordered_map<long long, bool> idle;               // parcel FID → idle, where edited
        std::unordered_map<long long, std::string> assetStatus; // asset FID → status
    };
    class Writer;

    ProjectEditSession(const std::string& path, EditSessionOptions options);
    // Parcels are read when an edit names them, not at open: a county has a million.
    const ParcelRow* parcelRow(long long parcelFid) const;
    const AssetRecord* assetRow(long long assetFid) const;
    void loadLedgerKeys();
    void applyTo(Overlay& overlay, const ProjectEdit& edit) const;
    std::optional<TransferRecord> savedTransfer(const TransferKey& key) const;
    std::vector<TransferRecord> savedTransfers(const std::string& filter) const;
    void rebuildEffective();

    std::string m_path;
    EditSessionOptions m_options;
    ProjectLock m_lock;
    std::unique_ptr<ProjectStore> m_store;
    mutable std::unordered_map<long long, std::optional<ParcelRow>> m_parcels; // by FID
    mutable std::unordered_map<std::string, std::optional<long long>> m_parcelByBsm;
    mutable std::unordered_map<long long, std::optional<AssetRecord>> m_assets; // by FID
    std::set<TransferKey> m_savedKeys; // keys of the saved ledger
    Overlay m_effective;
    std::vector<ProjectEdit> m_pending;
};

} // namespace geo
