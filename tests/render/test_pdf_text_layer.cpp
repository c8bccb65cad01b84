// The PDF text layer mended: Chinese set in Noto Sans CJK by Qt's PDF writer reads back (with
// pdftotext) as the characters drawn, not as Kangxi radicals; the cross-reference table still
// points at every object; the pages look exactly as before.
#include <catch2/catch.hpp>

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>

#include "app/output/glyph_aliases.h"
#include "app/output/pdf_text_layer.h"
#include "app/output/to_unicode_cmap.h"
#include "support/sample_fixture.h"

namespace {

// Text whose ideographs Noto Sans CJK SC draws with a radical's glyph (土 ⼟, 一 ⼀, 页 ⻚,
// 户 ⼾, 黄 ⻩ …), with Latin and digits in between.
const QString drawnText =
    QString::fromUtf8("土地流转面积统计表 一人田水山 页码 户数 黄家村 cgcs2000");

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start("pdftotext", {pdf, "-"});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeSample(const QString& path) {
    QPdfWriter writer(path);
    QPainter painter(&writer);
    for (const bool bold : {false, true}) {
        QFont font;
        font.setFamilies(app::reportFontFamilies());
        font.setPointSizeF(14);
        font.setBold(bold);
        painter.setFont(font);
        painter.drawText(QPointF(200, bold ? 800 : 400), drawnText);
    }
    return path;
}

// Every object the xref table lists in use starts where the table says.
bool xrefPointsAtObjects(const QByteArray& pdf) {
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    const qsizetype xref = pdf.mid(startxref + 9, 32).simplified().split(' ').front().toLongLong();
    if (!pdf.mid(xref).startsWith("xref"))
        return false;
    const QList<QByteArray> lines = pdf.mid(xref, pdf.indexOf("trailer", xref) - xref).split('\n');
    const int count = lines.at(1).simplified().split(' ').at(1).toInt();
    for (int i = 0; i < count; ++i) {
        const QList<QByteArray> entry = lines.at(2 + i).simplified().split(' ');
        if (entry.at(2) == "n" &&
            !pdf.mid(entry.at(0).toLongLong()).startsWith(QByteArray::number(i) + " 0 obj"))
            return false;
    }
    return true;
}

QByteArray renderedPage(const QString& pdf, const QString& stem) {
    QProcess p;
    p.start("pdftoppm", {"-r", "60", "-png", "-singlefile", pdf, stem});
    p.waitForFinished(60000);
    return readAll(stem + ".png");
}

} // namespace

TEST_CASE("pdf text layer: radicals become the ideographs drawn; the file stays sound",
          "[render][pdf]") {
    const QString dir = QString::fromStdString(testing::temporaryDirectory());
    const QString raw = writeSample(dir + "/raw.pdf");
    const QString mended = writeSample(dir + "/mended.pdf");
    // What Qt 6.4 alone writes: the radicals (so the fix is still needed).
    const QString before = pdfText(raw);
    CHECK(before.contains(QChar(0x2F1F))); // ⼟

    app::mendPdfTextLayer(mended.toStdString());
    const QString after = pdfText(mended);
    CHECK(after.contains(drawnText));
    for (const QChar c : after)
        CHECK_FALSE((c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF));
    const QByteArray bytes = readAll(mended);
    CHECK(xrefPointsAtObjects(bytes));
    CHECK(renderedPage(raw, dir + "/raw") == renderedPage(mended, dir + "/mended"));
    // Mending twice changes nothing.
    CHECK(app::mendTextLayer(bytes, app::glyphAliases(app::reportFontFamilies())) == bytes);
}

TEST_CASE("pdf text layer: the font decides which ideograph a radical stands for",
          "[render][pdf]") {
    const app::GlyphAliases aliases = app::glyphAliases({"Noto Sans CJK SC"});
    CHECK(aliases.at(u'\u2F1F') == u'\u571F'); // ⼟ → 土
    CHECK(aliases.at(u'\u2F3E') == u'\u6237'); // ⼾ → 户, the simplified form the SC font draws
    CHECK(aliases.at(u'\u2EDA') == u'\u9875'); // ⻚ → 页
    CHECK(aliases.size() > 200);
}

TEST_CASE("pdf text layer: CMap ranges and arrays are read, only aliases change", "[render][pdf]") {
    const app::GlyphAliases aliases{{u'\u2F1F', u'\u571F'}};
    const std::string cmap = "begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                             "2 beginbfrange\n<0001> <0002> [<2F1F> <5730>]\n<0003> <0004> <0041>\n"
                             "endbfrange\n1 beginbfchar\n<0005> <2F1F>\nendbfchar\nendcmap\n";
    const auto mended = app::rewriteToUnicode(cmap, aliases);
    REQUIRE(mended);
    CHECK(*mended == "begincmap\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
                     "5 beginbfchar\n<0001> <571F>\n<0002> <5730>\n<0003> <0041>\n<0004> <0042>\n"
                     "<0005> <571F>\nendbfchar\nendcmap\n");
    CHECK_FALSE(app::rewriteToUnicode("1 beginbfchar\n<0001> <5730>\nendbfchar\n", aliases));
}
