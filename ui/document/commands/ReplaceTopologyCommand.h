#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Replaces the whole topology with another in one undo step: applying a DR strategy, which adds, removes
/// and rescales components, reroutes traffic managers and sets the workload's strategy all at once.
class ReplaceTopologyCommand : public QUndoCommand
{
public:
    /// Replaces the document's topology with `after`; `text` names the edit in the undo history.
    ReplaceTopologyCommand(Document* document, Topology after, const QString& text, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Topology m_before;
    Topology m_after;
};

} // namespace firedrill::ui
