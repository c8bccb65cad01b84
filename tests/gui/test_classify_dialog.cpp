// The classify dialog driven as a user would: rules shown, classification on the worker
// thread matching the project's parcel_classes, and a cancelled run leaving results intact.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include <QFile>
#include <QFontMetrics>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include "app/gui/classify_dialog.h"
#include "app/resource_paths.h"
#include "geo/dem_import.h"
#include "geo/importer.h"
#include "support/classified_project.h"
#include "support/dataset_digest.h"
#include "support/sample_fixture.h"

namespace {

// A project imported from the sample delivery (villages, parcels, rivers, DEM), made once.
const QString& sampleProject() {
    static const QString path = [] {
        const std::string project = testing::temporaryDirectory() + "/classify.gpkg";
        const std::string sample = testing::sourcePath("data/sample/");
        const std::pair<const char*, std::string> sources[] = {
            {"villages", sample + "surveyor/cgcs2000/CJDCQ.shp"},
            {"parcels", sample + "surveyor/cgcs2000/DLTB.shp"},
            {"rivers", sample + "surveyor/cgcs2000/HL.shp"},
            {"dem", sample + "dem.tif"},
        };
        for (const auto& [layer, source] : sources) {
            geo::ImportOptions o;
            o.project = project;
            o.source = source;
            o.layer = layer;
            o.profilesDirectory = app::profilesDirectory();
            if (o.layer == "dem")
                geo::importDem(o);
            else
                geo::importIntoProject(o);
        }
        return QString::fromStdString(project);
    }();
    return path;
}

// Parcels per zone in the project's parcel_classes table, read with GDAL.
std::map<QString, long long> zonesInProject(const QString& project) {
    std::map<QString, long long> zones;
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(project.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    OGRLayer* classes = ds->GetLayerByName("parcel_classes");
    if (!classes)
        return zones;
    for (auto&& f : *classes)
        ++zones[QString::fromUtf8(f->GetFieldAsString("ZONE"))];
    return zones;
}

long long parcelCount(const QString& project) {
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(project.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    return ds->GetLayerByName("parcels")->GetFeatureCount(TRUE);
}

// Parcels per zone as the dialog's table shows them (without the total row).
std::map<QString, long long> zonesInTable(const QTableWidget& table) {
    std::map<QString, long long> zones;
    for (int row = 0; row + 1 < table.rowCount(); ++row) {
        const long long n = QLocale().toLongLong(table.item(row, 2)->text());
        if (n > 0)
            zones[table.item(row, 1)->text()] = n;
    }
    return zones;
}

} // namespace

TEST_CASE("the dialog shows the rules and classifies like the project says", "[classify_dialog]") {
    app::ClassifyDialog dialog(sampleProject());
    CHECK(dialog.rulesPath().endsWith("lingling-five-zones.json"));
    // The eight zone rules, then the village types and the layers the rules read.
    REQUIRE(dialog.ruleTree()->topLevelItemCount() == 10);
    CHECK(dialog.ruleTree()->topLevelItem(0)->text(1) == "water-surface");
    CHECK(dialog.ruleTree()->topLevelItem(0)->text(3).contains("1104"));
    {
        // Each village type with the thresholds of the rule file, read here from its text.
        std::ifstream in(dialog.rulesPath().toStdString());
        const nlohmann::json doc = nlohmann::json::parse(in);
        const nlohmann::json& types = doc.at("villages").at("types");
        const QTreeWidgetItem* group = dialog.ruleTree()->topLevelItem(8);
        CHECK(group->text(0).startsWith("Village types"));
        REQUIRE(group->childCount() == static_cast<int>(types.size()));
        for (int t = 0; t < group->childCount(); ++t) {
            const QTreeWidgetItem* row = group->child(t);
            const nlohmann::json& type = types[static_cast<std::size_t>(t)];
            INFO(row->text(3).toStdString());
            CHECK(row->text(1).toStdString() == type.at("id").get<std::string>());
            for (const auto& alternative : type.at("any"))
                for (const auto& [measure, range] : alternative.items())
                    for (const char* bound : {"min", "max"})
                        if (range.contains(bound))
                            CHECK(row->text(3).contains(
                                (std::string(bound) == "min" ? QString("≥ ") : QString("≤ ")) +
                                QString::number(range.at(bound).get<double>())));
        }
        const QTreeWidgetItem* layers = dialog.ruleTree()->topLevelItem(9);
        CHECK(layers->text(0) == "Layers the rules read");
        REQUIRE(layers->childCount() == 2);
        CHECK(layers->child(0)->text(3).contains(
            QString::fromStdString(doc.at("rivers").at("field").get<std::string>())));
        for (const auto& grade : doc.at("roads").at("grades"))
            CHECK(layers->child(1)->text(3).contains(
                QString::fromStdString(grade.get<std::string>())));
    }
    CHECK(dialog.ruleText()->toPlainText().contains("\"rules\""));
    dialog.setAsOf(QDate(2026, 6, 30));

    QSignalSpy finished(&dialog, &app::ClassifyDialog::classificationFinished);
    QSignalSpy changed(&dialog, &app::ClassifyDialog::projectChanged);
    dialog.show();
    QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
    CHECK(dialog.isRunning());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 300000));
    INFO(dialog.statusLabel()->text().toStdString());
    CHECK(finished.at(0).at(0).toBool());
    CHECK(changed.count() == 1);
    REQUIRE(dialog.summary());
    const long long parcels = parcelCount(sampleProject());
    CHECK(parcels > 3500);
    CHECK(dialog.summary()->parcels == parcels);

