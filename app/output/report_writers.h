// The report writers, one per format, each from a geo::report::Report to a file written
// through a PartialFile (nothing is left behind on failure). The format follows the file's
// extension: reportFormatOf("x.xlsx") == "xlsx".
#pragma once

#include <string>

#include <QImage>
#include <QPageLayout>
#include <QPageSize>

#include "app/output/report_map.h"
#include "geo/report/report_table.h"

namespace app {

// "csv", "xlsx", "html", "pdf", or empty for another extension.
std::string reportFormatOf(const std::string& path);

// UTF-8 with a BOM (Excel and WPS then read Chinese right), one header row, the main table's
// detail rows with unrounded numbers; `withTotals` adds the subtotal and total rows with a
// leading row-kind column.
void writeCsv(const geo::report::Report& report, const std::string& path, bool withTotals);

// One sheet per table (frozen header row, numbers as numbers in 亩/公顷/% formats, subtotal
// and total rows styled) and a last sheet with the title, district, as-of day, sources and
// notes.
void writeXlsx(const geo::report::Report& report, const std::string& path);

// One self-contained HTML file (inline style; the map, when given, as an embedded PNG).
void writeHtml(const geo::report::Report& report, const std::string& path, const QImage& map);

struct PdfSetup {
    QPageSize::PageSizeId paper = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    const ReportMapData* map = nullptr; // the district map (transfer) and atlas maps; optional
    bool english = false;
    QString transferredLabel, idleLabel, noTransfers, noIdle;
};

// A PDF with Noto Sans CJK SC: the title block (title, district, as-of day, area basis,
// sources with import days), the district map with its legend for the transfer report,
// tables repeating their header on every page, notes, and "page n of m" on every page. An
// atlas has one page per village (more when its tables overflow) with its map, legend, scale
// bar and north arrow.
void writePdf(const geo::report::Report& report, const std::string& path, const PdfSetup& setup);

} // namespace app
