#include "EndpointEditing.h"

#include "DocumentEditing.h"
#include "commands/ChangeComponentField.h"
#include "core/model/ComponentKind.h"
#include "ui/document/Document.h"

#include <QObject>

#include <algorithm>

namespace firedrill::ui {

namespace {

ComponentId cid(const QString& id)
{
    return ComponentId(id.toStdString());
}

} // namespace

bool routesToEndpoints(const Component& from)
{
    return kindFamily(from.kind) == KindFamily::GlobalRouting;
}

Endpoint newEndpoint(const Component& router, ComponentId target)
{
    Endpoint e{std::move(target), std::nullopt, std::nullopt};
    const RoutingMethod routing = router.routing.value_or(RoutingMethod::Performance);
    const bool numbered = std::any_of(router.endpoints.begin(), router.endpoints.end(),
                                      [](const Endpoint& other) { return other.priority.has_value(); });
    if (routing == RoutingMethod::Priority || numbered) {
        int last = 0;
        for (const Endpoint& other : router.endpoints)
            last = std::max(last, other.priority.value_or(0));
        e.priority = last + 1;
    }
    if (routing == RoutingMethod::Weighted)
        e.weight = 1;
    return e;
}

bool addEndpoint(Document& document, const QString& router, const QString& target)
{
    const Topology& topology = document.topology();
    const Component* r = topology.findComponent(cid(router));
    if (!r || !routesToEndpoints(*r) || router == target || !topology.findComponent(cid(target)))
        return false;
    const bool listed = std::any_of(r->endpoints.begin(), r->endpoints.end(),
                                    [&](const Endpoint& e) { return e.target == cid(target); });
    if (listed)
        return false;
    std::vector<Endpoint> endpoints = r->endpoints;
    endpoints.push_back(newEndpoint(*r, cid(target)));
    return setEndpoints(document, router, std::move(endpoints),
                        QObject::tr("Add endpoint %1 to %2").arg(target, router));
}

bool setEndpoints(Document& document, const QString& router, std::vector<Endpoint> endpoints, const QString& text,
                  bool merge)
{
    const Component* r = document.topology().findComponent(cid(router));
    if (!r || r->endpoints == endpoints)
        return false;
    document.push(new ChangeComponentField<std::vector<Endpoint>>(&document, r->id, &Component::endpoints,
                                                                  std::move(endpoints), text, merge));
    return true;
}

bool linkComponents(Document& document, const QString& from, const QString& to)
{
    const Component* source = document.topology().findComponent(cid(from));
    if (source && routesToEndpoints(*source))
        return addEndpoint(document, from, to);
    return connectComponents(document, from, to);
}

} // namespace firedrill::ui
