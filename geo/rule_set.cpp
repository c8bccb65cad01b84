#include "geo/rule_set.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/error.h"
#include "geo/mapping_profile.h"

namespace geo {
namespace {

using nlohmann::json;

// Where in the file a rule or entry is, found by its id (JSON parsers keep no positions).
int lineOf(const std::string& text, const std::string& id) {
    const std::string needle = "\"" + id + "\"";
    const auto at = text.find(needle);
    if (at == std::string::npos)
        return 0;
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

struct Context {
    const std::string& path;
    const std::string& text;
    const std::set<std::string>& codes;
    const std::set<std::string>& fields;

    [[noreturn]] void fail(const std::string& ruleId, const std::string& message) const {
        ErrorContext where{path, {}, {}, {}};
        if (const int line = ruleId.empty() ? 0 : lineOf(text, ruleId); line > 0)
            where.line = line;
        throw InputError((ruleId.empty() ? std::string() : "rule '" + ruleId + "': ") + message,
                         where);
    }
};

Range rangeOf(const json& j, const std::string& key, const std::string& ruleId,
              const Context& ctx) {
    if (!j.is_object())
        ctx.fail(ruleId, key + " must be an object like {\"min\": 10, \"max\": 20}");
    Range r;
    for (const auto& [bound, value] : j.items()) {
        if (bound != "min" && bound != "max")
            ctx.fail(ruleId, key + " has '" + bound + "'; only min and max are allowed");
        if (!value.is_number())
            ctx.fail(ruleId, key + "." + bound + " must be a number, not " + value.dump());
        (bound == "min" ? r.min : r.max) = value.get<double>();
    }
    if (r.min && r.max && *r.min > *r.max)
        ctx.fail(ruleId, key + " has min above max, so it can never match");
    return r;
}

void checkPattern(const std::string& pattern, const std::string& ruleId, const Context& ctx) {
    if (pattern.empty())
        ctx.fail(ruleId, "an empty land-use code");
    if (pattern.back() == '*') {
        const std::string stem = pattern.substr(0, pattern.size() - 1);
        const bool any = std::any_of(ctx.codes.begin(), ctx.codes.end(),
                                     [&](const std::string& c) { return c.rfind(stem, 0) == 0; });
        if (!any)
            ctx.fail(ruleId, "no land-use code starts with '" + stem + "' (GB/T 21010-2017)");
    } else if (!ctx.codes.count(pattern)) {
        ctx.fail(ruleId, "unknown land-use code '" + pattern +
                             "' (GB/T 21010-2017; use a prefix like 01*)");
    }
}

std::vector<std::string> patternsOf(const json& j, const std::string& key,
                                    const std::string& ruleId, const Context& ctx) {
    if (!j.is_array())
        ctx.fail(ruleId, key + " must be a list of codes like [\"0101\", \"02*\"]");
    std::vector<std::string> out;
    for (const json& p : j) {
        if (!p.is_string())
            ctx.fail(ruleId, key + " must hold codes as text, e.g. \"0101\", not " + p.dump());
        checkPattern(p.get<std::string>(), ruleId, ctx);
        out.push_back(p.get<std::string>());
    }
    return out;
}

Condition conditionOf(const json& j, const std::string& ruleId, const Context& ctx) {
    if (!j.is_object())
        ctx.fail(ruleId, "'when' must be an object of tests");
    Condition c;
    for (const auto& [key, value] : j.items()) {
        if (key == "land_use")
            c.landUse = patternsOf(value, key, ruleId, ctx);
        else if (key == "land_use_not")
            c.landUseNot = patternsOf(value, key, ruleId, ctx);
        else if (key == "river_distance_m")
            c.riverDistance = rangeOf(value, key, ruleId, ctx);
        else if (key == "mean_slope_deg")
            c.meanSlope = rangeOf(value, key, ruleId, ctx);
        else if (key == "mean_elevation_m")
            c.meanElevation = rangeOf(value, key, ruleId, ctx);
        else if (key == "relative_elevation_m")
            c.relativeElevation = rangeOf(value, key, ruleId, ctx);
        else if (key == "river_height_m")
            c.riverHeight = rangeOf(value, key, ruleId, ctx);
        else if (key == "area_m2")
            c.area = rangeOf(value, key, ruleId, ctx);
        else if (key == "any") {
            if (!value.is_array() || value.empty())
                ctx.fail(ruleId, "'any' must be a non-empty list of alternative tests");
            for (const json& alt : value)
                c.any.push_back(conditionOf(alt, ruleId, ctx));
        } else if (key == "attributes") {
            if (!value.is_array())
                ctx.fail(ruleId, "'attributes' must be a list like [{\"field\": \"SFXZ\", \"op\": "
                                 "\"=\", \"value\": 1}]");
            for (const json& t : value) {
                AttributeTest test;
                if (!t.is_object() || !t.contains("field") || !t.contains("value") ||
                    !t["field"].is_string())
                    ctx.fail(ruleId, "an attribute test needs field, op and value");
                test.field = t["field"].get<std::string>();
                test.op = t.value("op", std::string("="));
                static const std::set<std::string> ops = {"=", "!=", "<", "<=", ">", ">="};
                if (!ops.count(test.op))
                    ctx.fail(ruleId, "unknown operator '" + test.op + "'; use = != < <= > >=");
                if (!ctx.fields.empty() && !ctx.fields.count(test.field))
                    ctx.fail(ruleId,
                             "unknown field '" + test.field + "' (the parcels have no such field)");
                const json& v = t["value"];
                if (v.is_number())
                    test.number = v.get<double>();
                else if (v.is_string())
                    test.text = v.get<std::string>();
                else
                    ctx.fail(ruleId, "the value of an attribute test must be text or a number");
                if (test.op != "=" && test.op != "!=" && !test.number)
                    ctx.fail(ruleId, "operator " + test.op + " needs a number, not " + v.dump());
                c.attributes.push_back(test);
            }
        } else {
            ctx.fail(ruleId,
                     "unknown test '" + key +
                         "'; tests are land_use, land_use_not, attributes, river_distance_m, "
                         "mean_slope_deg, mean_elevation_m, relative_elevation_m, river_height_m, "
                         "area_m2, any");
        }
    }
    return c;
}

// Whether every code `inner` can match is matched by `outer`.
bool patternCovers(const std::string& outer, const std::string& inner) {
    if (outer.back() == '*') {
        const std::string stem = outer.substr(0, outer.size() - 1);
        const std::string innerStem =
            inner.back() == '*' ? inner.substr(0, inner.size() - 1) : inner;
        return innerStem.rfind(stem, 0) == 0;
    }
    return outer == inner;
}

// A rule that tests only land use and covers every code of a later rule makes it dead.
bool shadows(const Condition& earlier, const Condition& later) {
    const bool onlyLandUse = earlier.landUseNot.empty() && earlier.attributes.empty() &&
                             !earlier.riverDistance && !earlier.meanSlope &&
                             !earlier.meanElevation && !earlier.relativeElevation &&
                             !earlier.riverHeight && !earlier.area && earlier.any.empty();
    if (!onlyLandUse)
        return false;
    if (earlier.landUse.empty())
        return true; // a catch-all
    if (later.landUse.empty())
        return false;
    return std::all_of(later.landUse.begin(), later.landUse.end(), [&](const std::string& inner) {
        return std::any_of(earlier.landUse.begin(), earlier.landUse.end(),
                           [&](const std::string& outer) { return patternCovers(outer, inner); });
    });
}

// Evaluates a condition; on failure `why` (when not null) says which test failed. Returns
// nullopt when a test needs data that is missing (the rule is then skipped). Classification
// passes nullptr: formatting reasons for a million parcels would cost more than the tests.
std::optional<bool> evaluate(const Condition& c, const ParcelFacts& f, std::string* why) {
    if (!c.landUse.empty() && std::none_of(c.landUse.begin(), c.landUse.end(), [&](const auto& p) {
            return landUseMatches(f.landUse, p);
        })) {
        if (why)
            *why = "land use " + f.landUse + " is not in the rule's list";
        return false;
    }
    for (const std::string& p : c.landUseNot)
        if (landUseMatches(f.landUse, p)) {
            if (why)
                *why = "land use " + f.landUse + " is excluded (" + p + ")";
            return false;
        }
    for (const AttributeTest& t : c.attributes) {
        const auto it = std::find_if(f.attributes.begin(), f.attributes.end(),
                                     [&](const auto& kv) { return kv.first == t.field; });
        static const std::string none;
        const std::string& value = it == f.attributes.end() ? none : it->second;
        bool ok = false;
        if (t.number) {
            const auto v = parseNumber(value);
            ok = v && ((t.op == "=" && *v == *t.number) || (t.op == "!=" && *v != *t.number) ||
                       (t.op == "<" && *v < *t.number) || (t.op == "<=" && *v <= *t.number) ||
                       (t.op == ">" && *v > *t.number) || (t.op == ">=" && *v >= *t.number));
        } else {
            ok = (t.op == "=") == (value == t.text);
        }
        if (!ok) {
            if (why)
                *why = t.field + " is \"" + value + "\", not " + t.op + " " +
                       (t.number ? std::to_string(*t.number) : "\"" + t.text + "\"");
            return false;
        }
    }
    const struct {
        const std::optional<Range>& range;
        const std::optional<double>& value;
        const char* name;
        const char* unit;
    } metrics[] = {{c.riverDistance, f.riverDistance, "distance to the nearest river", "m"},
                   {c.meanSlope, f.meanSlope, "mean slope", "°"},
                   {c.meanElevation, f.meanElevation, "mean elevation", "m"},
                   {c.relativeElevation, f.relativeElevation,
                    "elevation above the village's lowest point", "m"},
                   {c.riverHeight, f.riverHeight, "height above the nearest river", "m"}};
    for (const auto& m : metrics) {
        if (!m.range)
            continue;
        if (!m.value) {
            if (why)
                *why = std::string("no data for the ") + m.name;
            return std::nullopt;
        }
        if (!m.range->contains(*m.value)) {
            if (why) {
                std::ostringstream s;
                s << m.name << " " << *m.value << " " << m.unit << " is not "
                  << describeRange(*m.range);
                *why = s.str();
            }
            return false;
        }
    }
    if (c.area && !c.area->contains(f.area)) {
        if (why)
            *why = "area " + std::to_string(f.area) + " m² is not " + describeRange(*c.area);
        return false;
    }
    if (!c.any.empty()) {
        std::string reasons;
        bool missing = false;
        for (const Condition& alt : c.any) {
            std::string altWhy;
            const auto r = evaluate(alt, f, why ? &altWhy : nullptr);
            if (r && *r)
                return true;
            missing = missing || !r;
            if (why)
                reasons += (reasons.empty() ? "" : "; and ") + altWhy;
        }
        if (why)
            *why = "none of the alternatives holds: " + reasons;
        if (missing)
            return std::nullopt;
        return false;
    }
    return true;
}

std::string textOf(const json& j, const char* language, const std::string& fallback) {
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_object() && j.contains(language) && j[language].is_string())
        return j[language].get<std::string>();
    return fallback;
}

} // namespace

std::string describeRange(const Range& r) {
    std::ostringstream s;
    if (r.min && r.max)
        s << "between " << *r.min << " and " << *r.max;
    else if (r.min)
        s << "at least " << *r.min;
    else if (r.max)
        s << "at most " << *r.max;
    return s.str();
}

bool landUseMatches(std::string_view code, std::string_view pattern) noexcept {
    if (!pattern.empty() && pattern.back() == '*')
        return code.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
    return code == pattern;
}

bool Condition::needsDem() const {
    return meanSlope || meanElevation || relativeElevation || riverHeight ||
           std::any_of(any.begin(), any.end(), [](const Condition& c) { return c.needsDem(); });
}

bool Condition::needsRivers() const {
    return riverDistance.has_value() || riverHeight.has_value() ||
           std::any_of(any.begin(), any.end(), [](const Condition& c) { return c.needsRivers(); });
}

bool Condition::needsLandUse() const {
    return !landUse.empty() || !landUseNot.empty() ||
           std::any_of(any.begin(), any.end(), [](const Condition& c) { return c.needsLandUse(); });
}

const std::vector<std::string>& defaultAssetIdleValues() {
    static const std::vector<std::string> values{"闲置"};
    return values;
}

RuleSet RuleSet::load(const std::string& path, const std::set<std::string>& codes,
                      const std::set<std::string>& fields) {
    std::ifstream in(path);
    if (!in)
        throw InputError("rule file cannot be read; check the path", {path, {}, {}, {}});
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const Context ctx{path, text, codes, fields};
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        const auto upTo = std::min(text.size(), static_cast<std::size_t>(e.byte));
        const auto line =
            1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(upTo), '\n');
        throw InputError(std::string("not valid JSON: ") + e.what(), {path, {}, {}, line});
    }
    RuleSet set;
    set.m_path = path;
    try {
        set.m_name = doc.value("name", std::string("rules"));
        for (const json& z : doc.at("zones")) {
            Zone zone;
            zone.id = z.at("id").get<std::string>();
            zone.nameZh = textOf(z.value("name", json()), "zh", zone.id);
            zone.nameEn = textOf(z.value("name", json()), "en", zone.id);
            zone.useZh = textOf(z.value("suggested_use", json()), "zh", "");
            zone.useEn = textOf(z.value("suggested_use", json()), "en", "");
            set.m_zones.push_back(zone);
        }
        std::set<std::string> ids;
        for (const json& r : doc.at("rules")) {
            ZoneRule rule;
            rule.id = r.at("id").get<std::string>();
            if (!ids.insert(rule.id).second)
                ctx.fail(rule.id, "the id is used twice; rule ids must be unique");
            rule.titleZh = textOf(r.value("title", json()), "zh", rule.id);
            rule.titleEn = textOf(r.value("title", json()), "en", rule.titleZh);
            rule.zone = r.at("zone").get<std::string>();
            if (!set.zone(rule.zone))
                ctx.fail(rule.id, "zone '" + rule.zone + "' is not declared under \"zones\"");
            rule.when = conditionOf(r.value("when", json::object()), rule.id, ctx);
            rule.line = lineOf(text, rule.id);
            for (const ZoneRule& earlier : set.m_rules)
                if (shadows(earlier.when, rule.when))
                    ctx.fail(rule.id, "can never match: rule '" + earlier.id + "' (line " +
                                          std::to_string(earlier.line) +
                                          ") before it already takes every parcel it could take");
            set.m_ruleZone.push_back(
                static_cast<std::size_t>(set.zone(rule.zone) - set.m_zones.data()));
            set.m_rules.push_back(std::move(rule));
        }
        if (set.m_rules.empty())
            ctx.fail("", "has no rules");

        const json rivers = doc.value("rivers", json::object());
        if (rivers.contains("min")) {
            set.riverFilterField = rivers.value("field", std::string("DJ"));
            if (!rivers["min"].is_number())
                ctx.fail("", "rivers.min must be a number");
            set.riverFilterMin = rivers["min"].get<double>();
        }

        const json roads = doc.value("roads", json::object());
        if (roads.contains("grades")) {
            set.roadGradeField = roads.value("field", std::string("DLDJ"));
            if (!roads["grades"].is_array() ||
                !std::all_of(roads["grades"].begin(), roads["grades"].end(),
                             [](const json& g) { return g.is_string(); }))
                ctx.fail("", "roads.grades must be a list of texts, e.g. [\"国道\", \"县道\"]");
            set.mainRoadGrades = roads["grades"].get<std::vector<std::string>>();
        }

        const json idle = doc.value("idle", json::object());
        if (idle.contains("land_use"))
            set.idleLandUse = patternsOf(idle["land_use"], "idle.land_use", "", ctx);
        set.idleFlagField = idle.value("flag_field", std::string(defaultIdleFlagField));
        set.assetStatusField = idle.value("asset_status_field", std::string("ZT"));
        set.assetIdleValues = idle.value("asset_idle_values", defaultAssetIdleValues());
        set.fundIdleField = idle.value("fund_idle_field", std::string("XZZJ"));

        const json transfers = doc.value("transfers", json::object());
        set.transferAreaTolerance = transfers.value("area_tolerance", 0.05);
        set.expiringMonths = transfers.value("expiring_months", 6);

        const json villages = doc.value("villages", json::object());
        const std::string conflict = villages.value("code_conflict", std::string("location"));
        if (conflict != "location" && conflict != "attribute")
            ctx.fail("", "villages.code_conflict must be \"location\" or \"attribute\"");
        set.villageByLocation = conflict == "location";
        static const std::set<std::string> metrics = {
            "idle_area_mu",           "idle_area_mu_per_household", "centre_river_distance_m",
            "centre_road_distance_m", "centre_seat_distance_m",     "cash_crop_share"};
        for (const json& t : villages.value("types", json::array())) {
            VillageType type;
            type.id = t.at("id").get<std::string>();
            type.nameZh = textOf(t.value("name", json()), "zh", type.id);
            type.nameEn = textOf(t.value("name", json()), "en", type.id);
            for (const json& alt : t.at("any")) {
                std::vector<std::pair<std::string, Range>> tests;
                for (const auto& [metric, range] : alt.items()) {
                    if (!metrics.count(metric))
                        ctx.fail(type.id, "unknown village measure '" + metric + "'");
                    tests.emplace_back(metric, rangeOf(range, metric, type.id, ctx));
                }
                type.any.push_back(std::move(tests));
            }
            set.villageTypes.push_back(std::move(type));
        }
    } catch (const json::exception& e) {
        throw InputError(std::string("missing or mistyped entry: ") + e.what() +
                             "; see data/rules/README.md for the format",
                         {path, {}, {}, {}});
    }
    return set;
}

