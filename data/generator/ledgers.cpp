#include "ledgers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "geo/area.h"
#include "random.h"

namespace sample {
namespace {

bool isCropland(const std::string& dlbm) {
    return dlbm.rfind("01", 0) == 0 || dlbm == "0201" || dlbm == "0202" || dlbm == "0204";
}

std::string twoDigits(int v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string dateOf(int year, int month, int day) {
    return std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
}

int yearOf(const std::string& date) {
    return std::stoi(date.substr(0, 4));
}

double round2(double v) {
    return std::round(v * 100.0) / 100.0;
}

std::string householdCode(const Village& v, int household) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", household);
    return v.code + "00" + buf;
}

std::string cooperativeCode(const County& county, Rng& rng) {
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::string code = "93" + county.code + "MA";
    for (int i = 0; i < 8; ++i)
        code += alphabet[rng.between(0, 30)];
    return code;
}

std::string stemOf(const std::string& villageName) {
    const std::string suffix = "村";
    return villageName.size() > suffix.size()
               ? villageName.substr(0, villageName.size() - suffix.size())
               : villageName;
}

} // namespace

std::string shiftMonths(const std::string& date, int months) {
    int year = yearOf(date);
    int month = std::stoi(date.substr(5, 2)) - 1 + months;
    const int day = std::min(std::stoi(date.substr(8, 2)), 28);
    year += month >= 0 ? month / 12 : (month - 11) / 12;
    month = ((month % 12) + 12) % 12;
    return dateOf(year, month + 1, day);
}

std::vector<Transfer> makeTransfers(const LedgerInputs& in, std::vector<std::string>& overlapping,
                                    std::vector<std::string>& mismatched) {
    const County& county = in.county;
    Rng rng(hashOf(in.seed, 71));
    std::vector<Transfer> rows;
    std::vector<std::vector<int>> cropland(county.villages.size());
    for (std::size_t p = 0; p < county.parcels.size(); ++p)
        if (isCropland(county.parcels[p].dlbm) && !county.parcels[p].idle)
            cropland[static_cast<std::size_t>(county.parcels[p].village)].push_back(
                static_cast<int>(p));
    std::vector<bool> taken(county.parcels.size(), false);

    for (std::size_t v = 0; v < county.villages.size(); ++v) {
        const Village& village = county.villages[v];
        double total = 0.0;
        for (int p : cropland[v])
            total += county.parcels[static_cast<std::size_t>(p)].tbmj;
        if (cropland[v].empty())
            continue;
        const double share = rng.uniform(0.12, 0.28);
        int contractNo = 0;
        auto contractCode = [&] {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%04d", ++contractNo);
            return "LZ" + village.code + buf;
        };
        auto addRow = [&](int p, const std::string& contract, const std::string& mode,
                          const std::string& transfereeCode, const std::string& transfereeName,
                          const std::string& start, const std::string& end) {
            const Parcel& parcel = county.parcels[static_cast<std::size_t>(p)];
            Transfer t;
            t.contract = contract;
            t.parcel = parcel.bsm;
            Rng household(hashOf(in.seed, 72, static_cast<std::uint64_t>(p)));
            const int hh = household.between(1, std::max(1, village.households));
            t.transferorCode = householdCode(village, hh);
            Rng person(hashOf(
                in.seed, 73, static_cast<std::uint64_t>(v * 10000 + static_cast<std::size_t>(hh))));
            t.transferorName = in.names.person(person);
            t.transfereeCode = transfereeCode;
            t.transfereeName = transfereeName;
            t.mode = mode;
            double mu = geo::Area::squareMetres(parcel.tbdlmj).inMu() * rng.uniform(0.985, 1.015);
            if (rng.chance(0.04)) {
                mu *= rng.uniform(1.08, 1.2); // the ledger copied an old, larger survey figure
                mismatched.push_back(parcel.bsm);
            }
            t.areaMu = round2(mu);
            t.start = start;
            t.end = end;
            const auto uses = in.names.transferUses.find(parcel.dlbm);
            t.use = uses != in.names.transferUses.end() ? pick(uses->second, rng) : "农业种植";
            const double base = parcel.dlbm == "0101"             ? 600.0
                                : parcel.dlbm.rfind("02", 0) == 0 ? 700.0
                                                                  : 450.0;
            t.price = std::round(base * rng.uniform(0.7, 1.3) / 10.0) * 10.0;
            t.village = static_cast<int>(v);
            rows.push_back(std::move(t));
            taken[static_cast<std::size_t>(p)] = true;
        };

        // Large blocks let to cooperatives: grow a contiguous cluster of cropland.
        double covered = 0.0;
        const int blocks = rng.between(1, 3);
        for (int b = 0; b < blocks; ++b) {
            const double target = share * total * (b == 0 ? 0.6 : 0.4 / std::max(1, blocks - 1));
            const int seedParcel = pick(cropland[v], rng);
            if (taken[static_cast<std::size_t>(seedParcel)])
                continue;
            Rng coopRng(hashOf(in.seed, 74, v * 8 + static_cast<std::size_t>(b)));
            const std::string coopCode = cooperativeCode(county, coopRng);
            const std::string coopName = stemOf(village.name) + in.names.cooperative(coopRng);
            const std::string mode = rng.chance(0.7) ? "出租" : "入股";
            const int startYear = yearOf(in.asOf) - rng.between(1, 8);
            const std::string start = dateOf(startYear, rng.between(1, 12), rng.between(1, 28));
            const std::string end = shiftMonths(start, 12 * rng.between(8, 15));
            const std::string contract = contractCode();
            std::vector<int> queue{seedParcel};
            std::set<int> queued{seedParcel};
            double area = 0.0;
            for (std::size_t q = 0; q < queue.size() && area < target; ++q) {
                const int p = queue[q];
                const Parcel& parcel = county.parcels[static_cast<std::size_t>(p)];
                if (taken[static_cast<std::size_t>(p)] || !isCropland(parcel.dlbm) || parcel.idle ||
                    parcel.village != static_cast<int>(v))
                    continue;
                addRow(p, contract, mode, coopCode, coopName, start, end);
                area += parcel.tbmj;
                for (int m : in.parcelNeighbours[static_cast<std::size_t>(p)])
                    if (queued.insert(m).second)
                        queue.push_back(m);
            }
            covered += area;
        }

        // Scattered household deals make up the rest of the share.
        for (int attempt = 0;
             attempt < 4 * static_cast<int>(cropland[v].size()) && covered < share * total;
             ++attempt) {
            const int p = pick(cropland[v], rng);
            if (taken[static_cast<std::size_t>(p)])
                continue;
            static const std::vector<std::string> modes = {"转包", "转包", "出租", "出租",
                                                           "互换", "转让", "其他"};
            const std::string& mode = pick(modes, rng);
            Rng other(hashOf(in.seed, 75, static_cast<std::uint64_t>(p)));
            const int hh = other.between(1, std::max(1, village.households));
            Rng person(hashOf(
                in.seed, 73, static_cast<std::uint64_t>(v * 10000 + static_cast<std::size_t>(hh))));
            const int startYear = yearOf(in.asOf) - rng.between(0, 7);
            const std::string start = dateOf(startYear, rng.between(1, 12), rng.between(1, 28));
            const std::string end = shiftMonths(start, 12 * rng.between(2, 8));
            addRow(p, contractCode(), mode, householdCode(village, hh), in.names.person(person),
                   start, end);
            covered += county.parcels[static_cast<std::size_t>(p)].tbmj;
        }
    }

    // A few parcels are let twice over overlapping years: a data-entry error to be flagged.
    const std::size_t base = rows.size();
    for (int k = 0; k < 3 && base > 10; ++k) {
        Transfer second =
            rows[static_cast<std::size_t>(rng.between(0, static_cast<int>(base) - 1))];
        second.contract = "LZ" + county.villages[static_cast<std::size_t>(second.village)].code +
                          "9" + std::to_string(900 + k);
        second.mode = "转包";
        second.start = shiftMonths(second.start, 12);
        second.end = shiftMonths(second.start, 36);
        Rng person(hashOf(in.seed, 76, static_cast<std::uint64_t>(k)));
        second.transfereeName = in.names.person(person);
        second.transfereeCode =
            householdCode(county.villages[static_cast<std::size_t>(second.village)], 9000 + k);
        overlapping.push_back(second.parcel);
        rows.push_back(std::move(second));
    }
    return rows;
}

std::vector<Asset> makeAssets(const LedgerInputs& in) {
    struct Kind {
        const char* type;
        const char* name;
        int minCount, maxCount;
        double minValue, maxValue, minFloor, maxFloor;
        double idleShare, leasedShare;
        bool onFields;
    };
    static const Kind kinds[] = {
        {"村部", "村级综合服务中心", 1, 1, 3e5, 8e5, 300, 900, 0.0, 0.0, false},
        {"学校", "原村小学", 0, 1, 5e5, 2e6, 800, 2500, 0.55, 0.2, false},
        {"仓库", "粮食仓库", 1, 2, 5e4, 3e5, 150, 800, 0.35, 0.25, false},
        {"冷库", "果蔬冷库", 0, 1, 2e5, 6e5, 200, 600, 0.3, 0.3, false},
        {"大棚", "蔬菜大棚", 2, 4, 2e4, 1e5, 300, 1500, 0.25, 0.4, true},
        {"厂房", "集体厂房", 0, 1, 3e5, 1.5e6, 500, 3000, 0.5, 0.3, false},
    };
    Rng rng(hashOf(in.seed, 81));
    std::vector<Asset> assets;
    for (std::size_t v = 0; v < in.county.villages.size(); ++v) {
        const Village& village = in.county.villages[v];
        int seq = 0;
        for (const Kind& kind : kinds) {
            const int count = rng.between(kind.minCount, kind.maxCount);
            for (int i = 0; i < count; ++i) {
                Asset a;
                char buf[16];
                std::snprintf(buf, sizeof buf, "%03d", ++seq);
                a.code = "ZC" + village.code + buf;
                a.type = kind.type;
                a.name = stemOf(village.name) + kind.name +
                         (count > 1 ? std::to_string(i + 1) + "号" : "");
                const double r = rng.uniform();
                a.status = r < kind.idleShare                      ? "闲置"
                           : r < kind.idleShare + kind.leasedShare ? "出租"
                                                                   : "在用";
                a.bookValue = std::round(rng.uniform(kind.minValue, kind.maxValue) / 100.0) * 100.0;
                a.floorArea = std::round(rng.uniform(kind.minFloor, kind.maxFloor));
                if (a.status == "闲置")
                    a.idleSince = shiftMonths(in.asOf, -rng.between(3, 72));
                a.village = static_cast<int>(v);
                const auto& spots = kind.onFields ? in.fieldSpots[v] : in.buildingSpots[v];
                if (std::string(kind.type) == "村部" || spots.empty())
                    a.location = village.centre;
                else
                    a.location = pick(spots, rng);
                assets.push_back(std::move(a));
            }
        }
    }
    return assets;
}

std::vector<Fund> makeFunds(const LedgerInputs& in) {
    Rng rng(hashOf(in.seed, 91));
    std::vector<Fund> funds;
    for (std::size_t v = 0; v < in.county.villages.size(); ++v) {
        Fund f;
        f.village = static_cast<int>(v);
        f.year = yearOf(in.asOf) - 1;
        f.collective = std::round(rng.uniform(1e5, 3e6) / 100.0) * 100.0;
        f.assistance = std::round(rng.uniform(2e5, 1.5e6) / 100.0) * 100.0;
        f.idle = std::round(f.collective * rng.uniform(0.0, 0.35) / 100.0) * 100.0;
        funds.push_back(f);
    }
    return funds;
}

} // namespace sample
