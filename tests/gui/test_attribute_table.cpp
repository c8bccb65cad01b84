// The attribute table over a classified project, compared with the same values read
// directly through GDAL.
#include <catch2/catch.hpp>

#include <algorithm>

#include <QSignalSpy>
#include <QTest>
#include <gdal_priv.h>

#include "app/gui/attribute_table_model.h"
#include "app/gui/attribute_table_view.h"
#include "gui/gui_test_support.h"
#include "support/classified_project.h"
#include "support/sample_fixture.h"

namespace {

using app::AttributeTableModel;

geo::FieldAliases aliases() {
    return geo::FieldAliases::load(testing::sourcePath("data/fields/field_aliases.json"));
}

long long number(const std::string& project, const std::string& sql) {
    return std::stoll(testing::projectValue(project, sql));
}

bool waitForOrder(AttributeTableModel& model) {
    QSignalSpy ready(&model, &AttributeTableModel::orderReady);
    return ready.wait(30000);
}

} // namespace

TEST_CASE("the attribute table shows every parcel, read page by page", "[attribute_table]") {
    const std::string project = testing::classifiedSampleProject();
    AttributeTableModel model;
    REQUIRE(model.setProject(QString::fromStdString(project)));
    const long long parcels = number(project, "SELECT COUNT(*) FROM parcels");
    CHECK(model.rowCount() == parcels);
    CHECK(model.pagesRead() == 0); // opening reads no row
    const int bsm = model.columnOfField("BSM");
    REQUIRE(bsm >= 0);
    const int last = model.rowCount() - 1;
    const qint64 lastFid = model.fidAt(last);
    CHECK(model.data(model.index(last, bsm)).toString().toStdString() ==
          testing::projectValue(project,
                                "SELECT BSM FROM parcels WHERE fid = " + std::to_string(lastFid)));
    CHECK(model.pagesRead() == 1);
    const int zone = model.columnOfField("ZONE_NAME");
    REQUIRE(zone >= 0);
    CHECK(model.data(model.index(last, zone)).toString().toStdString() ==
          testing::projectValue(project, "SELECT ZONE_NAME FROM parcel_classes WHERE "
                                         "PARCEL_FID = " +
                                             std::to_string(lastFid)));

    SECTION("Chinese and English headers from the alias file") {
        model.setAliases(aliases(), "zh");
        CHECK(model.headerData(bsm, Qt::Horizontal).toString() == QString::fromUtf8("标识码"));
        CHECK(model.headerData(model.columnOfField("DLBM"), Qt::Horizontal).toString() ==
              QString::fromUtf8("地类编码"));
        CHECK(model.headerData(model.columnOfField("TBMJ"), Qt::Horizontal).toString() ==
              QString::fromUtf8("图斑面积"));
        model.setAliases(aliases(), "en");
        CHECK(model.headerData(bsm, Qt::Horizontal).toString() == "Identifier");
        CHECK(model.headerData(bsm, Qt::Horizontal, Qt::ToolTipRole).toString() == "BSM");
    }
    SECTION("sorted by a column, as GDAL sorts it") {
        const int tbmj = model.columnOfField("TBMJ");
        model.sort(tbmj, Qt::DescendingOrder);
        CHECK(model.isBusy());
        REQUIRE(waitForOrder(model));
        CHECK(model.rowCount() == parcels);
        for (int row : {0, 1, 2, 100, last}) {
            const std::string sql =
                "SELECT fid FROM parcels ORDER BY TBMJ DESC, fid LIMIT 1 OFFSET " +
                std::to_string(row);
            CHECK(model.fidAt(row) == number(project, sql));
        }
        CHECK(model.data(model.index(0, tbmj), AttributeTableModel::RawRole).toDouble() ==
              Approx(std::stod(testing::projectValue(project, "SELECT MAX(TBMJ) FROM parcels")))
                  .margin(1e-9));
        // A classification column sorts through the join.
        model.sort(zone, Qt::AscendingOrder);
        REQUIRE(waitForOrder(model));
        CHECK(model.data(model.index(0, zone)).toString().toStdString() ==
              testing::projectValue(project, "SELECT MIN(ZONE_NAME) FROM parcel_classes"));
    }
    SECTION("filtered to idle parcels: the count of IDLE = 1") {
        geo::ParcelFilter idle;
        idle.idleOnly = true;
        model.setFilter(idle);
        REQUIRE(waitForOrder(model));
        const long long expected =
            number(project, "SELECT COUNT(*) FROM parcel_classes WHERE IDLE = 1");
        REQUIRE(expected > 0);
        CHECK(model.rowCount() == expected);
        const int column = model.columnOfField("IDLE");
        for (int row = 0; row < model.rowCount(); ++row)
            CHECK(model.data(model.index(row, column), AttributeTableModel::RawRole).toInt() == 1);

        geo::ParcelFilter hill;
        hill.zone = "hill";
        model.setFilter(hill);
        REQUIRE(waitForOrder(model));
        CHECK(model.rowCount() ==
              number(project, "SELECT COUNT(*) FROM parcel_classes WHERE ZONE = 'hill'"));
        geo::ParcelFilter village;
        village.villageName =
            testing::projectValue(project, "SELECT MIN(VILLAGE_NAME) FROM parcel_classes");
        village.mode = "出租";
        village.transferredOnly = true;
        model.setFilter(village);
        REQUIRE(waitForOrder(model));
        CHECK(model.rowCount() ==
              number(project, "SELECT COUNT(*) FROM parcel_classes WHERE VILLAGE_NAME = '" +
                                  village.villageName + "' AND LZFS = '出租' AND TRANSFERRED = 1"));
        CHECK(model.rowCount() > 0);

        model.setFilter({});
        REQUIRE(waitForOrder(model));
        CHECK(model.rowCount() == parcels);
    }
}

