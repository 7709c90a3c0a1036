#pragma once

#include "core/model/Component.h"

#include <QUndoCommand>

namespace firedrill::ui {

class Document;

/// Where a component is placed: a region (and optionally one zone of it), a site, or nowhere.
struct Placement
{
    std::optional<RegionId> region;
    std::optional<SiteId> site;
    std::optional<int> zone;
    bool operator==(const Placement&) const = default;
};

/// Moves a component to another region, zone or site. Successive moves of the same component in one
/// drag (the same `dragId`) merge into one step.
class MoveComponentCommand : public QUndoCommand
{
public:
    /// Moves `id` from its current placement to `to`.
    MoveComponentCommand(Document* document, ComponentId id, Placement to, int dragId = 0,
                         QUndoCommand* parent = nullptr);

    /// The placement `component` has now.
    static Placement placementOf(const Component& component);
    /// "Move web-weu to weu zone 3": the undo history's name for moving `id` to `to`.
    static QString describe(const QString& id, const Placement& to);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    void apply(const Placement& placement);

    Document* m_document;
    ComponentId m_id;
    Placement m_from;
    Placement m_to;
    int m_dragId = 0;
};

} // namespace firedrill::ui
