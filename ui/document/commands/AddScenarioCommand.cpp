#include "AddScenarioCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

namespace firedrill::ui {

AddScenarioCommand::AddScenarioCommand(Document* document, Scenario scenario, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_scenario(std::move(scenario)),
      m_index(static_cast<int>(document->topology().scenarios.size()))
{
    setText(QObject::tr("Add scenario %1")
                .arg(qstr(m_scenario.name.empty() ? m_scenario.id.str() : m_scenario.name)));
}

void AddScenarioCommand::undo()
{
    m_document->removeScenario(m_scenario.id);
}

void AddScenarioCommand::redo()
{
    m_document->insertScenario(m_index, m_scenario);
}

} // namespace firedrill::ui
