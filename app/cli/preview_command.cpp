#include "app/cli/preview_command.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImageWriter>

#include "app/cli/exit_codes.h"
#include "app/render/project_preview.h"
#include "app/resource_paths.h"
#include "geo/error.h"

namespace app {
namespace {

void say(const QString& text) {
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

} // namespace

int runPreviewCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Draws a project's parcels (coloured by land use), rivers, roads and villages to a PNG "
        "image. Needs no display.");
    parser.addHelpOption();
    parser.addOption({"project", "The project GeoPackage to draw.", "P.gpkg"});
    parser.addOption({"out", "The PNG file to write.", "FILE.png"});
    parser.addOption({"width", "Image width in pixels (default 1600).", "N", "1600"});
    parser.addOption({"height", "Image height in pixels (default 1200).", "N", "1200"});
    parser.addOption(
        {"style", "Land-use style file (default styles/landuse-sandiao.json).", "FILE"});
    if (!parser.parse(QStringList{"tianmu preview"} + arguments)) {
        say("tianmu preview: " + parser.errorText() + "\nRun 'tianmu preview --help' for usage.");
        return ExitUsage;
    }
    if (parser.isSet("help")) {
        std::fprintf(stdout, "%s",
                     qPrintable(parser.helpText().replace("tianmu preview", "tianmu preview")));
        std::fprintf(stdout, "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad input.\n");
        return ExitSuccess;
    }
    if (!parser.isSet("project") || !parser.isSet("out")) {
        say("tianmu preview: --project and --out are required.\nRun 'tianmu preview --help' for "
            "usage.");
        return ExitUsage;
    }
    bool okW = false, okH = false;
    const int width = parser.value("width").toInt(&okW);
    const int height = parser.value("height").toInt(&okH);
    if (!okW || !okH || width < 16 || height < 16 || width > 20000 || height > 20000) {
        say("tianmu preview: --width and --height must be whole numbers between 16 and 20000.");
        return ExitUsage;
    }
    const QString out = parser.value("out");
    if (!out.endsWith(".png", Qt::CaseInsensitive)) {
        say("tianmu preview: --out must name a .png file.");
        return ExitUsage;
    }

    try {
        const std::string stylePath = parser.isSet("style")
                                          ? parser.value("style").toStdString()
                                          : stylesDirectory() + "/landuse-sandiao.json";
        const CategoryStyle style = CategoryStyle::load(stylePath);
        say("reading " + parser.value("project"));
        const PreviewLayers layers = loadPreviewLayers(parser.value("project").toStdString());
        say(QString("drawing %1 parcels, %2 villages")
                .arg(layers.parcels.featureCount())
                .arg(layers.villages.featureCount()));
        const QImage image = renderPreview(layers, style, QSize(width, height));

        // Write beside the target and rename, so a failed write never leaves half a PNG.
        const QString partial = out + ".partial";
        QImageWriter writer(partial, "png");
        if (!writer.write(image)) {
            QFile::remove(partial);
            say("tianmu preview: cannot write " + out + ": " + writer.errorString() +
                "; check that the folder exists and is writable.");
            return ExitBadInput;
        }
        QFile::remove(out);
        if (!QFile::rename(partial, out)) {
            say("tianmu preview: cannot move the image into place at " + out);
            return ExitFailure;
        }
        std::fprintf(stdout, "%s\n", qPrintable(QFileInfo(out).absoluteFilePath()));
        return ExitSuccess;
    } catch (const geo::InputError& e) {
        say(QString("tianmu preview: ") + QString::fromStdString(e.what()));
        return ExitBadInput;
    } catch (const std::exception& e) {
        say(QString("tianmu preview: internal failure: ") + e.what());
        return ExitFailure;
    }
}

} // namespace app
