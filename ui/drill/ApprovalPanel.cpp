#include "ApprovalPanel.h"

#include "DrillBook.h"
#include "DrillText.h"
#include "ui/common/DisplayText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace firedrill::ui {

ApprovalPanel::ApprovalPanel(DrillBook* book, QWidget* parent) : QWidget(parent), m_book(book)
{
    auto* layout = new QVBoxLayout(this);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("approvalState"));
    m_state->setTextFormat(Qt::RichText);
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    auto* form = new QFormLayout;
    m_who = new QLineEdit(osUserName(), this);
    m_who->setObjectName(QStringLiteral("approvalWho"));
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("approvalComment"));
    m_comment->setPlaceholderText(tr("Why: what was checked, or what has to change (required when requesting "
                                     "changes)."));
    m_comment->setFixedHeight(64);
    form->addRow(tr("Who:"), m_who);
    form->addRow(tr("Comment:"), m_comment);
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    auto make = [&](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        buttons->addWidget(b);
        return b;
    };
    m_submit = make(tr("Submit for review"), "submitForReview");
    m_approve = make(tr("Approve"), "approvePlan");
    m_changes = make(tr("Request changes"), "requestChanges");
    m_withdraw = make(tr("Withdraw"), "withdrawPlan");
    buttons->addStretch(1);
    layout->addLayout(buttons);
    auto* title = new QLabel(tr("<b>Audit trail</b> — every transition, never rewritten"), this);
    layout->addWidget(title);
    m_trail = new QTreeWidget(this);
    m_trail->setObjectName(QStringLiteral("auditTrail"));
    m_trail->setRootIsDecorated(false);
    m_trail->setHeaderLabels(
        {tr("Rev."), tr("When (UTC)"), tr("Who"), tr("Action"), tr("State"), tr("Comment")});
    m_trail->header()->setStretchLastSection(true);
    m_trail->setColumnWidth(0, 44);
    m_trail->setColumnWidth(1, 150);
    m_trail->setColumnWidth(2, 90);
    m_trail->setColumnWidth(3, 150);
    m_trail->setColumnWidth(4, 130);
    layout->addWidget(m_trail, 1);

    connect(m_submit, &QPushButton::clicked, this, [this] { act(ApprovalAction::Submit); });
    connect(m_approve, &QPushButton::clicked, this, [this] { act(ApprovalAction::Approve); });
    connect(m_changes, &QPushButton::clicked, this, [this] { act(ApprovalAction::RequestChanges); });
    connect(m_withdraw, &QPushButton::clicked, this, [this] { act(ApprovalAction::Withdraw); });
    connect(m_book, &DrillBook::currentChanged, this, &ApprovalPanel::refresh);
    refresh();
}

void ApprovalPanel::refresh()
{
    const bool has = !m_book->currentId().empty();
    const PlanApproval& a = m_book->approval();
    const ApprovalState s = a.state();
    const bool writable = has && m_book->isWritable();
    m_submit->setEnabled(writable && s == ApprovalState::Draft);
    m_approve->setEnabled(writable && s == ApprovalState::InReview);
    m_changes->setEnabled(writable && s == ApprovalState::InReview);
    m_withdraw->setEnabled(writable && s == ApprovalState::InReview);
    if (!has)
        m_state->clear();
    else {
        QString next;
        switch (s) {
        case ApprovalState::Draft:
            next = tr("Submit it for review when the runbook is ready.");
            break;
        case ApprovalState::InReview:
            next = tr("A reviewer other than the submitter approves it or requests changes.");
            break;
        case ApprovalState::Approved:
            next = tr("Approved by %1. Editing it starts a new revision.").arg(qstr(a.approvedBy()));
            break;
        case ApprovalState::ChangesRequested:
            next = tr("Edit the plan to address the comments; it returns to draft.");
            break;
        }
        m_state->setText(
            QStringLiteral("<span style=\"background:%1; color:white; font-weight:bold;\">&nbsp;%2&nbsp;"
                           "</span>&nbsp; %3 %4")
                .arg(approvalStateColor(s).name(), approvalStateText(s).toHtmlEscaped(),
                     tr("Revision %1.").arg(a.revision()), next.toHtmlEscaped()));
    }
    m_trail->clear();
    for (const ApprovalEvent& e : a.trail()) {
        auto* item = new QTreeWidgetItem(m_trail, {QString::number(e.revision), utcText(e.when), qstr(e.who),
                                                   approvalActionText(e.action), approvalStateText(e.to),
                                                   qstr(e.comment)});
        item->setForeground(4, approvalStateColor(e.to));
        item->setToolTip(5, qstr(e.comment));
    }
}

void ApprovalPanel::act(ApprovalAction action)
{
    if (m_book->review(action, m_who->text(), m_comment->toPlainText()))
        m_comment->clear();
}

} // namespace firedrill::ui
