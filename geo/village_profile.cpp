#include "geo/village_profile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "geo/area.h"
#include "geo/error.h"
#include "geo/feature_bands.h"
#include "geo/idle_item_sync.h"
#include "geo/location_grid.h"
#include "geo/polygon_overlap.h"
#include "geo/spatial_index.h"
#include "geo/village_types.h"

namespace geo {
namespace {

std::string_view villagePart(std::string_view code) {
    return code.substr(0, std::min<std::size_t>(12, code.size()));
}

std::vector<Extent> featureBoxes(const FlatLayer& layer) {
    std::vector<Extent> boxes(layer.featureCount());
    for (std::size_t f = 0; f < layer.featureCount(); ++f)
        for (std::uint32_t v = layer.partStart[layer.featurePart[f]];
             v < layer.partStart[layer.featurePart[f + 1]]; ++v)
            boxes[f].include(layer.xy[2 * v], layer.xy[2 * v + 1]);
    return boxes;
}

int containing(const FlatLayer& layer, const SpatialIndex& index, double x, double y) {
    int found = -1;
    index.query({x, y, x, y}, [&](std::uint32_t f) {
        if (featureContains(layer, f, x, y)) {
            found = static_cast<int>(f);
            return false;
        }
        return true;
    });
    return found;
}

// The parcel that contains each point, or -1: one pass over the parcels against the points
// sorted by x, where a spatial index of a million parcels cost far more than placing the few
// thousand points it served. A point that several (overlapping) parcels contain gets the one
// the spatial index finds first, as it always did.
std::vector<int> parcelsContaining(const FlatLayer& parcels,
                                   const std::vector<std::array<double, 2>>& points) {
    std::vector<int> found(points.size(), -1);
    std::vector<std::uint8_t> hits(points.size(), 0); // parcels that contain it, up to 2
    std::vector<std::uint32_t> byX;
    for (std::size_t p = 0; p < points.size(); ++p)
        if (std::isfinite(points[p][0]) && std::isfinite(points[p][1]))
            byX.push_back(static_cast<std::uint32_t>(p));
    std::sort(byX.begin(), byX.end(),
              [&](std::uint32_t a, std::uint32_t b) { return points[a][0] < points[b][0]; });
    std::vector<double> xs(byX.size());
    for (std::size_t k = 0; k < byX.size(); ++k)
        xs[k] = points[byX[k]][0];
    for (std::size_t f = 0; f < parcels.featureCount(); ++f) {
        Extent box;
        for (std::uint32_t v = parcels.partStart[parcels.featurePart[f]];
             v < parcels.partStart[parcels.featurePart[f + 1]]; ++v)
            box.include(parcels.xy[2 * v], parcels.xy[2 * v + 1]);
        if (box.isNull())
            continue;
        for (auto k = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), box.minX) -
                                               xs.begin());
             k < xs.size() && xs[k] <= box.maxX; ++k) {
            const std::uint32_t p = byX[k];
            const double y = points[p][1];
            if (y < box.minY || y > box.maxY || !featureContains(parcels, f, xs[k], y))
                continue;
            if (hits[p]++ == 0)
                found[p] = static_cast<int>(f);
            hits[p] = std::min<std::uint8_t>(hits[p], 2);
        }
    }
    if (std::find(hits.begin(), hits.end(), 2) != hits.end()) {
        const SpatialIndex index(featureBoxes(parcels));
        for (std::size_t p = 0; p < points.size(); ++p)
            if (hits[p] == 2)
                found[p] = containing(parcels, index, points[p][0], points[p][1]);
    }
    return found;
}

} // namespace

