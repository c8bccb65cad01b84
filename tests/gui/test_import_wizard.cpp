// The import wizard driven as a user would: files in, encoding preview, CRS search, then an
// import on the worker thread, cancelled (project unchanged) and completed (read back by GDAL).
#include <catch2/catch.hpp>

#include <map>

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "app/gui/crs_picker.h"
#include "app/gui/import_files_page.h"
#include "app/gui/import_run_page.h"
#include "app/gui/import_source_page.h"
#include "app/gui/import_wizard.h"
#include "app/i18n/language_manager.h"
#include "support/classified_sample.h"
#include "support/dataset_digest.h"
#include "support/project_value.h"
#include "support/sample_fixture.h"

namespace {

QString surveyor(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/surveyor/") + relative);
}

GDALDatasetUniquePtr openVector(const std::string& path, const char* const* options = nullptr) {
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, options, nullptr));
}

// Features in a layer of a GeoPackage, -1 when the file or the layer is not there.
long long featureCount(const QString& path, const char* layer) {
    auto ds = openVector(path.toStdString());
    OGRLayer* l = ds ? ds->GetLayerByName(layer) : nullptr;
    return l ? l->GetFeatureCount(TRUE) : -1;
}

// A text field of a shapefile's first record, decoded by GDAL itself from `encoding`.
QString firstValue(const QString& shp, const char* field, const char* encoding) {
    const std::string option = std::string("ENCODING=") + encoding;
    const char* options[] = {option.c_str(), nullptr};
    auto ds = openVector(shp.toStdString(), options);
    REQUIRE(ds);
    OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
    REQUIRE(f);
    return QString::fromUtf8(f->GetFieldAsString(field));
}

bool waitForInspection(app::ImportWizard& wizard) {
    return QTest::qWaitFor([&] { return !wizard.isInspecting(); }, 60000);
}

int previewColumn(const QTableWidget& table, const QString& header) {
    for (int c = 0; c < table.columnCount(); ++c)
        if (table.horizontalHeaderItem(c) && table.horizontalHeaderItem(c)->text() == header)
            return c;
    return -1;
}

} // namespace

