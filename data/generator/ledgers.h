// The ledgers a township keeps beside its maps: the land-transfer ledger (流转台账, NY/T 2539
// style), the three-assets ledger of buildings and facilities, and the per-village funds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "county.h"
#include "name_book.h"

namespace sample {

struct LedgerInputs {
    const County& county;
    const std::vector<std::vector<int>>& parcelNeighbours;
    const std::vector<std::vector<Point>>& buildingSpots; // per village: homestead sites
    const std::vector<std::vector<Point>>& fieldSpots;    // per village: cropland sites
    const NameBook& names;
    std::string asOf; // YYYY-MM-DD
    std::uint64_t seed;
};

// Transfers cover 10–30 % of each village's cropland, mostly in large clustered blocks let to
// cooperatives, plus scattered household deals. A few contracts deliberately overlap in time
// or disagree with the mapped area: `overlapping` and `mismatched` receive their parcel ids.
std::vector<Transfer> makeTransfers(const LedgerInputs& in, std::vector<std::string>& overlapping,
                                    std::vector<std::string>& mismatched);

std::vector<Asset> makeAssets(const LedgerInputs& in);

std::vector<Fund> makeFunds(const LedgerInputs& in);

// "YYYY-MM-DD" shifted by whole months (day clamped to 28 so every month has it).
std::string shiftMonths(const std::string& date, int months);

} // namespace sample
