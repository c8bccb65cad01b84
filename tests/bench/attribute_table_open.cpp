// Times the attribute table on a large project: opening until the first rows are drawn, the
// memory it holds, sorting by a parcel column and a classification column, filtering, and a
// jump to the middle; then the identify panel on one parcel. Usage: tianmu-bench-table PROJECT.gpkg
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include "app/gui/attribute_table_model.h"
#include "app/gui/attribute_table_view.h"
#include "app/gui/identify_panel.h"

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

void waitForOrder(app::AttributeTableModel& model) {
    QEventLoop loop;
    QObject::connect(&model, &app::AttributeTableModel::orderReady, &loop, &QEventLoop::quit);
    QObject::connect(&model, &app::AttributeTableModel::failed, &loop, [&](const QString& m) {
        std::fprintf(stderr, "failed: %s\n", m.toUtf8().constData());
        loop.quit();
    });
    loop.exec();
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: tianmu-bench-table PROJECT.gpkg\n");
        return 2;
    }
    const long before = residentKiB();
    auto start = std::chrono::steady_clock::now();
    app::AttributeTableModel model;
    if (!model.setProject(QString::fromUtf8(argv[1]))) {
        std::fprintf(stderr, "%s\n", model.errorString().toUtf8().constData());
        return 3;
    }
    const long modelOnly = residentKiB() - before;
    app::AttributeTableView view;
    view.setTableModel(&model);
    view.resize(1400, 900);
    view.show();
    QApplication::processEvents();
    view.grab(); // paints the visible rows: their pages are read
    std::printf("rows %d, columns %d\n", model.rowCount(), model.columnCount());
    std::printf("open to first rows drawn: %.3f s (%d page(s) read)\n", seconds(start),
                model.pagesRead());
    std::printf("memory: %ld KiB resident more than before opening (the model with GDAL "
                "open: %ld KiB; the rest is the view, fonts and drawing)\n",
                residentKiB() - before, modelOnly);

    auto timeSort = [&](const char* field, Qt::SortOrder order) {
        start = std::chrono::steady_clock::now();
        model.sort(model.columnOfField(field), order);
        waitForOrder(model);
        const double sorted = seconds(start);
        view.grab();
        std::printf("sort by %s: %.3f s to the new order, %.3f s to rows drawn; memory +%ld "
                    "KiB\n",
                    field, sorted, seconds(start), residentKiB() - before);
    };
    timeSort("TBMJ", Qt::DescendingOrder);
    timeSort("ZONE_NAME", Qt::AscendingOrder);

    geo::ParcelFilter idle;
    idle.idleOnly = true;
    start = std::chrono::steady_clock::now();
    model.setFilter(idle);
    waitForOrder(model);
    view.grab();
    std::printf("filter idle only (sorted by ZONE_NAME): %d rows in %.3f s\n", model.rowCount(),
                seconds(start));
    model.setFilter({});
    waitForOrder(model);

    start = std::chrono::steady_clock::now();
    view.scrollTo(model.index(model.rowCount() / 2, 0));
    view.grab();
    std::printf("jump to the middle row and draw: %.3f s\n", seconds(start));
    std::printf("memory at the end: %ld KiB resident more than before opening\n",
                residentKiB() - before);

    app::IdentifyPanel panel;
    start = std::chrono::steady_clock::now();
    panel.setProject(QString::fromUtf8(argv[1]));
    const bool shown = panel.showParcel(model.rowCount() / 2);
    std::printf("identify panel: open and show parcel %d: %.3f s (%s)\n", model.rowCount() / 2,
                seconds(start), shown ? "shown" : "not found");
    return 0;
}
