// The identify panel shows a parcel's zone, rule and areas as the project stores them.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QClipboard>
#include <QTableWidget>
#include <QTest>

#include "app/gui/identify_panel.h"
#include "app/i18n/language_manager.h"
#include "gui/gui_test_support.h"
#include "support/classified_project.h"
#include "support/sample_fixture.h"

TEST_CASE("the identify panel shows a parcel's zone, rule, areas and transfers",
          "[identify_panel]") {
    const std::string project = testing::classifiedSampleProject();
    // A transferred parcel, so that the ledger section has a record.
    const long long fid = std::stoll(testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE TRANSFERRED = 1 ORDER BY "
                 "PARCEL_FID LIMIT 1"));
    const std::string where = " WHERE PARCEL_FID = " + std::to_string(fid);
    const QString zoneName = QString::fromStdString(
        testing::projectValue(project, "SELECT ZONE_NAME FROM parcel_classes" + where));
    const QString zoneRule = QString::fromStdString(
        testing::projectValue(project, "SELECT ZONE_RULE FROM parcel_classes" + where));
    const double areaMu =
        std::stod(testing::projectValue(project, "SELECT AREA_ELL FROM parcels WHERE fid = " +
                                                     std::to_string(fid))) /
        (10000.0 / 15.0);
    const QString contract = QString::fromStdString(
        testing::projectValue(project, "SELECT LZHTBM FROM parcel_classes" + where));

    app::IdentifyPanel panel;
    panel.setAliases(geo::FieldAliases::load(testing::sourcePath("data/fields/field_aliases.json")),
                     "zh");
    REQUIRE(panel.setProject(QString::fromStdString(project)));
    REQUIRE(panel.showParcel(fid));
    REQUIRE(panel.details());
    CHECK(QString::fromStdString(panel.details()->zoneName) == zoneName);
    CHECK(panel.details()->ellipsoidal->inMu() == Approx(areaMu).margin(1e-9));

    const QString text = panel.text();
    CHECK(text.contains(QString::fromUtf8("发展分区\t") + zoneName));
    // The rule's title from the rule file, read here as plain JSON, then its id.
    QString title;
    {
        std::ifstream in(testing::sourcePath("data/rules/lingling-five-zones.json"));
        const nlohmann::json doc = nlohmann::json::parse(in); // must outlive the loop
        for (const auto& rule : doc.at("rules"))
            if (QString::fromStdString(rule.at("id").get<std::string>()) == zoneRule)
                title = QString::fromStdString(rule.at("title").at("zh").get<std::string>());
    }
    INFO(zoneRule.toStdString());
    REQUIRE_FALSE(title.isEmpty());
    CHECK(text.contains(QString::fromUtf8("分区规则\t") + title + " (" + zoneRule + ")"));
    CHECK(text.contains(QString::number(areaMu, 'f', 2) + QString::fromUtf8(" 亩")));
    CHECK(text.contains(QString::fromUtf8("公顷")));
    CHECK(text.contains(contract));
    CHECK(text.contains(QString::fromUtf8("标识码\t")));

    panel.copyToClipboard();
    CHECK(QApplication::clipboard()->text() == text);

    panel.resize(560, 760);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    testing::saveScreenshot(panel, "identify_panel");

    CHECK_FALSE(panel.showParcel(99999999));
    CHECK_FALSE(panel.details());
}

TEST_CASE("the identify panel gives the classification's reasons in Chinese",
          "[identify_panel][language]") {
    const std::string project = testing::classifiedSampleProject();
    const std::string fid = testing::projectValue(
        project, "SELECT PARCEL_FID FROM parcel_classes WHERE TRANSFERRED = 1 ORDER BY "
                 "PARCEL_FID LIMIT 1");
    const std::string where = " WHERE PARCEL_FID = " + fid;
    const std::string contract =
        testing::projectValue(project, "SELECT LZHTBM FROM parcel_classes" + where);
    // The contract's own dates, read from the ledger rather than from the stored reason.
    const std::string start = testing::projectValue(
        project, "SELECT LZQXKSRQ FROM transfers WHERE LZHTBM = '" + contract + "' LIMIT 1");
    const std::string end = testing::projectValue(
        project, "SELECT LZQXJSRQ FROM transfers WHERE LZHTBM = '" + contract + "' LIMIT 1");

    app::LanguageManager languages;
    REQUIRE(languages.setLanguage("zh_CN", false));
    app::IdentifyPanel panel;
    REQUIRE(panel.setProject(QString::fromStdString(project)));
    REQUIRE(panel.showParcel(std::stoll(fid)));
    const QString text = panel.text();
    CHECK(text.contains(QString::fromStdString("合同 " + contract + " 有效期 " +
                                               start.substr(0, 10) + " 至 " + end.substr(0, 10))));
    CHECK(text.contains(QString::fromUtf8("按位置")));
    CHECK_FALSE(text.contains("covers"));
    CHECK_FALSE(text.contains("agrees with"));
    REQUIRE(languages.setLanguage("en", false));
}
