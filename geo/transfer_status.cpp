#include "geo/transfer_status.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

#include "geo/area.h"
#include "geo/error.h"

namespace geo {

std::string addMonths(const std::string& date, int months) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
        return date;
    int total = y * 12 + (m - 1) + months;
    y = total / 12;
    m = total % 12 + 1;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    d = std::min(d, days[m - 1] + (m == 2 && leap ? 1 : 0));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string ParcelTransfer::rule() const {
    switch (why) {
    case Why::Unnamed:
        return {};
    case Why::Covers:
        return "contract " + by->contract + " covers " + by->start + ".." + by->end;
    case Why::Ended:
        return "contract " + by->contract + " ended " + by->end;
    case Why::Starts:
        return "contract " + by->contract + " starts " + by->start;
    }
    return {};
}

namespace {

// The distinct parcel ids a transfer ledger names, in an open table of their 64-bit hashes (the
// ids themselves compared only where two hashes agree), each with the first parcel that has it.
// Most of a county's parcels are in no contract: a bit per hash value (256 KiB, in the
// processor's cache) answers for them before the table is touched.
class NamedParcels {
public:
    // 16 bytes: the table is a few times the ledger's length, and its memory is fresh.
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t row = empty; // the first ledger row naming the id; `empty`: a free slot
        std::uint32_t parcel = std::numeric_limits<std::uint32_t>::max();
    };

    explicit NamedParcels(const std::vector<TransferRow>& ledger)
        : m_ledger(ledger) {
        std::size_t capacity = 16;
        while (capacity < ledger.size() * 3)
            capacity *= 2;
        m_slots.resize(capacity);
        m_mask = capacity - 1;
        m_rowSlot.resize(ledger.size());
        for (std::size_t r = 0; r < ledger.size(); ++r) {
            const std::uint64_t hash = hashOf(ledger[r].parcel);
            std::size_t k = hash & m_mask;
            while (m_slots[k].row != empty && !holds(m_slots[k], hash, ledger[r].parcel))
                k = (k + 1) & m_mask;
            if (m_slots[k].row == empty) {
                m_slots[k].hash = hash;
                m_slots[k].row = static_cast<std::uint32_t>(r);
                const std::size_t bit = bitOf(hash);
                m_mayBeNamed[bit / 64] |= std::uint64_t{1} << (bit % 64);
            }
            m_rowSlot[r] = static_cast<std::uint32_t>(k);
        }
    }

    // The slot of `id`, or nullptr when the ledger does not name it.
    Slot* find(std::string_view id) {
        const std::uint64_t hash = hashOf(id);
        const std::size_t bit = bitOf(hash);
        if (!((m_mayBeNamed[bit / 64] >> (bit % 64)) & 1U))
            return nullptr;
        for (std::size_t k = hash & m_mask; m_slots[k].row != empty; k = (k + 1) & m_mask)
            if (holds(m_slots[k], hash, id))
                return &m_slots[k];
        return nullptr;
    }

    // The slot of the id ledger row r names.
    const Slot& ofRow(std::size_t r) const { return m_slots[m_rowSlot[r]]; }

private:
    static constexpr std::uint32_t empty = std::numeric_limits<std::uint32_t>::max();
    // The ids themselves are compared only where the hashes agree.
    bool holds(const Slot& slot, std::uint64_t hash, std::string_view id) const {
        return slot.hash == hash && m_ledger[slot.row].parcel == id;
    }
    static constexpr std::size_t filterBits = std::size_t{1} << 21;
    static std::uint64_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }
    // Other bits of the hash than the table's slot: the two tests stay independent.
    static std::size_t bitOf(std::uint64_t hash) { return (hash >> 40) & (filterBits - 1); }

    const std::vector<TransferRow>& m_ledger;
    std::vector<Slot> m_slots; // find() hands out slots whose parcel the caller sets
    std::size_t m_mask = 0;
    std::vector<std::uint32_t> m_rowSlot;
    std::vector<std::uint64_t> m_mayBeNamed = std::vector<std::uint64_t>(filterBits / 64, 0);
};

} // namespace

