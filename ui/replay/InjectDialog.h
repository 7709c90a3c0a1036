#pragma once

#include "core/model/Scenario.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace firedrill::ui {

class UnitField;

/// Edits one inject: when the replay pauses ("field-time") and what the team is asked ("promptEdit",
/// several lines). OK refuses a bad time or an empty prompt and says why ("error-time", "promptError").
class InjectDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog for an inject in a scenario of `durationMs`.
    explicit InjectDialog(qint64 durationMs, QWidget* parent = nullptr);

    /// Shows `inject` in the fields.
    void setInject(const Inject& inject);
    /// The inject as the fields describe it (complete after the dialog was accepted).
    Inject inject() const { return m_inject; }

    void accept() override;

private:
    qint64 m_duration;
    Inject m_inject;
    UnitField* m_time = nullptr;
    QPlainTextEdit* m_prompt = nullptr;
    QLabel* m_promptError = nullptr;
};

} // namespace firedrill::ui
