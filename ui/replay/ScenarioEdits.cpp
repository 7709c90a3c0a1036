#include "ScenarioEdits.h"

#include "FaultLabels.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/SetScenarioCommand.h"

#include <QRegularExpression>
#include <algorithm>

namespace firedrill::ui {

QString uniqueScenarioId(const Topology& topology, const QString& name)
{
    QString base = name.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (base.isEmpty())
        base = QStringLiteral("scenario");
    QString id = base;
    for (int n = 2; topology.findScenario(ScenarioId(id.toStdString())); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

Fault defaultFault(FaultKind kind, const FaultTarget& target, qint64 atMs)
{
    Fault f;
    f.at = Duration::milliseconds(atMs);
    f.target = target;
    f.kind = kind;
    f.length = kDefaultFaultLength;
    switch (kind) {
    case FaultKind::Surge:
        f.multiplier = 2.0;
        break;
    case FaultKind::Degradation:
        f.latency = Duration::seconds(1);
        f.errorRate = 0.1;
        break;
    case FaultKind::FaultDomain:
        f.domain = 0;
        break;
    case FaultKind::Corruption:
        f.detectedAfter = Duration::minutes(30);
        f.length.reset(); // bad data stays until it is restored
        break;
    default:
        break;
    }
    return f;
}

const Scenario* findScenario(const Document* document, const QString& id)
{
    return id.isEmpty() ? nullptr : document->topology().findScenario(ScenarioId(id.toStdString()));
}

bool addFaultToScenario(Document* document, const QString& scenarioId, const Fault& fault)
{
    const Scenario* current = findScenario(document, scenarioId);
    if (!current)
        return false;
    Scenario s = *current;
    s.faults.push_back(fault);
    document->push(new SetScenarioCommand(
        document, std::move(s), QObject::tr("Add %1").arg(faultLaneLabel(document->topology(), fault))));
    return true;
}

bool replaceFaultInScenario(Document* document, const QString& scenarioId, int index, const Fault& fault,
                            const QString& text, int merge)
{
    const Scenario* current = findScenario(document, scenarioId);
    if (!current || index < 0 || index >= static_cast<int>(current->faults.size()))
        return false;
    if (current->faults[static_cast<std::size_t>(index)] == fault)
        return true;
    Scenario s = *current;
    s.faults[static_cast<std::size_t>(index)] = fault;
    document->push(new SetScenarioCommand(document, std::move(s), text, merge));
    return true;
}

bool addInjectToScenario(Document* document, const QString& scenarioId, const Inject& inject)
{
    const Scenario* current = findScenario(document, scenarioId);
    if (!current)
        return false;
    Scenario s = *current;
    const auto at = std::upper_bound(s.injects.begin(), s.injects.end(), inject.at,
                                     [](Duration t, const Inject& i) { return t < i.at; });
    s.injects.insert(at, inject);
    document->push(new SetScenarioCommand(document, std::move(s),
                                          QObject::tr("Add inject at %1").arg(clockText(inject.at.ms))));
    return true;
}

} // namespace firedrill::ui
