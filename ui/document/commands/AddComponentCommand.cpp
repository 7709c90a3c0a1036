#include "AddComponentCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

namespace firedrill::ui {

AddComponentCommand::AddComponentCommand(Document* document, Component component, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_component(std::move(component))
{
    setText(QObject::tr("Add %1").arg(qstr(m_component.id.str())));
    m_index = static_cast<int>(document->topology().components.size());
}

void AddComponentCommand::undo()
{
    m_document->removeComponent(m_component.id);
}

void AddComponentCommand::redo()
{
    m_document->insertComponent(m_index, m_component);
}

} // namespace firedrill::ui
