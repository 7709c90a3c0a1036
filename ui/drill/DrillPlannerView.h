#pragma once

#include "PlanExport.h"

#include <QImage>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace firedrill::ui {

class ApprovalPanel;
class Document;
class DrillBook;
class PlanEditorPanel;
class RecordPanel;
class SchedulePanel;

/// The drill planner page: the workspace's plans with their review state as badges and the upcoming
/// drills on the left; on the right the plan being looked at, in tabs for its runbook (editor), approval,
/// schedule and drill records, and buttons exporting it to Markdown, HTML, YAML, iCalendar and PDF.
/// Plans live in the workspace; for a YAML document the page says to save it as a workspace first.
class DrillPlannerView : public QWidget
{
    Q_OBJECT

public:
    /// Asks where to write an export; returns an empty path when the user cancels.
    using PathChooser = std::function<QString(const QString& suggested, PlanFormat format)>;
    /// Renders the topology diagram for the PDF.
    using DiagramSource = std::function<QImage()>;

    /// A planner for `document`'s workspace.
    explicit DrillPlannerView(Document* document, QWidget* parent = nullptr);

    /// The plans behind the page.
    DrillBook* book() const { return m_book; }
    /// Replaces the save dialog (tests and scripted exports).
    void setPathChooser(PathChooser chooser) { m_chooser = std::move(chooser); }
    /// Replaces the diagram rendering used for the PDF (by default the document's diagram is drawn).
    void setDiagramSource(DiagramSource source) { m_diagram = std::move(source); }
    /// Exports the current plan to `path`; false (with the reason shown) when it could not be written.
    bool exportTo(PlanFormat format, const QString& path);
    /// Opens the new-plan dialog and creates the chosen plan.
    void newPlan();

private:
    QWidget* createSidebar();
    QWidget* createExportBar();
    void refreshPlans();
    void refreshUpcoming();
    void refreshHeader();
    void showMessage(const QString& text, bool error);
    void exportAs(PlanFormat format);
    QImage renderDiagram() const;

    DrillBook* m_book = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_new = nullptr;
    QTreeWidget* m_plans = nullptr;
    QTreeWidget* m_upcoming = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QWidget* m_exportBar = nullptr;
    QTabWidget* m_tabs = nullptr;
    PlanEditorPanel* m_editor = nullptr;
    ApprovalPanel* m_approval = nullptr;
    SchedulePanel* m_schedule = nullptr;
    RecordPanel* m_record = nullptr;
    PathChooser m_chooser;
    DiagramSource m_diagram;
};

} // namespace firedrill::ui
