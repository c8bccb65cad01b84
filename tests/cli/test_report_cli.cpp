// `tianmu report` on a project imported and classified from the sample county's delivery:
// its CSV, XLSX (read back through GDAL) and PDF (pdftotext, pdfinfo) against numbers
// computed here from the raw layers with GDAL and PROJ.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <QProcess>
#include <QRegularExpression>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/area.h"
#include "support/report_expectations.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

namespace {

using Run = testing::TianmuRun;
namespace fs = std::filesystem;

Run tianmu(const QStringList& arguments) {
    return testing::runTianmu(arguments);
}

QString samplePath(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/") + relative);
}

// The sample delivery imported and classified once per process.
const QString& project() {
    static const QString path = [] {
        const QString p = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
        const std::vector<std::pair<const char*, const char*>> layers{
            {"villages", "surveyor/cgcs2000/CJDCQ.shp"},
            {"parcels", "surveyor/cgcs2000/DLTB.shp"},
            {"rivers", "surveyor/cgcs2000/HL.shp"},
            {"dem", "dem.tif"},
            {"transfers", "surveyor/transfers.csv"},
            {"assets", "surveyor/assets.csv"},
            {"funds", "surveyor/funds.csv"}};
        for (const auto& [layer, file] : layers) {
            const Run r = tianmu({"import", "--project", p, "--as", layer, samplePath(file)});
            INFO(r.err.toStdString());
            REQUIRE(r.exitCode == 0);
        }
        const Run c = tianmu({"classify", "--project", p, "--as-of", "2026-06-30"});
        INFO(c.err.toStdString());
        REQUIRE(c.exitCode == 0);
        return p;
    }();
    return path;
}

QString output(const std::string& name) {
    static const std::string dir = testing::temporaryDirectory();
    return QString::fromStdString(dir + "/" + name);
}

std::string readAll(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

QString runTool(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// pdftotext's text of the PDF, as a reader copying or searching it gets it.
QString pdfText(const QStringList& arguments) {
    return runTool("pdftotext", arguments);
}

// Code points of CJK radicals (Kangxi radicals, the radicals supplement) in `text`: Qt 6.4
// named the glyphs Noto Sans CJK shares between 土 and ⼟ after the radical, and the PDF
// writer mends that, so a report has none.
QString radicalsIn(const QString& text) {
    QString found;
    for (const QChar c : text)
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF)
            found += c;
    return found;
}

// No file and no partial file of `name` in its folder.
bool leftNothing(const QString& path) {
    const fs::path p(path.toStdString());
    if (fs::exists(p))
        return false;
    for (const auto& entry : fs::directory_iterator(p.parent_path()))
        if (entry.path().filename().string().find(p.stem().string() + ".partial") !=
            std::string::npos)
            return false;
    return true;
}

} // namespace

TEST_CASE("report transfer: CSV and XLSX carry the raw layers' numbers", "[cli][report]") {
    const QString csv = output("transfer.csv");
    const Run r = tianmu(
        {"report", "--project", project(), "--kind", "transfer", "--out", csv, "--lang", "zh"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const std::string text = readAll(csv);
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0); // a BOM for Excel and WPS
    const auto rows = testing::parseCsv(text.substr(3));
    REQUIRE(rows.size() > 1);
    const std::vector<std::string> header = rows[0];
    auto col = [&](const char* label) {
        const auto it = std::find(header.begin(), header.end(), label);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t village = col("村代码"), zone = col("分区代码"), mode = col("流转方式代码"),
                      parcels = col("地块数"), mu = col("面积（亩）"), ha = col("面积（公顷）");

    const auto expected = testing::expectedTransfers(project().toStdString(), false);
    REQUIRE(rows.size() - 1 == expected.size()); // machine-readable: detail rows only
    double totalMu = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const testing::TransferKey key{row[village], row[zone], row[mode]};
        INFO(row[village] << " " << row[zone] << " " << row[mode]);
        REQUIRE(expected.count(key) == 1);
        const auto& e = expected.at(key);
        CHECK(std::stoll(row[parcels]) == e.parcels);
        // The import's AREA_ELL and this test's PROJ geodesic agree to far below 0.01 亩.
        CHECK(std::stod(row[mu]) ==
              Approx(geo::Area::squareMetres(e.squareMetres).inMu()).margin(1e-4)); // 亩
        CHECK(std::stod(row[ha]) == Approx(e.squareMetres / 1e4).margin(1e-5));     // 公顷
        totalMu += std::stod(row[mu]);
    }

    // The same numbers in the XLSX, read back through GDAL's XLSX driver.
    const QString xlsx = output("transfer.xlsx");
    const Run x = tianmu(
        {"report", "--project", project(), "--kind", "transfer", "--out", xlsx, "--lang", "zh"});
    INFO(x.err.toStdString());
    REQUIRE(x.exitCode == 0);
    GDALAllRegister();
    const char* openOptions[] = {"HEADERS=FORCE", "FIELD_TYPES=AUTO", nullptr};
    GDALDatasetUniquePtr book(
        GDALDataset::Open(xlsx.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, openOptions));
    REQUIRE(book);
    REQUIRE(book->GetLayerCount() >= 2); // the table and the notes
    OGRLayer* sheet = book->GetLayer(0);
    const OGRFeatureDefn* defn = sheet->GetLayerDefn();
    const int xVillage = defn->GetFieldIndex("村代码"), xZone = defn->GetFieldIndex("分区代码"),
              xMode = defn->GetFieldIndex("流转方式代码"), xMu = defn->GetFieldIndex("面积（亩）"),
              xParcels = defn->GetFieldIndex("地块数");
    REQUIRE(xMu >= 0);
    CHECK(defn->GetFieldDefn(xMu)->GetType() == OFTReal); // numbers stored as numbers
    std::size_t details = 0;
    double subtotalSum = 0, grand = -1;
    for (auto&& f : *sheet) {
        const std::string v = f->GetFieldAsString(xVillage), z = f->GetFieldAsString(xZone);
        const std::string m = f->GetFieldAsString(xMode);
        const auto it = expected.find({v, z, m});
        if (it != expected.end() && !v.empty()) {
            ++details;
            CHECK(f->GetFieldAsInteger64(xParcels) == it->second.parcels);
            CHECK(f->GetFieldAsDouble(xMu) ==
                  Approx(geo::Area::squareMetres(it->second.squareMetres).inMu()).margin(1e-4));
        } else if (std::string(f->GetFieldAsString(defn->GetFieldIndex("村"))) == "小计") {
            subtotalSum += f->GetFieldAsDouble(xMu); // township subtotals
        } else if (std::string(f->GetFieldAsString(defn->GetFieldIndex("乡镇"))) == "合计") {
            grand = f->GetFieldAsDouble(xMu);
        }
    }
    CHECK(details == expected.size());
    CHECK(grand == Approx(totalMu).margin(1e-6));       // 亩
    CHECK(subtotalSum == Approx(totalMu).margin(1e-6)); // 亩: the townships add up

    // --with-totals: subtotal and total rows, marked.
    const QString withTotals = output("transfer-totals.csv");
    REQUIRE(tianmu({"report", "--project", project(), "--kind", "transfer", "--out", withTotals,
                    "--with-totals", "--lang", "en"})
                .exitCode == 0);
    const auto all = testing::parseCsv(readAll(withTotals).substr(3));
    CHECK(all[0][0] == "row");
    CHECK(all.back()[0] == "total");
}

TEST_CASE("report transfer PDF: title, villages, grand total; the atlas has a page per village",
          "[cli][report]") {
    const QString csv = output("for-pdf.csv");
    REQUIRE(tianmu({"report", "--project", project(), "--kind", "transfer", "--out", csv,
                    "--with-totals", "--lang", "zh"})
                .exitCode == 0);
    const auto rows = testing::parseCsv(readAll(csv).substr(3));
    const std::size_t mu = static_cast<std::size_t>(
        std::find(rows[0].begin(), rows[0].end(), "面积（亩）") - rows[0].begin());
    char total[32];
    std::snprintf(total, sizeof total, "%.2f", std::stod(rows.back()[mu]));

    const QString pdf = output("transfer.pdf");
    const Run r = tianmu({"report", "--project", project(), "--kind", "transfer", "--out", pdf,
                          "--lang", "zh", "--paper", "A4", "--orientation", "landscape"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QString text = pdfText({"-layout", pdf, "-"});
    CHECK(radicalsIn(text).isEmpty());
    CHECK(text.contains(QString::fromUtf8("土地流转面积统计表")));
    CHECK(text.contains(total));
    CHECK(text.contains(QString::fromUtf8("图例")));
    const auto names = testing::countBy(project().toStdString(),
                                        "SELECT ZLDWMC, COUNT(*) FROM villages GROUP BY 1");
    REQUIRE(!names.empty());
    for (const auto& [name, n] : names)
        CHECK(text.contains(QString::fromStdString(name)));
    // The zones of the transferred parcels, as the classification named them.
    const auto zones = testing::countBy(
        project().toStdString(),
        "SELECT ZONE_NAME, COUNT(*) FROM parcel_classes WHERE TRANSFERRED = 1 GROUP BY 1");
    REQUIRE(zones.size() > 2);
    for (const auto& [zone, n] : zones)
        CHECK(text.contains(QString::fromStdString(zone)));
    CHECK(text.contains(QRegularExpression(QString::fromUtf8("第\\s*1\\s*页\\s*/\\s*共"))));

    const QString atlas = output("atlas.pdf");
    const Run a = tianmu(
        {"report", "--project", project(), "--kind", "atlas", "--out", atlas, "--lang", "zh"});
    INFO(a.err.toStdString());
    REQUIRE(a.exitCode == 0);
    const QString info = runTool("pdfinfo", {atlas});
    const QRegularExpressionMatch pages = QRegularExpression("Pages:\\s+(\\d+)").match(info);
    REQUIRE(pages.hasMatch());
    // One page per village (the first also carries the title block), more only on overflow.
    const int count = pages.captured(1).toInt();
    CHECK(count >= static_cast<int>(names.size()));
    int villagePages = 0;
    for (int page = 1; page <= count; ++page) {
        const QString t = pdfText(
            {"-f", QString::number(page), "-l", QString::number(page), "-layout", atlas, "-"});
        for (const auto& [name, n] : names)
            if (t.contains(QString::fromStdString(name) + " ("))
                ++villagePages;
        CHECK(radicalsIn(t).isEmpty());
    }
    CHECK(villagePages == static_cast<int>(names.size()));
}

TEST_CASE("report: idle, discrepancy and expiring in every format", "[cli][report]") {
    for (const char* kind : {"idle", "discrepancy", "expiring"})
        for (const char* ext : {"csv", "xlsx", "html", "pdf"}) {
            const QString out = output(std::string(kind) + "." + ext);
            const Run r = tianmu({"report", "--project", project(), "--kind", kind, "--out", out,
                                  "--months", "12", "--lang", "en"});
            INFO(kind << " " << ext << ": " << r.err.toStdString());
            CHECK(r.exitCode == 0);
            CHECK(fs::file_size(out.toStdString()) > 100);
        }
    const std::string html = readAll(output("idle.html"));
    CHECK(html.find("<table>") != std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos); // self-contained
}

TEST_CASE("report: bad input exits 3 with the reason and leaves no file", "[cli][report]") {
    // An unclassified project.
    const QString raw = output("raw.gpkg");
    REQUIRE(tianmu({"import", "--project", raw, "--as", "parcels",
                    samplePath("surveyor/cgcs2000/DLTB.shp")})
                .exitCode == 0);
    const QString out = output("bad.csv");
    Run r = tianmu({"report", "--project", raw, "--kind", "transfer", "--out", out});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("tianmu classify --project"));
    CHECK(leftNothing(out));
    // A classification whose rows are gone (emptied by another tool) counts as none.
    const QString emptied = output("emptied.gpkg");
    fs::copy_file(project().toStdString(), emptied.toStdString(),
                  fs::copy_options::overwrite_existing);
    {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(emptied.toStdString().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("DELETE FROM parcel_class_codes", nullptr, nullptr);
    }
    r = tianmu({"report", "--project", emptied, "--kind", "transfer", "--out", out});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("has not been classified yet"));
    CHECK(leftNothing(out));
    // An unknown village code.
    r = tianmu({"report", "--project", project(), "--kind", "transfer", "--out", out, "--village",
                "430999999999"});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("430999999999"));
    CHECK(leftNothing(out));
    // An empty selection: no contract ends within a month of a far day.
    r = tianmu({"report", "--project", project(), "--kind", "expiring", "--out", out, "--as-of",
                "2200-01-01", "--months", "1"});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("--months"));
    CHECK(leftNothing(out));
    // An output folder that does not exist.
    const QString nowhere = output("missing-folder/r.pdf");
    r = tianmu({"report", "--project", project(), "--kind", "transfer", "--out", nowhere});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("missing-folder"));
    CHECK(!fs::exists(nowhere.toStdString()));
    // A missing project names it.
    r = tianmu({"report", "--project", "/nonexistent/p.gpkg", "--kind", "idle", "--out", out});
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains("/nonexistent/p.gpkg"));
    // Usage errors exit 2.
    CHECK(tianmu({"report", "--project", project(), "--kind", "atlas", "--out", out}).exitCode ==
          2);
    CHECK(tianmu({"report", "--project", project(), "--kind", "nope", "--out", out}).exitCode == 2);
    CHECK(tianmu({"report", "--project", project(), "--kind", "idle", "--out", output("r.doc")})
              .exitCode == 2);
    CHECK(tianmu({"report", "--help"}).exitCode == 0);
    CHECK(leftNothing(out));
}

