// The report dialog driven with the mouse: a report for another day than the classification's
// (unticking "the classification's day" and picking a date), previewed and exported, against
// the numbers the transfer ledger gives for that day (computed here by SQL).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include "app/gui/report_dialog.h"
#include "app/i18n/geo_text.h"
#include "app/i18n/language_manager.h"
#include "geo/gdal_session.h"
#include "gui/gui_test_support.h"
#include "support/classified_sample.h"
#include "support/report_expectations.h"
#include "support/run_tianmu.h"
#include "support/sample_fixture.h"

TEST_CASE("report dialog: another as-of day recomputes the transfers and says so",
          "[gui][report]") {
    geo::initialiseGdal(); // as the main window does before it opens any dialog
    const std::string project = testing::classifiedSampleCounty();
    app::ReportDialog dialog(QString::fromStdString(project));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* classificationDay = dialog.findChild<QCheckBox*>("classificationDay");
    auto* asOf = dialog.findChild<QDateEdit*>("asOf");
    auto* preview = dialog.findChild<QPushButton*>("preview");
    REQUIRE(classificationDay);
    REQUIRE(asOf);
    REQUIRE(preview);
    CHECK(classificationDay->isChecked());
    CHECK_FALSE(asOf->isEnabled()); // the classification's day until the box is unticked
    // ... which is where another day starts from, read from the project itself.
    CHECK(asOf->date().toString(Qt::ISODate).toStdString() ==
          testing::projectValue(project, "SELECT value FROM tianmu_project WHERE key = "
                                         "'classified_as_of'"));

    // On the box itself: the widget may be wider than its box and text.
    QTest::mouseClick(classificationDay, Qt::LeftButton, {},
                      QPoint(8, classificationDay->height() / 2));
    CHECK_FALSE(classificationDay->isChecked());
    REQUIRE(asOf->isEnabled());
    asOf->setFocus();
    asOf->setDate(QDate(2024, 6, 30));

    QSignalSpy previewed(&dialog, &app::ReportDialog::previewReady);
    QTest::mouseClick(preview, Qt::LeftButton);
    const bool ready = previewed.wait(60000);
    INFO(dialog.statusLabel()->text().toStdString());
    REQUIRE(ready);
    const QString status = dialog.statusLabel()->text();
    CHECK(status.contains("2024-06-30"));
    CHECK(status.contains("2026-06-30")); // the classification's day, named in the note

    // The preview's last row is the grand total: as many parcels as the ledger covers then.
    long long parcels = 0;
    for (const auto& [key, e] : testing::expectedTransfersOn(project, false, "2024-06-30"))
        parcels += e.parcels;
    const QTableWidget* table = dialog.previewTable();
    REQUIRE(table->rowCount() > 3);
    int parcelColumn = -1;
    for (int c = 0; c < table->columnCount(); ++c) {
        const QString header = table->horizontalHeaderItem(c)->text();
        if (header == QString::fromUtf8("地块数") || header == "Parcels")
            parcelColumn = c;
    }
    REQUIRE(parcelColumn >= 0);
    const QString shown = table->item(table->rowCount() - 1, parcelColumn)->text();
    CHECK(QString(shown).remove(',').toLongLong() == parcels);

    // Exported, the CSV holds the same day's numbers.
    const QString csv = QString::fromStdString(testing::temporaryDirectory() + "/dialog.csv");
    QSignalSpy exported(&dialog, &app::ReportDialog::exported);
    REQUIRE(dialog.exportTo(csv));
    REQUIRE(exported.wait(60000));
    CHECK(exported.takeFirst().at(1).toBool());
    QFile file(csv);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto rows = testing::parseCsv(file.readAll().mid(3).toStdString());
    REQUIRE(rows.size() > 1);
    long long inCsv = 0;
    const auto header = rows[0];
    std::size_t p = 0;
    while (p < header.size() && header[p] != "地块数" && header[p] != "Parcels")
        ++p;
    REQUIRE(p < header.size());
    for (std::size_t i = 1; i < rows.size(); ++i)
        inCsv += std::stoll(rows[i][p]);
    CHECK(inCsv == parcels);
}

TEST_CASE("report dialog: a classification older than a layer imported since is said at once, "
          "in the window's language",
          "[gui][report]") {
    geo::initialiseGdal();
    {
        // The shared classified county is up to date: no note.
        app::ReportDialog dialog(QString::fromStdString(testing::classifiedSampleCounty()));
        REQUIRE(dialog.outdatedLabel());
        CHECK(dialog.outdatedLabel()->isHidden());
    }
    // A copy into which the rivers are imported again after classify.
    std::vector<std::string> warnings;
    const std::string project = testing::outdatedCopyOfClassifiedSampleCounty(&warnings);
    REQUIRE(std::any_of(warnings.begin(), warnings.end(), [](const std::string& w) {
        return w.find("was made before this import of rivers") != std::string::npos;
    }));

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    {
        app::ReportDialog dialog(QString::fromStdString(project));
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        const QLabel* note = dialog.outdatedLabel();
        CHECK(note->isVisible());
        CHECK(note->text() == "The classification (as of 2026-06-30) predates the import of "
                              "rivers: reports show it as it was. Classify the project again "
                              "for up-to-date zones, idle land and transfers.");
        // Switched to Chinese while open, it follows.
        REQUIRE(languages.setLanguage("zh_CN", false));
        QCoreApplication::processEvents(); // LanguageChange is posted to top-level widgets
        INFO(note->text().toStdString());
        CHECK(note->text().startsWith(
            QString::fromUtf8("现有分类结果（截至 2026-06-30）早于河流的导入")));
    }
    // The import's own warnings, as the import window shows them: in Chinese too.
    REQUIRE(warnings.size() == 2); // what it replaced; the outdated classification
    for (const std::string& w : warnings) {
        const QString shown = app::geoText(w);
        INFO(shown.toStdString());
        CHECK(std::any_of(shown.begin(), shown.end(),
                          [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }));
    }
    REQUIRE(languages.setLanguage("en", false));
}

TEST_CASE("report dialog: a rule file changed after the classification is said at once",
          "[gui][report]") {
    geo::initialiseGdal();
    const std::string dir = testing::temporaryDirectory();
    const std::string project = dir + "/county.gpkg", rules = dir + "/rules.json";
    std::filesystem::copy_file(testing::sourcePath("data/sample/county.gpkg"), project);
    std::filesystem::copy_file(testing::sourcePath("data/rules/lingling-five-zones.json"), rules);
    REQUIRE(testing::runTianmu({"classify", "--project", QString::fromStdString(project), "--rules",
                                QString::fromStdString(rules), "--as-of", "2026-06-30"})
                .exitCode == 0);
    {
        app::ReportDialog dialog(QString::fromStdString(project));
        CHECK(dialog.outdatedLabel()->isHidden());
    }
    std::ofstream(rules, std::ios::app) << "\n"; // any change of the file's bytes counts
    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("en", false));
    app::ReportDialog dialog(QString::fromStdString(project));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    CHECK(dialog.outdatedLabel()->isVisible());
    CHECK(dialog.outdatedLabel()->text() ==
          "The rule file " + QDir::toNativeSeparators(QString::fromStdString(rules)) +
              " was changed after the classification (as of 2026-06-30): reports show the "
              "zones as they were. Classify the project again to apply it.");
}
