#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace firedrill::ui {

class DrillBook;

/// The plan being looked at: its runbook steps in a table (number, title, owner role, expected duration
/// and elapsed time, done signal, what to do if it fails) with add, edit, remove and move, and the other
/// sections (objective, pre-checks, success criteria, failback, communication) below. Edits go through
/// DrillBook::editPlan, so editing an approved plan starts a new revision.
class PlanEditorPanel : public QWidget
{
    Q_OBJECT

public:
    /// A panel showing the current plan of `book`.
    explicit PlanEditorPanel(DrillBook* book, QWidget* parent = nullptr);

    /// The 1-based number of the selected step, 0 when none.
    int selectedStep() const;

private:
    void refresh();
    void updateButtons();
    void addStep();
    void editStep();
    void removeStep();
    void moveStep(int by);
    void selectStep(int number);

    DrillBook* m_book = nullptr;
    QTableWidget* m_steps = nullptr;
    QTextBrowser* m_sections = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace firedrill::ui
