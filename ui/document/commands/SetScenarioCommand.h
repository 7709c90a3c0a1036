#pragma once

#include "core/model/Scenario.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Replaces one scenario (its name, duration, faults or injects) in one undo step. Successive edits of
/// the same scenario with the same non-zero `merge` key (one drag of a fault bar) become one step.
class SetScenarioCommand : public QUndoCommand
{
public:
    /// Replaces the scenario with `after`'s id by `after`. `merge`: 0 never merges; commands with the same
    /// key that edit the same scenario merge (callers take a new key per gesture, see nextMergeKey()).
    SetScenarioCommand(Document* document, Scenario after, const QString& text, int merge = 0,
                       QUndoCommand* parent = nullptr);

    /// A merge key not handed out before (for one drag, one typing session...).
    static int nextMergeKey();

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    Scenario m_before;
    Scenario m_after;
    int m_merge = 0;
};

} // namespace firedrill::ui
