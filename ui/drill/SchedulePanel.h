#pragma once

#include "core/drill/DrillSchedule.h"
#include "core/model/Result.h"

#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace firedrill::ui {

class DrillBook;

/// When the plan being looked at is drilled: first start (UTC), recurrence in words ("quarterly on the
/// first tuesday") with a live preview of the next five drills computed by core, length, location and
/// participants (one a line: "Name <email>, role"). Lists the plan's schedules; saving replaces the one
/// selected or adds a new one.
class SchedulePanel : public QWidget
{
    Q_OBJECT

public:
    /// A panel scheduling the current plan of `book`.
    explicit SchedulePanel(DrillBook* book, QWidget* parent = nullptr);

    /// The schedule the form describes (its recurrence is checked; participants parsed).
    Result<DrillSchedule> formSchedule() const;
    /// Parses participant lines "Name <email>, role"; the role is a role's name or label (observer if
    /// absent).
    static Result<std::vector<Participant>> parseParticipants(const QString& text);

private:
    void refresh();
    void showSchedule(int row);
    void updatePreview();
    void save();
    void remove();

    DrillBook* m_book = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_title = nullptr;
    QDateTimeEdit* m_start = nullptr;
    QLineEdit* m_recurrence = nullptr;
    QLabel* m_preview = nullptr;
    QSpinBox* m_length = nullptr;
    QLineEdit* m_location = nullptr;
    QPlainTextEdit* m_participants = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_remove = nullptr;
    std::string m_editing; ///< id of the schedule in the form; empty for a new one
};

} // namespace firedrill::ui
