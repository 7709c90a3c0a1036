#include "EndpointEditor.h"

#include "ui/common/DisplayText.h"
#include "ui/common/RetireWidgets.h"
#include "ui/document/Document.h"
#include "ui/document/EndpointEditing.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace firedrill::ui {

namespace {

/// The largest priority or weight the editor offers (the format allows any whole number from 1).
constexpr int kMaxRank = 1000;

std::vector<ComponentId> targetsOf(const Component& router)
{
    std::vector<ComponentId> targets;
    for (const Endpoint& e : router.endpoints)
        targets.push_back(e.target);
    return targets;
}

QSpinBox* rankBox(const QString& name, const QString& prefix, const QString& unset, const QString& tip,
                  QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(name);
    box->setRange(0, kMaxRank);
    box->setPrefix(prefix);
    box->setSpecialValueText(unset);
    box->setToolTip(tip);
    box->setMinimumWidth(0);
    return box;
}

} // namespace

EndpointEditor::EndpointEditor(Document* document, const QString& routerId, QWidget* parent)
    : QWidget(parent), m_document(document), m_router(routerId)
{
    setObjectName(QStringLiteral("endpointEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("No endpoints yet: with Connect, drag from this router to a component, or add one "
                            "below."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);
    auto* rows = new QWidget(this);
    m_grid = new QGridLayout(rows);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
    layout->addWidget(rows);
    m_add = new QComboBox(this);
    m_add->setObjectName(QStringLiteral("endpoint-add"));
    m_add->setToolTip(tr("Add a component this router sends traffic to"));
    layout->addWidget(m_add);
    connect(m_add, &QComboBox::activated, this, [this](int index) {
        const QString target = m_add->itemData(index).toString();
        if (!target.isEmpty())
            addEndpoint(*m_document, m_router, target);
        // The document's change rebuilds this box; an unchanged one goes back to its prompt.
        const QSignalBlocker block(m_add);
        m_add->setCurrentIndex(0);
    });
}

void EndpointEditor::show(const Component& router)
{
    if (targetsOf(router) != m_targets || m_rowWidgets.empty() != router.endpoints.empty())
        rebuildRows(router);
    const bool priorityRouting = router.routing == RoutingMethod::Priority;
    const bool weightedRouting = router.routing == RoutingMethod::Weighted;
    for (std::size_t i = 0; i < router.endpoints.size() && i < m_rankBoxes.size(); ++i) {
        const Endpoint& e = router.endpoints[i];
        auto [p, w] = m_rankBoxes[i];
        const QSignalBlocker b1(p), b2(w);
        p->setValue(e.priority.value_or(0));
        p->setEnabled(priorityRouting || e.priority);
        w->setValue(e.weight.value_or(0));
        w->setEnabled(weightedRouting || e.weight);
    }
    fillAddBox(router);
}

void EndpointEditor::rebuildRows(const Component& router)
{
    retireWidgets(m_rowWidgets, m_grid);
    m_rankBoxes.clear();
    m_targets = targetsOf(router);
    m_empty->setVisible(router.endpoints.empty());
    if (router.endpoints.empty())
        return;
    // Two lines per endpoint, so the rows fit a narrow dock: the target, then its priority, its weight and a
    // remove button.
    QWidget* rows = m_grid->parentWidget();
    const Topology& topology = m_document->topology();
    int row = 0;
    for (const Endpoint& e : router.endpoints) {
        const QString target = qstr(e.target.str());
        const Component* c = topology.findComponent(e.target);
        auto* label = new QLabel(tr("→ %1").arg(c ? labelWithId(c->name, c->id.str()) : target), rows);
        label->setWordWrap(true);
        auto* priority = rankBox(QStringLiteral("endpoint-priority-%1").arg(target), tr("priority "),
                                 tr("no priority"),
                                 tr("Priority routing: the lowest number that is up gets the traffic"), rows);
        auto* weight = rankBox(QStringLiteral("endpoint-weight-%1").arg(target), tr("weight "), tr("no weight"),
                               tr("Weighted routing: share of the traffic, relative to the other weights"), rows);
        auto* remove = new QToolButton(rows);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this endpoint"));
        remove->setAccessibleName(tr("Remove endpoint %1").arg(target));
        remove->setObjectName(QStringLiteral("endpoint-remove-%1").arg(target));
        m_grid->addWidget(label, row, 0, 1, 3);
        m_grid->addWidget(priority, row + 1, 0);
        m_grid->addWidget(weight, row + 1, 1);
        m_grid->addWidget(remove, row + 1, 2);
        m_rowWidgets.insert(m_rowWidgets.end(), {label, priority, weight, remove});
        m_rankBoxes.emplace_back(priority, weight);
        connect(priority, &QSpinBox::valueChanged, this,
                [this, target](int v) { edit(target, &Endpoint::priority, v); });
        connect(weight, &QSpinBox::valueChanged, this, [this, target](int v) { edit(target, &Endpoint::weight, v); });
        connect(remove, &QToolButton::clicked, this, [this, target] { this->remove(target); });
        row += 2;
    }
}

void EndpointEditor::fillAddBox(const Component& router)
{
    const QSignalBlocker block(m_add);
    m_add->clear();
    m_add->addItem(tr("Add endpoint…"), QString());
    for (const Component& c : m_document->topology().components) {
        const bool listed = std::find(m_targets.begin(), m_targets.end(), c.id) != m_targets.end();
        if (c.id != router.id && !listed)
            m_add->addItem(labelWithId(c.name, c.id.str()), qstr(c.id.str()));
    }
    m_add->setEnabled(m_add->count() > 1);
}

void EndpointEditor::edit(const QString& target, std::optional<int> Endpoint::*field, int value)
{
    const Component* router = m_document->topology().findComponent(ComponentId(m_router.toStdString()));
    if (!router)
        return;
    std::vector<Endpoint> endpoints = router->endpoints;
    for (Endpoint& e : endpoints)
        if (e.target.str() == target.toStdString())
            e.*field = value > 0 ? std::optional<int>(value) : std::nullopt;
    const QString what = field == &Endpoint::priority ? tr("priority") : tr("weight");
    setEndpoints(*m_document, m_router, std::move(endpoints),
                 tr("Set %1 of endpoint %2 of %3").arg(what, target, m_router), true);
}

void EndpointEditor::remove(const QString& target)
{
    const Component* router = m_document->topology().findComponent(ComponentId(m_router.toStdString()));
    if (!router)
        return;
    std::vector<Endpoint> endpoints = router->endpoints;
    std::erase_if(endpoints, [&](const Endpoint& e) { return e.target.str() == target.toStdString(); });
    setEndpoints(*m_document, m_router, std::move(endpoints),
                 tr("Remove endpoint %1 from %2").arg(target, m_router));
}

} // namespace firedrill::ui
