#include "PlanEditorPanel.h"

#include "DrillBook.h"
#include "DrillText.h"
#include "StepDialog.h"
#include "core/drill/DrillRole.h"
#include "core/drill/PlanEditing.h"
#include "ui/common/DisplayText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {

QString sectionsHtml(const DrillPlan& p)
{
    auto esc = [](const std::string& s) { return qstr(s).toHtmlEscaped(); };
    QString h;
    h += QStringLiteral("<h3>%1</h3><p>%2</p>").arg(QObject::tr("Objective"), esc(p.objective.statement));
    h += QStringLiteral("<p><b>%1</b> %2</p>")
             .arg(QObject::tr("Scope and blast radius:"), esc(p.scope.blastRadius));
    h += QStringLiteral("<h3>%1</h3><ul>").arg(QObject::tr("Pre-checks (go / no-go)"));
    for (const PreCheck& c : p.preChecks)
        h +=
            QStringLiteral("<li><b>%1</b> (%2): %3</li>").arg(esc(c.title), roleText(c.owner), esc(c.detail));
    h += QStringLiteral("</ul><h3>%1</h3><ul>").arg(QObject::tr("Success criteria"));
    for (const SuccessCriterion& c : p.successCriteria)
        h += QStringLiteral("<li><b>%1</b>: %2%3</li>")
                 .arg(esc(c.title), esc(c.measure),
                      c.target ? QObject::tr(" (target %1)").arg(clockText(*c.target)) : QString());
    h += QStringLiteral("</ul><h3>%1</h3><ol>").arg(QObject::tr("Rollback and failback"));
    for (const RunbookStep& s : p.rollback)
        h += QStringLiteral("<li>%1 <i>(%2, %3)</i></li>")
                 .arg(esc(s.title), roleText(s.owner), clockText(s.expectedDuration));
    h += QStringLiteral("</ol><h3>%1</h3><ul>").arg(QObject::tr("Communication"));
    for (const CommunicationItem& c : p.communication)
        h += QStringLiteral("<li><b>%1</b> → %2: %3</li>").arg(esc(c.when), esc(c.audience), esc(c.message));
    return h + QStringLiteral("</ul>");
}

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    return b;
}

} // namespace

PlanEditorPanel::PlanEditorPanel(DrillBook* book, QWidget* parent) : QWidget(parent), m_book(book)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_add = button(tr("Add step…"), "addStep", this);
    m_edit = button(tr("Edit step…"), "editStep", this);
    m_remove = button(tr("Remove"), "removeStep", this);
    m_up = button(tr("Move up"), "moveStepUp", this);
    m_down = button(tr("Move down"), "moveStepDown", this);
    for (QPushButton* b : {m_add, m_edit, m_remove, m_up, m_down})
        bar->addWidget(b);
    m_hint = new QLabel(this);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_hint->setWordWrap(true);
    m_hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(m_hint, 1);
    layout->addLayout(bar);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_steps = new QTableWidget(0, 7, split);
    m_steps->setObjectName(QStringLiteral("stepsTable"));
    m_steps->setHorizontalHeaderLabels({tr("#"), tr("Step"), tr("Owner"), tr("Duration"), tr("Elapsed"),
                                        tr("Done when"), tr("If it fails")});
    m_steps->verticalHeader()->hide();
    m_steps->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setWordWrap(false);
    m_steps->setAlternatingRowColors(true);
    auto* header = m_steps->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    m_steps->setColumnWidth(0, 36);
    m_steps->setColumnWidth(1, 300);
    m_steps->setColumnWidth(2, 125);
    m_steps->setColumnWidth(3, 72);
    m_steps->setColumnWidth(4, 86);
    m_steps->setColumnWidth(5, 240);
    m_sections = new QTextBrowser(split);
    m_sections->setObjectName(QStringLiteral("planSections"));
    split->addWidget(m_steps);
    split->addWidget(m_sections);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_add, &QPushButton::clicked, this, &PlanEditorPanel::addStep);
    connect(m_edit, &QPushButton::clicked, this, &PlanEditorPanel::editStep);
    connect(m_remove, &QPushButton::clicked, this, &PlanEditorPanel::removeStep);
    connect(m_up, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveStep(+1); });
    connect(m_steps, &QTableWidget::itemSelectionChanged, this, &PlanEditorPanel::updateButtons);
    connect(m_steps, &QTableWidget::cellDoubleClicked, this, [this] { editStep(); });
    connect(m_book, &DrillBook::currentChanged, this, &PlanEditorPanel::refresh);
    refresh();
}

