#include "app/cli/report_command.h"

#include <algorithm>

#include <QCommandLineParser>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

#include "app/cli/exit_codes.h"
#include "app/cli/text_output.h"
#include "app/output/partial_file.h"
#include "app/output/report_export.h"
#include "app/output/report_format.h"
#include "app/output/report_map.h"
#include "app/output/report_writers.h"
#include "app/render/map_furniture.h"
#include "app/resource_paths.h"
#include "geo/error.h"
#include "geo/report/report_builder.h"
#include "geo/report/report_labels.h"
#include "geo/report/report_source.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

int usageError(const QString& message) {
    printError("tianmu report: " + message + "\nRun 'tianmu report --help' for usage.");
    return ExitUsage;
}

} // namespace

int runReportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Makes a report from a classified project: transfer (土地流转面积统计: transferred "
        "area by village within township × zone × transfer mode, in 亩 and 公顷, with shares, "
        "subtotals and a grand total), idle (闲置资源台账: every idle parcel, asset and fund per "
        "village), discrepancy (contract vs mapped area, ledger rows with no parcel, village "
        "code mismatches, features repaired or rejected on import), expiring (contracts ending "
        "within --months of the as-of day) or atlas (PDF only: one page per village with its "
        "map, legend, scale bar, north arrow and tables). The format follows --out's "
        "extension: .pdf, .xlsx, .csv (UTF-8 with BOM) or .html. Nothing is left behind when "
        "the report fails.");
    parser.addHelpOption();
    parser.addOption({"project", "The classified project GeoPackage.", "P.gpkg"});
    parser.addOption({"kind", "transfer, idle, discrepancy, expiring or atlas.", "KIND"});
    parser.addOption({"out", "The report file: FILE.pdf, .xlsx, .csv or .html.", "FILE"});
    parser.addOption(
        {"group", "Transfer report rows by these, in order (default village,zone,mode).", "LIST"});
    parser.addOption({"as-of",
                      "The report's day, YYYY-MM-DD (default: the day the project was "
                      "classified as of). On another day, transfer and atlas recompute the "
                      "transferred parcels from the ledger and idle leaves out assets idle "
                      "only since later; zones, idle parcels and funds stay as classified.",
                      "DATE"});
    parser.addOption({"area",
                      "ellipsoidal (default: areas on the ellipsoid) or surveyed (三调 TBDLMJ: "
                      "TBMJ net of the 田坎 deduction KCMJ).",
                      "BASIS"});
    parser.addOption({"lang", "zh or en (default: the system locale's).", "LANG"});
    parser.addOption({"village",
                      "Only these villages (ZLDWDM or 12-digit code); repeat or "
                      "separate with commas.",
                      "CODE"});
    parser.addOption({"months", "expiring: contracts ending within N months (default 6).", "N"});
    parser.addOption({"paper", "PDF paper: A4 (default) or A3.", "SIZE"});
    parser.addOption({"orientation", "PDF orientation: portrait (default) or landscape.", "O"});
    parser.addOption({"district",
                      "The district's name on the report (default: the project's "
                      "'district' property, else its county code).",
                      "NAME"});
    parser.addOption({"with-totals", "CSV: also write the subtotal and total rows, with a "
                                     "leading row-kind column."});
    if (!parser.parse(QStringList{"tianmu report"} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet("help")) {
        printResult(parser.helpText() +
                    "\nExample:\n  tianmu report --project out/sample-project.gpkg "
                    "--kind transfer --out transfer.pdf --paper A3 "
                    "--orientation landscape\n"
                    "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad "
                    "input (the message names the file and the fix).");
        return ExitSuccess;
    }
    if (!parser.isSet("project") || !parser.isSet("kind") || !parser.isSet("out"))
        return usageError("--project, --kind and --out are required.");

    geo::report::ReportOptions options;
    options.project = parser.value("project").toStdString();
    options.kind = parser.value("kind").toStdString();
    const auto& kinds = geo::report::reportKinds();
    if (std::find(kinds.begin(), kinds.end(), options.kind) == kinds.end())
        return usageError("--kind must be transfer, idle, discrepancy, expiring or atlas.");
    const std::string out = parser.value("out").toStdString();
    const std::string format = reportFormatOf(out);
    if (format.empty())
        return usageError("--out must end in .pdf, .xlsx, .csv or .html (the format follows "
                          "the extension).");
    if (options.kind == "atlas" && format != "pdf")
        return usageError("the atlas is a PDF: give --out FILE.pdf.");
    if (parser.isSet("group")) {
        options.groupBy.clear();
        for (const QString& g : parser.value("group").split(',', Qt::SkipEmptyParts)) {
            const QString d = g.trimmed();
            if (d != "village" && d != "zone" && d != "mode")
                return usageError("--group takes village, zone and mode, e.g. --group "
                                  "village,mode.");
            options.groupBy.push_back(d.toStdString());
        }
    }
    if (parser.isSet("as-of")) {
        if (!QDate::fromString(parser.value("as-of"), Qt::ISODate).isValid())
            return usageError("--as-of must be a date like 2026-06-30.");
        options.asOf = parser.value("as-of").toStdString();
    }
    const QString area = parser.value("area");
    if (parser.isSet("area") && area != "ellipsoidal" && area != "surveyed")
        return usageError("--area must be ellipsoidal or surveyed.");
    options.basis =
        area == "surveyed" ? geo::report::AreaBasis::Surveyed : geo::report::AreaBasis::Ellipsoidal;
    const QString lang = parser.isSet("lang")                               ? parser.value("lang")
                         : QLocale::system().language() == QLocale::Chinese ? QString("zh")
                                                                            : QString("en");
    if (lang != "zh" && lang != "en")
        return usageError("--lang must be zh or en.");
    options.language = lang.toStdString();
    for (const QString& v : parser.values("village"))
        for (const QString& code : v.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts))
            options.villages.push_back(code.toStdString());
    if (parser.isSet("months")) {
        bool ok = false;
        options.months = parser.value("months").toInt(&ok);
        if (!ok || options.months < 1 || options.months > 600)
            return usageError("--months must be a whole number of months, 1 to 600.");
    }
    PdfSetup pdf;
    const QString paper = parser.value("paper").toUpper();
    if (parser.isSet("paper") && paper != "A4" && paper != "A3")
        return usageError("--paper must be A4 or A3.");
    pdf.paper = paper == "A3" ? QPageSize::A3 : QPageSize::A4;
    const QString orientation = parser.value("orientation");
    if (parser.isSet("orientation") && orientation != "portrait" && orientation != "landscape")
        return usageError("--orientation must be portrait or landscape.");
    pdf.orientation = orientation == "landscape" ? QPageLayout::Landscape : QPageLayout::Portrait;
    options.district = parser.value("district").toStdString();
    options.labelsFile = dataDirectory() + "/reports/labels.json";

    const std::string why = whyNotWritable(out);
    if (!why.empty()) {
        printError(q("tianmu report: cannot write " + out + ": " + why +
                     "; choose another --out (an existing, writable folder)."));
        return ExitBadInput;
    }
    try {
        // A report from results older than the layers they were made from says so: a county
        // report must not pass off a stale classification as current.
        const geo::ClassificationStaleness stale =
            geo::report::ReportSource(options.project).classificationStaleness();
        if (!stale.newerLayers.empty()) {
            QStringList layers;
            for (const std::string& layer : stale.newerLayers)
                layers << q(layer);
            printError(QString("tianmu report: warning: the classification (as of %2) predates "
                               "the import of %1; the report shows the classification as it "
                               "was: run tianmu classify first for up-to-date zones, idle land "
                               "and transfers")
                           .arg(layers.join(", "), q(stale.asOf)));
        }
        if (!stale.changedRuleFile.empty())
            printError(QString("tianmu report: warning: the rule file %1 was changed after the "
                               "classification (as of %2); the report shows the classification "
                               "as it was: run tianmu classify first to apply the rules as they "
                               "are now")
                           .arg(q(stale.changedRuleFile), q(stale.asOf)));
        ReportExport request;
        request.options = options;
        request.out = out;
        request.pdf = pdf;
        request.withTotals = parser.isSet("with-totals");
        const QString summary = exportReport(request);
        printResult(summary);
        return ExitSuccess;
    } catch (const geo::InputError& e) {
        printError(QString("tianmu report: ") + e.what());
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(QString("tianmu report: failed, no report written: ") + e.what());
        return ExitFailure;
    }
}

} // namespace app