    const auto fromProject = zonesInProject(sampleProject());
    CHECK(fromProject.size() >= 5);
    CHECK(zonesInTable(*dialog.zoneTable()) == fromProject);
    const int total = dialog.zoneTable()->rowCount() - 1;
    CHECK(QLocale().toLongLong(dialog.zoneTable()->item(total, 2)->text()) == parcels);
    CHECK(dialog.totalsTable()->rowCount() >= 6);

    SECTION("a cancelled run leaves the previous results") {
        const auto before = testing::datasetDigest(sampleProject().toStdString());
        dialog.setAsOf(QDate(2030, 1, 1));
        QObject::connect(
            &dialog, &app::ClassifyDialog::progressChanged, &dialog,
            [&dialog](const QString&, double) { dialog.cancel(); }, Qt::DirectConnection);
        REQUIRE(dialog.start());
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 2; }, 300000));
        CHECK_FALSE(finished.at(1).at(0).toBool());
        CHECK(dialog.statusLabel()->text().contains("Cancelled"));
        CHECK(testing::datasetDigest(sampleProject().toStdString()) == before);
        CHECK(zonesInProject(sampleProject()) == fromProject);
        CHECK(zonesInTable(*dialog.zoneTable()) == fromProject); // the last results stay shown
        CHECK(dialog.runButton()->isEnabled());
    }
}

TEST_CASE("a broken rule file is refused with its reason; a missing project fails cleanly",
          "[classify_dialog]") {
    const std::string dir = testing::temporaryDirectory();
    const QString broken = QString::fromStdString(dir + "/broken.json");
    {
        QFile file(broken);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(R"({"zones": [{"id": "a"}], "rules": [{"id": "r", "zone": "b", "when": {}}]})");
    }
    app::ClassifyDialog dialog(QString::fromStdString(dir + "/missing.gpkg"));
    CHECK_FALSE(dialog.setRulesPath(broken));
    CHECK_FALSE(dialog.runButton()->isEnabled());
    CHECK_FALSE(dialog.start());
    REQUIRE(dialog.ruleTree()->topLevelItemCount() == 1);
    CHECK(dialog.ruleTree()->topLevelItem(0)->text(1).contains("broken.json"));
    CHECK(dialog.ruleText()->toPlainText().contains("\"zone\": \"b\""));

    REQUIRE(dialog.setRulesPath(
        QString::fromStdString(testing::sourcePath("data/rules/lingling-five-zones.json"))));
    CHECK(dialog.runButton()->isEnabled());
    QSignalSpy finished(&dialog, &app::ClassifyDialog::classificationFinished);
    REQUIRE(dialog.start());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 60000));
    CHECK_FALSE(finished.at(0).at(0).toBool());
    CHECK(dialog.statusLabel()->text().contains("missing.gpkg"));
    CHECK_FALSE(dialog.summary());
    CHECK(dialog.runButton()->isEnabled());
}

TEST_CASE("warnings are announced on the status line and shown whole, names still readable",
          "[classify_dialog]") {
    // A rule file naming an asset status field the sample's ledger lacks: one warning.
    const std::string project = testing::copyOfClassifiedSampleCounty();
    std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
    nlohmann::json rules = nlohmann::json::parse(in);
    rules["idle"]["asset_status_field"] = "STATUS";
    const std::string path = testing::temporaryDirectory() + "/other-status.json";
    std::ofstream(path) << rules.dump(2);

    app::ClassifyDialog dialog(QString::fromStdString(project));
    REQUIRE(dialog.setRulesPath(QString::fromStdString(path)));
    dialog.setAsOf(QDate(2026, 6, 30));
    dialog.resize(1000, 800);
    dialog.show();
    QSignalSpy finished(&dialog, &app::ClassifyDialog::classificationFinished);
    REQUIRE(dialog.start());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 300000));
    REQUIRE(finished.at(0).at(0).toBool());
    REQUIRE(dialog.summary()->warnings.size() == 1);

    const QString status = dialog.statusLabel()->text();
    INFO(status.toStdString());
    CHECK(status.contains("1 warning"));
    CHECK(status.endsWith("see Idle, transfers and villages."));
    QTableWidget& totals = *dialog.totalsTable();
    CHECK(totals.isVisible()); // its tab was brought forward
    const int last = totals.rowCount() - 1;
    REQUIRE(totals.item(last, 0));
    CHECK(totals.item(last, 0)->text().startsWith("Warning: The asset ledger has no field STATUS"));
    CHECK(totals.columnSpan(last, 0) == 3);
    // The figures' names keep their room: the first column holds the longest of them.
    const QFontMetrics metrics(totals.font());
    int widest = 0;
    for (int r = 0; r < last; ++r)
        widest = std::max(widest, metrics.horizontalAdvance(totals.item(r, 0)->text()));
    CHECK(totals.columnWidth(0) > widest);
    // A figure's row is one line; in a narrow window the warning wraps onto more.
    CHECK(totals.rowHeight(0) < 2 * metrics.height() + 8);
    dialog.resize(560, 800);
    QTest::qWait(50);
    CHECK(totals.rowHeight(last) > totals.rowHeight(0) + metrics.height() / 2);
    CHECK(totals.rowHeight(0) < 2 * metrics.height() + 8);
}
