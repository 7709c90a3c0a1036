#pragma once

#include "core/model/Scenario.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Adds one scenario (new, from a template or a copy) at the end of the scenario list.
class AddScenarioCommand : public QUndoCommand
{
public:
    /// Adds `scenario` to `document`; its id must not be taken.
    AddScenarioCommand(Document* document, Scenario scenario, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Scenario m_scenario;
    int m_index = -1;
};

} // namespace firedrill::ui
