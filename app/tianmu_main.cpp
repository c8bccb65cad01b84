#include "app/tianmu_main.h"

#include <cstdio>

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMenuBar>
#include <QStringList>

#include "app/cli/classify_command.h"
#include "app/cli/exit_codes.h"
#include "app/cli/import_command.h"
#include "app/cli/info_command.h"
#include "app/cli/preview_command.h"
#include "app/cli/render_command.h"
#include "app/cli/report_command.h"
#include "app/gui/main_window.h"
#include "app/i18n/language_manager.h"
#include "geo/gdal_session.h"

namespace app {
namespace {

constexpr const char* usage =
    R"(Usage: tianmu [PROJECT.gpkg]          open the tianmu window (on a project)
       tianmu COMMAND [options]        run a command without a display

Commands:
  info       show what an import would see in a file (encoding, CRS, fields, validity)
  import     import a file into a project layer
  classify   classify parcels into zones, idle assets, transfers; type villages
  explain    show why a parcel got its zone, rule by rule
  render     draw a project's map (a theme, a village, labels, legend) to PNG or PDF
  report     make a report (transfer areas, idle ledger, discrepancies, expiring
             contracts, village atlas) as PDF, XLSX, CSV or HTML
  preview    draw a project to a PNG image (the simple drawing of the first version)

Run 'tianmu COMMAND --help' for a command's options.
Exit codes: 0 success, 1 failure, 2 usage error, 3 bad input.
)";

bool hasDisplay() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runCommand(const QString& command, const QStringList& arguments, int argc, char** argv) {
    if (command == "preview" || command == "render" || command == "report") {
        // Drawing with QPainter (maps, PDF) needs a GUI application, but no screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication application(argc, argv);
        if (command == "render")
            return runRenderCommand(arguments);
        return command == "report" ? runReportCommand(arguments) : runPreviewCommand(arguments);
    }
    QCoreApplication application(argc, argv);
    if (command == "info")
        return runInfoCommand(arguments);
    if (command == "import")
        return runImportCommand(arguments);
    if (command == "classify")
        return runClassifyCommand(arguments);
    if (command == "explain")
        return runExplainCommand(arguments);
    std::fprintf(stderr, "tianmu: unknown command '%s'\n%s", qPrintable(command), usage);
    return ExitUsage;
}

} // namespace

int runTianmu(int argc, char** argv) {
    geo::initialiseGdal();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);

    if (!args.isEmpty()) {
        const QString& first = args.front();
        if (first == "--help" || first == "-h" || first == "help") {
            std::fprintf(stdout, "%s", usage);
            return ExitSuccess;
        }
        if (first == "--version") {
            std::fprintf(stdout, "tianmu %s\n", TIANMU_VERSION);
            return ExitSuccess;
        }
        if (first.startsWith('-')) {
            std::fprintf(stderr, "tianmu: unknown option '%s'\n%s", qPrintable(first), usage);
            return ExitUsage;
        }
        if (!first.endsWith(".gpkg", Qt::CaseInsensitive))
            return runCommand(first, args.mid(1), argc, argv);
    }

    if (!hasDisplay()) {
        std::fprintf(
            stderr, "tianmu: no display (DISPLAY / WAYLAND_DISPLAY unset), so the window cannot "
                    "open. Use a command such as 'tianmu preview' instead; see 'tianmu --help'.\n");
        return ExitUsage;
    }
    QApplication application(argc, argv);
    QApplication::setApplicationName("tianmu");
    QApplication::setOrganizationName("tianmu");
    // The language before any window exists, so that every text is created in it.
    LanguageManager languages;
    languages.applyPreferredLanguage();
    MainWindow window;
    window.setLanguageManager(&languages);
    window.show();
    if (!args.isEmpty())
        window.openProject(args.front());
    return QApplication::exec();
}

} // namespace app
