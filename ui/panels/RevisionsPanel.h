#pragma once

#include "ListPanel.h"
#include "ui/document/OpenedDocument.h"

#include <vector>

namespace firedrill::ui {

/// The Revisions list of a workspace: each saved revision with its time and note, newest first.
class RevisionsPanel : public ListPanel
{
    Q_OBJECT

public:
    /// The list's columns.
    enum Column { IdColumn = 0, SavedColumn, NoteColumn };

    explicit RevisionsPanel(QWidget* parent = nullptr);

    /// Lists the revisions of an open workspace.
    void showRevisions(const std::vector<RevisionEntry>& revisions);
    /// Explains that YAML files have no revisions.
    void showNotAWorkspace();
    /// Empties the list (no file open).
    void clearRevisions();
};

} // namespace firedrill::ui
