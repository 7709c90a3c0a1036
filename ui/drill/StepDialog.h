#pragma once

#include "core/drill/DrillPlan.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace firedrill::ui {

/// Edits one runbook step: title, detail, owner role, expected duration and elapsed time, the signal that
/// shows it is done and what to do if it fails. Durations are written as in topology files ("90s", "1h30m").
class StepDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog showing `step` (a new step when its title is empty).
    explicit StepDialog(const RunbookStep& step, QWidget* parent = nullptr);

    /// The step as edited; valid after the dialog was accepted.
    const RunbookStep& step() const { return m_step; }

private:
    void tryAccept();

    RunbookStep m_step;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_detail = nullptr;
    QComboBox* m_owner = nullptr;
    QLineEdit* m_duration = nullptr;
    QLineEdit* m_elapsed = nullptr;
    QLineEdit* m_done = nullptr;
    QLineEdit* m_onFailure = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace firedrill::ui
