// Edits of a project as values: marking parcels idle or in use, adding, changing and ending
// transfer records, setting the status of 三资 assets; and their validation, one message per
// field at fault.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace geo {

// One row of the transfer ledger (`transfers`), in the canonical NY/T 2539 fields.
struct TransferRecord {
    std::string contract;                    // LZHTBM; one contract may cover several parcels
    std::string parcel;                      // DKBM: the parcel's BSM
    std::string mode;                        // LZFS, one of the profile's allowed modes
    std::string start, end;                  // LZQXKSRQ, LZQXJSRQ as YYYY-MM-DD
    double areaMu = 0.0;                     // LZMJM, 亩
    std::string transferor, transferee, use; // CBFMC, SRFMC, LZHTDYT (optional)

    bool operator==(const TransferRecord&) const = default;
};

// A ledger row is identified by its contract and parcel: a contract has one row per parcel.
struct TransferKey {
    std::string contract, parcel;

    bool operator==(const TransferKey&) const = default;
    auto operator<=>(const TransferKey&) const = default;
};

inline TransferKey keyOf(const TransferRecord& r) {
    return {r.contract, r.parcel};
}

// Sets parcel_classes.IDLE (1 or 0) of parcels (by parcel FID), with IDLE_RULE "manual".
struct MarkIdle {
    std::vector<long long> parcels;
    bool idle = true;

    bool operator==(const MarkIdle&) const = default;
};

struct AddTransfer {
    TransferRecord record;
    bool operator==(const AddTransfer&) const = default;
};

// Replaces the record `key` (its contract or parcel may change too).
struct EditTransfer {
    TransferKey key;
    TransferRecord record;
    bool operator==(const EditTransfer&) const = default;
};

// Ends the record `key` on `date` (its end date becomes `date`).
struct EndTransfer {
    TransferKey key;
    std::string date;
    bool operator==(const EndTransfer&) const = default;
};

// Sets the ledger status (ZT) of assets (by asset FID) to `status`, one of the profile's
// allowed statuses (在用, 闲置, 出租, 流转 in data/profiles/assets.json).
struct SetAssetStatus {
    std::vector<long long> assets;
    std::string status;

    bool operator==(const SetAssetStatus&) const = default;
};

using ProjectEdit = std::variant<MarkIdle, AddTransfer, EditTransfer, EndTransfer, SetAssetStatus>;

// A problem with one field of an edit. `field` is the canonical field name (LZFS, LZMJM, …)
// and `code` a stable identifier a GUI can translate; `message` is a full English sentence.
struct FieldIssue {
    std::string field;
    std::string code; // required, not_in_list, bad_date, dates_order, area_not_positive,
                      // area_too_large, duplicate, no_parcel, no_record (a transfer record
                      // or an asset)
    std::string message;

    bool operator==(const FieldIssue&) const = default;
};

// What validating a transfer record needs to know about the project.
struct TransferContext {
    std::set<std::string> modes;
    // The parcel's area in 亩, or nothing when no parcel has this BSM.
    std::function<std::optional<double>(const std::string& parcel)> parcelAreaMu;
    std::function<bool(const TransferKey&)> recordExists;
};

// Every problem of `record`; `replacing` is the key of the record being edited (which may
// keep its key), null for a new record.
std::vector<FieldIssue> validateTransfer(const TransferRecord& record,
                                         const TransferContext& context,
                                         const TransferKey* replacing = nullptr);

// What validating an asset status edit needs to know about the project.
struct AssetContext {
    std::set<std::string> statuses; // empty: any non-empty status
    // The field the project's classification read statuses from; edits write ZT.
    std::string classifiedStatusField = "ZT";
    // The asset's ledger code (ZCBM, may be empty), or nothing when there is no such asset.
    std::function<std::optional<std::string>(long long assetFid)> assetCode;
};

// Every problem of `edit`: no asset, an unknown asset (no_record), no status (required), a
// status not in the list (not_in_list), a project classified from another status field than
// ZT, which edits write (other_status_field); messages name the assets by their ZCBM.
std::vector<FieldIssue> validateAssetStatus(const SetAssetStatus& edit,
                                            const AssetContext& context);

// The values `field` may hold: its `values` list in a mapping profile, in the profile's order
// (forms offer them so) without repeats. `what` names them in the error (InputError) thrown
// when the field has no list.
std::vector<std::string> loadAllowedValues(const std::string& profilePath, const std::string& field,
                                           const std::string& what);

// The allowed transfer modes: the `values` of the LZFS field in a transfer ledger profile
// (data/profiles/transfers.json).
std::vector<std::string> loadTransferModes(const std::string& profilePath);
// The allowed asset statuses: the `values` of the ZT field in an asset ledger profile
// (data/profiles/assets.json).
std::vector<std::string> loadAssetStatuses(const std::string& profilePath);

// Tolerance of the contract-area check: ledgers give 亩 to two decimals.
constexpr double contractAreaToleranceMu = 0.005;

} // namespace geo