VillageAssignment assignVillages(const ClassificationInputs& in, bool locationWins) {
    VillageAssignment out;
    const std::size_t n = in.parcels.size();
    out.village.assign(n, -1);
    const SpatialIndex index(featureBoxes(in.villageShapes));
    std::unordered_map<std::string_view, int> byCode; // the first village with a code wins
    for (std::size_t v = 0; v < in.villages.size(); ++v)
        byCode.emplace(villagePart(in.villages[v].code), static_cast<int>(v));
    // Village boundaries have thousands of vertices: test a parcel's point against the edges of
    // its row only (the same answer as featureContains).
    std::vector<FeatureBands> outlines;
    outlines.reserve(in.villageShapes.featureCount());
    for (std::size_t v = 0; v < in.villageShapes.featureCount(); ++v)
        outlines.emplace_back(in.villageShapes, v);
    auto villageAt = [&](double x, double y) {
        int found = -1;
        index.query({x, y, x, y}, [&](std::uint32_t f) {
            if (outlines[f].contains(x, y)) {
                found = static_cast<int>(f);
                return false;
            }
            return true;
        });
        return found;
    };
    // Most parcels lie well inside a village: a grid answers for them without a test.
    const LocationGrid grid(in.villageShapes, villageAt);
    // Where parcel i lies: the village holding the largest part of it, or -1 when none holds
    // any. A parcel whose box lies in grid cells no village line comes near lies wholly in the
    // village of those cells (even one without an inside, a sliver: it lies nowhere else). Else
    // (about one parcel in five: those along a village line) a parcel without an inside lies
    // in none; where the line of the village holding its inner point does not run through it
    // (a tiling draws the line along the parcel's edges), it lies wholly in that village; else
    // the parts are measured, and a village holding more than that one takes it. Equal parts
    // stay with the village holding the inner point.
    auto locate = [&](std::size_t i) {
        Extent box;
        for (std::uint32_t v = in.parcelShapes.partStart[in.parcelShapes.featurePart[i]];
             v < in.parcelShapes.partStart[in.parcelShapes.featurePart[i + 1]]; ++v)
            box.include(in.parcelShapes.xy[2 * v], in.parcelShapes.xy[2 * v + 1]);
        if (box.isNull())
            return -1; // no vertex: no place
        if (const std::optional<int> whole = grid.knownBox(box))
            return *whole;
        double x = 0, y = 0;
        if (!interiorPoint(in.parcelShapes, i, x, y))
            return -1;
        const PolygonEdges parcel(in.parcelShapes, i);
        const std::optional<int> known = grid.known(x, y);
        const int inner = known ? *known : villageAt(x, y);
        if (inner >= 0 && !parcel.crossedBy(outlines[static_cast<std::size_t>(inner)]))
            return inner;
        thread_local std::vector<std::uint32_t> candidates;
        candidates.clear();
        index.query(box, [&](std::uint32_t f) {
            if (static_cast<int>(f) != inner)
                candidates.push_back(f);
            return true;
        });
        if (inner < 0 && std::none_of(candidates.begin(), candidates.end(), [&](std::uint32_t f) {
                return parcel.crossedBy(outlines[f]);
            }))
            return inner; // outside every village
        std::sort(candidates.begin(), candidates.end());
        int best = inner;
        double bestArea =
            inner >= 0 ? parcel.sharedArea(outlines[static_cast<std::size_t>(inner)]) : 0.0;
        for (const std::uint32_t f : candidates)
            if (const double shared = parcel.sharedArea(outlines[f]); shared > bestArea) {
                best = static_cast<int>(f);
                bestArea = shared;
            }
        return best;
    };
    // The reasons every assignment can share; a disagreement adds its own text.
    enum : std::uint32_t { LocationNoCode, LocationAgrees, CodeOnly, Nowhere, Shared };
    out.reasons = {"location (no ZLDWDM)", "location, agrees with ZLDWDM",
                   "ZLDWDM (the parcel lies in no village)",
                   "no village: outside every village and no known ZLDWDM"};
    out.reason.assign(n, Nowhere);
    // The texts of disagreements found by one thread, numbered from Shared on.
    struct Disagreements {
        std::vector<VillageAssignment::Mismatch> mismatches; // in parcel order
        std::vector<std::string> texts;
        std::unordered_map<std::string, std::uint32_t> numbers;
        std::uint32_t number(std::string text) {
            const auto [at, added] =
                numbers.emplace(text, static_cast<std::uint32_t>(Shared + texts.size()));
            if (added)
                texts.push_back(std::move(text));
            return at->second;
        }
    };
    // Parcels [first, end): their villages and reasons, from where they lie and their codes.
    auto assign = [&](std::size_t first, std::size_t end, Disagreements& found) {
        for (std::size_t i = first; i < end; ++i) {
            const int located = locate(i);
            const std::string_view attribute = villagePart(in.parcels[i].villageCode);
            const auto byAttribute = byCode.find(attribute);
            const int coded = byAttribute == byCode.end() ? -1 : byAttribute->second;
            if (located >= 0 && (attribute.empty() || located == coded)) {
                out.village[i] = located;
                out.reason[i] = attribute.empty() ? LocationNoCode : LocationAgrees;
            } else if (located >= 0) {
                const std::string& locatedCode =
                    in.villages[static_cast<std::size_t>(located)].code;
                found.mismatches.push_back(
                    {in.parcels[i].id.str(), in.parcels[i].villageCode.str(), locatedCode});
                out.village[i] = locationWins ? located : coded;
                out.reason[i] =
                    found.number(locationWins ? "location; ZLDWDM " +
                                                    in.parcels[i].villageCode.str() + " disagrees"
                                              : "ZLDWDM; its location is in " + locatedCode);
            } else if (coded >= 0) {
                out.village[i] = coded;
                out.reason[i] = CodeOnly;
            }
        }
    };
    // Two halves on two threads: the lookups are read-only, each parcel writes its own slots.
    Disagreements firstHalf, secondHalf;
    std::thread second(assign, n / 2, n, std::ref(secondHalf));
    assign(0, n / 2, firstHalf);
    second.join();
    out.mismatches = std::move(firstHalf.mismatches);
    out.mismatches.insert(out.mismatches.end(),
                          std::make_move_iterator(secondHalf.mismatches.begin()),
                          std::make_move_iterator(secondHalf.mismatches.end()));
    // The second half's texts join the first's, each renumbered once.
    std::vector<std::uint32_t> renumbered;
    for (std::string& text : secondHalf.texts)
        renumbered.push_back(firstHalf.number(std::move(text)));
    out.reasons.insert(out.reasons.end(), std::make_move_iterator(firstHalf.texts.begin()),
                       std::make_move_iterator(firstHalf.texts.end()));
    for (std::size_t i = n / 2; i < n; ++i)
        if (out.reason[i] >= Shared)
            out.reason[i] = renumbered[out.reason[i] - Shared];
    return out;
}

