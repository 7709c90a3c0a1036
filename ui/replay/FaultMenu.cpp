#include "FaultMenu.h"

#include "FaultDialog.h"
#include "FaultLabels.h"
#include "ScenarioEdits.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <QMenu>
#include <QObject>
#include <algorithm>

namespace firedrill::ui {

QString FaultMenu::actionText(FaultKind kind, const QString& label, const QString& clock)
{
    switch (kind) {
    case FaultKind::Outage:
        return QObject::tr("Fail %1 at %2").arg(label, clock);
    case FaultKind::Crash:
        return QObject::tr("Crash one instance of %1 at %2").arg(label, clock);
    case FaultKind::Partition:
        return QObject::tr("Cut %1 off at %2").arg(label, clock);
    case FaultKind::Degradation:
        return QObject::tr("Degrade %1 at %2").arg(label, clock);
    case FaultKind::DependencyFailure:
        return QObject::tr("Make %1 stop answering at %2").arg(label, clock);
    case FaultKind::Corruption:
        return QObject::tr("Corrupt data of %1 at %2").arg(label, clock);
    case FaultKind::Surge:
        return QObject::tr("Surge on %1 at %2").arg(label, clock);
    case FaultKind::FaultDomain:
        return QObject::tr("Take fault domain 0 of %1 down at %2").arg(label, clock);
    }
    return {};
}

void FaultMenu::fill(QMenu* menu, Document* document, const QString& scenarioId, const FaultTarget& target,
                     const QString& label, qint64 playheadMs, QWidget* dialogParent)
{
    const Scenario* scenario = findScenario(document, scenarioId);
    if (!scenario) {
        menu->addAction(QObject::tr("Choose or create a scenario to add faults"))->setEnabled(false);
        return;
    }
    const qint64 at = std::clamp<qint64>(playheadMs, 0, std::max<qint64>(0, scenario->duration.ms - 1));
    const QString clock = clockText(at);
    for (FaultKind kind : faultKindsFor(document->topology(), target)) {
        if (kind == FaultKind::DependencyFailure)
            continue; // in "Add to scenario…": it reads like an outage from the menu
        QAction* action = menu->addAction(actionText(kind, label, clock));
        action->setObjectName(QStringLiteral("faultAction-%1").arg(enumText(kind)));
        QObject::connect(action, &QAction::triggered, menu, [document, scenarioId, kind, target, at] {
            addFaultToScenario(document, scenarioId, defaultFault(kind, target, at));
        });
    }
    menu->addSeparator();
    QAction* more = menu->addAction(QObject::tr("Add to scenario…"));
    more->setObjectName(QStringLiteral("faultAction-dialog"));
    QObject::connect(more, &QAction::triggered, menu, [document, scenarioId, target, at, dialogParent] {
        const auto kinds = faultKindsFor(document->topology(), target);
        addWithDialog(document, scenarioId,
                      defaultFault(kinds.empty() ? FaultKind::Outage : kinds.front(), target, at),
                      dialogParent);
    });
}

bool FaultMenu::addWithDialog(Document* document, const QString& scenarioId, const Fault& fault,
                              QWidget* parent)
{
    const Scenario* scenario = findScenario(document, scenarioId);
    if (!scenario)
        return false;
    FaultDialog dialog(document->topology(), scenario->duration.ms, parent);
    dialog.setFault(fault);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return addFaultToScenario(document, scenarioId, dialog.fault());
}

} // namespace firedrill::ui