TEST_CASE("the wizard previews the decoded text and finds coordinate systems", "[import_wizard]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    const QString dltb = surveyor("cgcs2000/DLTB.shp");
    app::ImportWizard wizard(project);
    wizard.addFiles({dltb, surveyor("cgcs2000/DLTB.dbf")}); // the .dbf is the same shapefile
    REQUIRE(wizard.files().size() == 1);
    REQUIRE(waitForInspection(wizard));
    const app::ImportPlan& plan = wizard.plans().front();
    CHECK(plan.inspectionError.isEmpty());
    CHECK(plan.layer == "parcels");
    CHECK(plan.info.encoding.encoding == "CP936"); // no .cpg: GBK, decided with evidence
    CHECK_FALSE(plan.info.encoding.evidence.empty());

    wizard.show();
    REQUIRE(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    REQUIRE(wizard.currentId() == app::ImportWizard::SourcePageId);
    app::ImportSourcePage& page = *wizard.sourcePage();
    CHECK(page.encodingEvidence()->text().contains("CP936"));
    CHECK(page.crsDecision()->text().contains("4525"));

    // The preview decodes the raw bytes again with each encoding picked.
    const QString village = firstValue(dltb, "ZLDWMC", "CP936");
    CHECK(village == QString::fromUtf8("唐家村"));
    const QTableWidget& preview = *page.previewTable();
    const int column = previewColumn(preview, "ZLDWMC");
    REQUIRE(column >= 0);
    REQUIRE(preview.rowCount() > 0);
    CHECK(preview.item(0, column)->text() == village);
    page.encodingCombo()->setCurrentIndex(page.encodingCombo()->findData("UTF-8"));
    CHECK(preview.item(0, column)->text() != village);
    CHECK(preview.item(0, column)->text().contains(QChar(0xFFFD)));
    CHECK(page.validationSummary()->text().contains("garbled"));
    page.encodingCombo()->setCurrentIndex(page.encodingCombo()->findData("CP950"));
    CHECK(preview.item(0, column)->text() != village);
    page.encodingCombo()->setCurrentIndex(page.encodingCombo()->findData("CP936"));
    CHECK(preview.item(0, column)->text() == village);
    CHECK(wizard.plans().front().encoding == "CP936");

    // The CRS picker: by code and by PROJ's name.
    app::CrsPicker& picker = *page.crsPicker();
    CHECK(picker.selectedEpsg() == 4525);
    picker.setFilterText("4525");
    bool found = false;
    for (int row = 0; row < picker.visibleCount(); ++row)
        found = found || picker.visibleEpsg(row) == 4525;
    CHECK(found);
    picker.setFilterText("CGCS2000 / 3-degree Gauss-Kruger zone 37");
    REQUIRE(picker.visibleCount() == 1);
    CHECK(picker.visibleEpsg(0) == 4525);
    picker.setFilterText("cgcs2000 / 3-degree");
    CHECK(picker.visibleCount() > 40); // zones 25–45 and CM 75E–135E
    picker.setFilterText("Xian 1980 / 3-degree Gauss-Kruger zone 37");
    REQUIRE(picker.visibleCount() == 1);
    CHECK(picker.visibleEpsg(0) == 2361);

    // The mapping table shows the profile's targets with the source fields found.
    const QTableWidget& mapping = *page.mappingTable();
    REQUIRE(mapping.rowCount() > 5);
    CHECK(mapping.item(0, 0)->text() == "BSM *");
    CHECK(qobject_cast<QComboBox*>(mapping.cellWidget(0, 1))->currentText() == "BSM");
    CHECK(page.profileCombo()->currentData().toString() == "sandiao-dltb");
    CHECK(page.unmappedFields()->text().contains("Every field"));
    CHECK(page.validationSummary()->text().contains("3554 features"));
}

TEST_CASE("a cancelled import leaves the project as it was; a completed one is read back",
          "[import_wizard]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    const QString dltb = surveyor("cgcs2000/DLTB.shp");

    // Villages first, through the wizard: this creates the project.
    {
        app::ImportWizard wizard(project);
        wizard.addFiles({surveyor("cgcs2000/CJDCQ.shp")});
        REQUIRE(waitForInspection(wizard));
        CHECK(wizard.plans().front().layer == "villages");
        QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
        QSignalSpy changed(&wizard, &app::ImportWizard::projectChanged);
        REQUIRE(wizard.startImport());
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
        CHECK(finished.at(0).at(0).toBool());
        CHECK(changed.count() == 1);
    }
    REQUIRE(featureCount(project, "villages") == 4);
    const auto before = testing::datasetDigest(project.toStdString());

    SECTION("cancelled mid-way") {
        app::ImportWizard wizard(project);
        wizard.addFiles({dltb});
        REQUIRE(waitForInspection(wizard));
        // Cancel from inside the job once features are being written: deterministic.
        QObject::connect(
            &wizard, &app::ImportWizard::importProgress, &wizard,
            [&wizard](const QString& step, double) {
                if (step.contains("importing"))
                    wizard.cancelImport();
            },
            Qt::DirectConnection);
        QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
        wizard.show();
        wizard.next();
        wizard.next(); // the run page starts the import
        REQUIRE(wizard.currentId() == app::ImportWizard::RunPageId);
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
        CHECK_FALSE(finished.at(0).at(0).toBool());
        REQUIRE(wizard.outcomes().size() == 1);
        CHECK(wizard.outcomes().front().status == app::ImportOutcome::Status::Cancelled);
        CHECK(wizard.runPage()->reportTable()->item(0, 7)->text().contains("cancelled"));
        CHECK(wizard.runPage()->isComplete());

        CHECK(featureCount(project, "parcels") == -1);
        CHECK(featureCount(project, "villages") == 4);
        CHECK(featureCount(project, "tianmu_imports") == 1);
        CHECK(testing::datasetDigest(project.toStdString()) == before);
    }

    SECTION("completed") {
        app::ImportWizard wizard(project);
        wizard.addFiles({dltb});
        REQUIRE(waitForInspection(wizard));
        QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
        wizard.show();
        wizard.next();
        wizard.next();
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
        REQUIRE(wizard.outcomes().size() == 1);
        const app::ImportOutcome& outcome = wizard.outcomes().front();
        INFO(outcome.error.toStdString());
        CHECK(finished.at(0).at(0).toBool());
        REQUIRE(outcome.status == app::ImportOutcome::Status::Imported);
        const geo::ImportRecord& record = outcome.summary.record;
        CHECK(record.read == 3554);
        CHECK(record.imported + record.rejected == record.read);
        CHECK(featureCount(project, "parcels") == record.imported);
        CHECK(featureCount(project, "tianmu_imports") == 2);
        const QTableWidget& report = *wizard.runPage()->reportTable();
        CHECK(report.item(0, 3)->text() == QString::number(record.imported));

        // The decoded Chinese text is what GDAL reads back from the project.
        auto ds = openVector(project.toStdString());
        REQUIRE(ds);
        OGRLayer* parcels = ds->GetLayerByName("parcels");
        REQUIRE(parcels);
        parcels->SetAttributeFilter("BSM = '430999000000000001'");
        OGRFeatureUniquePtr f(parcels->GetNextFeature());
        REQUIRE(f);
        CHECK(QString::fromUtf8(f->GetFieldAsString("ZLDWMC")) == QString::fromUtf8("唐家村"));
        CHECK(QString::fromUtf8(f->GetFieldAsString("DLMC")) == QString::fromUtf8("水田"));

        // The report can be saved for whoever delivered the data.
        REQUIRE(wizard.runPage()->saveButton()->isEnabled());
        const QString saved = QString::fromStdString(testing::temporaryDirectory() + "/r.json");
        CHECK(wizard.runPage()->saveReport(saved).isEmpty());
        QFile file(saved);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        CHECK(json.contains("\"rejected\""));
        CHECK(json.contains("DLTB.shp"));
    }
}

TEST_CASE("an edited field mapping is what the import uses", "[import_wizard]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    app::ImportWizard wizard(project);
    wizard.addFiles({surveyor("cgcs2000/CJDCQ.shp")});
    REQUIRE(waitForInspection(wizard));
    wizard.show();
    wizard.next();
    const QTableWidget& mapping = *wizard.sourcePage()->mappingTable();
    // A surveyor who put the population in the households column: map HS from RK.
    int households = -1;
    for (int row = 0; row < mapping.rowCount(); ++row)
        if (mapping.item(row, 0)->data(Qt::UserRole).toString() == "HS")
            households = row;
    REQUIRE(households >= 0);
    auto* combo = qobject_cast<QComboBox*>(mapping.cellWidget(households, 1));
    REQUIRE(combo->currentText() == "HS");
    combo->setCurrentIndex(combo->findText("RK"));
    REQUIRE(wizard.plans().front().mapping.has_value());
    QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
    wizard.next();
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
    const app::ImportOutcome& outcome = wizard.outcomes().front();
    INFO(outcome.error.toStdString());
    REQUIRE(outcome.status == app::ImportOutcome::Status::Imported);
    CHECK(outcome.summary.mapping.profile == "villages-edited");
    auto ds = openVector(project.toStdString());
    OGRLayer* villages = ds->GetLayerByName("villages");
    REQUIRE(villages);
    std::map<std::string, int> population; // the source's RK by village code
    auto source = openVector(surveyor("cgcs2000/CJDCQ.shp").toStdString());
    for (auto&& f : *source->GetLayer(0))
        population[f->GetFieldAsString("ZLDWDM")] = f->GetFieldAsInteger("RK");
    int checked = 0;
    for (auto&& f : *villages) {
        CHECK(f->GetFieldAsInteger("HS") == population.at(f->GetFieldAsString("ZLDWDM")));
        ++checked;
    }
    CHECK(checked == 4);
}

TEST_CASE("an inferred CRS asks for confirmation, and the CRS picked is the one imported",
          "[import_wizard]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    app::ImportWizard wizard(project);
    wizard.addFiles({surveyor("noprj/DLTB.shp")});
    REQUIRE(waitForInspection(wizard));
    wizard.show();
    wizard.next();
    app::ImportSourcePage& page = *wizard.sourcePage();
    CHECK(page.crsDecision()->text().contains("confirm"));
    app::CrsPicker& picker = *page.crsPicker();
    CHECK(picker.selectedEpsg() == 4525); // the inference, preselected
    CHECK(wizard.plans().front().crsEpsg == 0);
    // Not imported before a person has looked at it.
    CHECK_FALSE(page.isComplete());
    CHECK(page.blocker().contains("Confirm the coordinate system of DLTB.shp"));
    REQUIRE(page.crsConfirmation()->isVisibleTo(&page));
    page.crsConfirmation()->setChecked(true);
    CHECK(page.isComplete());
    page.crsConfirmation()->setChecked(false);
    CHECK_FALSE(page.isComplete());

    // The surveyor says Xian 1980: search, pick, import.
    picker.setFilterText("Xian 1980 / 3-degree Gauss-Kruger zone 37");
    REQUIRE(picker.visibleCount() == 1);
    REQUIRE(picker.selectEpsg(picker.visibleEpsg(0)));
    CHECK(wizard.plans().front().crsEpsg == 2361);
    CHECK(page.crsDecision()->text().contains("2361"));
    CHECK(page.isComplete()); // picking is confirming
    // Searching on, even where the pick is hidden, does not change it.
    picker.setFilterText("zone 38");
    CHECK(picker.visibleCount() > 1);
    CHECK(picker.selectedEpsg() == 2361);
    picker.setFilterText("");
    CHECK(picker.selectedEpsg() == 2361);
    CHECK(wizard.plans().front().crsEpsg == 2361);
    QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
    wizard.next();
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
    const app::ImportOutcome& outcome = wizard.outcomes().front();
    INFO(outcome.error.toStdString());
    REQUIRE(outcome.status == app::ImportOutcome::Status::Imported);
    CHECK(outcome.summary.crs.epsg == 2361);
    CHECK(outcome.summary.crs.decidedBy == "override");
    CHECK(outcome.summary.projectEpsg == 4525); // Xian 1980 data moves to CGCS2000
    CHECK_FALSE(outcome.summary.warnings.empty());
}

TEST_CASE("a whole delivery, ledgers included, imports in one go, in dependency order",
          "[import_wizard]") {
    const QString project = QString::fromStdString(testing::temporaryDirectory() + "/p.gpkg");
    app::ImportWizard wizard(project);
    // As the main window's drop handler passes them: a .prj stands for its .shp.
    wizard.addFiles({surveyor("cgcs2000/DLTB.prj"), surveyor("transfers.csv")});
    wizard.addFiles({surveyor("cgcs2000/CJDCQ.shp"), surveyor("cgcs2000/HL.shp"),
                     surveyor("assets.xlsx"), surveyor("funds.csv"),
                     QString::fromStdString(testing::sourcePath("data/sample/dem.tif")),
                     surveyor("cgcs2000/XZZD.shp"), surveyor("cgcs2000/DL.shp")});
    REQUIRE(wizard.files().size() == 9);
    CHECK(wizard.files().front().endsWith("cgcs2000/DLTB.shp"));
    REQUIRE(waitForInspection(wizard));
    std::map<QString, QString> layers;
    for (const app::ImportPlan& plan : wizard.plans()) {
        INFO(plan.path.toStdString() << ": " << plan.inspectionError.toStdString());
        CHECK(plan.inspectionError.isEmpty());
        layers[QFileInfo(plan.path).fileName()] = plan.layer;
    }
    CHECK(layers == std::map<QString, QString>{{"DLTB.shp", "parcels"},
                                               {"transfers.csv", "transfers"},
                                               {"CJDCQ.shp", "villages"},
                                               {"HL.shp", "rivers"},
                                               {"assets.xlsx", "assets"},
                                               {"funds.csv", "funds"},
                                               {"dem.tif", "dem"},
                                               {"DL.shp", "roads"},
                                               {"XZZD.shp", "seats"}});
    QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
    REQUIRE(wizard.startImport());
    REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 300000));
    // Imported in dependency order: villages, parcels, rivers, the DEM, then the ledgers.
    QStringList order;
    for (const app::ImportOutcome& o : wizard.outcomes()) {
        INFO(o.path.toStdString() << ": " << o.error.toStdString());
        CHECK(o.status == app::ImportOutcome::Status::Imported);
        order << o.layer;
    }
    CHECK(order == QStringList{"villages", "parcels", "rivers", "dem", "assets", "transfers",
                               "funds", "roads", "seats"});
    CHECK(finished.at(0).at(0).toBool());
    CHECK(featureCount(project, "tianmu_imports") == 9);
    CHECK(featureCount(project, "roads") == 3);
    CHECK(featureCount(project, "seats") == 1);
    CHECK(featureCount(project, "transfers") > 0);
}

