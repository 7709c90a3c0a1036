#pragma once

#include "core/model/Component.h"

#include <QUndoCommand>
#include <vector>

namespace firedrill::ui {

class Document;

/// Replaces several components with edited copies in one undo step and one change to the document (a
/// drag of many cards, Tidy, Align): views refresh once, however many cards it touched.
class ReplaceComponentsCommand : public QUndoCommand
{
public:
    /// Replaces each component with the same id as one of `after`; `text` names the edit in the history.
    /// Components that no longer exist are skipped; with nothing left to change the command is obsolete.
    ReplaceComponentsCommand(Document* document, std::vector<Component> after, const QString& text,
                             QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::vector<Component> m_before;
    std::vector<Component> m_after;
};

} // namespace firedrill::ui
