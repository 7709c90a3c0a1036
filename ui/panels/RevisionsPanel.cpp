#include "RevisionsPanel.h"

#include <QTableWidget>

namespace firedrill::ui {

RevisionsPanel::RevisionsPanel(QWidget* parent) : ListPanel({tr("Revision"), tr("Saved"), tr("Note")}, parent)
{
    setObjectName(QStringLiteral("revisionsPanel"));
    list()->setObjectName(QStringLiteral("revisionsList"));
    clearRevisions();
}

void RevisionsPanel::showRevisions(const std::vector<RevisionEntry>& revisions)
{
    reset(tr("This workspace has no saved revisions."));
    for (const RevisionEntry& r : revisions)
        addRow({QString::number(r.id), r.savedAt, r.note});
    refresh();
}

void RevisionsPanel::showNotAWorkspace()
{
    reset(tr("YAML files have no revision history. Workspaces (.firedrill) keep every saved revision."));
}

void RevisionsPanel::clearRevisions()
{
    reset(tr("No file open."));
}

} // namespace firedrill::ui