TEST_CASE("the table view keeps the selection in step with the map", "[attribute_table]") {
    const std::string project = testing::classifiedSampleProject();
    AttributeTableModel model;
    REQUIRE(model.setProject(QString::fromStdString(project)));
    model.setAliases(aliases(), "zh");
    app::AttributeTableView view;
    view.setTableModel(&model);
    view.resize(1100, 500);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    QSignalSpy selected(&view, &app::AttributeTableView::parcelSelectionChanged);
    QSignalSpy zoom(&view, &app::AttributeTableView::zoomToParcel);

    view.selectParcels({5, 6, 7, 40});
    QList<qint64> fids = view.selectedFids();
    std::sort(fids.begin(), fids.end());
    CHECK(fids == QList<qint64>{5, 6, 7, 40});
    CHECK(selected.count() == 0); // no echo back to the map

    view.selectRow(2);
    REQUIRE(selected.count() >= 1);
    CHECK(selected.last().at(0).value<QList<qint64>>() == QList<qint64>{model.fidAt(2)});

    const QRect cell = view.visualRect(model.index(3, 1));
    // The view only takes a double click on the cell it saw pressed.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, cell.center());
    REQUIRE(zoom.count() == 1);
    CHECK(zoom.first().at(0).value<qint64>() == model.fidAt(3));

    view.resizeColumnsToContents();
    testing::saveScreenshot(view, "attribute_table");
}

TEST_CASE("classification rows out of parcel order are still joined right", "[attribute_table]") {
    const std::string project = testing::copyOfClassifiedProject();
    {
        // Renumbers the classification rows: row FIDs no longer equal their PARCEL_FID.
        GDALDatasetUniquePtr ds(
            GDALDataset::Open(project.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE parcel_class_codes SET fid = fid + 1000000", nullptr, nullptr);
    }
    REQUIRE(testing::projectValue(project, "SELECT COUNT(*) FROM parcel_classes WHERE fid = "
                                           "PARCEL_FID") == "0");
    AttributeTableModel model;
    REQUIRE(model.setProject(QString::fromStdString(project)));
    const int zone = model.columnOfField("ZONE_NAME");
    for (int row : {0, 7, model.rowCount() - 1}) {
        const qint64 fid = model.fidAt(row);
        CHECK(model.data(model.index(row, zone)).toString().toStdString() ==
              testing::projectValue(project, "SELECT ZONE_NAME FROM parcel_classes WHERE "
                                             "PARCEL_FID = " +
                                                 std::to_string(fid)));
    }
    model.sort(zone, Qt::DescendingOrder);
    REQUIRE(waitForOrder(model));
    CHECK(model.rowCount() == number(project, "SELECT COUNT(*) FROM parcels"));
    CHECK(model.data(model.index(0, zone)).toString().toStdString() ==
          testing::projectValue(project, "SELECT MAX(ZONE_NAME) FROM parcel_classes"));
}