TEST_CASE("report on another --as-of day: the ledger's numbers, and the report says so",
          "[cli][report]") {
    const std::string day = "2024-06-30"; // two years before the classification's day
    const QString csv = output("transfer-" + day + ".csv");
    const Run r = tianmu({"report", "--project", project(), "--kind", "transfer", "--out", csv,
                          "--as-of", QString::fromStdString(day), "--lang", "en"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const auto rows = testing::parseCsv(readAll(csv).substr(3));
    REQUIRE(rows.size() > 1);
    auto col = [&](const char* label) {
        const auto it = std::find(rows[0].begin(), rows[0].end(), label);
        REQUIRE(it != rows[0].end());
        return static_cast<std::size_t>(it - rows[0].begin());
    };
    const std::size_t village = col("Village code"), zone = col("Zone id"),
                      mode = col("Transfer mode code"), parcels = col("Parcels"),
                      mu = col("Area (mu)");
    const auto expected = testing::expectedTransfersOn(project().toStdString(), false, day);
    REQUIRE(rows.size() - 1 == expected.size());
    long long total = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const testing::TransferKey key{row[village], row[zone], row[mode]};
        INFO(row[village] << " " << row[zone] << " " << row[mode]);
        REQUIRE(expected.count(key) == 1);
        CHECK(std::stoll(row[parcels]) == expected.at(key).parcels);
        CHECK(std::stod(row[mu]) ==
              Approx(geo::Area::squareMetres(expected.at(key).squareMetres).inMu())
                  .margin(1e-4)); // 亩
        total += std::stoll(row[parcels]);
    }
    // Not the classification's day's numbers.
    const auto classified = testing::countBy(
        project().toStdString(), "SELECT 'n', COUNT(*) FROM parcel_classes WHERE TRANSFERRED = 1");
    CHECK(total != classified.at("n"));

    // The PDF and the atlas on that day say what was recomputed, in readable text.
    const QString pdf = output("transfer-" + day + ".pdf");
    REQUIRE(tianmu({"report", "--project", project(), "--kind", "transfer", "--out", pdf, "--as-of",
                    QString::fromStdString(day), "--lang", "zh"})
                .exitCode == 0);
    const QString text = pdfText({pdf, "-"}).simplified().remove(' ');
    CHECK(text.contains(QString::fromUtf8("由流转台账重新判定")));
    CHECK(text.contains(QString::fromStdString(day)));
    CHECK(radicalsIn(text).isEmpty());
    const QString atlas = output("atlas-" + day + ".pdf");
    const Run a = tianmu({"report", "--project", project(), "--kind", "atlas", "--out", atlas,
                          "--as-of", QString::fromStdString(day), "--lang", "zh"});
    INFO(a.err.toStdString());
    CHECK(a.exitCode == 0);

    // The idle ledger leaves out the assets idle only since later.
    const QString idle = output("idle-" + day + ".csv");
    REQUIRE(tianmu({"report", "--project", project(), "--kind", "idle", "--out", idle, "--as-of",
                    QString::fromStdString(day), "--lang", "en"})
                .exitCode == 0);
    const auto items = testing::parseCsv(readAll(idle).substr(3));
    const auto category = static_cast<std::size_t>(
        std::find(items[0].begin(), items[0].end(), "Category id") - items[0].begin());
    REQUIRE(category < items[0].size());
    long long assets = 0;
    for (std::size_t i = 1; i < items.size(); ++i)
        assets += items[i][category] == "asset" ? 1 : 0;
    const auto idleThen = testing::countBy(project().toStdString(),
                                           "SELECT 'n', COUNT(*) FROM assets WHERE ZT = '闲置' AND "
                                           "(XZRQ IS NULL OR XZRQ = '' OR XZRQ <= '" +
                                               day + "')");
    CHECK(assets == idleThen.at("n"));

    // A day before any contract: nothing to report, exit 3, no file.
    const QString none = output("transfer-1990.csv");
    const Run early = tianmu({"report", "--project", project(), "--kind", "transfer", "--out", none,
                              "--as-of", "1990-01-01"});
    CHECK(early.exitCode == 3);
    CHECK(early.err.contains("1990-01-01"));
    CHECK(leftNothing(none));
}
