#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace firedrill::ui {

class Document;
class ScenarioTimeline;
class UnitField;

/// The row above the scenario timeline: the scenario combo ("scenarioCombo") and buttons to create
/// ("newScenarioButton", asks a name), add one from a template ("templateButton", actions "template-<n>"),
/// rename ("renameScenarioButton") and delete ("deleteScenarioButton") scenarios, its length
/// ("field-scenarioDuration"), the fault palette ("addFaultButton": one action per kind, named
/// "addFault-<kind>", adding a fault at the playhead on the canvas selection, or opening the fault dialog
/// when nothing fitting is selected) and "addInjectButton". Every change is one undo step. The name dialog is
/// "scenarioNameDialog".
class ScenarioBar : public QWidget
{
    Q_OBJECT

public:
    /// A bar editing `document`'s scenarios and showing the chosen one on `timeline`.
    ScenarioBar(Document* document, ScenarioTimeline* timeline, QWidget* parent = nullptr);

    /// The id of the scenario chosen, or empty.
    QString currentScenario() const;
    /// Chooses scenario `id` (and shows it on the timeline).
    void setCurrentScenario(const QString& id);
    /// The canvas selection (component or replica ids): what Add fault hits.
    void setSelectedIds(const QStringList& ids);
    /// The workload templates aim at (the workload in focus).
    void setFocusWorkload(const QString& id);

signals:
    /// Another scenario was chosen (empty: none).
    void scenarioChanged(const QString& id);

private:
    void rebuild();
    void onChosen();
    void updateButtons();
    void newScenario();
    void renameScenario();
    void deleteScenario();
    void addFault(int kind);
    void addInject();
    void fillTemplates();
    void setDuration(const QString& text);
    /// Asks for a scenario name; empty when cancelled.
    QString m_focus;
    QString askName(const QString& title, const QString& current);

    Document* m_document;
    ScenarioTimeline* m_timeline;
    QStringList m_selection;
    QString m_current;
    QComboBox* m_combo = nullptr;
    QToolButton* m_new = nullptr;
    QToolButton* m_rename = nullptr;
    QToolButton* m_delete = nullptr;
    UnitField* m_duration = nullptr;
    QToolButton* m_template = nullptr;
    QToolButton* m_addFault = nullptr;
    QToolButton* m_addInject = nullptr;
};

} // namespace firedrill::ui
