#include "CanvasReplay.h"

#include "ui/common/DisplayText.h"
#include "ui/editor/CanvasColors.h"
#include "ui/editor/ComponentItem.h"
#include "ui/editor/EdgeItem.h"
#include "ui/editor/TopologyScene.h"

#include "core/io/Units.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <map>

namespace firedrill::ui {

namespace {

QString count(double v)
{
    return QLocale(QLocale::English).toString(std::round(v), 'f', 0);
}

QString seconds(double s)
{
    if (s < 60)
        return QStringLiteral("%1 s").arg(QLocale(QLocale::English).toString(s, 'g', 3));
    return qstr(formatDurationApprox(Duration{static_cast<std::int64_t>(std::llround(s * 1000))}));
}

} // namespace

QString flowLabel(const sim::FlowFrame& flow)
{
    if (flow.offered - flow.served > 0.5)
        return QObject::tr("%1 of %2 req/s").arg(count(flow.served), count(flow.offered));
    return QObject::tr("%1 req/s").arg(count(flow.served));
}

QString replicationLabel(const sim::ReplicationFrame& r)
{
    if (r.synchronous && !r.cut)
        return QObject::tr("sync · nothing at risk");
    QString text = QObject::tr("lag %1 · %2 writes at risk").arg(seconds(r.lagS), count(r.atRisk));
    return r.cut ? QObject::tr("CUT · %1").arg(text) : text;
}

QString routerDetail(const sim::RouterFrame& router)
{
    QStringList answered;
    for (const auto& id : router.answered)
        answered << qstr(id);
    QString text = answered.isEmpty() ? QObject::tr("answers nothing") : QObject::tr("answers %1").arg(answered.join(QStringLiteral(", ")));
    if (router.staleShare >= 0.005)
        text += QObject::tr(" · %1% of clients on stale answers")
                    .arg(QLocale(QLocale::English).toString(router.staleShare * 100, 'f', 0));
    return text;
}

void showReplayFrame(TopologyScene& scene, const sim::ReplayFrame* frame)
{
    const auto edges = scene.edges();
    if (!frame) {
        for (EdgeItem* e : edges)
            e->setReplayFlow(std::nullopt);
        for (QGraphicsItem* item : scene.items())
            if (auto* card = dynamic_cast<ComponentItem*>(item))
                card->setReplayState(std::nullopt);
        return;
    }
    std::map<QString, const sim::RouterFrame*> routers;
    for (const auto& r : frame->routers)
        routers[qstr(r.id)] = &r;
    for (const auto& c : frame->components) {
        ComponentItem* card = scene.card(qstr(c.id));
        if (!card)
            continue;
        ReplayCardState state;
        state.phase = static_cast<ReplayCardState::Phase>(c.phase);
        state.detail = qstr(c.detail).replace(QStringLiteral("; "), QStringLiteral(" · "));
        if (const auto r = routers.find(qstr(c.id)); r != routers.end() && c.phase != sim::ComponentPhase::Down)
            state.detail = routerDetail(*r->second);
        card->setReplayState(state);
    }

    const CanvasColors& colors = canvasColors();
    std::map<std::pair<QString, QString>, const sim::FlowFrame*> flows;
    double busiest = 1;
    for (const auto& f : frame->flows) {
        flows[{qstr(f.from), qstr(f.to)}] = &f;
        busiest = std::max(busiest, f.offered);
    }
    std::map<std::pair<QString, QString>, const sim::ReplicationFrame*> replications;
    for (const auto& r : frame->replications)
        replications[{qstr(r.from), qstr(r.to)}] = &r;
    std::map<QString, sim::ComponentPhase> phases;
    for (const auto& c : frame->components)
        phases[qstr(c.id)] = c.phase;

    for (EdgeItem* e : edges) {
        EdgeItem::ReplayFlow look;
        switch (e->style()) {
        case EdgeItem::Style::Hard:
        case EdgeItem::Style::Soft:
        case EdgeItem::Style::Endpoint: {
            const auto it = flows.find({e->fromId(), e->toId()});
            if (it == flows.end() || it->second->offered < 0.5) {
                look.color = colors.edgeLink;
                look.width = 1.4;
                break;
            }
            const sim::FlowFrame& f = *it->second;
            // Labels where traffic flows, and on a router's endpoints (where it is lost); a dead dependency
            // is only drawn red, so a failed region does not drown in "0 of ..." labels.
            if (f.served >= 0.5 || e->style() == EdgeItem::Style::Endpoint)
                look.label = flowLabel(f);
            look.width = 1.8 + 6.0 * std::sqrt(std::max(f.served, f.offered) / busiest);
            look.color = f.served < 0.5 ? colors.danger : f.offered - f.served > 0.5 ? colors.warning : colors.success;
            break;
        }
        case EdgeItem::Style::Replication: {
            const auto it = replications.find({e->fromId(), e->toId()});
            if (it == replications.end()) {
                look.color = colors.edgeReplication;
                look.width = 2.6;
                break;
            }
            look.label = replicationLabel(*it->second);
            look.color = it->second->cut ? colors.danger : colors.edgeReplication;
            look.width = it->second->cut ? 3.2 : 2.6;
            break;
        }
        case EdgeItem::Style::LinkEnd: {
            const auto it = phases.find(e->fromId());
            const bool down = it != phases.end() && it->second == sim::ComponentPhase::Down;
            look.color = down ? colors.danger : colors.edgeLink;
            look.width = down ? 2.6 : 1.8;
            break;
        }
        }
        e->setReplayFlow(look);
    }
}

} // namespace firedrill::ui
