#include "broken_features.h"

#include <algorithm>

#include "ogr_conversion.h"
#include "random.h"

namespace sample {
namespace {

std::string newBsm(const County& county, std::size_t serial) {
    std::string digits = std::to_string(900000000000ULL + serial);
    return county.code + digits;
}

} // namespace

SurveyorDelivery makeSurveyorDelivery(const County& county, std::uint64_t seed) {
    SurveyorDelivery d;
    for (const Parcel& p : county.parcels)
        d.parcels.push_back(
            {p, std::shared_ptr<OGRGeometry>(new OGRPolygon(toPolygon(p.geometry)))});
    d.transfers = county.transfers;
    Rng rng(hashOf(seed, 101));
    const auto count = static_cast<int>(county.parcels.size());
    auto pickParcel = [&](auto&& accept) {
        for (int attempt = 0; attempt < 10000; ++attempt) {
            const int i = rng.between(0, count - 1);
            if (accept(county.parcels[static_cast<std::size_t>(i)]))
                return i;
        }
        return 0;
    };

    // 1. A bowtie: two neighbouring vertices of the outer ring swapped, as a digitiser's slip.
    {
        const int i = pickParcel([](const Parcel& p) {
            return p.dlbm == "0101" && p.geometry.rings.size() == 1 &&
                   p.geometry.rings[0].size() >= 8;
        });
        Ring ring = county.parcels[static_cast<std::size_t>(i)].geometry.rings[0];
        std::swap(ring[2], ring[3]);
        d.parcels[static_cast<std::size_t>(i)].geometry.reset(
            new OGRPolygon(toPolygon(Polygon{{ring}})));
        d.broken.push_back({"self_intersection", "DLTB", i,
                            county.parcels[static_cast<std::size_t>(i)].bsm,
                            "two vertices swapped; MakeValid repairs it"});
    }
    // 2. An exact duplicate of another parcel, BSM included, appended at the end.
    {
        const int i = pickParcel([](const Parcel& p) { return p.dlbm == "0103"; });
        SurveyorParcel copy = d.parcels[static_cast<std::size_t>(i)];
        copy.geometry.reset(copy.geometry->clone());
        d.parcels.push_back(copy);
        d.broken.push_back({"duplicate", "DLTB", static_cast<long long>(d.parcels.size() - 1),
                            copy.parcel.bsm,
                            "same geometry and attributes as record " + std::to_string(i)});
    }
    // 3. A sliver: a needle-thin triangle along the first edge of a parcel.
    {
        const int i =
            pickParcel([](const Parcel& p) { return p.dlbm == "0101" || p.dlbm == "0103"; });
        const Ring& ring = county.parcels[static_cast<std::size_t>(i)].geometry.rings[0];
        const Point a = ring[0], b = ring[1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const Point apex{(a.x + b.x) / 2 - 0.05 * (b.y - a.y) / len,
                         (a.y + b.y) / 2 + 0.05 * (b.x - a.x) / len};
        SurveyorParcel sliver = d.parcels[static_cast<std::size_t>(i)];
        sliver.parcel.bsm = newBsm(county, 1);
        sliver.parcel.tbbh = "9001";
        sliver.geometry.reset(new OGRPolygon(toPolygon(Polygon{{Ring{a, apex, b}}})));
        OGRPolygon* poly = sliver.geometry->toPolygon();
        sliver.parcel.tbmj = std::round(poly->get_Area() * 100.0) / 100.0;
        sliver.parcel.kcmj = 0.0;
        sliver.parcel.tbdlmj = sliver.parcel.tbmj;
        d.parcels.push_back(sliver);
        d.broken.push_back({"sliver", "DLTB", static_cast<long long>(d.parcels.size() - 1),
                            sliver.parcel.bsm,
                            "triangle 5 cm wide along an edge of record " + std::to_string(i)});
    }
    // 4. A parcel far outside the county: wrong coordinates typed in.
    {
        const int i = pickParcel([](const Parcel& p) { return p.dlbm == "0201"; });
        SurveyorParcel stray = d.parcels[static_cast<std::size_t>(i)];
        stray.parcel.bsm = newBsm(county, 2);
        stray.parcel.tbbh = "9002";
        double minX = 1e300, maxX = -1e300;
        for (const Parcel& p : county.parcels)
            for (const Point& pt : p.geometry.rings[0]) {
                minX = std::min(minX, pt.x);
                maxX = std::max(maxX, pt.x);
            }
        OGRGeometry* moved = stray.geometry->clone();
        OGRPolygon* poly = moved->toPolygon();
        for (OGRLinearRing* ring : *poly)
            for (OGRPoint& pt : *ring)
                pt.setX(pt.getX() + (maxX - minX) + 5000.0);
        stray.geometry.reset(moved);
        d.parcels.push_back(stray);
        d.broken.push_back({"outside_villages", "DLTB",
                            static_cast<long long>(d.parcels.size() - 1), stray.parcel.bsm,
                            "shifted east beyond the county"});
    }
    // 5. A record with no geometry at all.
    {
        SurveyorParcel empty = d.parcels[0];
        empty.parcel.bsm = newBsm(county, 3);
        empty.parcel.tbbh = "9003";
        empty.geometry.reset();
        d.parcels.push_back(empty);
        d.broken.push_back({"empty_geometry", "DLTB", static_cast<long long>(d.parcels.size() - 1),
                            empty.parcel.bsm, "attributes without a shape"});
    }
    // 6. A ledger row naming a parcel that does not exist.
    if (!d.transfers.empty()) {
        Transfer ghost = d.transfers[static_cast<std::size_t>(
            rng.between(0, static_cast<int>(d.transfers.size()) - 1))];
        ghost.contract = ghost.contract.substr(0, ghost.contract.size() - 4) + "8888";
        ghost.parcel = newBsm(county, 99);
        d.transfers.push_back(ghost);
        d.broken.push_back({"no_parcel", "transfers",
                            static_cast<long long>(d.transfers.size() - 1), ghost.contract,
                            "DKBM " + ghost.parcel + " is in no parcel layer"});
    }
    return d;
}

nlohmann::json manifestOf(const County& county, const SurveyorDelivery& delivery,
                          std::uint64_t seed, int requestedParcels) {
    nlohmann::json broken = nlohmann::json::array();
    for (const BrokenFeature& b : delivery.broken) {
        nlohmann::json entry = {{"problem", b.problem},
                                {"layer", b.layer},
                                {"record", b.record},
                                {"id", b.id},
                                {"note", b.note}};
        if (b.layer == "transfers")
            entry["csv_line"] = b.record + 2; // line 1 is the header
        broken.push_back(entry);
    }
    double cropland = 0.0;
    for (const Parcel& p : county.parcels)
        if (p.dlbm.rfind("01", 0) == 0)
            cropland += p.tbmj;
    return {
        {"generator", "tianmu-sample"},
        {"seed", seed},
        {"requested_parcels", requestedParcels},
        {"county", {{"code", county.code}, {"name", county.name}, {"epsg", county.epsg}}},
        {"counts",
         {{"townships", county.townships.size()},
          {"villages", county.villages.size()},
          {"parcels", county.parcels.size()},
          {"rivers", county.rivers.size()},
          {"roads", county.roads.size()},
          {"transfers", county.transfers.size()},
          {"assets", county.assets.size()},
          {"funds", county.funds.size()},
          {"surveyor_dltb_records", delivery.parcels.size()},
          {"surveyor_transfer_rows", delivery.transfers.size()}}},
        {"cropland_m2", std::round(cropland * 100.0) / 100.0},
        {"files",
         {{"project", "county.gpkg"},
          {"dem", "dem.tif"},
          {"surveyor_cgcs2000", "surveyor/cgcs2000/{DLTB,CJDCQ,HL,DL,XZZD}.shp (EPSG:4525 .prj, "
                                "GBK, DBF language byte 0x4D, "
                                "no .cpg)"},
          {"surveyor_xian80",
           "surveyor/xian80/DLTB.shp (Xian 1980 zone 37 .prj, EPSG:2361, same coordinates)"},
          {"surveyor_noprj", "surveyor/noprj/DLTB.shp (no .prj, DBF language byte 0, no .cpg)"},
          {"ledgers", "surveyor/{transfers,assets,funds}.{csv,xlsx} (CSV in GBK)"}}},
        {"broken_features", broken},
        {"ledger_flags",
         {{"overlapping_contracts", county.overlappingTransfers},
          {"area_mismatch_over_5_percent", county.mismatchedTransfers}}},
    };
}

} // namespace sample
