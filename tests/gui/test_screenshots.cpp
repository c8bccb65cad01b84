// Screenshots of every dialog page in both languages, under build/screenshots/, to look at:
// truncated text and missing glyphs show there first. Also checks each page renders.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "app/gui/classify_dialog.h"
#include "app/gui/import_source_page.h"
#include "app/gui/import_wizard.h"
#include "app/gui/report_dialog.h"
#include "app/i18n/language_manager.h"
#include "app/resource_paths.h"
#include "geo/dem_import.h"
#include "geo/importer.h"
#include "support/sample_fixture.h"

namespace {

QString surveyor(const char* relative) {
    return QString::fromStdString(testing::sourcePath("data/sample/surveyor/") + relative);
}

void save(QWidget& widget, const QString& name) {
    QCoreApplication::processEvents();
    const QString dir = QStringLiteral(TIANMU_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QImage image = widget.grab().toImage();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.save(dir + "/" + name + ".png"));
}

} // namespace

TEST_CASE("screenshots of the dialogs in both languages", "[screenshots]") {
    app::LanguageManager languages;
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        REQUIRE(languages.setLanguage(language, false));
        const QString project =
            QString::fromStdString(testing::temporaryDirectory() + "/shots.gpkg");
        app::ImportWizard wizard(project);
        wizard.addFiles({surveyor("cgcs2000/CJDCQ.shp"), surveyor("cgcs2000/DLTB.shp"),
                         surveyor("cgcs2000/HL.shp"),
                         QString::fromStdString(testing::sourcePath("data/sample/dem.tif"))});
        REQUIRE(QTest::qWaitFor([&] { return !wizard.isInspecting(); }, 60000));
        wizard.show();
        REQUIRE(QTest::qWaitForWindowExposed(&wizard));
        save(wizard, "import-1-files-" + language);
        wizard.next();
        wizard.sourcePage()->showFile(1);
        const char* const tabs[] = {"encoding", "crs", "mapping", "checks"};
        for (int tab = 0; tab < 4; ++tab) {
            wizard.sourcePage()->tabs()->setCurrentIndex(tab);
            save(wizard, QStringLiteral("import-2-%1-").arg(tabs[tab]) + language);
        }
        {
            // The CRS decisions that need the user: inferred (no .prj), and Xian 1980.
            app::ImportWizard other(project);
            other.addFiles({surveyor("noprj/DLTB.shp"), surveyor("xian80/DLTB.shp")});
            REQUIRE(QTest::qWaitFor([&] { return !other.isInspecting(); }, 60000));
            other.show();
            other.next();
            other.sourcePage()->tabs()->setCurrentIndex(1);
            for (int file = 0; file < 2; ++file) {
                other.sourcePage()->showFile(file);
                save(other,
                     QStringLiteral("import-2-crs-%1-").arg(file ? "xian80" : "noprj") + language);
            }
        }
        QSignalSpy finished(&wizard, &app::ImportWizard::importFinished);
        wizard.next();
        REQUIRE(QTest::qWaitFor([&] { return finished.count() == 1; }, 120000));
        save(wizard, "import-3-report-" + language);

        app::ClassifyDialog dialog(project);
        dialog.setAsOf(QDate(2026, 6, 30));
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        save(dialog, "classify-1-rules-" + language);
        QSignalSpy classified(&dialog, &app::ClassifyDialog::classificationFinished);
        REQUIRE(dialog.start());
        REQUIRE(QTest::qWaitFor([&] { return classified.count() == 1; }, 300000));
        CHECK(classified.at(0).at(0).toBool());
        save(dialog, "classify-2-zones-" + language);
        // The results' tab widget holds the table in its stack.
        auto* results =
            qobject_cast<QTabWidget*>(dialog.totalsTable()->parentWidget()->parentWidget());
        REQUIRE(results);
        results->setCurrentWidget(dialog.totalsTable());
        save(dialog, "classify-3-totals-" + language);

        // The rivers imported again into the classified project: the report of that import,
        // and the report window, say the classification predates them.
        app::ImportWizard again(project);
        again.addFiles({surveyor("cgcs2000/HL.shp")});
        REQUIRE(QTest::qWaitFor([&] { return !again.isInspecting(); }, 60000));
        again.show();
        again.next();
        QSignalSpy reimported(&again, &app::ImportWizard::importFinished);
        again.next();
        REQUIRE(QTest::qWaitFor([&] { return reimported.count() == 1; }, 120000));
        save(again, "import-4-outdated-" + language);
        app::ReportDialog reports(project);
        reports.show();
        REQUIRE(QTest::qWaitForWindowExposed(&reports));
        CHECK(reports.outdatedLabel()->isVisible());
        save(reports, "report-outdated-" + language);
    }
    languages.setLanguage("en", false);
}