const ZoneRule* RuleSet::rule(const std::string& id) const noexcept {
    for (const ZoneRule& r : m_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

const Zone* RuleSet::zone(const std::string& id) const noexcept {
    for (const Zone& z : m_zones)
        if (z.id == id)
            return &z;
    return nullptr;
}

int RuleSet::classify(const ParcelFacts& facts) const {
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        const auto r = evaluate(m_rules[i].when, facts, nullptr);
        if (r && *r)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<RuleTrace> RuleSet::explain(const ParcelFacts& facts) const {
    std::vector<RuleTrace> trace;
    const auto titleOf = [](const ZoneRule& rule) {
        return rule.titleZh == rule.id ? std::string() : rule.titleZh;
    };
    for (const ZoneRule& rule : m_rules) {
        std::string why;
        const auto r = evaluate(rule.when, facts, &why);
        if (!r) {
            trace.push_back({rule.id, titleOf(rule), RuleTrace::Result::Skipped, why});
        } else if (*r) {
            trace.push_back(
                {rule.id, titleOf(rule), RuleTrace::Result::Matched, "every test holds"});
            break;
        } else {
            trace.push_back({rule.id, titleOf(rule), RuleTrace::Result::NotMatched, why});
        }
    }
    return trace;
}

std::vector<std::string> RuleSet::attributeFields() const {
    std::set<std::string> fields;
    std::function<void(const Condition&)> walk = [&](const Condition& c) {
        for (const AttributeTest& t : c.attributes)
            fields.insert(t.field);
        for (const Condition& alt : c.any)
            walk(alt);
    };
    for (const ZoneRule& r : m_rules)
        walk(r.when);
    if (!idleFlagField.empty())
        fields.insert(idleFlagField);
    return {fields.begin(), fields.end()};
}

bool RuleSet::villageTypesUse(const std::string& metric) const {
    for (const VillageType& type : villageTypes)
        for (const auto& alternative : type.any)
            for (const auto& [name, range] : alternative)
                if (name == metric)
                    return true;
    return false;
}

bool RuleSet::usesDem() const {
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [](const ZoneRule& r) { return r.when.needsDem(); });
}

bool RuleSet::usesLandUse() const {
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [](const ZoneRule& r) { return r.when.needsLandUse(); });
}

bool RuleSet::usesRivers() const {
    return std::any_of(m_rules.begin(), m_rules.end(),
                       [](const ZoneRule& r) { return r.when.needsRivers(); });
}

} // namespace geo
