#pragma once

#include "commands/MoveComponentCommand.h"
#include "core/model/Component.h"

#include <QStringList>

namespace firedrill::ui {

class Document;

/// Adds a new component of `kind` at `placement` (global and link kinds ignore the zone); returns its id,
/// e.g. "app-service-1".
QString addComponentOfKind(Document& document, ComponentKind kind, const Placement& placement);
/// Deletes components and every reference to them, as one undo step. Unknown ids are ignored.
void removeComponents(Document& document, const QStringList& ids);
/// Adds a copy of each component (same placement, new id, no replicas), as one undo step; returns the new ids.
QStringList duplicateComponents(Document& document, const QStringList& ids);
/// Moves a component to another region, zone or site; false when it is there already or unknown.
bool moveComponent(Document& document, const QString& id, const Placement& to, int dragId = 0);
/// Makes `from` depend on `to`; false when that would be a self-dependency or exists already.
bool connectComponents(Document& document, const QString& from, const QString& to,
                       DependencyKind kind = DependencyKind::Hard);

} // namespace firedrill::ui
