// Classification rules as data (data/rules/*.json): development zones decided by ordered
// rules (first match wins), idle three-assets, transfer checks and village types. Loading
// validates everything and names the file, line and rule at fault.
#pragma once

#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace geo {

// An inclusive numeric range; an unset bound is open.
struct Range {
    std::optional<double> min;
    std::optional<double> max;
    bool contains(double v) const noexcept { return (!min || v >= *min) && (!max || v <= *max); }
    bool operator==(const Range&) const = default;
};

struct AttributeTest {
    std::string field;
    std::string op; // = != < <= > >=
    std::string text;
    std::optional<double> number; // set when the operand is a number
};

// All present tests must hold; `any` holds when one of its alternatives holds.
struct Condition {
    std::vector<std::string> landUse; // codes, or prefixes ending in '*'; empty: any
    std::vector<std::string> landUseNot;
    std::vector<AttributeTest> attributes;
    std::optional<Range> riverDistance;     // metres from the parcel to the nearest river
    std::optional<Range> meanSlope;         // degrees, over the parcel's DEM pixels
    std::optional<Range> meanElevation;     // metres
    std::optional<Range> relativeElevation; // metres above the lowest DEM pixel of its village
    std::optional<Range> riverHeight; // metres above the nearest river (mean elevation − river's)
    std::optional<Range> area;        // m², ellipsoidal
    std::vector<Condition> any;

    bool needsDem() const;
    bool needsRivers() const;
    bool needsLandUse() const;
};

struct Zone {
    std::string id, nameZh, nameEn, useZh, useEn;
};

struct ZoneRule {
    std::string id;
    std::string titleZh, titleEn; // what it means, for people ("title"; the id when absent)
    std::string zone;
    Condition when;
    int line = 0; // where the rule starts in its file
};

struct VillageType {
    std::string id, nameZh, nameEn;
    // Alternatives of metric ranges: idle_area_mu, idle_area_mu_per_household,
    // centre_river_distance_m, centre_road_distance_m, centre_seat_distance_m, cash_crop_share.
    std::vector<std::vector<std::pair<std::string, Range>>> any;
};

// What is known about one parcel when its rules are evaluated.
struct ParcelFacts {
    std::string landUse;
    std::vector<std::pair<std::string, std::string>> attributes; // field → value
    double area = 0.0;
    std::optional<double> riverDistance, meanSlope, meanElevation, relativeElevation, riverHeight;
};

// One rule tried on one parcel: matched, not matched (with the first failing test), or
// skipped because the data it needs (DEM, rivers) is missing.
struct RuleTrace {
    std::string ruleId;
    std::string title; // the rule's title (zh), empty when the rule has none
    enum class Result { Matched, NotMatched, Skipped } result = Result::NotMatched;
    std::string why;
};

class RuleSet {
public:
    // Throws InputError with the file, the line and the rule id at fault; `knownFields` are
    // the parcel fields attribute tests may name (empty: not checked).
    static RuleSet load(const std::string& path, const std::set<std::string>& knownLandUseCodes,
                        const std::set<std::string>& knownFields = {});

    const std::string& name() const noexcept { return m_name; }
    const std::string& path() const noexcept { return m_path; }
    const std::vector<Zone>& zones() const noexcept { return m_zones; }
    const std::vector<ZoneRule>& rules() const noexcept { return m_rules; }
    const Zone* zone(const std::string& id) const noexcept;
    // The zone of rules()[rule], found once when the rules were read (not by name per parcel).
    const Zone& zoneOfRule(std::size_t rule) const { return m_zones[m_ruleZone[rule]]; }
    const ZoneRule* rule(const std::string& id) const noexcept;

    // The first matching rule (index into rules()), or -1. Rules whose data is missing are
    // skipped.
    int classify(const ParcelFacts& facts) const;
    std::vector<RuleTrace> explain(const ParcelFacts& facts) const;
    // The parcel fields the rules test (attribute tests, the idle flag), sorted, each once.
    std::vector<std::string> attributeFields() const;

    bool usesDem() const;
    bool usesRivers() const;
    bool usesLandUse() const; // a rule tests the parcels' land-use code (DLBM)
    // Whether a village type tests `metric` (e.g. centre_road_distance_m).
    bool villageTypesUse(const std::string& metric) const;

    // Rivers: only features whose `riverFilterField` is at least `riverFilterMin` count (e.g.
    // stream order DJ >= 2 leaves out the smallest brooks); empty field: all rivers.
    std::string riverFilterField;
    double riverFilterMin = 0.0;
    // Roads: only features whose `roadGradeField` holds one of `mainRoadGrades` count as main
    // roads (e.g. DLDJ 国道, 省道, 县道); no grades: every road of the layer.
    std::string roadGradeField;
    std::vector<std::string> mainRoadGrades;
    // Idle three-assets.
    std::vector<std::string> idleLandUse;
    std::string idleFlagField, assetStatusField, fundIdleField;
    std::vector<std::string> assetIdleValues;
    // Transfers.
    double transferAreaTolerance = 0.05;
    int expiringMonths = 6;
    // Villages: which wins when a parcel's ZLDWDM and its location disagree.
    bool villageByLocation = true;
    std::vector<VillageType> villageTypes;

private:
    std::string m_name, m_path;
    std::vector<Zone> m_zones;
    std::vector<ZoneRule> m_rules;
    std::vector<std::size_t> m_ruleZone; // per rule: its zone in m_zones
};

// The asset statuses counted idle when a rule file names none (idle.asset_idle_values): 闲置.
const std::vector<std::string>& defaultAssetIdleValues();
// The parcel field read as the survey's idle flag when a rule file names none.
inline constexpr const char* defaultIdleFlagField = "SFXZ";

// Whether a land-use code matches a pattern: exact, or a prefix ending in '*'.
bool landUseMatches(std::string_view code, std::string_view pattern) noexcept;

// A range as the reasons say it: "between 0.5 and 2", "at least 0.5", "at most 300" (the
// numbers as an ostream prints them; app/i18n/geo_text translates these words).
std::string describeRange(const Range& r);

} // namespace geo
