#include "app/cli/import_command.h"

#include <map>

#include <QCommandLineParser>

#include "app/cli/exit_codes.h"
#include "app/cli/import_report.h"
#include "app/cli/text_output.h"
#include "app/resource_paths.h"
#include "geo/dem_import.h"
#include "geo/error.h"
#include "geo/importer.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

void printSummary(const geo::ImportSummary& s) {
    const QString unit = s.record.layer == "dem" ? "pixels" : "features";
    printResult(QString("imported %1 of %2 %3 into %4 (%5 rejected, %6 repaired, %7 flagged)")
                    .arg(s.record.imported)
                    .arg(s.record.read)
                    .arg(unit, q(s.record.layer))
                    .arg(s.record.rejected)
                    .arg(s.record.repaired)
                    .arg(s.record.flagged));
    if (!s.encoding.encoding.empty())
        printResult("encoding: " + q(s.encoding.encoding) + " (decided by " +
                    q(s.encoding.decidedBy) + ")");
    if (s.crs.epsg)
        printResult(QString("CRS: EPSG:%1 %2 (%3: %4)%5; project CRS EPSG:%6")
                        .arg(s.crs.epsg)
                        .arg(q(s.crs.name), q(s.crs.decidedBy), q(s.crs.reason))
                        .arg(s.crs.needsConfirmation ? " — inferred, please confirm" : "")
                        .arg(s.projectEpsg));
    if (!s.mapping.profile.empty())
        printResult(QString("profile: %1 (%2), %3 fields mapped, %4 kept as they are")
                        .arg(q(s.mapping.profile), q(s.profileTitle))
                        .arg(s.mapping.columns.size())
                        .arg(s.mapping.unmapped.size()));
    for (const std::string& w : s.warnings)
        printResult("warning: " + q(w));
    std::map<std::string, int> byKind;
    for (const geo::ImportIssue& i : s.issues)
        ++byKind[i.kind + " (" + i.action + ")"];
    for (const auto& [kind, n] : byKind)
        printResult(QString("  %1 × %2").arg(n).arg(q(kind)));
}

} // namespace

int runImportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Imports a file into a canonical layer of a project (created "
                                     "when missing): detects the attribute "
                                     "encoding and the CRS, maps fields with a profile, validates "
                                     "and repairs geometries, computes "
                                     "ellipsoidal areas, and writes everything in one transaction. "
                                     "Rejected features are listed with "
                                     "their reasons; the rest is imported. The file replaces the "
                                     "layer's features; new parcels also remove the project's "
                                     "classification (run classify again), any other layer "
                                     "marks it outdated until the next classify.");
    parser.addHelpOption();
    parser.addOption(
        {"project", "The project GeoPackage (created when it does not exist).", "P.gpkg"});
    parser.addOption(
        {"as",
         "The layer to import into: parcels, villages, rivers, assets, transfers, funds, roads "
         "(main roads, lines), seats (township seats, points), dem.",
         "LAYER"});
    parser.addOption({"encoding", "auto (default) or an encoding name such as GBK, UTF-8, CP936.",
                      "NAME", "auto"});
    parser.addOption(
        {"crs", "auto (default) or EPSG:N for the source's coordinate system.", "CRS", "auto"});
    parser.addOption({"profile",
                      "A field-mapping profile name (data/profiles) or file; default: best match.",
                      "NAME|FILE"});
    parser.addOption({"report", "Write the full import report as JSON to this file.", "FILE.json"});
    parser.addOption(
        {"strict", "Fail with exit code 3 and change nothing when any feature is rejected."});
    parser.addPositionalArgument("SRC", "The file to import.");
    if (!parser.parse(QStringList{"tianmu import"} + arguments)) {
        printError("tianmu import: " + parser.errorText() +
                   "\nRun 'tianmu import --help' for usage.");
        return ExitUsage;
    }
    if (parser.isSet("help")) {
        printResult(parser.helpText() +
                    "\nExit codes: 0 success (rejected features are reported, not fatal), "
                    "1 failure, 2 usage error, 3 bad input (nothing was changed).");
        return ExitSuccess;
    }
    if (!parser.isSet("project") || !parser.isSet("as") ||
        parser.positionalArguments().size() != 1) {
        printError("tianmu import: --project, --as and one SRC file are required.\nRun 'tianmu "
                   "import --help' for usage.");
        return ExitUsage;
    }
    const std::string layer = parser.value("as").toStdString();
    const auto& layers = geo::canonicalLayers();
    if (layer != "dem" && std::find(layers.begin(), layers.end(), layer) == layers.end()) {
        printError("tianmu import: --as must be one of parcels, villages, rivers, assets, "
                   "transfers, funds, roads, seats, dem (not '" +
                   parser.value("as") + "').");
        return ExitUsage;
    }
    const QString crs = parser.value("crs");
    if (crs != "auto" && !crs.startsWith("EPSG:")) {
        printError("tianmu import: --crs must be auto or EPSG:N, e.g. EPSG:4525.");
        return ExitUsage;
    }

    geo::ImportOptions options;
    options.project = parser.value("project").toStdString();
    options.source = parser.positionalArguments().front().toStdString();
    options.layer = layer;
    options.encoding = parser.value("encoding").toStdString();
    options.crs = crs.toStdString();
    options.profile = parser.value("profile").toStdString();
    options.profilesDirectory = profilesDirectory();
    options.strict = parser.isSet("strict");
    int lastPercent = -1;
    options.progress = [&](const std::string& step, double fraction) {
        const int percent = static_cast<int>(fraction * 100);
        if (percent != lastPercent) {
            printError(QString("[%1%] %2").arg(percent, 3).arg(q(step)));
            lastPercent = percent;
        }
    };
    try {
        const geo::ImportSummary summary =
            layer == "dem" ? geo::importDem(options) : geo::importIntoProject(options);
        printSummary(summary);
        if (parser.isSet("report")) {
            const std::string error = writeFileAtomically(parser.value("report").toStdString(),
                                                          importReportJson(summary).dump(2) + "\n");
            if (!error.empty()) {
                printError(
                    "tianmu import: the import is saved, but the report could not be written: " +
                    q(error));
                return ExitFailure;
            }
            printResult("report: " + parser.value("report"));
        }
        return ExitSuccess;
    } catch (const geo::InputError& e) {
        printError(QString("tianmu import: ") + e.what());
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(QString("tianmu import: internal failure: ") + e.what());
        return ExitFailure;
    }
}

} // namespace app
