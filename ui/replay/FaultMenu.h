#pragma once

#include "core/model/Scenario.h"

#include <QString>
#include <QtGlobal>

class QMenu;
class QWidget;

namespace firedrill::ui {

class Document;

/// Fills a context menu with the faults one target can suffer, each added to a scenario at the playhead
/// as one undo step: "Fail <label> at 00:10" (outage), "Crash one instance of …", "Cut …" (partition),
/// "Degrade …", "Corrupt data of …" (stores), "Surge on …", and "Add to scenario…" which opens the fault
/// dialog prefilled. Actions are named "faultAction-<kind>" ("faultAction-outage") and "faultAction-dialog".
class FaultMenu
{
public:
    /// Adds the actions for `target` (shown as `label`) to `menu`; they add to scenario `scenarioId`
    /// starting at `playheadMs`, lasting the default length. Dialogs open on `dialogParent`. Without a
    /// scenario, a disabled line says to choose one.
    static void fill(QMenu* menu, Document* document, const QString& scenarioId, const FaultTarget& target,
                     const QString& label, qint64 playheadMs, QWidget* dialogParent);
    /// Opens the fault dialog on `fault` and adds what was accepted to scenario `scenarioId`; true when
    /// a fault was added.
    static bool addWithDialog(Document* document, const QString& scenarioId, const Fault& fault,
                              QWidget* parent);
    /// The menu text of `kind` for `label` at `clock` ("Fail West Europe at 00:10").
    static QString actionText(FaultKind kind, const QString& label, const QString& clock);
};

} // namespace firedrill::ui
