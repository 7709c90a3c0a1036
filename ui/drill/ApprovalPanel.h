#pragma once

#include "core/drill/PlanApproval.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace firedrill::ui {

class DrillBook;

/// The review of the plan being looked at: its state, who acts (the OS user name by default) with a
/// comment, the actions the state allows (submit for review, approve, request changes, withdraw) and the
/// audit trail, newest last.
class ApprovalPanel : public QWidget
{
    Q_OBJECT

public:
    /// A panel acting on the current plan of `book`.
    explicit ApprovalPanel(DrillBook* book, QWidget* parent = nullptr);

private:
    void refresh();
    void act(ApprovalAction action);

    DrillBook* m_book = nullptr;
    QLabel* m_state = nullptr;
    QLineEdit* m_who = nullptr;
    QPlainTextEdit* m_comment = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_changes = nullptr;
    QPushButton* m_withdraw = nullptr;
    QTreeWidget* m_trail = nullptr;
};

} // namespace firedrill::ui
