#include "app/output/report_export.h"

#include <QFont>
#include <QImage>
#include <QPainter>

#include "app/output/report_format.h"
#include "app/output/report_map.h"
#include "app/render/map_furniture.h"
#include "app/render/theme_catalog.h"
#include "app/resource_paths.h"
#include "geo/report/report_labels.h"

namespace app {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// The district map for HTML: the map with its legend and scale bar in one image.
QImage htmlMap(const ReportMapData& data, const PdfSetup& setup, const std::string& legendTitle) {
    QImage image(1400, 900, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    ReportMapRequest request{&data, {}, setup.english, setup.transferredLabel, setup.idleLabel};
    const QRectF mapRect(10, 10, 1030, 880);
    const ReportMapResult drawn = drawReportMap(painter, mapRect, request);
    QFont f("Noto Sans CJK SC");
    f.setPixelSize(15);
    painter.setFont(f);
    drawLegend(painter, QRectF(1055, 10, 335, 700), drawn.legend, q(legendTitle));
    drawNorthArrow(painter, QRectF(1190, 720, 60, 90));
    drawScaleBar(painter, QRectF(1055, 830, 330, 50), drawn.metresPerUnit);
    return image;
}

} // namespace

QString exportReport(ReportExport request) {
    const std::string format = reportFormatOf(request.out);
    const geo::report::Report report = geo::report::buildReport(request.options);
    const geo::report::ReportLabels labels =
        geo::report::ReportLabels::load(request.options.labelsFile, request.options.language);
    request.pdf.english = request.options.language == "en";
    request.pdf.transferredLabel = q(labels.text("map.transferred"));
    request.pdf.idleLabel = q(labels.text("map.idle"));
    request.pdf.noTransfers = q(labels.text("map.no_transfers"));
    request.pdf.noIdle = q(labels.text("map.no_idle"));
    const bool wantsMap = (format == "pdf" && (request.options.kind == "transfer" ||
                                               request.options.kind == "atlas")) ||
                          (format == "html" && request.options.kind == "transfer");
    ReportMapData map;
    if (wantsMap) {
        std::shared_ptr<const MapStyle> mapStyle;
        try {
            mapStyle = installedMapStyle();
        } catch (const std::exception&) { // the report's map then uses its own defaults
        }
        map = loadReportMapData(request.options.project, stylesDirectory() + "/zones.json",
                                mapStyle.get());
        if (report.transfersRecomputed)
            markTransferred(map, report.transferredParcels);
        request.pdf.map = &map;
    }
    if (format == "csv")
        writeCsv(report, request.out, request.withTotals);
    else if (format == "xlsx")
        writeXlsx(report, request.out);
    else if (format == "html")
        writeHtml(report, request.out,
                  wantsMap ? htmlMap(map, request.pdf, labels.text("caption.legend")) : QImage());
    else
        writePdf(report, request.out, request.pdf);

    const geo::report::Table& main = report.parts.front();
    QString summary =
        QString("wrote %1: %2, %3 rows").arg(q(request.out), q(report.title)).arg(main.rows.size());
    const int mu = main.column("area_mu");
    if (mu >= 0 && !main.rows.empty() && main.rows.back().kind == geo::report::RowKind::Total)
        summary += ", total " +
                   displayText(main.rows.back().cells[static_cast<std::size_t>(mu)],
                               geo::report::ColumnType::Mu) +
                   " 亩";
    if (request.options.kind == "atlas")
        summary += QString(", %1 villages").arg(report.villages.size());
    return summary;
}

} // namespace app
