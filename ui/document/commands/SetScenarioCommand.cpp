#include "SetScenarioCommand.h"

#include "CommandIds.h"
#include "ui/document/Document.h"

namespace firedrill::ui {

SetScenarioCommand::SetScenarioCommand(Document* document, Scenario after, const QString& text, int merge,
                                       QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_after(std::move(after)), m_merge(merge)
{
    if (const Scenario* before = document->topology().findScenario(m_after.id))
        m_before = *before;
    else
        setObsolete(true); // nothing to replace
}

int SetScenarioCommand::nextMergeKey()
{
    static int key = 0;
    return ++key;
}

void SetScenarioCommand::undo()
{
    m_document->replaceScenario(m_before);
}

void SetScenarioCommand::redo()
{
    const Scenario* now = m_document->topology().findScenario(m_after.id);
    if (now && *now != m_after)
        m_document->replaceScenario(m_after);
}

int SetScenarioCommand::id() const
{
    return m_merge != 0 ? CommandId::SetScenario : -1;
}

bool SetScenarioCommand::mergeWith(const QUndoCommand* other)
{
    const auto* same = static_cast<const SetScenarioCommand*>(other);
    if (same->m_merge != m_merge || same->m_after.id != m_after.id)
        return false;
    m_after = same->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace firedrill::ui
