#pragma once

#include "core/model/Component.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Adds one component (from the palette, or a duplicate) at the end of the component list.
class AddComponentCommand : public QUndoCommand
{
public:
    /// Adds `component` to `document`.
    AddComponentCommand(Document* document, Component component, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Component m_component;
    int m_index = -1;
};

} // namespace firedrill::ui
