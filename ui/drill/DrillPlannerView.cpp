#include "DrillPlannerView.h"

#include "ApprovalPanel.h"
#include "DrillBook.h"
#include "DrillText.h"
#include "NewPlanDialog.h"
#include "PlanEditorPanel.h"
#include "PlanPdfRender.h"
#include "RecordPanel.h"
#include "SchedulePanel.h"
#include "StateBadgeDelegate.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/editor/CanvasColors.h"
#include "ui/editor/TopologyScene.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {

constexpr int kPlanIdRole = Qt::UserRole + 1;

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    return label;
}

} // namespace

DrillPlannerView::DrillPlannerView(Document* document, QWidget* parent)
    : QWidget(parent), m_book(new DrillBook(document, this))
{
    setObjectName(QStringLiteral("drillPlanner"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("drillMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createSidebar());
    auto* main = new QWidget(split);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(8, 0, 0, 0);
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    m_title = new QLabel(main);
    m_title->setObjectName(QStringLiteral("planTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_facts = new QLabel(main);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_title->setMinimumWidth(200);
    m_facts->setMinimumWidth(200);
    titles->addWidget(m_title);
    titles->addWidget(m_facts);
    titles->addWidget(createExportBar(), 0, Qt::AlignLeft);
    header->addLayout(titles, 1);
    mainLayout->addLayout(header);
    m_tabs = new QTabWidget(main);
    m_tabs->setObjectName(QStringLiteral("planTabs"));
    m_editor = new PlanEditorPanel(m_book, m_tabs);
    m_approval = new ApprovalPanel(m_book, m_tabs);
    m_schedule = new SchedulePanel(m_book, m_tabs);
    m_record = new RecordPanel(m_book, m_tabs);
    m_tabs->addTab(m_editor, tr("Runbook"));
    m_tabs->addTab(m_approval, tr("Approval"));
    m_tabs->addTab(m_schedule, tr("Schedule"));
    m_tabs->addTab(m_record, tr("Drill records"));
    mainLayout->addWidget(m_tabs, 1);
    split->addWidget(main);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({330, 1270});
    layout->addWidget(split, 1);

    connect(m_book, &DrillBook::plansChanged, this, &DrillPlannerView::refreshPlans);
    connect(m_book, &DrillBook::currentChanged, this, &DrillPlannerView::refreshHeader);
    connect(m_book, &DrillBook::failed, this, [this](const QString& message) { showMessage(message, true); });
    connect(m_plans, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            m_book->select(item->data(0, kPlanIdRole).toString().toStdString());
    });
    connect(m_upcoming, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        m_book->select(item->data(0, kPlanIdRole).toString().toStdString());
        m_tabs->setCurrentWidget(m_schedule);
    });
    refreshPlans();
    refreshHeader();
}

QWidget* DrillPlannerView::createSidebar()
{
    auto* side = new QWidget(this);
    side->setMinimumWidth(280);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    top->addWidget(heading(tr("Drill plans"), side), 1);
    m_new = new QPushButton(tr("New plan…"), side);
    m_new->setObjectName(QStringLiteral("newPlan"));
    top->addWidget(m_new);
    layout->addLayout(top);
    m_plans = new QTreeWidget(side);
    m_plans->setObjectName(QStringLiteral("planList"));
    m_plans->setRootIsDecorated(false);
    m_plans->setHeaderLabels({tr("Plan"), tr("State"), tr("Rev.")});
    // One column shows it all (name, state badge, revision); the others keep the plain values.
    m_plans->setItemDelegateForColumn(0, new StateBadgeDelegate(m_plans));
    m_plans->setColumnHidden(1, true);
    m_plans->setColumnHidden(2, true);
    m_plans->setHeaderHidden(true);
    m_plans->setAlternatingRowColors(true);
    layout->addWidget(m_plans, 3);
    layout->addWidget(heading(tr("Upcoming drills"), side));
    m_upcoming = new QTreeWidget(side);
    m_upcoming->setObjectName(QStringLiteral("upcomingDrills"));
    m_upcoming->setRootIsDecorated(false);
    m_upcoming->setHeaderLabels({tr("When (UTC)"), tr("Drill")});
    m_upcoming->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    layout->addWidget(m_upcoming, 2);
    connect(m_new, &QPushButton::clicked, this, &DrillPlannerView::newPlan);
    return side;
}

QWidget* DrillPlannerView::createExportBar()
{
    m_exportBar = new QWidget(this);
    auto* layout = new QHBoxLayout(m_exportBar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Export:"), m_exportBar));
    const std::pair<PlanFormat, const char*> formats[] = {{PlanFormat::Pdf, "exportPdf"},
                                                          {PlanFormat::Markdown, "exportMarkdown"},
                                                          {PlanFormat::Html, "exportHtml"},
                                                          {PlanFormat::Yaml, "exportYaml"},
                                                          {PlanFormat::ICalendar, "exportIcs"}};
    for (const auto& [format, name] : formats) {
        const QString text = format == PlanFormat::Pdf        ? tr("PDF…")
                             : format == PlanFormat::Markdown ? tr("Markdown…")
                             : format == PlanFormat::Html     ? tr("HTML…")
                             : format == PlanFormat::Yaml     ? tr("YAML…")
                                                              : tr("Calendar (.ics)…");
        auto* button = new QPushButton(text, m_exportBar);
        button->setObjectName(QString::fromLatin1(name));
        const PlanFormat f = format;
        connect(button, &QPushButton::clicked, this, [this, f] { exportAs(f); });
        layout->addWidget(button);
    }
    return m_exportBar;
}

void DrillPlannerView::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(
        error ? QStringLiteral("QLabel { background: #fef2f2; color: #991b1b; border: 1px solid "
                               "#fecaca; border-radius: 4px; padding: 6px; }")
              : QStringLiteral("QLabel { background: #f0fdf4; color: #166534; border: 1px solid "
                               "#bbf7d0; border-radius: 4px; padding: 6px; }"));
    m_message->setVisible(!text.isEmpty());
}

void DrillPlannerView::refreshPlans()
{
    const QString reason = m_book->unavailableReason();
    if (!reason.isEmpty()) {
        showMessage(reason, m_book->hasWorkspace());
        if (!m_book->hasWorkspace())
            m_message->setStyleSheet(
                QStringLiteral("QLabel { background: #eff6ff; color: #1e3a8a; border: 1px solid "
                               "#bfdbfe; border-radius: 4px; padding: 6px; }"));
        m_message->setProperty("reason", true);
    } else if (m_message->property("reason").toBool()) {
        showMessage({}, false);
        m_message->setProperty("reason", false);
    }
    m_new->setEnabled(m_book->isWritable());
    const QSignalBlocker block(m_plans);
    m_plans->clear();
    QTreeWidgetItem* current = nullptr;
    for (const PlanSummary& s : m_book->plans()) {
        // Generated titles all start with the workload; the scenario tells plans apart.
        const Scenario* scenario = m_book->document()->topology().findScenario(ScenarioId(s.scenario));
        const QString label = scenario && !scenario->name.empty() ? qstr(scenario->name) : qstr(s.title);
        auto* item =
            new QTreeWidgetItem(m_plans, {label, approvalStateText(s.state), QString::number(s.revision)});
        item->setData(0, kPlanIdRole, qstr(s.id));
        item->setData(0, StateBadgeDelegate::kBadgeColorRole, approvalStateColor(s.state));
        item->setData(0, StateBadgeDelegate::kBadgeTextRole, approvalStateText(s.state));
        item->setData(0, StateBadgeDelegate::kDetailRole,
                      tr("revision %1 · workload %2").arg(s.revision).arg(qstr(s.workload)));
        item->setToolTip(
            0, tr("%1\nworkload %2, scenario %3").arg(qstr(s.title), qstr(s.workload), qstr(s.scenario)));
        if (s.id == m_book->currentId())
            current = item;
    }
    if (!current && m_plans->topLevelItemCount() > 0) {
        // Nothing chosen yet: show the plan drilled next, else the first.
        std::string next;
        std::optional<std::chrono::sys_seconds> soonest;
        for (const DrillSchedule& s : m_book->allSchedules())
            for (const auto t : nextOccurrences(s, utcNow(), 1))
                if (!soonest || t < *soonest) {
                    soonest = t;
                    next = s.planId;
                }
        for (int i = 0; i < m_plans->topLevelItemCount() && !current; ++i)
            if (m_plans->topLevelItem(i)->data(0, kPlanIdRole).toString().toStdString() == next)
                current = m_plans->topLevelItem(i);
        if (!current)
            current = m_plans->topLevelItem(0);
        m_book->select(current->data(0, kPlanIdRole).toString().toStdString());
    }
    if (current)
        m_plans->setCurrentItem(current);
    refreshUpcoming();
}

void DrillPlannerView::refreshUpcoming()
{
    m_upcoming->clear();
    std::vector<std::pair<std::chrono::sys_seconds, const DrillSchedule*>> drills;
    const std::vector<DrillSchedule> all = m_book->allSchedules();
    for (const DrillSchedule& s : all)
        for (const auto t : nextOccurrences(s, utcNow(), 4))
            drills.emplace_back(t, &s);
    std::sort(drills.begin(), drills.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < drills.size() && i < 12; ++i) {
        const DrillSchedule& s = *drills[i].second;
        auto* item = new QTreeWidgetItem(
            m_upcoming,
            {toDateTime(drills[i].first).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")), qstr(s.title)});
        item->setData(0, kPlanIdRole, qstr(s.planId));
        item->setToolTip(1, tr("%1, %2").arg(qstr(s.title), clockText(s.length)));
    }
    if (drills.empty())
        new QTreeWidgetItem(m_upcoming, {tr("No drills scheduled"), QString()});
}

void DrillPlannerView::refreshHeader()
{
    const bool has = !m_book->currentId().empty();
    m_tabs->setEnabled(has);
    m_exportBar->setEnabled(has);
    if (!has) {
        m_title->setText(m_book->hasWorkspace() ? tr("No plan chosen") : tr("Drill plans"));
        m_facts->setText(
            m_book->hasWorkspace()
                ? tr("Choose a plan on the left, or create one with <b>New plan…</b> from a workload "
                     "and a scenario of this topology.")
                : QString());
        return;
    }
    const DrillPlan& p = m_book->plan();
    const PlanApproval& a = m_book->approval();
    m_title->setText(qstr(p.title));
    const QString rto = p.objective.expectedRto ? clockText(*p.objective.expectedRto) : tr("unbounded");
    const QString target = p.objective.rtoTarget ? clockText(*p.objective.rtoTarget) : tr("none");
    m_facts->setText(tr("<span style=\"background:%1; color:white; font-weight:bold;\">&nbsp;%2&nbsp;</span> "
                        "&nbsp;revision %3 · "
                        "workload <b>%4</b> · scenario <b>%5</b> · %6 steps · expected RTO <b>%7</b> (target "
                        "%8) · times from %9")
                         .arg(approvalStateColor(a.state()).name(), approvalStateText(a.state()))
                         .arg(a.revision())
                         .arg(qstr(p.workload).toHtmlEscaped(), qstr(p.scenario).toHtmlEscaped())
                         .arg(p.steps.size())
                         .arg(rto, target,
                              p.timing == TimingSource::Replay ? tr("the simulated replay")
                                                               : tr("the recovery estimate")));
}

void DrillPlannerView::newPlan()
{
    if (!m_book->isWritable()) {
        showMessage(m_book->unavailableReason(), true);
        return;
    }
    NewPlanDialog dialog(m_book->document()->topology(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_book->createPlan(dialog.workload(), dialog.scenario(), dialog.useReplay())) {
        showMessage({}, false);
        m_tabs->setCurrentWidget(m_editor);
    }
}

QImage DrillPlannerView::renderDiagram() const
{
    if (m_diagram)
        return m_diagram();
    return renderTopologyImage(*m_book->document());
}

bool DrillPlannerView::exportTo(PlanFormat format, const QString& path)
{
    PlanPdfInput input{m_book->plan(),
                       m_book->approval(),
                       m_book->schedules(),
                       qstr(m_book->document()->topology().name),
                       QImage(),
                       utcNow()};
    if (input.systemName.isEmpty())
        input.systemName = QFileInfo(m_book->document()->path()).completeBaseName();
    if (format == PlanFormat::Pdf)
        input.diagram = renderDiagram();
    auto written = PlanExport::write(format, input, path);
    if (!written) {
        showMessage(qstr(written.error().message), true);
        return false;
    }
    showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void DrillPlannerView::exportAs(PlanFormat format)
{
    if (m_book->currentId().empty())
        return;
    const QString folder = m_book->document()->path().isEmpty()
                               ? QDir::homePath()
                               : QFileInfo(m_book->document()->path()).absolutePath();
    const QString suggested =
        QDir(folder).filePath(qstr(m_book->plan().id) + QLatin1Char('.') + PlanExport::suffix(format));
    const QString path = m_chooser ? m_chooser(suggested, format)
                                   : QFileDialog::getSaveFileName(this, tr("Export drill plan"), suggested,
                                                                  PlanExport::filter(format));
    if (!path.isEmpty())
        exportTo(format, path);
}

} // namespace firedrill::ui