int PlanEditorPanel::selectedStep() const
{
    const auto rows = m_steps->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.front().row() + 1;
}

void PlanEditorPanel::refresh()
{
    const int keep = selectedStep();
    const DrillPlan& p = m_book->plan();
    const bool has = !m_book->currentId().empty();
    m_steps->setRowCount(has ? static_cast<int>(p.steps.size()) : 0);
    for (int r = 0; has && r < static_cast<int>(p.steps.size()); ++r) {
        const RunbookStep& s = p.steps[static_cast<std::size_t>(r)];
        const QStringList cells{QString::number(s.number),
                                qstr(s.title),
                                roleText(s.owner),
                                clockText(s.expectedDuration),
                                clockText(s.expectedElapsed),
                                qstr(s.doneSignal),
                                qstr(s.onFailure)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 1 && !s.detail.empty())
                item->setToolTip(qstr(s.detail));
            if (c >= 5)
                item->setToolTip(cells[c]);
            if (c == 0 || c == 3 || c == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_steps->setItem(r, c, item);
        }
    }
    m_sections->setHtml(has ? sectionsHtml(p) : QString());
    if (keep > 0 && keep <= m_steps->rowCount())
        m_steps->selectRow(keep - 1);
    updateButtons();
}

void PlanEditorPanel::updateButtons()
{
    const bool editable = m_book->isWritable() && !m_book->currentId().empty() &&
                          m_book->approval().state() != ApprovalState::InReview;
    const int n = selectedStep();
    m_add->setEnabled(editable);
    m_edit->setEnabled(editable && n > 0);
    m_remove->setEnabled(editable && n > 0);
    m_up->setEnabled(editable && n > 1);
    m_down->setEnabled(editable && n > 0 && n < m_steps->rowCount());
    if (m_book->currentId().empty())
        m_hint->clear();
    else if (m_book->approval().state() == ApprovalState::InReview)
        m_hint->setText(tr("In review: withdraw it to edit."));
    else if (m_book->approval().state() == ApprovalState::Approved)
        m_hint->setText(tr("Approved: an edit starts revision %1, which needs approval again.")
                            .arg(m_book->approval().revision() + 1));
    else
        m_hint->clear();
}

void PlanEditorPanel::selectStep(int number)
{
    if (number > 0 && number <= m_steps->rowCount())
        m_steps->selectRow(number - 1);
}

void PlanEditorPanel::addStep()
{
    RunbookStep fresh;
    const int after = selectedStep();
    fresh.number = after > 0 ? after + 1 : m_steps->rowCount() + 1;
    StepDialog dialog(fresh, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int at = fresh.number;
    if (m_book->editPlan([&](DrillPlan& p) { return planedit::insertStep(p, at, dialog.step()); },
                         osUserName()))
        selectStep(at);
}

void PlanEditorPanel::editStep()
{
    const int n = selectedStep();
    if (n <= 0 || !m_edit->isEnabled())
        return;
    StepDialog dialog(m_book->plan().steps[static_cast<std::size_t>(n - 1)], this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_book->editPlan([&](DrillPlan& p) { return planedit::replaceStep(p, n, dialog.step()); },
                         osUserName()))
        selectStep(n);
}

void PlanEditorPanel::removeStep()
{
    const int n = selectedStep();
    if (n <= 0)
        return;
    if (m_book->editPlan([&](DrillPlan& p) { return planedit::removeStep(p, n); }, osUserName()))
        selectStep(std::min(n, m_steps->rowCount()));
}

void PlanEditorPanel::moveStep(int by)
{
    const int n = selectedStep();
    const int to = n + by;
    if (n <= 0 || to < 1 || to > m_steps->rowCount())
        return;
    if (m_book->editPlan([&](DrillPlan& p) { return planedit::moveStep(p, n, to); }, osUserName()))
        selectStep(to);
}

} // namespace firedrill::ui
