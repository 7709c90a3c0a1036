// The drill planner driven through its widgets: create a plan, edit it, submit, approve, schedule, record a
// drill and export it (Markdown, iCalendar, PDF); what it stored is read back from the workspace file.

#include "core/drill/DrillPlanGenerator.h"
#include "core/io/TopologyFile.h"
#include "core/store/PlanStore.h"
#include "core/store/RecordStore.h"
#include "core/store/ScheduleStore.h"
#include "core/store/Workspace.h"
#include "ui/document/Document.h"
#include "ui/drill/DrillBook.h"
#include "ui/drill/DrillPlannerView.h"
#include "ui/drill/NewPlanDialog.h"
#include "ui/drill/StepDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace firedrill;
using namespace firedrill::ui;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(FIREDRILL_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

/// Makes a workspace from a bundled YAML sample.
bool makeWorkspace(const QString& yaml, const QString& path)
{
    const auto loaded = loadTopologyYamlFile(yaml.toStdString());
    if (!loaded.ok())
        return false;
    auto ws = Workspace::create(path.toStdString(), *loaded.topology, "From the sample");
    return ws.ok() && ws->close().ok();
}

template <class W> W* child(QWidget& parent, const char* name)
{
    W* w = parent.findChild<W*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

void click(QWidget& parent, const char* name)
{
    auto* button = child<QPushButton>(parent, name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDrillPlanner : public QObject
{
    Q_OBJECT

private slots:
    void yamlDocumentsAskForAWorkspace()
    {
        Document doc;
        QVERIFY(doc.open(sample("gas-trading.yaml")).ok());
        DrillPlannerView view(&doc);
        view.show();
        QVERIFY(!view.book()->hasWorkspace());
        QVERIFY(!child<QPushButton>(view, "newPlan")->isEnabled());
        auto* message = child<QLabel>(view, "drillMessage");
        QVERIFY(message->isVisibleTo(&view));
        QVERIFY2(message->text().contains(QStringLiteral("Save As")), qPrintable(message->text()));
        QCOMPARE(child<QTreeWidget>(view, "planList")->topLevelItemCount(), 0);
    }

    void createApproveScheduleRecordExport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gas.firedrill"));
        QVERIFY(makeWorkspace(sample("gas-trading.yaml"), path));
        Document doc;
        QVERIFY(doc.open(path).ok());
        DrillPlannerView view(&doc);
        view.resize(1400, 900);
        view.show();
        QVERIFY(view.book()->isWritable());

        // New plan: the region drill of the trading workload.
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<NewPlanDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* workload = dialog->findChild<QComboBox*>(QStringLiteral("newPlanWorkload"));
            auto* scenario = dialog->findChild<QComboBox*>(QStringLiteral("newPlanScenario"));
            workload->setCurrentIndex(workload->findData(QStringLiteral("trading")));
            scenario->setCurrentIndex(scenario->findData(QStringLiteral("drill-region")));
            dialog->accept();
        });
        click(view, "newPlan");
        auto* plans = child<QTreeWidget>(view, "planList");
        QCOMPARE(plans->topLevelItemCount(), 1);
        QCOMPARE(plans->topLevelItem(0)->text(1), QStringLiteral("Draft"));
        const DrillPlan generated = view.book()->plan();
        QCOMPARE(generated.workload, std::string("trading"));
        QCOMPARE(generated.scenario, std::string("drill-region"));
        auto* steps = child<QTableWidget>(view, "stepsTable");
        QCOMPARE(steps->rowCount(), static_cast<int>(generated.steps.size()));
        QVERIFY(!steps->findItems(QStringLiteral("grace period"), Qt::MatchContains).isEmpty());

        // Edit the draft: move step 2 down.
        steps->selectRow(1);
        click(view, "moveStepDown");
        QCOMPARE(view.book()->plan().steps[2].title, generated.steps[1].title);
        QCOMPARE(view.book()->plan().steps[1].title, generated.steps[2].title);
        QCOMPARE(steps->item(2, 1)->text(), QString::fromStdString(generated.steps[1].title));
        const DrillPlan edited = view.book()->plan();

        // Submit as alice, approve as bob.
        child<QTabWidget>(view, "planTabs")->setCurrentIndex(1);
        child<QLineEdit>(view, "approvalWho")->setText(QStringLiteral("alice"));
        child<QPlainTextEdit>(view, "approvalComment")->setPlainText(QStringLiteral("Ready for review"));
        QVERIFY(!child<QPushButton>(view, "approvePlan")->isEnabled());
        click(view, "submitForReview");
        QCOMPARE(view.book()->approval().state(), ApprovalState::InReview);
        QCOMPARE(plans->topLevelItem(0)->text(1), QStringLiteral("In review"));
        QVERIFY(!child<QPushButton>(view, "moveStepUp")->isEnabled()); // no edits while in review
        child<QLineEdit>(view, "approvalWho")->setText(QStringLiteral("bob"));
        child<QPlainTextEdit>(view, "approvalComment")->setPlainText(QStringLiteral("Go"));
        click(view, "approvePlan");
        QCOMPARE(view.book()->approval().state(), ApprovalState::Approved);
        QCOMPARE(plans->topLevelItem(0)->text(1), QStringLiteral("Approved"));
        auto* trail = child<QTreeWidget>(view, "auditTrail");
        QCOMPARE(trail->topLevelItemCount(), 2);
        QCOMPARE(trail->topLevelItem(1)->text(2), QStringLiteral("bob"));

        // Schedule: quarterly on the first Tuesday from 2027-01-01 09:00 UTC.
        child<QTabWidget>(view, "planTabs")->setCurrentIndex(2);
        child<QDateTimeEdit>(view, "scheduleStart")
            ->setDateTime(QDateTime(QDate(2027, 1, 1), QTime(9, 0), Qt::UTC));
        child<QLineEdit>(view, "scheduleRecurrence")
            ->setText(QStringLiteral("quarterly on the first tuesday"));
        const QString preview = child<QLabel>(view, "recurrencePreview")->text();
        for (const char* day : {"2027-01-05 09:00", "2027-04-06", "2027-07-06", "2027-10-05", "2028-01-04"})
            QVERIFY2(preview.contains(QString::fromLatin1(day)), qPrintable(preview));
        child<QLineEdit>(view, "scheduleRecurrence")
            ->setText(QStringLiteral("quarterly on the fifth tuesday"));
        QVERIFY(!child<QLabel>(view, "recurrencePreview")->text().contains(QStringLiteral("2027")));
        child<QLineEdit>(view, "scheduleRecurrence")
            ->setText(QStringLiteral("quarterly on the first tuesday"));
        child<QPlainTextEdit>(view, "scheduleParticipants")
            ->setPlainText(QStringLiteral("Alice <alice@example.org>, incident commander\nBob, dba"));
        click(view, "saveSchedule");
        QCOMPARE(view.book()->schedules().size(), std::size_t{1});
        QCOMPARE(view.book()->schedules().front().participants.size(), std::size_t{2});
        QCOMPARE(view.book()->schedules().front().participants[1].role, DrillRole::Dba);
        auto* upcoming = child<QTreeWidget>(view, "upcomingDrills");
        QVERIFY(upcoming->topLevelItemCount() >= 4);

        // Exports through the buttons, into the temporary folder.
        view.setPathChooser([&](const QString& suggested, PlanFormat) {
            return dir.filePath(QFileInfo(suggested).fileName());
        });
        click(view, "exportMarkdown");
        click(view, "exportIcs");
        click(view, "exportPdf");
        const QString base = dir.filePath(QString::fromStdString(generated.id));
        const QByteArray md = readAll(base + QStringLiteral(".md"));
        QVERIFY(md.contains(QByteArray::fromStdString(generated.title)));
        const QByteArray ics = readAll(base + QStringLiteral(".ics"));
        QVERIFY(ics.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=3;BYDAY=1TU"));
        QVERIFY(ics.contains("DTSTART:20270105T090000Z"));
        const QByteArray pdf = readAll(base + QStringLiteral(".pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        const auto pages =
            QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")));
        QVERIFY2(pages > 1, qPrintable(QString::number(pages)));
        QVERIFY(!child<QLabel>(view, "drillMessage")->text().isEmpty());

        // Editing the approved plan starts revision 2, in draft.
        child<QTabWidget>(view, "planTabs")->setCurrentIndex(0);
        steps->selectRow(2);
        click(view, "moveStepUp");
        QCOMPARE(view.book()->approval().revision(), 2);
        QCOMPARE(view.book()->approval().state(), ApprovalState::Draft);
        QCOMPARE(plans->topLevelItem(0)->text(1), QStringLiteral("Draft"));
        QCOMPARE(plans->topLevelItem(0)->text(2), QStringLiteral("2"));
        QVERIFY(view.book()->plan().steps == generated.steps);

        // Record a drill of revision 2.
        child<QTabWidget>(view, "planTabs")->setCurrentIndex(3);
        auto* record = child<QTableWidget>(view, "recordSteps");
        QCOMPARE(record->rowCount(), static_cast<int>(generated.steps.size()));
        record->item(0, 4)->setText(QStringLiteral("5m"));
        child<QLineEdit>(view, "recordRto")->setText(QStringLiteral("40m"));
        child<QPlainTextEdit>(view, "recordObservations")->setPlainText(QStringLiteral("Bridge opened late"));
        child<QPlainTextEdit>(view, "recordActions")
            ->setPlainText(QStringLiteral("Automate the bridge; comms; 2027-02-01"));
        click(view, "saveRecord");
        QCOMPARE(view.book()->records().size(), std::size_t{1});
        const QString report = child<QTextBrowser>(view, "afterActionReport")->toPlainText();
        QVERIFY2(report.contains(QStringLiteral("Automate the bridge")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("RTO")), qPrintable(report));

        // Everything is in the workspace file.
        const DrillPlan current = view.book()->plan();
        auto ws = Workspace::open(path.toStdString(), OpenMode::ReadOnly);
        QVERIFY(ws.ok());
        auto stored = PlanStore(ws->file()).load(generated.id);
        QVERIFY(stored.ok());
        QVERIFY(stored->plan == current);
        QCOMPARE(stored->approval.revision(), 2);
        QCOMPARE(stored->approval.trail().size(), std::size_t{3});
        QCOMPARE(stored->approval.trail()[1].who, std::string("bob"));
        QVERIFY(*PlanStore(ws->file()).planAt(generated.id, 1) == edited);
        QCOMPARE(ScheduleStore(ws->file()).schedules(generated.id)->size(), std::size_t{1});
        auto records = RecordStore(ws->file()).records(generated.id);
        QCOMPARE(records->size(), std::size_t{1});
        QCOMPARE(records->front().record.planRevision, 2);
        QCOMPARE(records->front().record.measuredRto, std::optional<Duration>(Duration::minutes(40)));
    }

    void stepsAreAddedAndRemovedThroughTheDialog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gas.firedrill"));
        QVERIFY(makeWorkspace(sample("gas-trading.yaml"), path));
        Document doc;
        QVERIFY(doc.open(path).ok());
        DrillPlannerView view(&doc);
        view.show();
        QVERIFY(view.book()->createPlan("trading", "drill-zone", false).ok());
        const std::size_t before = view.book()->plan().steps.size();
        auto* steps = child<QTableWidget>(view, "stepsTable");
        steps->selectRow(0);
        // A step without a title is not accepted: the dialog stays open and says why.
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<StepDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            dialog->reject();
        });
        click(view, "addStep");
        QCOMPARE(view.book()->plan().steps.size(), before);

        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<StepDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->findChild<QLineEdit*>(QStringLiteral("stepTitle"))
                ->setText(QStringLiteral("Page the vendor"));
            dialog->findChild<QLineEdit*>(QStringLiteral("stepDuration"))->setText(QStringLiteral("10m"));
            auto* owner = dialog->findChild<QComboBox*>(QStringLiteral("stepOwner"));
            owner->setCurrentIndex(owner->findText(QStringLiteral("Database administrator")));
            auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
            QTest::mouseClick(ok, Qt::LeftButton);
        });
        click(view, "addStep");
        QCOMPARE(view.book()->plan().steps.size(), before + 1);
        const RunbookStep& added = view.book()->plan().steps[1];
        QCOMPARE(added.number, 2);
        QCOMPARE(added.title, std::string("Page the vendor"));
        QCOMPARE(added.owner, DrillRole::Dba);
        QCOMPARE(added.expectedDuration, Duration::minutes(10));
        QCOMPARE(steps->item(1, 1)->text(), QStringLiteral("Page the vendor"));

        steps->selectRow(1);
        click(view, "removeStep");
        QCOMPARE(view.book()->plan().steps.size(), before);
        auto ws = Workspace::open(path.toStdString(), OpenMode::ReadOnly);
        QVERIFY(PlanStore(ws->file()).load(view.book()->currentId())->plan == view.book()->plan());
    }

    void readOnlyWorkspacesShowPlansButChangeNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gas.firedrill"));
        QVERIFY(makeWorkspace(sample("gas-trading.yaml"), path));
        {
            Document first;
            QVERIFY(first.open(path).ok());
            DrillPlannerView view(&first);
            QVERIFY(view.book()->createPlan("trading", "drill-region", false).ok());
        }
        auto holder = Workspace::open(path.toStdString()); // someone else has it open for editing
        QVERIFY(holder.ok());
        Document doc;
        QVERIFY(doc.open(path).ok());
        QVERIFY(doc.isReadOnly());
        DrillPlannerView view(&doc);
        view.show();
        QCOMPARE(child<QTreeWidget>(view, "planList")->topLevelItemCount(), 1);
        QVERIFY(!view.book()->currentId().empty()); // the only plan is shown
        QVERIFY(!view.book()->isWritable());
        QVERIFY(!child<QPushButton>(view, "newPlan")->isEnabled());
        QVERIFY(!child<QPushButton>(view, "submitForReview")->isEnabled());
        QVERIFY(!child<QPushButton>(view, "addStep")->isEnabled());
        QVERIFY(!child<QPushButton>(view, "saveSchedule")->isEnabled());
        QVERIFY(child<QLabel>(view, "drillMessage")->text().contains(QStringLiteral("read-only")));
        QVERIFY(!view.book()->review(ApprovalAction::Submit, QStringLiteral("alice"), {}).ok());
        QVERIFY(child<QPushButton>(view, "exportMarkdown")->isEnabled()); // reading and exporting still work
    }

    void refusedActionsSayWhy()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gas.firedrill"));
        QVERIFY(makeWorkspace(sample("gas-trading.yaml"), path));
        Document doc;
        QVERIFY(doc.open(path).ok());
        DrillPlannerView view(&doc);
        view.show();
        QVERIFY(view.book()->createPlan("trading", "drill-zone", false).ok());
        child<QLineEdit>(view, "approvalWho")->setText(QStringLiteral("alice"));
        click(view, "submitForReview");
        // The submitter cannot approve their own revision; nothing changes and the reason is shown.
        click(view, "approvePlan");
        QCOMPARE(view.book()->approval().state(), ApprovalState::InReview);
        QVERIFY(child<QLabel>(view, "drillMessage")->text().contains(QStringLiteral("cannot also approve")));
        // Requesting changes needs a comment.
        child<QLineEdit>(view, "approvalWho")->setText(QStringLiteral("bob"));
        child<QPlainTextEdit>(view, "approvalComment")->clear();
        click(view, "requestChanges");
        QCOMPARE(view.book()->approval().state(), ApprovalState::InReview);
        child<QPlainTextEdit>(view, "approvalComment")
            ->setPlainText(QStringLiteral("Add the vendor escalation"));
        click(view, "requestChanges");
        QCOMPARE(view.book()->approval().state(), ApprovalState::ChangesRequested);
        // A calendar export needs a schedule.
        QVERIFY(!view.exportTo(PlanFormat::ICalendar, dir.filePath(QStringLiteral("x.ics"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.ics"))));
    }
};

QTEST_MAIN(TestDrillPlanner)
#include "test_drill_planner.moc"
