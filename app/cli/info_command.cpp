#include "app/cli/info_command.h"

#include <QCommandLineParser>
#include <nlohmann/json.hpp>

#include "app/cli/exit_codes.h"
#include "app/cli/text_output.h"
#include "geo/error.h"
#include "geo/source_inspection.h"

namespace app {
namespace {

nlohmann::json crsJson(const geo::CrsDecision& crs) {
    return {{"epsg", crs.epsg},
            {"name", crs.name},
            {"decided_by", crs.decidedBy},
            {"reason", crs.reason},
            {"warnings", crs.warnings},
            {"needs_confirmation", crs.needsConfirmation}};
}

nlohmann::json toJson(const geo::SourceInfo& info) {
    nlohmann::json layers = nlohmann::json::array();
    for (const geo::LayerInfo& l : info.layers) {
        nlohmann::json fields = nlohmann::json::array();
        for (const geo::FieldInfo& f : l.fields)
            fields.push_back({{"name", f.name}, {"type", f.type}, {"samples", f.samples}});
        nlohmann::json problems = nlohmann::json::object();
        for (const auto& [kind, count] : l.problems)
            problems[kind] = count;
        nlohmann::json layer = {{"name", l.name},
                                {"features", l.features},
                                {"geometry_type", l.geometryType},
                                {"fields", fields},
                                {"valid_geometries", l.valid},
                                {"geometry_problems", problems},
                                {"garbled_values", l.mojibakeValues}};
        if (l.geometryType != "None") {
            layer["crs"] = crsJson(l.crs);
            if (!l.extent.isNull())
                layer["extent"] = {l.extent.minX, l.extent.minY, l.extent.maxX, l.extent.maxY};
        }
        layers.push_back(layer);
    }
    return {{"path", info.path},
            {"driver", info.driver},
            {"encoding",
             {{"name", info.encoding.encoding},
              {"decided_by", info.encoding.decidedBy},
              {"evidence", info.encoding.evidence}}},
            {"layers", layers}};
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

void printText(const geo::SourceInfo& info) {
    printResult(q(info.path) + "  (" + q(info.driver) + ")");
    printResult("encoding: " + q(info.encoding.encoding) + ", decided by " +
                q(info.encoding.decidedBy));
    for (const std::string& e : info.encoding.evidence)
        printResult("  - " + q(e));
    for (const geo::LayerInfo& l : info.layers) {
        printResult(QString("layer %1: %2 features, %3")
                        .arg(q(l.name))
                        .arg(l.features)
                        .arg(q(l.geometryType)));
        if (l.geometryType != "None") {
            printResult(
                QString("  CRS: %1 %2 (%3: %4)%5")
                    .arg(l.crs.epsg ? "EPSG:" + QString::number(l.crs.epsg) : QString("unknown"))
                    .arg(q(l.crs.name))
                    .arg(q(l.crs.decidedBy))
                    .arg(q(l.crs.reason))
                    .arg(l.crs.needsConfirmation ? " — please confirm" : ""));
            for (const std::string& w : l.crs.warnings)
                printResult("  warning: " + q(w));
            if (!l.extent.isNull())
                printResult(QString("  extent: %1, %2 – %3, %4")
                                .arg(l.extent.minX, 0, 'f', 3)
                                .arg(l.extent.minY, 0, 'f', 3)
                                .arg(l.extent.maxX, 0, 'f', 3)
                                .arg(l.extent.maxY, 0, 'f', 3));
            QString validity = QString("  geometries: %1 valid").arg(l.valid);
            for (const auto& [kind, count] : l.problems)
                validity += QString(", %1 %2").arg(count).arg(q(kind));
            printResult(validity);
        }
        if (l.mojibakeValues > 0)
            printResult(QString("  garbled values (mojibake): %1").arg(l.mojibakeValues));
        printResult("  fields:");
        for (const geo::FieldInfo& f : l.fields) {
            QStringList samples;
            for (const std::string& s : f.samples)
                samples << q(s);
            printResult(QString("    %1 (%2): %3").arg(q(f.name), q(f.type), samples.join(" | ")));
        }
    }
}

} // namespace

int runInfoCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Shows what an import would see in a file: layers, feature counts, "
        "fields with decoded sample values, the attribute encoding and the CRS "
        "with their evidence, the extent and a validity summary.");
    parser.addHelpOption();
    parser.addOption({"json", "Print JSON instead of text."});
    parser.addOption(
        {"encoding", "Decode attributes with this encoding instead of detecting it.", "NAME"});
    parser.addPositionalArgument(
        "PATH", "The file to inspect (Shapefile, GeoPackage, GeoJSON, CSV, XLSX, …).");
    if (!parser.parse(QStringList{"tianmu info"} + arguments)) {
        printError("tianmu info: " + parser.errorText() + "\nRun 'tianmu info --help' for usage.");
        return ExitUsage;
    }
    if (parser.isSet("help")) {
        printResult(parser.helpText() +
                    "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad input.");
        return ExitSuccess;
    }
    if (parser.positionalArguments().size() != 1) {
        printError("tianmu info: give exactly one PATH.\nRun 'tianmu info --help' for usage.");
        return ExitUsage;
    }
    try {
        const geo::SourceInfo info =
            geo::inspectSource(parser.positionalArguments().front().toStdString(),
                               parser.value("encoding").toStdString());
        if (parser.isSet("json"))
            printResult(QString::fromStdString(toJson(info).dump(2)));
        else
            printText(info);
        return ExitSuccess;
    } catch (const geo::InputError& e) {
        printError(QString("tianmu info: ") + e.what());
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(QString("tianmu info: internal failure: ") + e.what());
        return ExitFailure;
    }
}

} // namespace app