TransferStatus analyseTransfers(const ClassificationInputs& in, const RuleSet& rules,
                                const std::string& asOf) {
    TransferStatus status;
    status.entryOf.assign(in.parcels.size(), TransferStatus::noEntry);
    // The parcel ids the ledger names, each with the first parcel that has it: the ledger names
    // far fewer parcels than a county has, and hashing a million parcel ids into a table cost
    // more than the whole ledger check.
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    NamedParcels named(in.transfers);
    for (std::size_t i = 0; i < in.parcels.size(); ++i)
        if (NamedParcels::Slot* slot = named.find(in.parcels[i].id); slot && slot->parcel == none)
            slot->parcel = static_cast<std::uint32_t>(i);
    const std::string soon = addMonths(asOf, rules.expiringMonths);

    // (parcel, ledger row) for every row that names a parcel, grouped by parcel below.
    std::vector<std::pair<std::size_t, const TransferRow*>> contractsOf;
    contractsOf.reserve(in.transfers.size());
    for (std::size_t r = 0; r < in.transfers.size(); ++r) {
        const TransferRow& t = in.transfers[r];
        const std::uint32_t parcelIndex = named.ofRow(r).parcel;
        if (parcelIndex == none) {
            status.flags.push_back(
                {t.contract.str(), t.parcel.str(), "no_parcel",
                 "the ledger names parcel " + t.parcel + ", which is not in the project"});
            continue;
        }
        if (t.end < t.start) {
            status.flags.push_back({t.contract.str(), t.parcel.str(), "bad_dates",
                                    "ends " + t.end + " before it starts " + t.start});
            continue;
        }
        contractsOf.emplace_back(parcelIndex, &t);
        // Contracts count the cultivated area: the mapped area net of field ridges (TBDLMJ).
        const ParcelRecord& parcel = in.parcels[parcelIndex];
        const double mapped = Area::squareMetres(parcel.areaM2 * parcel.netShare).inMu();
        if (mapped > 0 && std::fabs(t.areaMu - mapped) / mapped > rules.transferAreaTolerance) {
            char detail[160];
            std::snprintf(
                detail, sizeof detail,
                "contract area %.2f 亩, mapped %.2f 亩 net of ridges (%+.1f %%, tolerance %.0f %%)",
                t.areaMu, mapped, 100.0 * (t.areaMu - mapped) / mapped,
                100.0 * rules.transferAreaTolerance);
            status.flags.push_back({t.contract.str(), t.parcel.str(), "area_mismatch", detail});
        }
        if (t.end < asOf)
            status.flags.push_back({t.contract.str(), t.parcel.str(), "expired", "ended " + t.end});
        else if (t.end <= soon && t.start <= asOf)
            status.flags.push_back(
                {t.contract.str(), t.parcel.str(), "expiring",
                 "ends " + t.end + ", within " + std::to_string(rules.expiringMonths) + " months"});
    }

    // Parcel by parcel in parcel order, each parcel's rows in ledger order.
    std::stable_sort(contractsOf.begin(), contractsOf.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    status.named.reserve(contractsOf.size());
    std::vector<const TransferRow*> contracts;
    for (std::size_t first = 0, end = 0; first < contractsOf.size(); first = end) {
        const std::size_t parcel = contractsOf[first].first;
        contracts.clear();
        for (end = first; end < contractsOf.size() && contractsOf[end].first == parcel; ++end)
            contracts.push_back(contractsOf[end].second);
        status.entryOf[parcel] = static_cast<std::uint32_t>(status.named.size());
        ParcelTransfer& p = status.named.emplace_back();
        for (std::size_t a = 0; a < contracts.size(); ++a)
            for (std::size_t b = a + 1; b < contracts.size(); ++b)
                if (contracts[a]->contract != contracts[b]->contract &&
                    contracts[a]->start <= contracts[b]->end &&
                    contracts[b]->start <= contracts[a]->end)
                    status.flags.push_back({contracts[b]->contract.str(),
                                            contracts[b]->parcel.str(), "overlapping_contracts",
                                            "overlaps contract " + contracts[a]->contract + " (" +
                                                contracts[a]->start + ".." + contracts[a]->end +
                                                ") on the same parcel; counted once"});
        for (const TransferRow* t : contracts) {
            if (t->start <= asOf && asOf <= t->end) {
                if (!p.active) { // the first covering contract decides; overlaps are flagged above
                    p.active = true;
                    p.why = ParcelTransfer::Why::Covers;
                    p.by = t;
                }
            } else if (!p.active) {
                p.why = t->end < asOf ? ParcelTransfer::Why::Ended : ParcelTransfer::Why::Starts;
                p.by = t;
            }
        }
    }
    return status;
}

void writeTransferFlags(ProjectStore& store, const TransferStatus& status) {
    const auto table = store.replaceTable(
        "transfer_flags",
        {{"LZHTBM", OFTString}, {"DKBM", OFTString}, {"KIND", OFTString}, {"DETAIL", OFTString}});
    for (const TransferFlag& f : status.flags) {
        table->setText(0, f.contract);
        table->setText(1, f.parcel);
        table->setText(2, f.kind);
        table->setText(3, f.detail);
        table->addRow();
    }
    table->finish();
}

} // namespace geo
