#pragma once

#include <QString>

namespace firedrill::ui {

/// What changed in a Document; views refresh from it.
struct ChangeEvent
{
    /// The kind of change.
    enum class Kind {
        Reset,            ///< a new topology was loaded or created: rebuild everything
        ComponentAdded,   ///< `id` was inserted
        ComponentRemoved, ///< `id` was removed
        ComponentChanged, ///< some property of `id` changed (placement, dependencies, figures...)
        WorkloadsChanged, ///< a workload was added, removed or edited (`id` names it)
        RegionsChanged,   ///< a region was added, removed or edited (`id` names it)
        ScenariosChanged, ///< a scenario was added, removed or edited (`id` names it)
        TopologyReplaced  ///< one edit changed many parts at once (a strategy applied): refresh everything
    };
    Kind kind = Kind::Reset;
    QString id;
};

} // namespace firedrill::ui
