#pragma once

#include "core/model/Topology.h"

#include <QString>
#include <QtGlobal>

namespace firedrill::ui {

class Document;

/// How long a fault added from a menu lasts unless the user says otherwise.
inline constexpr Duration kDefaultFaultLength = Duration::minutes(30);

/// A scenario id built from `name` ("West Europe down" -> "west-europe-down") not used yet in `topology`.
QString uniqueScenarioId(const Topology& topology, const QString& name);
/// A new fault of `kind` on `target` starting at `atMs`, lasting kDefaultFaultLength, with the parameters
/// its kind needs set to starting values the user then edits (surge x2, degradation +1s and 10% errors,
/// corruption noticed after 30m).
Fault defaultFault(FaultKind kind, const FaultTarget& target, qint64 atMs);
/// Adds `fault` to scenario `scenarioId` as one undoable step; false when the scenario does not exist.
bool addFaultToScenario(Document* document, const QString& scenarioId, const Fault& fault);
/// Replaces fault `index` of scenario `scenarioId` (merge: see SetScenarioCommand); false when either is
/// missing.
bool replaceFaultInScenario(Document* document, const QString& scenarioId, int index, const Fault& fault,
                            const QString& text, int merge = 0);
/// Adds `inject` to scenario `scenarioId`, keeping injects in time order; false when it does not exist.
bool addInjectToScenario(Document* document, const QString& scenarioId, const Inject& inject);
/// The scenario `id` of the document, or null.
const Scenario* findScenario(const Document* document, const QString& id);

} // namespace firedrill::ui
