// The PDF writer, on Qt's QPdfWriter and QPainter. Pages are laid out twice: a first pass
// without drawing counts them, so every footer can say "page n of m".
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>

#include "app/output/partial_file.h"
#include "app/output/pdf_text_layer.h"
#include "app/output/report_format.h"
#include "app/output/report_writers.h"
#include "app/render/map_furniture.h"

namespace app {
namespace {

using geo::report::Report;
using geo::report::RowKind;
using geo::report::Table;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Latin letters and digits in DejaVu Sans, Chinese in Noto Sans CJK SC. Why not all in Noto:
// Qt 6.4's PDF writer gives Noto CJK's digit glyphs no ToUnicode entry in mixed runs, so
// "cgcs2000" would be copied (and found by pdftotext) as "cgcs".
QFont font(double points, bool bold = false) {
    QFont f;
    f.setFamilies(reportFontFamilies());
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Parcels beyond which the district map is drawn as an image.
constexpr std::size_t rasterAbove = 50000;

class Composer {
public:
    Composer(QPdfWriter& writer, QPainter* painter, const Report& report, const PdfSetup& setup,
             int totalPages)
        : m_writer(writer)
        , m_p(painter)
        , m_report(report)
        , m_setup(setup)
        , m_total(totalPages) {
        const QRect paint = writer.pageLayout().paintRectPixels(writer.resolution());
        m_content = QRectF(0, 0, paint.width(), paint.height());
        m_footer = m_content.height() - lineHeight(font(8)) * 1.6;
    }

    int pages() const noexcept { return m_page; }
    // Where each village's pages start (atlas), known after compose().
    const std::map<std::string, int>& villagePages() const noexcept { return m_villageStart; }
    void setVillagePages(std::map<std::string, int> pages) { m_knownStart = std::move(pages); }

    void compose() {
        newPage();
        titleBlock();
        if (m_report.kind == "atlas") {
            if (m_setup.map)
                mapBlock({}, m_content.height() * 0.45);
            table(contents());
            for (const auto& village : m_report.villages)
                villagePages(village);
            return;
        }
        if (m_report.kind == "transfer" && m_setup.map)
            mapBlock({}, m_content.height() * 0.42);
        for (const Table& t : m_report.parts)
            table(t);
        notes();
    }

private:
    double lineHeight(const QFont& f) const { return QFontMetricsF(f, &m_writer).height(); }
    double mm(double v) const { return v * m_writer.resolution() / 25.4; }

    void newPage() {
        if (m_page > 0 && m_p)
            m_writer.newPage();
        ++m_page;
        m_y = m_content.top();
        if (!m_p)
            return;
        m_p->setFont(font(8));
        m_p->setPen(QColor(90, 90, 90));
        const QRectF foot(m_content.left(), m_footer + lineHeight(font(8)) * 0.4, m_content.width(),
                          lineHeight(font(8)));
        m_p->drawText(foot, Qt::AlignLeft | Qt::AlignVCenter,
                      q(m_report.title + " · " + m_report.district + " · " + m_report.asOf));
        QString page = q(caption("page"));
        page.replace("{0}", QString::number(m_page)).replace("{1}", QString::number(m_total));
        m_p->drawText(foot, Qt::AlignRight | Qt::AlignVCenter, page);
        m_p->setPen(QPen(QColor(150, 150, 150), 0));
        m_p->drawLine(QPointF(m_content.left(), m_footer), QPointF(m_content.right(), m_footer));
        m_p->setPen(Qt::black);
    }

    void ensure(double height) {
        if (m_y + height > m_footer)
            newPage();
    }

    std::string caption(const char* key) const {
        const auto it = m_report.captions.find(key);
        return it == m_report.captions.end() ? key : it->second;
    }

    // Wrapped text across the page width; returns nothing, advances m_y.
    void paragraph(const QString& text, const QFont& f, double gapAfter = 0.3) {
        const QFontMetricsF fm(f, &m_writer);
        const QRectF need =
            fm.boundingRect(QRectF(0, 0, m_content.width(), 1e6), Qt::TextWordWrap, text);
        ensure(need.height());
        if (m_p) {
            m_p->setFont(f);
            m_p->drawText(QRectF(m_content.left(), m_y, m_content.width(), need.height()),
                          Qt::TextWordWrap, text);
        }
        m_y += need.height() + fm.height() * gapAfter;
    }

    void titleBlock() {
        paragraph(q(m_report.title), font(18, true), 0.4);
        const QFont f = font(9);
        paragraph(q(caption("district") + ": " + m_report.district + "    " + caption("as_of") +
                    ": " + m_report.asOf + "    " + caption("basis") + ": " + m_report.basis),
                  f, 0.1);
        QString sources = q(caption("sources") + ": ");
        for (std::size_t i = 0; i < m_report.sources.size(); ++i) {
            const auto& s = m_report.sources[i];
            sources += (i ? "; " : "") + q(s.layer + " " + s.file + " (" + caption("imported") +
                                           " " + s.imported + ")");
        }
        paragraph(sources, font(7.5), 0.1);
        paragraph(q(caption("generated") + ": " + m_report.generated), font(7.5), 0.8);
    }

    // The map of the district (village empty) or a village, its legend, scale bar and north
    // arrow, `height` tall.
    void mapBlock(const std::string& village, double height) {
        ensure(height);
        const QRectF area(m_content.left(), m_y, m_content.width(), height);
        m_y += height + lineHeight(font(8)) * 0.8;
        if (!m_p || !m_setup.map)
            return;
        const double legendWidth = std::min(area.width() * 0.3, mm(62));
        const QRectF mapRect(area.left(), area.top(), area.width() - legendWidth - mm(3),
                             area.height());
        ReportMapRequest request;
        request.data = m_setup.map;
        request.village = village;
        request.english = m_setup.english;
        request.transferredLabel = m_setup.transferredLabel;
        request.idleLabel = m_setup.idleLabel;
        m_p->setFont(font(9));
        ReportMapResult drawn;
        if (village.empty() && m_setup.map->parcels.featureCount() > rasterAbove) {
            // A county of a million parcels as vectors would make a PDF of hundreds of MB:
            // draw it as an image at 200 dpi instead (villages stay vectors).
            const double scale = 200.0 / m_writer.resolution();
            QImage image((mapRect.size() * scale).toSize(), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            QFont labelFont = font(9);
            labelFont.setPixelSize(static_cast<int>(9 * 200.0 / 72.0)); // 9 pt at 200 dpi
            painter.setFont(labelFont);
            drawn = drawReportMap(painter, QRectF(QPointF(0, 0), image.size()), request);
            painter.end();
            drawn.metresPerUnit *= scale; // per PDF unit, not per image pixel
            m_p->drawImage(mapRect, image);
        } else {
            drawn = drawReportMap(*m_p, mapRect, request);
        }
        m_p->setFont(font(7.5));
        const QRectF legendBox(mapRect.right() + mm(3), area.top(), legendWidth,
                               area.height() - mm(28));
        drawLegend(*m_p, legendBox, drawn.legend, q(caption("legend")));
        m_p->setFont(font(7));
        drawScaleBar(*m_p, QRectF(legendBox.left(), area.bottom() - mm(10), legendWidth, mm(10)),
                     drawn.metresPerUnit);
        drawNorthArrow(*m_p, QRectF(legendBox.left() + legendWidth / 2 - mm(6),
                                    area.bottom() - mm(27), mm(12), mm(15)));
    }

    // The atlas's table of contents: every village with its township and first page.
    Table contents() const {
        Table t;
        t.key = "contents";
        t.title = caption("contents");
        t.columns = {{"village", caption("villages"), geo::report::ColumnType::Text},
                     {"village_code", "", geo::report::ColumnType::Text},
                     {"township", caption("township"), geo::report::ColumnType::Text},
                     {"page", "", geo::report::ColumnType::Count}};
        t.columns[1].label = "ZLDWDM";
        t.columns[3].label = caption("first_page");
        for (const auto& v : m_report.villages) {
            const auto it = m_knownStart.find(v.code);
            t.rows.push_back({RowKind::Detail,
                              0,
                              {geo::report::Cell::of(v.name), geo::report::Cell::of(v.code),
                               geo::report::Cell::of(v.township),
                               geo::report::Cell::of(static_cast<double>(
                                   it == m_knownStart.end() ? 0 : it->second))}});
        }
        return t;
    }

    void villagePages(const geo::report::VillageSection& v) {
        if (m_y > m_content.top() + 1)
            newPage();
        m_villageStart[v.code] = m_page;
        paragraph(q(v.name + " (" + v.code + ")" +
                    (v.township.empty() ? "" : " · " + caption("township") + " " + v.township)),
                  font(14, true), 0.3);
        mapBlock(v.code, m_content.height() * 0.48);
        for (const Table& t : v.tables) {
            if (t.rows.empty()) {
                paragraph(q(t.title) + ": " +
                              (t.key == "transfer" ? m_setup.noTransfers : m_setup.noIdle),
                          font(8), 0.5);
                continue;
            }
            table(t, 6.5);
        }
    }

    void table(const Table& t, double points = 7.5) {
        const QFont body = font(points), bold = font(points, true), head = font(points, true);
        const QFontMetricsF fm(body, &m_writer), fb(bold, &m_writer);
        std::vector<std::size_t> cols;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            if (t.columns[c].printed)
                cols.push_back(c);
        const double pad = fm.height() * 0.35;
        // Natural widths: the widest cell (of the first rows, for speed) or half the header.
        std::vector<double> width(cols.size());
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const std::size_t c = cols[i];
            double w = fb.horizontalAdvance(q(t.columns[c].label)) / 1.8;
            for (std::size_t r = 0; r < t.rows.size() && r < 3000; ++r)
                if (c < t.rows[r].cells.size())
                    w = std::max(w, fb.horizontalAdvance(
                                        displayText(t.rows[r].cells[c], t.columns[c].type)));
            width[i] = w + 2 * pad;
        }
        double sum = 0, textSum = 0;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            sum += width[i];
            if (!isNumeric(t.columns[cols[i]].type))
                textSum += width[i];
        }
        const double room = m_content.width();
        if (sum > room && textSum > 0) { // squeeze the text columns, keep numbers whole
            const double factor = std::max(0.2, (room - (sum - textSum)) / textSum);
            for (std::size_t i = 0; i < cols.size(); ++i)
                if (!isNumeric(t.columns[cols[i]].type))
                    width[i] *= factor;
        } else if (sum < room) {
            for (double& w : width)
                w *= room / sum;
        }
        const double rowHeight = fm.height() * 1.45;
        const double headHeight = fm.height() * 2.6;

        auto header = [&] {
            if (m_p) {
                double x = m_content.left();
                m_p->setFont(head);
                for (std::size_t i = 0; i < cols.size(); ++i) {
                    const QRectF cell(x, m_y, width[i], headHeight);
                    m_p->fillRect(cell, QColor(221, 235, 247));
                    m_p->setPen(QPen(QColor(120, 120, 120), 0));
                    m_p->drawRect(cell);
                    m_p->setPen(Qt::black);
                    m_p->drawText(cell.adjusted(pad, 0, -pad, 0),
                                  Qt::AlignCenter | Qt::TextWordWrap, q(t.columns[cols[i]].label));
                    x += width[i];
                }
            }
            m_y += headHeight;
        };
        ensure(lineHeight(font(10, true)) * 1.5 + headHeight + rowHeight * 2);
        paragraph(q(t.title), font(10, true), 0.2);
        header();
        for (const auto& r : t.rows) {
            if (m_y + rowHeight > m_footer) {
                newPage();
                header(); // the header repeats on every page the table reaches
            }
            if (m_p) {
                const bool strong = r.kind != RowKind::Detail;
                const QColor fill = r.kind == RowKind::Detail ? QColor(Qt::white)
                                    : r.kind == RowKind::Subtotal && r.level == 1
                                        ? QColor(234, 241, 221)
                                        : QColor(215, 228, 188);
                m_p->setFont(strong ? bold : body);
                const QFontMetricsF& metrics = strong ? fb : fm;
                double x = m_content.left();
                for (std::size_t i = 0; i < cols.size(); ++i) {
                    const std::size_t c = cols[i];
                    const QRectF cell(x, m_y, width[i], rowHeight);
                    m_p->fillRect(cell, fill);
                    m_p->setPen(QPen(QColor(180, 180, 180), 0));
                    m_p->drawRect(cell);
                    m_p->setPen(Qt::black);
                    if (c < r.cells.size()) {
                        const bool number = isNumeric(t.columns[c].type);
                        const QString text =
                            metrics.elidedText(displayText(r.cells[c], t.columns[c].type),
                                               Qt::ElideRight, width[i] - 2 * pad);
                        const Qt::Alignment align =
                            (number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
                        m_p->drawText(cell.adjusted(pad, 0, -pad, 0),
                                      static_cast<int>(align.toInt()), text);
                    }
                    x += width[i];
                }
            }
            m_y += rowHeight;
        }
        m_y += rowHeight * 0.8;
    }

    void notes() {
        if (m_report.notes.empty())
            return;
        paragraph(q(caption("notes")), font(10, true), 0.2);
        for (const std::string& n : m_report.notes)
            paragraph("• " + q(n), font(7.5), 0.2);
    }

    QPdfWriter& m_writer;
    QPainter* m_p;
    const Report& m_report;
    const PdfSetup& m_setup;
    int m_total;
    QRectF m_content;
    double m_footer = 0;
    double m_y = 0;
    int m_page = 0;
    std::map<std::string, int> m_villageStart, m_knownStart;
};

void configure(QPdfWriter& writer, const Report& report, const PdfSetup& setup) {
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(setup.paper), setup.orientation,
                                     QMarginsF(15, 15, 15, 12), QPageLayout::Millimeter));
    writer.setTitle(QString::fromStdString(report.title));
    writer.setCreator("tianmu");
}

} // namespace

void writePdf(const Report& report, const std::string& path, const PdfSetup& setup) {
    int pages = 0;
    std::map<std::string, int> starts;
    { // first pass: count the pages, drawing nothing
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter dry(&scratch);
        configure(dry, report, setup);
        Composer c(dry, nullptr, report, setup, 0);
        c.compose();
        pages = c.pages();
        starts = c.villagePages();
    }
    PartialFile file(path);
    {
        QPdfWriter writer(QString::fromStdString(file.path()));
        configure(writer, report, setup);
        QPainter painter;
        if (!painter.begin(&writer))
            throw std::runtime_error("cannot write " + file.path());
        Composer c(writer, &painter, report, setup, pages);
        c.setVillagePages(starts);
        c.compose();
        if (!painter.end())
            throw std::runtime_error("cannot finish " + file.path());
    }                              // the writer closes the file here
    mendPdfTextLayer(file.path()); // so that copying and searching give 土, not ⼟
    file.commit();
}

} // namespace app
