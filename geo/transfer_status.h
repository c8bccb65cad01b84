// The transfer ledger judged against the parcels on an as-of date: which parcels are
// transferred (and by which contract), and the ledger's problems.
#pragma once

#include <string>
#include <vector>

#include "geo/classification_inputs.h"
#include "geo/project_store.h"
#include "geo/rule_set.h"

namespace geo {

struct ParcelTransfer {
    bool active = false; // a contract covers the parcel on the as-of date
    std::string mode, contract;
    std::string rule; // why: "contract X covers 2020-03-01..2030-02-28", "contract X expired …", …
};

struct TransferFlag {
    std::string contract, parcel;
    std::string
        kind; // no_parcel, overlapping_contracts, area_mismatch, expired, expiring, bad_dates
    std::string detail;
};

struct TransferStatus {
    std::vector<ParcelTransfer> parcels; // one per parcel of the inputs
    std::vector<TransferFlag> flags;
};

TransferStatus analyseTransfers(const ClassificationInputs& inputs, const RuleSet& rules,
                                const std::string& asOf);

// Replaces the project's `transfer_flags` table (inside the caller's transaction).
void writeTransferFlags(ProjectStore& store, const TransferStatus& status);

// "YYYY-MM-DD" shifted by whole months, the day kept (clamped to the month's length).
std::string addMonths(const std::string& date, int months);

} // namespace geo
