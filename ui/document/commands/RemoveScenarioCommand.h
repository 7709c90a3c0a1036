#pragma once

#include "core/model/Scenario.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Deletes one scenario; undo puts it back in its place.
class RemoveScenarioCommand : public QUndoCommand
{
public:
    /// Removes scenario `id` from `document` (nothing happens when it does not exist).
    RemoveScenarioCommand(Document* document, const ScenarioId& id, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Scenario m_scenario;
    int m_index = -1;
};

} // namespace firedrill::ui
