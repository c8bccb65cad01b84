// Editing through the GUI classes: the undo stack drives what is pending, the transfer form
// checks what is typed, and closing with unsaved edits asks.
#include <catch2/catch.hpp>

#include <cmath>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "app/gui/attribute_table_model.h"
#include "app/gui/edit_controller.h"
#include "app/gui/identify_panel.h"
#include "app/gui/transfer_form.h"
#include "gui/gui_test_support.h"
#include "support/classified_project.h"
#include "support/edit_options.h"
#include "support/sample_fixture.h"

namespace {

geo::EditSessionOptions options() {
    return testing::sampleEditOptions("gui-tester");
}

// Clicks `button` of the message box once it is shown (the box runs its own event loop).
void answerMessageBox(QMessageBox::StandardButton button, QString* seenText = nullptr,
                      int attempts = 250) {
    QTimer::singleShot(20, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            if (attempts > 0)
                answerMessageBox(button, seenText, attempts - 1);
            return;
        }
        if (seenText)
            *seenText = box->text();
        box->button(button)->click();
    });
}

} // namespace

TEST_CASE("undo and redo change what is pending", "[editing]") {
    app::EditController controller;
    const QString project = QString::fromStdString(testing::copyOfClassifiedProject());
    QString error;
    REQUIRE(controller.openForEditing(project, options(), &error));
    QUndoStack& stack = *controller.undoStack();
    geo::ProjectEditSession& session = *controller.session();
    QSignalSpy dirty(&controller, &app::EditController::dirtyChanged);

    REQUIRE(controller.markIdle({1, 2, 3}, true));
    REQUIRE(dirty.count() == 1);
    CHECK(dirty.last().at(0).toBool());
    CHECK(stack.count() == 1);
    CHECK(stack.undoText() == "Mark 3 parcels idle");
    CHECK(session.pending().size() == 1);
    CHECK(controller.isDirty());
    CHECK(*session.idle(2));

    // A continued mark merges into the same step.
    REQUIRE(controller.markIdle({4, 5}, true, true));
    CHECK(stack.count() == 1);
    CHECK(stack.undoText() == "Mark 5 parcels idle");
    CHECK(session.pending().size() == 2);

    geo::TransferRecord r;
    r.contract = "LZGUI0001";
    r.parcel = session.parcelBsm(10);
    r.mode = "入股";
    r.start = "2026-01-01";
    r.end = "2030-12-31";
    r.areaMu = 0.3;
    REQUIRE(controller.addTransfer(r));
    CHECK(stack.count() == 2);
    CHECK(session.transfer(geo::keyOf(r)));

    stack.undo();
    CHECK_FALSE(session.transfer(geo::keyOf(r)));
    CHECK(session.pending().size() == 2);
    stack.undo();
    CHECK(session.pending().empty());
    CHECK_FALSE(controller.isDirty());
    REQUIRE(dirty.count() == 2); // the window title loses its mark
    CHECK_FALSE(dirty.last().at(0).toBool());
    CHECK_FALSE(*session.idle(2));
    stack.redo();
    CHECK(session.pending().size() == 2);
    CHECK(*session.idle(5));
    stack.redo();
    CHECK(session.transfer(geo::keyOf(r)));

    QStringList problems;
    r.areaMu = 1e6;
    r.contract = "LZGUI0002";
    CHECK_FALSE(controller.addTransfer(r, &problems));
    CHECK(problems.join(' ').contains("LZMJM"));
    CHECK(stack.count() == 2);

    REQUIRE(controller.save(&error));
    CHECK(stack.count() == 0);
    CHECK_FALSE(controller.isDirty());
    CHECK(testing::projectValue(project.toStdString(),
                                "SELECT COUNT(*) FROM audit_log WHERE user = 'gui-tester'") != "0");

    SECTION("a second editor gets told who holds the project") {
        app::EditController second;
        QString why;
        CHECK_FALSE(second.openForEditing(project, options(), &why));
        CHECK(why.contains("is being edited by"));
        CHECK(why.contains("read-only"));
    }
}

TEST_CASE("the transfer form shows what is wrong and accepts a valid record", "[editing]") {
    app::EditController controller;
    REQUIRE(controller.openForEditing(QString::fromStdString(testing::copyOfClassifiedProject()),
                                      options()));
    geo::ProjectEditSession& session = *controller.session();
    QStringList modes;
    for (const std::string& m : session.options().transferModes)
        modes << QString::fromStdString(m);
    app::TransferForm form(
        modes, [&](const geo::TransferRecord& r) { return session.check(geo::AddTransfer{r}); });
    const std::string parcel = session.parcelBsm(12);
    const double parcelMu = *session.parcelAreaMu(parcel);
    form.contractEdit()->setText("LZFORM0001");
    form.parcelEdit()->setText(QString::fromStdString(parcel));
    form.modeCombo()->setCurrentText(QString::fromUtf8("出租"));
    form.startEdit()->setDate(QDate(2026, 3, 1));
    form.endEdit()->setDate(QDate(2025, 3, 1));
    form.areaSpin()->setValue(parcelMu + 5.0);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));

    const QString messages = form.visibleMessages().join('\n');
    CHECK(messages.contains("LZQXJSRQ: The end date is before the start date 2026-03-01."));
    CHECK(messages.contains("LZMJM: Larger than the parcel ("));
    CHECK_FALSE(form.okButton()->isEnabled());
    testing::saveScreenshot(form, "transfer_form_invalid");

    form.endEdit()->setDate(QDate(2036, 2, 28));
    form.areaSpin()->setValue(std::floor(parcelMu * 100) / 100);
    CHECK(form.visibleMessages().isEmpty());
    CHECK(form.okButton()->isEnabled());
    QApplication::processEvents(); // the layout settles after the messages are hidden
    testing::saveScreenshot(form, "transfer_form_valid");
    const geo::TransferRecord record = form.record();
    CHECK(record.end == "2036-02-28");
    CHECK(controller.addTransfer(record));
}