TEST_CASE("a file that cannot be read is shown with the reason and blocks the import",
          "[import_wizard]") {
    const std::string dir = testing::temporaryDirectory();
    const QString bogus = QString::fromStdString(dir + "/broken.shp");
    {
        QFile file(bogus);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("not a shapefile");
    }
    app::ImportWizard wizard;
    CHECK_FALSE(wizard.filesPage()->isComplete()); // no project, no files
    wizard.addFiles({bogus, QString::fromStdString(dir + "/missing.shp")});
    REQUIRE(wizard.files().size() == 1); // a path that does not exist is not taken
    REQUIRE(waitForInspection(wizard));
    CHECK_FALSE(wizard.plans().front().inspectionError.isEmpty());
    CHECK_FALSE(wizard.filesPage()->isComplete()); // still no project
    wizard.setProjectPath(QString::fromStdString(dir + "/p.gpkg"));
    CHECK(wizard.filesPage()->isComplete());
    CHECK_FALSE(wizard.sourcePage()->isComplete());
    wizard.removeFile(0);
    CHECK(wizard.files().isEmpty());
}

TEST_CASE("the files page says what each import will replace, and that new parcels remove the "
          "classification",
          "[import_wizard]") {
    const std::string project = testing::outdatedCopyOfClassifiedSampleCounty();
    const QString sample = QString::fromStdString(testing::sourcePath("data/sample/"));
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    app::ImportWizard wizard;
    wizard.setProjectPath(QString::fromStdString(project));
    wizard.addFiles({sample + "surveyor/cgcs2000/DLTB.shp", sample + "surveyor/cgcs2000/HL.shp",
                     sample + "dem.tif", sample + "surveyor/cgcs2000/CJDCQ.shp"});
    REQUIRE(waitForInspection(wizard));
    std::map<QString, QString> lines; // by file name
    for (int row = 0; row < wizard.filesPage()->fileList()->count(); ++row) {
        const QString line = wizard.filesPage()->fileList()->item(row)->text();
        lines[QFileInfo(line.section("  —  ", 0, 0)).fileName()] = line;
    }
    REQUIRE(lines.size() == 4);
    const QString parcels =
        QString::fromStdString(testing::projectValue(project, "SELECT count(*) FROM parcels"));
    CHECK(lines["DLTB.shp"].endsWith("Parcels (replaces its " + parcels +
                                     " features and removes the classification)"));
    CHECK(lines["HL.shp"].endsWith("Rivers (replaces its 22 features)"));
    CHECK(lines["dem.tif"].endsWith("Elevation (DEM) (replaces the project's DEM)"));
    CHECK(lines["CJDCQ.shp"].endsWith("Villages (replaces its 4 features)"));
    // In Chinese too, as soon as the language changes.
    REQUIRE(languages.setLanguage("zh_CN", false));
    QCoreApplication::processEvents(); // LanguageChange is posted to top-level widgets
    bool parcelsLine = false;
    for (int row = 0; row < wizard.filesPage()->fileList()->count(); ++row)
        parcelsLine = parcelsLine ||
                      wizard.filesPage()->fileList()->item(row)->text().endsWith(
                          QString::fromUtf8("（替换现有 %1 个要素，并删除分类结果）").arg(parcels));
    CHECK(parcelsLine);
    REQUIRE(languages.setLanguage("en", false));

    // Into a new project, nothing is replaced.
    wizard.setProjectPath(QString::fromStdString(testing::temporaryDirectory() + "/new.gpkg"));
    for (int row = 0; row < wizard.filesPage()->fileList()->count(); ++row)
        CHECK_FALSE(wizard.filesPage()->fileList()->item(row)->text().contains("replaces"));
}
