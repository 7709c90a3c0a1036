#pragma once

#include "core/model/Component.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Replaces one component with an edited copy (several nested settings at once, such as a failover's
/// decision time or a probe's interval) in one undo step.
class ReplaceComponentCommand : public QUndoCommand
{
public:
    /// Replaces the component with `after`'s id by `after`; `text` names the edit in the undo history.
    ReplaceComponentCommand(Document* document, Component after, const QString& text, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Component m_before;
    Component m_after;
};

} // namespace firedrill::ui