std::vector<VillageProfile> profileVillages(const ClassificationInputs& in, const RuleSet& rules,
                                            const VillageAssignment& villages,
                                            const std::vector<int>& decided,
                                            const std::vector<bool>& idle,
                                            const TransferStatus& transfers,
                                            const RiverDistance& rivers) {
    std::vector<VillageProfile> profiles(in.villages.size());
    std::vector<double> cashCrop(in.villages.size(), 0.0);
    constexpr double unknown = std::numeric_limits<double>::infinity();
    const std::optional<RiverDistance> roads =
        in.hasRoads ? std::optional<RiverDistance>(std::in_place, in.roads, 50000.0) : std::nullopt;
    for (std::size_t v = 0; v < in.villages.size(); ++v) {
        VillageProfile& p = profiles[v];
        p.code = in.villages[v].code;
        p.name = in.villages[v].name;
        p.households = in.villages[v].households;
        p.centreRiverDistance = p.centreRoadDistance = p.centreSeatDistance = unknown;
        double x = 0, y = 0;
        if (!interiorPoint(in.villageShapes, v, x, y))
            continue;
        if (in.hasRivers)
            p.centreRiverDistance = rivers.distance(x, y);
        if (roads)
            p.centreRoadDistance = roads->distance(x, y);
        for (const auto& [sx, sy] : in.seats)
            p.centreSeatDistance = std::min(p.centreSeatDistance, std::hypot(sx - x, sy - y));
    }
    for (std::size_t i = 0; i < in.parcels.size(); ++i) {
        if (villages.village[i] < 0)
            continue;
        const auto v = static_cast<std::size_t>(villages.village[i]);
        VillageProfile& p = profiles[v];
        const double mu = Area::squareMetres(in.parcels[i].areaM2).inMu();
        ++p.parcels;
        p.areaMu += mu;
        if (decided[i] >= 0)
            p.zoneMu[rules.rules()[static_cast<std::size_t>(decided[i])].zone] += mu;
        if (idle[i])
            p.idleMu += mu;
        if (transfers.parcel(i).active)
            p.transferredMu += mu;
        const std::string_view code = in.parcels[i].landUse;
        if (landUseMatches(code, "02*") || landUseMatches(code, "1104*"))
            cashCrop[v] += mu;
    }
    for (std::size_t v = 0; v < profiles.size(); ++v) {
        VillageProfile& p = profiles[v];
        p.cashCropShare = p.areaMu > 0 ? cashCrop[v] / p.areaMu : 0.0;
        std::ostringstream reasons;
        for (const VillageTypeTrace& t :
             explainVillageTypes(rules, villageMeasures(p.idleMu, p.households,
                                                        p.centreRiverDistance, p.centreRoadDistance,
                                                        p.centreSeatDistance, p.cashCropShare))) {
            if (!t.holds())
                continue;
            p.types.push_back(t.typeId);
            if (p.primaryType.empty())
                p.primaryType = t.typeId;
            reasons << t.typeId << ": " << t.stored << "; ";
        }
        p.typeReasons = reasons.str();
    }
    return profiles;
}

