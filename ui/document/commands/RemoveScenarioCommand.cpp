#include "RemoveScenarioCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

RemoveScenarioCommand::RemoveScenarioCommand(Document* document, const ScenarioId& id, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document)
{
    const auto& list = document->topology().scenarios;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Scenario& s) { return s.id == id; });
    if (it != list.end()) {
        m_scenario = *it;
        m_index = static_cast<int>(it - list.begin());
    }
    setText(
        QObject::tr("Delete scenario %1").arg(qstr(m_scenario.name.empty() ? id.str() : m_scenario.name)));
}

void RemoveScenarioCommand::undo()
{
    if (m_index >= 0)
        m_document->insertScenario(m_index, m_scenario);
}

void RemoveScenarioCommand::redo()
{
    if (m_index >= 0)
        m_document->removeScenario(m_scenario.id);
}

} // namespace firedrill::ui
