#include "app/cli/classify_command.h"

#include <filesystem>
#include <functional>

#include <QCommandLineParser>
#include <QDate>

#include "app/cli/exit_codes.h"
#include "app/cli/text_output.h"
#include "app/render/map_style.h"
#include "app/render/qgis_style_export.h"
#include "app/resource_paths.h"
#include "geo/classifier.h"
#include "geo/error.h"
#include "geo/gdal_session.h"
#include "geo/village_types.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::string defaultRules() {
    return dataDirectory() + "/rules/lingling-five-zones.json";
}
std::string landUseCodes() {
    return dataDirectory() + "/landuse/gbt21010-2017.json";
}

bool parse(QCommandLineParser& parser, const QString& command, const QStringList& arguments) {
    if (!parser.parse(QStringList{"tianmu " + command} + arguments)) {
        printError("tianmu " + command + ": " + parser.errorText() + "\nRun 'tianmu " + command +
                   " --help' for usage.");
        return false;
    }
    return true;
}

// Writes the map style into the project's layer_styles, so QGIS opens it coloured by zone.
// The classification is already saved: a style problem is a warning, not a failed command.
void writeStyles(const std::string& project, const QString& styles) {
    try {
        const MapStyle style =
            loadMapStyle(styles.isEmpty() ? stylesDirectory() : styles.toStdString());
        const QgisStyleSummary written = writeQgisStyles(project, style);
        QStringList views;
        for (const std::string& v : written.views)
            views << q(v);
        printResult(QString("QGIS styles: %1 written into layer_styles%2")
                        .arg(written.styled.size())
                        .arg(views.isEmpty() ? QString() : " (views " + views.join(", ") + ")"));
    } catch (const std::exception& e) {
        printError(QString("tianmu classify: warning: QGIS styles not written: ") + e.what());
    }
}

// Runs a command's work: bad input ends it with exit code 3, anything else that goes wrong
// with 1, each with its message after "tianmu COMMAND: ".
int reportingFailures(const char* command, const std::function<int()>& work) {
    try {
        return work();
    } catch (const geo::InputError& e) {
        printError(QString("tianmu %1: ").arg(command) + e.what());
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(QString("tianmu %1: internal failure: ").arg(command) + e.what());
        return ExitFailure;
    }
}

} // namespace

int runClassifyCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Classifies every parcel of a project into development zones "
                                     "by a rule file (first matching rule "
                                     "wins), finds idle three-assets, judges the transfer ledger "
                                     "on the as-of date, assigns parcels to "
                                     "villages by location and types each village. Results replace "
                                     "the previous ones in the project "
                                     "(tables parcel_classes, idle_items, transfer_flags, "
                                     "village_stats, village_mismatches; parcel_classes is a "
                                     "view over parcel_class_codes, zones and village_reasons), "
                                     "each with "
                                     "the rule that decided it, and writes the map styles into "
                                     "layer_styles (views parcel_zones, village_types) so the "
                                     "project opens coloured in QGIS.");
    parser.addHelpOption();
    parser.addOption({"project", "The project GeoPackage.", "P.gpkg"});
    parser.addOption(
        {"rules", "A rule file (default data/rules/lingling-five-zones.json).", "FILE"});
    parser.addOption({"as-of", "Judge transfers on this day, YYYY-MM-DD (default today).", "DATE"});
    parser.addOption({"styles",
                      "The map style written into the project's layer_styles for QGIS: a "
                      "map.json or its folder (default the styles folder).",
                      "PATH"});
    if (!parse(parser, "classify", arguments))
        return ExitUsage;
    if (parser.isSet("help")) {
        printResult(parser.helpText() +
                    "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad input.");
        return ExitSuccess;
    }
    if (!parser.isSet("project")) {
        printError(
            "tianmu classify: --project is required.\nRun 'tianmu classify --help' for usage.");
        return ExitUsage;
    }
    const QString asOf =
        parser.isSet("as-of") ? parser.value("as-of") : QDate::currentDate().toString(Qt::ISODate);
    if (!QDate::fromString(asOf, Qt::ISODate).isValid()) {
        printError("tianmu classify: --as-of must be a date like 2026-06-30.");
        return ExitUsage;
    }
    geo::ClassifyOptions options;
    options.project = parser.value("project").toStdString();
    options.rules = parser.isSet("rules") ? parser.value("rules").toStdString() : defaultRules();
    options.landUseCodes = landUseCodes();
    options.asOf = asOf.toStdString();
    QString lastStep;
    options.progress = [&](const std::string& step, double fraction) {
        if (q(step) != lastStep)
            printError(QString("[%1%] %2").arg(static_cast<int>(fraction * 100), 3).arg(q(step)));
        lastStep = q(step);
    };
    return reportingFailures("classify", [&] {
        const geo::ClassifySummary s = geo::classifyProject(options);
        printResult(QString("classified %1 parcels with %2 (as of %3)")
                        .arg(s.parcels)
                        .arg(q(options.rules))
                        .arg(asOf));
        for (const auto& z : s.zones)
            printResult(QString("  %1 %2: %3 parcels, %4 亩")
                            .arg(q(z.name), -8)
                            .arg(q(z.zone), -12)
                            .arg(z.parcels, 7)
                            .arg(z.mu, 12, 'f', 2));
        printResult(QString("idle: %1 parcels (%2 亩), %3 assets, %4 villages with idle funds")
                        .arg(s.idleParcels)
                        .arg(s.idleMu, 0, 'f', 2)
                        .arg(s.idleAssets)
                        .arg(s.idleFunds));
        printResult(QString("transferred on %1: %2 parcels, %3 亩; %4 ledger flags")
                        .arg(asOf)
                        .arg(s.transferredParcels)
                        .arg(s.transferredMu, 0, 'f', 2)
                        .arg(s.transferFlags));
        QStringList types;
        for (const auto& [type, count] : s.villagesByPrimaryType)
            types << QString("%1 %2").arg(q(type)).arg(count);
        printResult("villages by primary type: " + types.join(", "));
        if (s.villageMismatches > 0)
            printResult(QString("village code mismatches: %1 (table village_mismatches)")
                            .arg(s.villageMismatches));
        for (const std::string& w : s.warnings)
            printResult("warning: " + q(w));
        writeStyles(options.project, parser.value("styles"));
        return int(ExitSuccess);
    });
}

namespace {

// tianmu explain --village: the village's stored measures, then each type of the rule file in
// order, whether it holds and why.
int explainVillage(const QCommandLineParser& parser) {
    return reportingFailures("explain", [&] {
        geo::initialiseGdal();
        const std::string project = parser.value("project").toStdString();
        if (!std::filesystem::exists(project))
            throw geo::InputError("project not found; create it with tianmu import",
                                  {project, {}, {}, {}});
        const geo::RuleSet rules = geo::RuleSet::load(
            parser.isSet("rules") ? parser.value("rules").toStdString() : defaultRules(),
            geo::loadLandUseCodes(landUseCodes()));
        const GDALDatasetUniquePtr ds = geo::openVector(project);
        const geo::StoredVillage v =
            geo::readStoredVillage(*ds, parser.value("village").toStdString());
        const auto measure = [&](const char* name, int decimals, const char* unit) {
            const std::optional<double>& value = v.measures.at(name);
            return value ? QString::number(*value, 'f', decimals) + unit : QString("no data");
        };
        printResult(
            QString("village %1 (%2), %3 households").arg(q(v.name), q(v.code)).arg(v.households));
        printResult(QString("  idle resource area %1, per household %2")
                        .arg(measure("idle_area_mu", 2, " 亩"),
                             measure("idle_area_mu_per_household", 2, " 亩")));
        printResult(QString("  from the village centre: nearest river %1, nearest main road %2, "
                            "township seat %3")
                        .arg(measure("centre_river_distance_m", 0, " m"),
                             measure("centre_road_distance_m", 0, " m"),
                             measure("centre_seat_distance_m", 0, " m")));
        printResult(QString("  share of orchards, tea and ponds %1")
                        .arg(measure("cash_crop_share", 3, "")));
        int step = 0;
        std::vector<std::string> holding;
        std::string primary;
        for (const geo::VillageTypeTrace& t : geo::explainVillageTypes(rules, v.measures)) {
            printResult(QString("  %1. %2（%3）: %4 — %5")
                            .arg(++step)
                            .arg(q(t.typeId), q(t.nameZh), t.holds() ? "HOLDS" : "no", q(t.why)));
            if (t.holds()) {
                holding.push_back(t.typeId);
                if (primary.empty())
                    primary = t.typeId + " (" + t.nameZh + ")";
            }
        }
        printResult(primary.empty() ? QString("primary type: none (no type holds)")
                                    : "primary type: " + q(primary) + ", the first that holds");
        if (holding != v.types) {
            std::string stored;
            for (const std::string& t : v.types)
                stored += (stored.empty() ? "" : ", ") + t;
            printResult("note: the classification stored the types " +
                        q(stored.empty() ? "none" : stored) +
                        "; the rule file has changed since: classify again");
        }
        return int(ExitSuccess);
    });
}

} // namespace

int runExplainCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Shows, for one parcel, every rule tried in order and why it matched or "
        "not; or, for one village, every village type in order and why it holds or not; from "
        "what the last classification stored.");
    parser.addHelpOption();
    parser.addOption({"project", "The project GeoPackage.", "P.gpkg"});
    parser.addOption({"parcel", "The parcel's id (BSM).", "ID"});
    parser.addOption({"village", "The village's code (ZLDWDM) or name.", "CODE"});
    parser.addOption(
        {"rules", "The rule file (default data/rules/lingling-five-zones.json).", "FILE"});
    if (!parse(parser, "explain", arguments))
        return ExitUsage;
    if (parser.isSet("help")) {
        printResult(parser.helpText() +
                    "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad input.");
        return ExitSuccess;
    }
    if (!parser.isSet("project") || parser.isSet("parcel") == parser.isSet("village")) {
        printError("tianmu explain: --project and one of --parcel or --village are required.\n"
                   "Run 'tianmu explain --help' for usage.");
        return ExitUsage;
    }
    if (parser.isSet("village"))
        return explainVillage(parser);
    return reportingFailures("explain", [&] {
        const geo::ParcelExplanation e = geo::explainParcel(
            parser.value("project").toStdString(),
            parser.isSet("rules") ? parser.value("rules").toStdString() : defaultRules(),
            landUseCodes(), parser.value("parcel").toStdString());
        printResult(QString("parcel %1, land use %2").arg(q(e.parcelId), q(e.landUse)));
        auto fact = [](const std::optional<double>& v, const char* unit) {
            return v ? (std::isfinite(*v) ? QString::number(*v, 'f', 1) + " " + unit
                                          : QString("far"))
                     : QString("no data");
        };
        printResult(QString("  mean slope %1, mean elevation %2, above the village's lowest point "
                            "%3, river %4, area %5 m²")
                        .arg(fact(e.facts.meanSlope, "°"), fact(e.facts.meanElevation, "m"),
                             fact(e.facts.relativeElevation, "m"), fact(e.facts.riverDistance, "m"))
                        .arg(e.facts.area, 0, 'f', 1));
        int step = 0;
        for (const geo::RuleTrace& t : e.trace) {
            const char* verdict = t.result == geo::RuleTrace::Result::Matched   ? "MATCHED"
                                  : t.result == geo::RuleTrace::Result::Skipped ? "skipped"
                                                                                : "no";
            const QString rule =
                t.title.empty() ? q(t.ruleId) : q(t.ruleId) + "（" + q(t.title) + "）";
            printResult(QString("  %1. %2: %3 — %4").arg(++step).arg(rule, verdict, q(t.why)));
        }
        if (!e.zone.empty())
            printResult(QString("zone: %1 (%2), suggested use %3, decided by rule %4")
                            .arg(q(e.zoneName), q(e.zone), q(e.suggestedUse), q(e.ruleId)));
        printResult("village: " + q(e.village) + " — " + q(e.villageRule));
        printResult("idle: " + (e.idleRule.empty() ? QString("no") : q(e.idleRule)));
        printResult("transfer: " +
                    (e.transferRule.empty() ? QString("no contract") : q(e.transferRule)));
        return int(ExitSuccess);
    });
}

} // namespace app
