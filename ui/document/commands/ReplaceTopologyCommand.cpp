#include "ReplaceTopologyCommand.h"

#include "ui/document/Document.h"

namespace firedrill::ui {

ReplaceTopologyCommand::ReplaceTopologyCommand(Document* document, Topology after, const QString& text,
                                               QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_before(document->topology()), m_after(std::move(after))
{
}

void ReplaceTopologyCommand::undo()
{
    m_document->replaceTopology(m_before);
}

void ReplaceTopologyCommand::redo()
{
    m_document->replaceTopology(m_after);
}

} // namespace firedrill::ui
