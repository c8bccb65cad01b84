#include "geo/village_types.h"

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include <ogrsf_frmts.h>

#include "geo/error.h"
#include "geo/feature_fields.h"

namespace geo {
namespace {

// How a measure reads in a sentence, and its unit (empty: a share).
struct MeasureWords {
    const char* name;
    const char* unit;
    int decimals;
};

MeasureWords wordsOf(const std::string& measure) {
    if (measure == "idle_area_mu")
        return {"idle resource area", "亩", 2};
    if (measure == "idle_area_mu_per_household")
        return {"idle resource area per household", "亩", 2};
    if (measure == "centre_river_distance_m")
        return {"distance from the village centre to the nearest river", "m", 1};
    if (measure == "centre_road_distance_m")
        return {"distance from the village centre to the nearest main road", "m", 1};
    if (measure == "centre_seat_distance_m")
        return {"distance from the village centre to the township seat", "m", 1};
    if (measure == "cash_crop_share")
        return {"share of orchards, tea and ponds", "", 3};
    return {measure.c_str(), "", 3}; // the rule file's loader admits no other
}

// "idle resource area per household 0.91 亩 is at least 0.5" (or "is not …").
std::string testText(const std::string& measure, double value, const Range& range, bool holds) {
    const MeasureWords w = wordsOf(measure);
    // Enough decimals that a value near a bound does not read as the bound itself ("300 m is
    // not at most 300" for 300.4 m).
    int decimals = w.decimals;
    const auto reads = [&](double v, int d) {
        std::ostringstream t;
        t << std::fixed << std::setprecision(d) << v;
        return t.str();
    };
    for (const std::optional<double>& bound : {range.min, range.max})
        while (bound && *bound != value && decimals < 6 &&
               reads(value, decimals) == reads(*bound, decimals))
            ++decimals;
    std::ostringstream s;
    s << w.name << " " << reads(value, decimals);
    if (*w.unit)
        s << " " << w.unit;
    s << (holds ? " is " : " is not ") << describeRange(range);
    return s.str();
}

} // namespace

VillageMeasures villageMeasures(double idleMu, long long households, double riverDistance,
                                double roadDistance, double seatDistance, double cashCropShare) {
    // A distance is unknown (infinite) without its layer: then no type can rest on it.
    const auto known = [](double distance) {
        return std::isfinite(distance) ? std::optional<double>(distance) : std::nullopt;
    };
    return {{"idle_area_mu", idleMu},
            {"idle_area_mu_per_household",
             households > 0 ? std::optional<double>(idleMu / static_cast<double>(households))
                            : std::nullopt},
            {"centre_river_distance_m", known(riverDistance)},
            {"centre_road_distance_m", known(roadDistance)},
            {"centre_seat_distance_m", known(seatDistance)},
            {"cash_crop_share", cashCropShare}};
}

std::vector<VillageTypeTrace> explainVillageTypes(const RuleSet& rules,
                                                  const VillageMeasures& measures) {
    std::vector<VillageTypeTrace> traces;
    for (const VillageType& type : rules.villageTypes) {
        VillageTypeTrace t{type.id, type.nameZh, type.nameEn, -1, {}, {}};
        std::string failures;
        for (std::size_t a = 0; a < type.any.size() && !t.holds(); ++a) {
            const auto& alternative = type.any[a];
            bool holds = !alternative.empty();
            std::string held, failure;
            std::ostringstream stored;
            for (const auto& [measure, range] : alternative) {
                const auto found = measures.find(measure);
                const std::optional<double> value =
                    found == measures.end() ? std::nullopt : found->second;
                if (!value) {
                    holds = false;
                    if (failure.empty())
                        failure = std::string("no data for the ") + wordsOf(measure).name;
                    continue;
                }
                stored << measure << "=" << *value << " ";
                const bool inRange = range.contains(*value);
                holds = holds && inRange;
                if (inRange)
                    held += (held.empty() ? "" : "; and ") + testText(measure, *value, range, true);
                else if (failure.empty())
                    failure = testText(measure, *value, range, false);
            }
            if (holds) {
                t.alternative = static_cast<int>(a);
                t.why = held;
                t.stored = stored.str();
            } else {
                failures += (failures.empty() ? "" : "; and ") + failure;
            }
        }
        if (!t.holds())
            t.why = failures.empty() ? "the type has no tests" : failures;
        traces.push_back(std::move(t));
    }
    return traces;
}

StoredVillage readStoredVillage(GDALDataset& project, const std::string& code) {
    OGRLayer* stats = project.GetLayerByName("village_stats");
    if (!stats)
        throw InputError("has no village_stats: classify it first (tianmu classify)",
                         {project.GetDescription(), {}, {}, {}});
    stats->ResetReading();
    for (const auto& row : *stats) {
        if (code != row->GetFieldAsString("VILLAGE_CODE") &&
            code != row->GetFieldAsString("VILLAGE_NAME"))
            continue;
        StoredVillage v;
        v.code = row->GetFieldAsString("VILLAGE_CODE");
        v.name = row->GetFieldAsString("VILLAGE_NAME");
        v.households = row->GetFieldAsInteger64("HOUSEHOLDS");
        v.parcels = row->GetFieldAsInteger64("PARCELS");
        v.areaMu = fieldNumber(*row, "AREA_MU").value_or(0.0);
        v.transferredMu = fieldNumber(*row, "TRANSFERRED_MU").value_or(0.0);
        const OGRFeatureDefn* defn = row->GetDefnRef();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string field = defn->GetFieldDefn(i)->GetNameRef();
            constexpr std::size_t prefix = 5, suffix = 3; // "ZONE_", "_MU"
            if (field.size() > prefix + suffix && field.rfind("ZONE_", 0) == 0 &&
                field.compare(field.size() - suffix, suffix, "_MU") == 0)
                v.zoneMu.emplace_back(field.substr(prefix, field.size() - prefix - suffix),
                                      fieldNumber(*row, field.c_str()).value_or(0.0));
        }
        constexpr double unknown = std::numeric_limits<double>::infinity();
        v.measures = villageMeasures(fieldNumber(*row, "IDLE_MU").value_or(0.0), v.households,
                                     fieldNumber(*row, "RIVER_DIST_M").value_or(unknown),
                                     fieldNumber(*row, "ROAD_DIST_M").value_or(unknown),
                                     fieldNumber(*row, "SEAT_DIST_M").value_or(unknown),
                                     fieldNumber(*row, "CASH_CROP_SHARE").value_or(0.0));
        std::istringstream types(row->GetFieldAsString("TYPES"));
        for (std::string t; std::getline(types, t, ',');)
            if (!t.empty())
                v.types.push_back(t);
        v.primaryTypeName = row->GetFieldAsString("PRIMARY_TYPE");
        stats->ResetReading();
        return v;
    }
    // Not found: name the villages there are, so the user can pick one.
    std::string known;
    int listed = 0;
    stats->ResetReading();
    for (const auto& row : *stats) {
        if (listed++ == 12) {
            known += ", …";
            break;
        }
        known += (known.empty() ? "" : ", ") + std::string(row->GetFieldAsString("VILLAGE_NAME")) +
                 " " + row->GetFieldAsString("VILLAGE_CODE");
    }
    stats->ResetReading();
    throw InputError("has no village with code or name '" + code +
                         "'; its villages are: " + (known.empty() ? "none" : known),
                     {project.GetDescription(), "village_stats", {}, {}});
}

} // namespace geo
