#include "MoveComponentCommand.h"

#include "CommandIds.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

namespace firedrill::ui {

MoveComponentCommand::MoveComponentCommand(Document* document, ComponentId id, Placement to, int dragId,
                                           QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_id(std::move(id)), m_to(std::move(to)), m_dragId(dragId)
{
    if (const Component* c = document->topology().findComponent(m_id))
        m_from = placementOf(*c);
    setText(describe(qstr(m_id.str()), m_to));
}

QString MoveComponentCommand::describe(const QString& id, const Placement& to)
{
    QString where = to.region ? qstr(to.region->str()) : to.site ? qstr(to.site->str()) : QObject::tr("nowhere");
    if (to.region && to.zone)
        where += QObject::tr(" zone %1").arg(*to.zone);
    return QObject::tr("Move %1 to %2").arg(id, where);
}

Placement MoveComponentCommand::placementOf(const Component& component)
{
    return Placement{component.region, component.site, component.zone};
}

void MoveComponentCommand::apply(const Placement& placement)
{
    const Component* current = m_document->topology().findComponent(m_id);
    if (!current)
        return;
    Component c = *current;
    c.region = placement.region;
    c.site = placement.site;
    c.zone = placement.zone;
    m_document->replaceComponent(c);
}

void MoveComponentCommand::undo()
{
    apply(m_from);
}

void MoveComponentCommand::redo()
{
    apply(m_to);
}

int MoveComponentCommand::id() const
{
    return m_dragId != 0 ? CommandId::MoveComponent : -1;
}

bool MoveComponentCommand::mergeWith(const QUndoCommand* other)
{
    const auto* move = static_cast<const MoveComponentCommand*>(other);
    if (move->m_dragId != m_dragId || move->m_id != m_id)
        return false;
    m_to = move->m_to;
    setText(move->text());
    return true;
}

} // namespace firedrill::ui
