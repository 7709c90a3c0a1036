#include "KindIcons.h"

#include <QFile>
#include <QPainter>
#include <QSvgRenderer>
#include <map>
#include <memory>

static void initKindIconResources()
{
    Q_INIT_RESOURCE(kind_icons);
}

namespace firedrill::ui {

namespace {

QString familyFile(KindFamily family)
{
    switch (family) {
    case KindFamily::GlobalRouting: return QStringLiteral("global-routing");
    case KindFamily::RegionalRouting: return QStringLiteral("regional-routing");
    case KindFamily::Compute: return QStringLiteral("compute");
    case KindFamily::Data: return QStringLiteral("data");
    case KindFamily::Messaging: return QStringLiteral("messaging");
    case KindFamily::Link: return QStringLiteral("link");
    case KindFamily::Clients: return QStringLiteral("clients");
    }
    return QStringLiteral("compute");
}

void ensureResources()
{
    static const bool loaded = [] {
        initKindIconResources();
        return true;
    }();
    Q_UNUSED(loaded);
}

} // namespace

QString kindIconPath(ComponentKind kind)
{
    ensureResources();
    return QStringLiteral(":/kinds/%1.svg").arg(familyFile(kindFamily(kind)));
}

QIcon kindIcon(ComponentKind kind)
{
    return QIcon(kindIconPath(kind));
}

void paintKindIcon(QPainter* painter, const QRectF& rect, ComponentKind kind)
{
    static std::map<KindFamily, std::unique_ptr<QSvgRenderer>> renderers;
    auto& renderer = renderers[kindFamily(kind)];
    if (!renderer)
        renderer = std::make_unique<QSvgRenderer>(kindIconPath(kind));
    renderer->render(painter, rect);
}

QColor kindColor(ComponentKind kind)
{
    switch (kindFamily(kind)) {
    case KindFamily::GlobalRouting: return QColor(0x1f, 0x6f, 0xc5);
    case KindFamily::RegionalRouting: return QColor(0x12, 0x87, 0x7a);
    case KindFamily::Compute: return QColor(0x45, 0x53, 0xc4);
    case KindFamily::Data: return QColor(0xc0, 0x66, 0x0c);
    case KindFamily::Messaging: return QColor(0x8a, 0x3f, 0xb5);
    case KindFamily::Link: return QColor(0x5b, 0x6b, 0x7a);
    case KindFamily::Clients: return QColor(0x3d, 0x8a, 0x22);
    }
    return Qt::gray;
}

} // namespace firedrill::ui