namespace {

bool assetIsIdle(const RuleSet& rules, const AssetRow& asset) {
    return std::find(rules.assetIdleValues.begin(), rules.assetIdleValues.end(), asset.status) !=
           rules.assetIdleValues.end();
}

} // namespace

std::vector<int> idleAssetParcels(const ClassificationInputs& in, const RuleSet& rules) {
    std::vector<std::array<double, 2>> located;
    for (const AssetRow& a : in.assets)
        if (assetIsIdle(rules, a))
            located.push_back({a.located ? a.x : NAN, a.located ? a.y : NAN});
    return parcelsContaining(in.parcelShapes, located);
}

namespace {

// The fields of idle_items, in the order of idleItemRows's columns.
enum IdleItemColumn {
    Category,
    ItemId,
    ItemName,
    VillageCode,
    VillageName,
    ZoneName,
    SuggestedUse,
    AreaMu,
    Status,
    Since,
    Rule
};
const std::vector<FieldSpec> idleItemFields = {
    {"CATEGORY", OFTString},      {"ITEM_ID", OFTString},      {"ITEM_NAME", OFTString},
    {"VILLAGE_CODE", OFTString},  {"VILLAGE_NAME", OFTString}, {"ZONE", OFTString},
    {"SUGGESTED_USE", OFTString}, {"AREA_MU", OFTReal},        {"STATUS", OFTString},
    {"SINCE", OFTString},         {"RULE", OFTString}};

} // namespace

RowBatch idleItemRows(const std::string& project, const ClassificationInputs& in,
                      const RuleSet& rules, const VillageAssignment& villages,
                      const std::vector<int>& decided, const std::vector<bool>& idle,
                      const IdleReasons& idleRule, const std::vector<int>& assetParcels) {
    std::vector<const AssetRow*> idleAssets;
    for (const AssetRow& a : in.assets)
        if (assetIsIdle(rules, a))
            idleAssets.push_back(&a);
    if (assetParcels.size() != idleAssets.size()) // before anything is written
        throw Error("the idle assets' parcels are not those of these assets",
                    {project, "idle_items", {}, {}});
    const auto idleParcels = static_cast<std::size_t>(std::count(idle.begin(), idle.end(), true));
    const auto idleFunds = static_cast<std::size_t>(std::count_if(
        in.funds.begin(), in.funds.end(), [](const FundRow& f) { return f.idle > 0; }));
    RowBatch rows;
    rows.reset(idleItemFields.size(), idleParcels + idleAssets.size() + idleFunds);
    auto add = [&](const char* category, std::string_view id, std::string_view name, int village,
                   int parcel, std::optional<double> mu, const std::string& status,
                   const std::string& since, const std::string& rule) {
        rows.setText(Category, category);
        rows.setText(ItemId, id);
        rows.setText(ItemName, name);
        if (village >= 0) {
            rows.setText(VillageCode, in.villages[static_cast<std::size_t>(village)].code);
            rows.setText(VillageName, in.villages[static_cast<std::size_t>(village)].name);
        }
        if (parcel >= 0 && decided[static_cast<std::size_t>(parcel)] >= 0) {
            const Zone& zone = rules.zoneOfRule(
                static_cast<std::size_t>(decided[static_cast<std::size_t>(parcel)]));
            rows.setText(ZoneName, zone.nameZh);
            rows.setText(SuggestedUse, zone.useZh);
        }
        if (mu)
            rows.setReal(AreaMu, *mu);
        rows.setText(Status, status);
        rows.setText(Since, since);
        rows.setText(Rule, rule);
        rows.addRow();
    };
    for (std::size_t i = 0; i < in.parcels.size(); ++i)
        if (idle[i])
            add("resource", in.parcels[i].id, in.parcels[i].landUse, villages.village[i],
                static_cast<int>(i), Area::squareMetres(in.parcels[i].areaM2).inMu(), "闲置", "",
                idleRule[i]);

    const SpatialIndex villageIndex(featureBoxes(in.villageShapes));
    for (std::size_t k = 0; k < idleAssets.size(); ++k) {
        const AssetRow& a = *idleAssets[k];
        const int parcel = assetParcels[k];
        int village = parcel >= 0 ? villages.village[static_cast<std::size_t>(parcel)] : -1;
        if (village < 0 && a.located)
            village = containing(in.villageShapes, villageIndex, a.x, a.y);
        add("asset", a.id, idleAssetItemName(a.name, a.type), village, parcel, std::nullopt,
            a.status, a.idleSince,
            rules.assetStatusField + " = " + a.status +
                (parcel >= 0
                     ? "; on parcel " + in.parcels[static_cast<std::size_t>(parcel)].id.str()
                     : ""));
    }
    std::map<std::string, int, std::less<>> byCode;
    for (std::size_t v = 0; v < in.villages.size(); ++v)
        byCode.emplace(villagePart(in.villages[v].code), static_cast<int>(v));
    for (const FundRow& f : in.funds) {
        if (f.idle <= 0)
            continue;
        const auto v = byCode.find(villagePart(f.villageCode));
        std::ostringstream status;
        status.precision(2);
        status << std::fixed << f.idle << " 元";
        add("fund", f.villageCode, f.villageName, v == byCode.end() ? -1 : v->second, -1,
            std::nullopt, status.str(), "", rules.fundIdleField + " > 0");
    }
    return rows;
}

