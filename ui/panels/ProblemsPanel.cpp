#include "ProblemsPanel.h"

#include "ui/common/DisplayText.h"

#include <QFileInfo>
#include <QStyle>
#include <QTableWidget>
#include <algorithm>

namespace firedrill::ui {

namespace {

QString location(const SourceLocation& where)
{
    QString text = QFileInfo(qstr(where.file)).fileName();
    if (where.line > 0) {
        text += QStringLiteral(":%1").arg(where.line);
        if (where.column > 0)
            text += QStringLiteral(":%1").arg(where.column);
    }
    return text;
}

} // namespace

ProblemsPanel::ProblemsPanel(QWidget* parent)
    : ListPanel({tr("Severity"), tr("Location"), tr("Item"), tr("Message")}, parent)
{
    setObjectName(QStringLiteral("problemsPanel"));
    list()->setObjectName(QStringLiteral("problemsList"));
    list()->setTextElideMode(Qt::ElideMiddle);
    connect(list(), &QTableWidget::cellClicked, this,
            [this](int row, int) { emit problemClicked(text(row, ItemColumn)); });
    clearDiagnostics();
}

void ProblemsPanel::showDiagnostics(const std::vector<Diagnostic>& diagnostics)
{
    reset(tr("No problems found."));
    std::vector<const Diagnostic*> sorted;
    for (const Diagnostic& d : diagnostics)
        sorted.push_back(&d);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
        return a->severity == Severity::Error && b->severity != Severity::Error;
    });
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Diagnostic* d : sorted) {
        const bool error = d->severity == Severity::Error;
        addRow({error ? tr("Error") : tr("Warning"), location(d->where), qstr(d->path), qstr(d->message)},
               error ? errorIcon : warningIcon);
    }
    refresh();
    emit countChanged(count());
}

void ProblemsPanel::clearDiagnostics()
{
    reset(tr("No file open."));
    emit countChanged(0);
}

} // namespace firedrill::ui
