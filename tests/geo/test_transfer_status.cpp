// Linking a transfer ledger to its parcels by parcel id, checked against a plain map on a
// county of 60,000 parcels: every contract finds the first parcel with its id, ids the county
// lacks are flagged, and a parcel named by several contracts is covered by the first that runs.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "geo/rule_set.h"
#include "geo/transfer_status.h"

namespace {

geo::TransferRow contract(int number, const std::string& parcel, const std::string& start,
                          const std::string& end) {
    geo::TransferRow t;
    t.contract = "HT" + std::to_string(number);
    t.parcel = parcel;
    t.mode = "出租";
    t.start = start;
    t.end = end;
    return t;
}

} // namespace

TEST_CASE("every ledger row finds the first parcel with its id, and only those the county has",
          "[transfers]") {
    geo::ClassificationInputs in;
    std::mt19937 random(7);
    // Ids of the kind surveyors deliver (18 digits, longer than a string keeps inline), and a
    // few short ones; one id is carried by two parcels.
    for (int i = 0; i < 60000; ++i) {
        geo::ParcelRecord p;
        p.fid = i + 1;
        p.id =
            i % 1000 == 999 ? "P" + std::to_string(i) : "4309990000" + std::to_string(10000000 + i);
        in.parcels.push_back(p);
    }
    in.parcels[500].id = in.parcels[400].id; // a duplicate: the first parcel with it counts
    // Contracts on every seventh parcel, some parcels twice (one expired, one running), and
    // ids no parcel has.
    int number = 0;
    for (std::size_t i = 0; i < in.parcels.size(); i += 7) {
        in.transfers.push_back(
            contract(++number, in.parcels[i].id.str(), "2020-01-01", "2030-12-31"));
        if (i % 5 == 0)
            in.transfers.push_back(
                contract(++number, in.parcels[i].id.str(), "2010-01-01", "2015-12-31"));
    }
    in.transfers.push_back(
        contract(++number, in.parcels[500].id.str(), "2021-01-01", "2029-12-31"));
    for (int k = 0; k < 300; ++k)
        in.transfers.push_back(
            contract(++number, "9999" + std::to_string(random()), "2020-01-01", "2030-12-31"));

    geo::RuleSet rules;
    const geo::TransferStatus status = geo::analyseTransfers(in, rules, "2026-06-30");

    // The same join by a plain map: each id's first parcel.
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < in.parcels.size(); ++i)
        first.emplace(in.parcels[i].id, i);
    std::map<std::size_t, int> running; // parcel → contracts covering 2026-06-30
    std::size_t unknown = 0;
    for (const geo::TransferRow& t : in.transfers) {
        const auto found = first.find(t.parcel.str());
        if (found == first.end()) {
            ++unknown;
            continue;
        }
        running[found->second] += t.start <= "2026-06-30" && "2026-06-30" <= t.end;
    }
    REQUIRE(unknown == 300);
    std::size_t active = 0;
    for (std::size_t i = 0; i < in.parcels.size(); ++i) {
        const auto r = running.find(i);
        INFO("parcel " << i << " " << in.parcels[i].id);
        CHECK(status.parcel(i).active == (r != running.end() && r->second > 0));
        active += status.parcel(i).active;
    }
    CHECK(active == running.size());
    // The duplicate's second parcel is never linked: its contract went to the first.
    CHECK_FALSE(status.parcel(500).active);
    CHECK(status.parcel(400).active);
    std::size_t noParcel = 0;
    for (const geo::TransferFlag& f : status.flags)
        if (f.kind == "no_parcel") {
            ++noParcel;
            CHECK(first.count(f.parcel) == 0);
        }
    CHECK(noParcel == unknown);
}

TEST_CASE("each parcel's transfer names the contract that decides it, and why", "[transfers]") {
    geo::ClassificationInputs in;
    for (int i = 0; i < 5; ++i) {
        geo::ParcelRecord p;
        p.fid = i + 1;
        p.id = "43099900000000000" + std::to_string(i);
        in.parcels.push_back(p);
    }
    // Parcel 0: an ended contract, then one running (it decides); parcel 1: only ended ones
    // (the last in ledger order is named); parcel 2: one not started yet; parcel 3: none;
    // parcel 4: two running at once (the first decides).
    in.transfers = {contract(1, in.parcels[0].id.str(), "2010-01-01", "2015-12-31"),
                    contract(2, in.parcels[0].id.str(), "2020-03-01", "2030-02-28"),
                    contract(3, in.parcels[1].id.str(), "2012-01-01", "2016-12-31"),
                    contract(4, in.parcels[1].id.str(), "2017-01-01", "2019-12-31"),
                    contract(5, in.parcels[2].id.str(), "2027-01-01", "2035-12-31"),
                    contract(6, in.parcels[4].id.str(), "2021-01-01", "2031-12-31"),
                    contract(7, in.parcels[4].id.str(), "2022-01-01", "2032-12-31")};
    in.transfers[5].mode = "入股";
    const geo::TransferStatus status = geo::analyseTransfers(in, geo::RuleSet{}, "2026-06-30");

    CHECK(status.parcel(0).active);
    CHECK(status.parcel(0).mode() == "出租");
    CHECK(status.parcel(0).contract() == "HT2");
    CHECK(status.parcel(0).rule() == "contract HT2 covers 2020-03-01..2030-02-28");
    CHECK_FALSE(status.parcel(1).active);
    CHECK(status.parcel(1).mode().empty());
    CHECK(status.parcel(1).contract().empty());
    CHECK(status.parcel(1).rule() == "contract HT4 ended 2019-12-31");
    CHECK_FALSE(status.parcel(2).active);
    CHECK(status.parcel(2).rule() == "contract HT5 starts 2027-01-01");
    CHECK_FALSE(status.parcel(3).active);
    CHECK(status.parcel(3).rule().empty());
    CHECK(status.parcel(4).active);
    CHECK(status.parcel(4).mode() == "入股");
    CHECK(status.parcel(4).rule() == "contract HT6 covers 2021-01-01..2031-12-31");
}
