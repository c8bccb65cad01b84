#include "app/cli/render_command.h"

#include <chrono>
#include <cstdio>

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>

#include "app/cli/exit_codes.h"
#include "app/cli/text_output.h"
#include "app/render/map_frame.h"
#include "app/render/map_render_job.h"
#include "app/render/theme_catalog.h"
#include "geo/error.h"

namespace app {
namespace {

constexpr const char* command = "tianmu render";

int usageError(const QString& text) {
    printError(QString(command) + ": " + text + "\nRun 'tianmu render --help' for usage.");
    return ExitUsage;
}

bool parseSize(const QString& text, QSize& size) {
    const QStringList parts = text.toLower().split('x');
    if (parts.size() != 2)
        return false;
    bool okW = false, okH = false;
    size = QSize(parts[0].toInt(&okW), parts[1].toInt(&okH));
    return okW && okH && size.width() >= 16 && size.height() >= 16 && size.width() <= 20000 &&
           size.height() <= 20000;
}

bool parseBox(const QString& text, geo::Extent& box) {
    const QStringList parts = text.split(',');
    if (parts.size() != 4)
        return false;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok)
            return false;
    }
    box = {v[0], v[1], v[2], v[3]};
    return v[0] < v[2] && v[1] < v[3];
}

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Writes beside the target and renames, so a failed write never leaves half a file.
std::string writeImage(const QImage& image, const QString& out, double dpi) {
    const QString partial = out + ".partial";
    bool written = false;
    if (out.endsWith(".pdf", Qt::CaseInsensitive)) {
        QPdfWriter pdf(partial);
        pdf.setResolution(int(dpi));
        pdf.setPageSize(QPageSize(QSizeF(image.width() / dpi * 25.4, image.height() / dpi * 25.4),
                                  QPageSize::Millimeter));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle("tianmu map");
        pdf.setCreator("tianmu");
        QPainter painter;
        if (painter.begin(&pdf)) {
            painter.drawImage(QRectF(0, 0, pdf.width(), pdf.height()), image);
            written = painter.end();
        }
    } else {
        written = QImageWriter(partial, "png").write(image);
    }
    if (!written || !QFileInfo(partial).exists()) {
        QFile::remove(partial);
        return "cannot write " + out.toStdString() +
               "; check that the folder exists and is writable";
    }
    QFile::remove(out);
    if (!QFile::rename(partial, out)) {
        QFile::remove(partial);
        return "cannot move the file into place at " + out.toStdString();
    }
    return {};
}

} // namespace

int runRenderCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Draws a project's map to a PNG or PDF file, with the renderer of the tianmu window. "
        "Needs no display.");
    parser.addHelpOption();
    parser.addOption({"project", "The project GeoPackage to draw.", "P.gpkg"});
    parser.addOption({"out", "The image to write: .png or .pdf.", "FILE"});
    parser.addOption({"size", "Image size in pixels (default 1920x1080).", "WxH", "1920x1080"});
    parser.addOption({"dpi", "Resolution, for label sizes and the scale (default 96).", "N", "96"});
    parser.addOption({"theme",
                      "What the parcel colours show: " +
                          QString::fromStdString(joinedThemeNames()) + " (default zones).",
                      "NAME", "zones"});
    parser.addOption({"village", "Draw one village (its code, ZLDWDM).", "CODE"});
    parser.addOption({"bbox", "Draw this box, in the project's CRS.", "MINX,MINY,MAXX,MAXY"});
    parser.addOption({"style", "A style file to use instead of the theme's.", "FILE"});
    parser.addOption({"legend", "Add a legend, a scale bar and a north arrow."});
    parser.addOption({"labels", "Label villages (and parcels at large scales)."});
    parser.addOption({"relief", "Shade the relief from the project's DEM over the parcels."});
    parser.addOption({"basemap",
                      "A local raster to draw under the map (orthophoto GeoTIFF, MBTiles…), "
                      "reprojected to the project's CRS.",
                      "FILE"});
    if (!parser.parse(QStringList{command} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet("help")) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        std::fprintf(stdout, "\nExit codes: 0 success, 1 failure, 2 usage error, 3 bad input.\n");
        return ExitSuccess;
    }
    if (!parser.isSet("project") || !parser.isSet("out"))
        return usageError("--project and --out are required.");
    const QString out = parser.value("out");
    if (!out.endsWith(".png", Qt::CaseInsensitive) && !out.endsWith(".pdf", Qt::CaseInsensitive))
        return usageError("--out must name a .png or .pdf file.");
    QSize size;
    if (!parseSize(parser.value("size"), size))
        return usageError("--size must be WIDTHxHEIGHT, each between 16 and 20000 pixels.");
    bool okDpi = false;
    const double dpi = parser.value("dpi").toDouble(&okDpi);
    if (!okDpi || dpi < 36 || dpi > 1200)
        return usageError("--dpi must be a number between 36 and 1200.");
    geo::Extent box;
    if (parser.isSet("bbox") && !parseBox(parser.value("bbox"), box))
        return usageError("--bbox must be four numbers MINX,MINY,MAXX,MAXY with MIN < MAX.");
    if (parser.isSet("bbox") && parser.isSet("village"))
        return usageError("give --village or --bbox, not both.");
    const std::string theme = parser.value("theme").toStdString();
    if (!parser.isSet("style") && !isKnownTheme(theme))
        return usageError("unknown theme '" + parser.value("theme") + "'; use one of " +
                          QString::fromStdString(joinedThemeNames()) + ".");

    try {
        const auto started = std::chrono::steady_clock::now();
        const std::shared_ptr<const CategoryStyle> style =
            parser.isSet("style") ? std::make_shared<const CategoryStyle>(
                                        CategoryStyle::load(parser.value("style").toStdString()))
                                  : installedTheme(theme);
        const std::string project = parser.value("project").toStdString();
        if (!QFileInfo::exists(parser.value("project")))
            throw geo::InputError("does not exist; give the path of a tianmu project (.gpkg)",
                                  {project, {}, {}, {}});
        const std::shared_ptr<const ProjectDrawing> drawing = loadProjectDrawing(project);
        const double loadSeconds = seconds(started);

        geo::Extent view = drawing->extent;
        if (parser.isSet("bbox")) {
            view = box;
        } else if (parser.isSet("village")) {
            const std::string code = parser.value("village").toStdString();
            const VillageDrawing& villages = drawing->villages;
            view = {};
            for (std::size_t v = 0; v < villages.code.size(); ++v)
                if (villages.code[v] == code)
                    for (std::uint32_t i =
                             villages.polygons.partStart[villages.polygons.featurePart[v]];
                         i < villages.polygons.partStart[villages.polygons.featurePart[v + 1]]; ++i)
                        view.include(villages.polygons.xy[2 * i], villages.polygons.xy[2 * i + 1]);
            if (view.isNull())
                throw geo::InputError("has no village with code '" + code +
                                          "'; list the codes with `ogrinfo -al -q " + project +
                                          " villages`",
                                      {project, "villages", {}, {}});
        }
        if (!drawing->parcels.classified && style->field() != "DLBM" && style->field() != "ZLDWDM")
            printError(QString(command) +
                       ": the project is not classified yet, so every parcel shows the theme's "
                       "default; run `tianmu classify --project " +
                       parser.value("project") + "` first.");

        MapSettings settings = MapSettings::fitted(view, size).withDpi(dpi);
        settings.drawing = drawing;
        settings.theme = style;
        settings.style = installedMapStyle();
        settings.background = settings.style->background;
        settings.themeName = theme;
        settings.layers.labels = parser.isSet("labels");
        settings.layers.relief = parser.isSet("relief");
        if (parser.isSet("basemap"))
            settings.basemap = std::make_shared<const geo::Basemap>(
                parser.value("basemap").toStdString(), drawing->epsg);
        if (settings.layers.relief && drawing->demDataset.empty())
            printError(QString(command) +
                       ": the project has no DEM, so there is no relief to shade; import one "
                       "with `tianmu import --as dem`.");
        const auto prepareStarted = std::chrono::steady_clock::now();
        const auto prepared = PreparedTheme::prepare(drawing->parcels, *style, settings.filter);
        const double prepareSeconds = seconds(prepareStarted);
        const auto renderStarted = std::chrono::steady_clock::now();
        QImage image = renderMap(settings, prepared);
        const double renderSeconds = seconds(renderStarted);
        if (parser.isSet("legend"))
            drawMapFurniture(image, settings, *prepared);

        if (const std::string failure = writeImage(image, out, dpi); !failure.empty()) {
            printError(QString(command) + ": " + QString::fromStdString(failure));
            return ExitBadInput;
        }
        printError(QString("loaded %1 parcels in %2 s (%3 MiB for drawing); theme in %4 s; "
                           "drawn in %5 s")
                       .arg(drawing->parcels.polygons.size())
                       .arg(loadSeconds, 0, 'f', 2)
                       .arg(double(drawing->memoryBytes()) / (1 << 20), 0, 'f', 1)
                       .arg(prepareSeconds, 0, 'f', 3)
                       .arg(renderSeconds, 0, 'f', 3));
        printResult(QFileInfo(out).absoluteFilePath());
        return ExitSuccess;
    } catch (const geo::InputError& e) {
        printError(QString(command) + ": " + QString::fromStdString(e.what()));
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(QString(command) + ": internal failure: " + e.what());
        return ExitFailure;
    }
}

} // namespace app
