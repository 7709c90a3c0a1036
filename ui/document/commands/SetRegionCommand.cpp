#include "SetRegionCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

SetRegionCommand::SetRegionCommand(Document* document, RegionId id, std::optional<Region> after,
                                   QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_id(std::move(id)), m_after(std::move(after))
{
    const auto& regions = document->topology().regions;
    const auto it = std::find_if(regions.begin(), regions.end(), [&](const Region& r) { return r.id == m_id; });
    if (it != regions.end()) {
        m_before = *it;
        m_index = static_cast<int>(it - regions.begin());
    }
    const QString name = qstr(m_id.str());
    setText(!m_after    ? QObject::tr("Delete region %1").arg(name)
            : !m_before ? QObject::tr("Add region %1").arg(name)
                        : QObject::tr("Edit region %1").arg(name));
}

void SetRegionCommand::apply(const std::optional<Region>& region)
{
    const auto& regions = m_document->topology().regions;
    const bool exists = std::any_of(regions.begin(), regions.end(), [&](const Region& r) { return r.id == m_id; });
    if (!region && exists)
        m_document->removeRegion(m_id);
    else if (region && exists)
        m_document->replaceRegion(*region);
    else if (region)
        m_document->insertRegion(m_index < 0 ? static_cast<int>(regions.size()) : m_index, *region);
}

void SetRegionCommand::undo()
{
    apply(m_before);
}

void SetRegionCommand::redo()
{
    apply(m_after);
}

} // namespace firedrill::ui
