#include "CardBuilder.h"

#include "core/analysis/AvailabilityReport.h"
#include "core/analysis/CostModel.h"
#include "core/analysis/SpofAnalysis.h"
#include "core/io/PriceTableReader.h"
#include "core/io/Units.h"
#include "core/model/Validator.h"
#include "ui/common/DisplayText.h"

#include <QLocale>
#include <QObject>

namespace firedrill::ui {

namespace {

QString figuresOf(const Component& c)
{
    QStringList parts;
    if (c.instances)
        parts << QStringLiteral("×%1").arg(*c.instances);
    if (c.autoscale)
        parts << QStringLiteral("%1–%2").arg(c.autoscale->min).arg(c.autoscale->max);
    if (!c.zones.empty())
        parts << QObject::tr("zones %1").arg(zoneList(c.zones));
    if (c.sla)
        parts << QObject::tr("SLA %1").arg(qstr(formatPercent(*c.sla)));
    if (c.size)
        parts << qstr(formatDataSize(*c.size));
    if (c.redundancy)
        parts << enumText(*c.redundancy).toUpper();
    if (c.routing)
        parts << enumText(*c.routing);
    return parts.join(QStringLiteral(" · "));
}

QString money(double usd)
{
    return moneyText(usd) + QStringLiteral("/mo");
}

} // namespace

QString componentOfPath(const std::string& path)
{
    const std::string prefix = "components[";
    if (path.rfind(prefix, 0) != 0)
        return {};
    const auto end = path.find(']', prefix.size());
    return end == std::string::npos ? QString() : qstr(path.substr(prefix.size(), end - prefix.size()));
}

CardSet buildCards(const Topology& topology, const std::map<QString, QString>& replicaOwner, const Overlays& overlays)
{
    CardSet out;
    std::optional<CostReport> cost;
    if (overlays.cost)
        cost = topologyCost(topology, builtInPriceTable());
    for (const Component& c : topology.components) {
        CardInfo card;
        card.id = qstr(c.id.str());
        card.kind = c.kind;
        card.title = c.name.empty() ? card.id : qstr(c.name);
        card.subtitle = c.name.empty() ? kindText(c.kind) : QStringLiteral("%1 · %2").arg(card.id, kindText(c.kind));
        card.subtitleShort = c.name.empty() ? shortKindText(c.kind)
                                            : QStringLiteral("%1 · %2").arg(card.id, shortKindText(c.kind));
        card.figures = figuresOf(c);
        QStringList overlay;
        if (cost)
            overlay << money(cost->componentTotal(c.id));
        if (overlays.sla) {
            const ComponentAvailability a = componentAvailability(c);
            overlay << (a.assumed ? QObject::tr("avail. not given")
                                  : QObject::tr("avail. %1%").arg(QLocale(QLocale::English).toString(a.availability * 100, 'f', 3)));
        }
        card.overlay = overlay.join(QStringLiteral(" · "));
        out.cards[card.id] = card;

        for (const Replica& r : c.replicas) {
            const QString rid = qstr(r.id.str());
            if (!replicaOwner.count(rid))
                continue;
            CardInfo replica;
            replica.id = rid;
            replica.owner = card.id;
            replica.kind = c.kind;
            replica.title = rid;
            replica.subtitle = QObject::tr("replica of %1 · %2").arg(card.id, enumText(r.role));
            replica.subtitleShort = QObject::tr("of %1 · %2").arg(card.id, enumText(r.role));
            QStringList figures;
            if (r.readable)
                figures << QObject::tr("readable");
            replica.figures = figures.join(QStringLiteral(" · "));
            out.cards[rid] = replica;
        }
        if (!c.replicas.empty()) {
            auto& owner = out.cards[card.id];
            for (const Replica& r : c.replicas)
                if (r.role == ReplicaRole::Primary && !replicaOwner.count(qstr(r.id.str())))
                    owner.figures = QObject::tr("primary %1").arg(qstr(r.id.str())) +
                                    (owner.figures.isEmpty() ? QString() : QStringLiteral(" · ") + owner.figures);
        }
    }

    if (overlays.problems) {
        for (const Diagnostic& d : validate(topology)) {
            auto it = out.cards.find(componentOfPath(d.path));
            if (it == out.cards.end())
                continue;
            (d.severity == Severity::Error ? it->second.errors : it->second.warnings)++;
            if (!it->second.problems.isEmpty())
                it->second.problems += QLatin1Char('\n');
            it->second.problems += qstr(d.message);
        }
    }

    if (overlays.spofs) {
        const SpofReport report = findSinglePointsOfFailure(topology);
        for (const SpofFinding& finding : report.singles) {
            for (const FailureDomain& domain : finding.domains) {
                const QString id = qstr(domain.id);
                switch (domain.kind) {
                case FailureDomain::Kind::Component:
                case FailureDomain::Kind::Link:
                    if (auto it = out.cards.find(id); it != out.cards.end())
                        it->second.spof = true;
                    break;
                case FailureDomain::Kind::Zone: out.spofContainers.lanes.insert({id, domain.zone.value_or(0)}); break;
                case FailureDomain::Kind::Region:
                case FailureDomain::Kind::Site: out.spofContainers.whole.insert(id); break;
                }
            }
        }
    }
    return out;
}

} // namespace firedrill::ui
