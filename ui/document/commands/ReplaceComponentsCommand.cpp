#include "ReplaceComponentsCommand.h"

#include "ui/document/Document.h"

namespace firedrill::ui {

ReplaceComponentsCommand::ReplaceComponentsCommand(Document* document, std::vector<Component> after,
                                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document)
{
    for (Component& c : after) {
        const Component* current = document->topology().findComponent(c.id);
        if (!current || *current == c)
            continue;
        m_before.push_back(*current);
        m_after.push_back(std::move(c));
    }
    setObsolete(m_after.empty());
}

void ReplaceComponentsCommand::undo()
{
    m_document->replaceComponents(m_before);
}

void ReplaceComponentsCommand::redo()
{
    m_document->replaceComponents(m_after);
}

} // namespace firedrill::ui
