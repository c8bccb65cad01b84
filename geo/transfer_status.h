// The transfer ledger judged against the parcels on an as-of date: which parcels are
// transferred (and by which contract), and the ledger's problems.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/classification_inputs.h"
#include "geo/project_store.h"
#include "geo/rule_set.h"

namespace geo {

// A parcel's state in the ledger: the ledger row that decides it, not copies of its texts (a
// county's ledger names a hundred thousand parcels and more).
struct ParcelTransfer {
    enum class Why : std::uint8_t { Unnamed, Covers, Ended, Starts };
    bool active = false; // a contract covers the parcel on the as-of date
    Why why = Why::Unnamed;
    // The covering contract when active, else the parcel's last in ledger order; points into
    // the ledger of the inputs analyseTransfers read.
    const TransferRow* by = nullptr;

    // The covering contract's mode (LZFS) and code (LZHTBM); empty when not active.
    std::string_view mode() const noexcept { return active ? std::string_view(by->mode) : ""; }
    std::string_view contract() const noexcept {
        return active ? std::string_view(by->contract) : "";
    }
    // Why: "contract X covers 2020-03-01..2030-02-28", "contract X ended 2019-12-31",
    // "contract X starts 2027-01-01"; empty for a parcel the ledger does not name.
    std::string rule() const;
};

struct TransferFlag {
    std::string contract, parcel;
    std::string
        kind; // no_parcel, overlapping_contracts, area_mismatch, expired, expiring, bad_dates
    std::string detail;
};

struct TransferStatus {
    static constexpr std::uint32_t noEntry = 0xFFFFFFFFU;
    // Only the parcels the ledger names have an entry (most of a county's million parcels have
    // none): per parcel of the inputs, the index of its entry in `named`, or noEntry.
    std::vector<std::uint32_t> entryOf;
    std::vector<ParcelTransfer> named;
    std::vector<TransferFlag> flags;

    // Parcel i's status: inactive and without a rule when the ledger does not name it.
    const ParcelTransfer& parcel(std::size_t i) const {
        static const ParcelTransfer none;
        return entryOf[i] == noEntry ? none : named[entryOf[i]];
    }
};

// The status refers to rows of inputs.transfers: it is valid while `inputs` lives.
TransferStatus analyseTransfers(const ClassificationInputs& inputs, const RuleSet& rules,
                                const std::string& asOf);

// Replaces the project's `transfer_flags` table (inside the caller's transaction).
void writeTransferFlags(ProjectStore& store, const TransferStatus& status);

// "YYYY-MM-DD" shifted by whole months, the day kept (clamped to the month's length).
std::string addMonths(const std::string& date, int months);

} // namespace geo
