#include "ReplaceComponentCommand.h"

#include "ui/document/Document.h"

namespace firedrill::ui {

ReplaceComponentCommand::ReplaceComponentCommand(Document* document, Component after, const QString& text,
                                                 QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_after(std::move(after))
{
    if (const Component* c = document->topology().findComponent(m_after.id))
        m_before = *c;
    else
        setObsolete(true);
}

void ReplaceComponentCommand::undo()
{
    m_document->replaceComponent(m_before);
}

void ReplaceComponentCommand::redo()
{
    m_document->replaceComponent(m_after);
}

} // namespace firedrill::ui