TEST_CASE("closing with unsaved edits asks to save, discard or cancel", "[editing]") {
    app::EditController controller;
    const QString project = QString::fromStdString(testing::copyOfClassifiedProject());
    REQUIRE(controller.openForEditing(project, options()));
    CHECK(controller.maybeSave(nullptr)); // nothing to save: no question

    REQUIRE(controller.markIdle({7}, true));
    QString asked;
    answerMessageBox(QMessageBox::Cancel, &asked);
    CHECK_FALSE(controller.maybeSave(nullptr));
    CHECK(asked.contains("1 unsaved edit"));
    CHECK(controller.isDirty());

    answerMessageBox(QMessageBox::Discard);
    CHECK(controller.maybeSave(nullptr));
    CHECK_FALSE(controller.isDirty());
    CHECK(controller.undoStack()->count() == 0);

    REQUIRE(controller.markIdle({7}, true));
    answerMessageBox(QMessageBox::Save);
    CHECK(controller.maybeSave(nullptr));
    CHECK_FALSE(controller.isDirty());
    CHECK(testing::projectValue(project.toStdString(),
                                "SELECT IDLE_RULE FROM parcel_classes WHERE PARCEL_FID = 7") ==
          "manual");
}

TEST_CASE("a save goes through while the table and the identify panel read the project",
          "[editing]") {
    const QString project = QString::fromStdString(testing::copyOfClassifiedProject());
    app::AttributeTableModel model;
    REQUIRE(model.setProject(project));
    app::IdentifyPanel panel;
    REQUIRE(panel.setProject(project));
    const int idle = model.columnOfField("IDLE");
    const qint64 fid = model.fidAt(20);
    REQUIRE(model.data(model.index(20, idle), app::AttributeTableModel::RawRole).toInt() == 0);
    REQUIRE(panel.showParcel(fid));

    app::EditController controller;
    REQUIRE(controller.openForEditing(project, options()));
    REQUIRE(controller.markIdle({fid}, true));
    // Views show the pending edit before it is saved.
    model.setPendingIdle(controller.session()->pendingIdle());
    CHECK(model.data(model.index(20, idle), app::AttributeTableModel::RawRole).toInt() == 1);
    CHECK(model.data(model.index(20, idle)).toString().contains("unsaved"));
    panel.setEditSession(controller.session());
    CHECK(panel.details()->idle);
    CHECK(panel.text().contains("(unsaved)"));

    QString error;
    CHECK(controller.save(&error)); // readers hold no statement open: no "database is locked"
    model.setPendingIdle(controller.session()->pendingIdle());
    INFO(error.toStdString());

    model.reload();
    CHECK(model.data(model.index(20, idle), app::AttributeTableModel::RawRole).toInt() == 1);
    REQUIRE(panel.showParcel(fid));
    CHECK(panel.details()->idle);
    CHECK(panel.details()->idleRule == "manual");
}

TEST_CASE("the controller's transfer form queues the record on OK", "[editing]") {
    app::EditController controller;
    REQUIRE(controller.openForEditing(QString::fromStdString(testing::copyOfClassifiedProject()),
                                      options()));
    geo::ProjectEditSession& session = *controller.session();
    geo::TransferRecord initial;
    initial.parcel = session.parcelBsm(30);
    initial.areaMu = std::floor(*session.parcelAreaMu(initial.parcel) * 100) / 100;
    initial.start = "2026-07-01";
    initial.end = "2036-06-30";
    QTimer::singleShot(50, [] {
        // No REQUIRE here: an exception must not leave through Qt's event loop.
        auto* form = qobject_cast<app::TransferForm*>(QApplication::activeModalWidget());
        if (!form) {
            FAIL_CHECK("the transfer form is not shown");
            return;
        }
        CHECK_FALSE(form->okButton()->isEnabled()); // no contract number yet
        form->contractEdit()->setText("LZFORM0002");
        CHECK(form->okButton()->isEnabled());
        form->okButton()->click();
    });
    REQUIRE(controller.showTransferForm(nullptr, initial));
    const auto queued = session.transfer({"LZFORM0002", initial.parcel});
    REQUIRE(queued);
    CHECK(queued->start == "2026-07-01");
    CHECK(controller.undoStack()->undoText().startsWith("Add transfer record LZFORM0002"));
}