void writeIdleItems(ProjectStore& store, const RowBatch& rows) {
    const auto table = store.replaceTable("idle_items", idleItemFields);
    table->addRows(rows);
    table->finish();
}

void writeVillageProfiles(ProjectStore& store, const RuleSet& rules,
                          const std::vector<VillageProfile>& profiles,
                          const VillageAssignment& villages) {
    std::vector<FieldSpec> fields = {
        {"VILLAGE_CODE", OFTString}, {"VILLAGE_NAME", OFTString},  {"HOUSEHOLDS", OFTInteger64},
        {"PARCELS", OFTInteger64},   {"AREA_MU", OFTReal},         {"IDLE_MU", OFTReal},
        {"TRANSFERRED_MU", OFTReal}, {"CASH_CROP_SHARE", OFTReal}, {"RIVER_DIST_M", OFTReal},
        {"ROAD_DIST_M", OFTReal},    {"SEAT_DIST_M", OFTReal},     {"TYPES", OFTString},
        {"PRIMARY_TYPE", OFTString}, {"TYPE_RULES", OFTString}};
    for (const Zone& z : rules.zones())
        fields.push_back({"ZONE_" + z.id + "_MU", OFTReal});
    const auto table = store.replaceTable("village_stats", fields);
    for (const VillageProfile& p : profiles) {
        int column = 0;
        table->setText(column++, p.code);
        table->setText(column++, p.name);
        table->setInteger(column++, p.households);
        table->setInteger(column++, p.parcels);
        table->setReal(column++, p.areaMu);
        table->setReal(column++, p.idleMu);
        table->setReal(column++, p.transferredMu);
        table->setReal(column++, p.cashCropShare);
        for (const double distance :
             {p.centreRiverDistance, p.centreRoadDistance, p.centreSeatDistance}) {
            if (std::isfinite(distance))
                table->setReal(column, distance);
            ++column;
        }
        std::string types;
        for (const std::string& t : p.types)
            types += (types.empty() ? "" : ",") + t;
        table->setText(column++, types);
        for (const VillageType& t : rules.villageTypes)
            if (t.id == p.primaryType)
                table->setText(column, t.nameZh);
        ++column;
        table->setText(column++, p.typeReasons);
        for (const Zone& z : rules.zones()) {
            const auto it = p.zoneMu.find(z.id);
            table->setReal(column++, it == p.zoneMu.end() ? 0.0 : it->second);
        }
        table->addRow();
    }
    table->finish();
    const auto mismatches =
        store.replaceTable("village_mismatches",
                           {{"BSM", OFTString}, {"ZLDWDM", OFTString}, {"LOCATED_IN", OFTString}});
    for (const auto& m : villages.mismatches) {
        mismatches->setText(0, m.parcel);
        mismatches->setText(1, m.attributeCode);
        mismatches->setText(2, m.locationCode);
        mismatches->addRow();
    }
    mismatches->finish();
}

} // namespace geo
