#pragma once

#include "core/model/Topology.h"

#include <QUndoCommand>
#include <optional>

namespace firedrill::ui {

class Document;

/// Adds, edits or removes one region, storing the region before and after (absent meaning "none").
class SetRegionCommand : public QUndoCommand
{
public:
    /// Replaces the region `id` with `after` (absent: removes it). A new id adds a region.
    SetRegionCommand(Document* document, RegionId id, std::optional<Region> after, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    void apply(const std::optional<Region>& region);

    Document* m_document;
    RegionId m_id;
    std::optional<Region> m_before;
    std::optional<Region> m_after;
    int m_index = -1;
};

} // namespace firedrill::ui
