#pragma once

#include "core/model/Component.h"

#include <QUndoCommand>
#include <optional>

namespace firedrill::ui {

class Document;

/// Adds, changes or removes the dependency of one component on another (one command for all three:
/// it stores the dependency before and after, absent meaning "none").
class SetDependencyCommand : public QUndoCommand
{
public:
    /// Makes `from` depend on `to` with `kind`, or removes that dependency when `kind` is absent.
    SetDependencyCommand(Document* document, ComponentId from, ComponentId to,
                         std::optional<DependencyKind> kind, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    void apply(const std::optional<DependencyKind>& kind, int index);

    Document* m_document;
    ComponentId m_from;
    ComponentId m_to;
    std::optional<DependencyKind> m_old;
    std::optional<DependencyKind> m_new;
    int m_index = -1; ///< position of the dependency in the caller's list before the change
};

} // namespace firedrill::ui
