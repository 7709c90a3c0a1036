#include "ReplicaEditor.h"

#include "UnitField.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/common/RetireWidgets.h"
#include "ui/document/Document.h"
#include "ui/document/ReplicaEditing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace firedrill::ui {

namespace {

std::vector<ComponentId> idsOf(const Component& owner)
{
    std::vector<ComponentId> ids;
    for (const Replica& r : owner.replicas)
        ids.push_back(r.id);
    return ids;
}

const Replica* findIn(const Component& owner, const ComponentId& id)
{
    const auto it = std::find_if(owner.replicas.begin(), owner.replicas.end(),
                                 [&](const Replica& r) { return r.id == id; });
    return it == owner.replicas.end() ? nullptr : &*it;
}

QString lagCheck(const QString& text)
{
    if (text.isEmpty())
        return {};
    const auto d = parseDuration(text.toStdString());
    if (!d)
        return qstr(d.error().message);
    return d->ms >= 0 ? QString() : QObject::tr("the lag must be 0 or more");
}

} // namespace

ReplicaEditor::ReplicaEditor(Document* document, const QString& ownerId, QWidget* parent)
    : QWidget(parent), m_document(document), m_owner(ownerId)
{
    setObjectName(QStringLiteral("replicaEditor"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_boxes = new QVBoxLayout;
    layout->addLayout(m_boxes);
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("replica-add"));
    layout->addWidget(m_add);
    connect(m_add, &QPushButton::clicked, this, [this] { addReplica(*m_document, m_owner); });
}

const Component* ReplicaEditor::owner() const
{
    return m_document->topology().findComponent(ComponentId(m_owner.toStdString()));
}

void ReplicaEditor::show(const Component& owner)
{
    if (idsOf(owner) != m_ids)
        rebuild(owner);
    for (const auto& refresher : m_refreshers)
        refresher(owner);
    m_add->setText(owner.replicas.empty() ? tr("Add primary replica") : tr("Add replica"));
    m_add->setToolTip(owner.replicas.empty()
                          ? tr("Place this database by its replicas: the first one is the primary")
                          : tr("Add a secondary copy, in a region that holds none yet"));
    m_add->setEnabled(!m_document->topology().regions.empty());
}

void ReplicaEditor::rebuild(const Component& owner)
{
    retireWidgets(m_boxWidgets, m_boxes);
    m_refreshers.clear();
    m_ids = idsOf(owner);
    for (const Replica& r : owner.replicas)
        addBox(r);
}

void ReplicaEditor::addBox(const Replica& replica)
{
    const ComponentId id = replica.id;
    const QString name = qstr(id.str());
    auto* box = new QGroupBox(this);
    box->setObjectName(QStringLiteral("replica-%1").arg(name));
    m_boxes->addWidget(box);
    m_boxWidgets.push_back(box);
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto* region = new QComboBox(box);
    region->setObjectName(QStringLiteral("replica-region-%1").arg(name));
    for (const Region& r : m_document->topology().regions)
        region->addItem(labelWithId(r.name, r.id.str()), qstr(r.id.str()));
    region->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    region->setMinimumContentsLength(6);
    form->addRow(tr("Region"), region);
    connect(region, &QComboBox::activated, this, [this, id, region] {
        const RegionId to(region->currentData().toString().toStdString());
        const Region* target = m_document->topology().findRegion(to);
        edit(id, tr("region"), [&](Replica& r) {
            r.region = to;
            if (r.zone && (!target || *r.zone > target->zones))
                r.zone.reset();
        });
    });

    auto* zone = new QSpinBox(box);
    zone->setObjectName(QStringLiteral("replica-zone-%1").arg(name));
    zone->setSpecialValueText(tr("any zone"));
    form->addRow(tr("Zone"), zone);
    connect(zone, &QSpinBox::valueChanged, this, [this, id](int value) {
        edit(id, tr("zone"), [&](Replica& r) { r.zone = value > 0 ? std::optional<int>(value) : std::nullopt; }, true);
    });

    auto* roleRow = new QWidget(box);
    auto* roleLayout = new QHBoxLayout(roleRow);
    roleLayout->setContentsMargins(0, 0, 0, 0);
    auto* role = new QLabel(roleRow);
    role->setObjectName(QStringLiteral("replica-role-%1").arg(name));
    auto* promote = new QPushButton(tr("Make primary"), roleRow);
    promote->setObjectName(QStringLiteral("replica-promote-%1").arg(name));
    promote->setToolTip(tr("This replica becomes the primary; the current primary becomes a secondary"));
    roleLayout->addWidget(role, 1);
    roleLayout->addWidget(promote);
    form->addRow(tr("Role"), roleRow);
    connect(promote, &QPushButton::clicked, this, [this, id] {
        if (const Component* c = owner())
            pushReplicas(promoteReplica(c->replicas, id),
                         tr("Make %1 the primary of %2").arg(qstr(id.str()), m_owner));
    });

    auto* sync = new QComboBox(box);
    sync->setObjectName(QStringLiteral("replica-sync-%1").arg(name));
    sync->addItem(QStringLiteral("—"), -1);
    sync->addItem(tr("synchronous"), static_cast<int>(ReplicationMode::Synchronous));
    sync->addItem(tr("asynchronous"), static_cast<int>(ReplicationMode::Asynchronous));
    form->addRow(tr("Replication"), sync);
    connect(sync, &QComboBox::activated, this, [this, id, sync] {
        const int mode = sync->currentData().toInt();
        edit(id, tr("replication"), [&](Replica& r) {
            r.sync = mode < 0 ? std::nullopt : std::optional<ReplicationMode>(static_cast<ReplicationMode>(mode));
            if (r.sync == ReplicationMode::Synchronous)
                r.lag.reset(); // a synchronous replica has no lag
        });
    });

    auto* lag = new UnitField(QStringLiteral("replica-lag-%1").arg(name), lagCheck, box);
    lag->lineEdit()->setPlaceholderText(tr("e.g. 5s"));
    form->addRow(tr("Lag"), lag);
    connect(lag, &UnitField::committed, this, [this, id](const QString& text) {
        if (!lagCheck(text).isEmpty())
            return;
        const std::optional<Duration> value =
            text.isEmpty() ? std::nullopt : std::optional<Duration>(*parseDuration(text.toStdString()));
        edit(id, tr("lag"), [&](Replica& r) { r.lag = value; });
    });

    auto* readable = new QCheckBox(tr("serves read-only traffic"), box);
    readable->setObjectName(QStringLiteral("replica-readable-%1").arg(name));
    form->addRow(tr("Readable"), readable);
    connect(readable, &QCheckBox::toggled, this,
            [this, id](bool on) { edit(id, tr("readability"), [&](Replica& r) { r.readable = on; }); });

    auto* remove = new QPushButton(tr("Remove replica"), box);
    remove->setObjectName(QStringLiteral("replica-remove-%1").arg(name));
    form->addRow(QString(), remove);
    connect(remove, &QPushButton::clicked, this, [this, id] { removeReplica(*m_document, m_owner, id); });

    m_refreshers.push_back([this, id, box, region, zone, role, promote, sync, lag, readable](const Component& c) {
        const Replica* r = findIn(c, id);
        if (!r)
            return;
        const bool primary = r->role == ReplicaRole::Primary;
        box->setTitle(primary ? tr("%1 (primary)").arg(qstr(id.str())) : qstr(id.str()));
        const QSignalBlocker b1(region), b2(zone), b3(sync), b4(readable);
        region->setCurrentIndex(std::max(0, region->findData(qstr(r->region.str()))));
        const Region* where = m_document->topology().findRegion(r->region);
        zone->setRange(0, where ? std::max(where->zones, 0) : 0);
        zone->setEnabled(where && where->zones > 0);
        zone->setValue(r->zone.value_or(0));
        role->setText(primary ? tr("primary: takes the writes") : tr("secondary"));
        promote->setVisible(!primary);
        sync->setCurrentIndex(r->sync ? sync->findData(static_cast<int>(*r->sync)) : 0);
        sync->setEnabled(!primary || r->sync);
        const bool lagged = !primary && r->sync != ReplicationMode::Synchronous;
        lag->setEnabled(lagged || r->lag);
        if (!lag->lineEdit()->hasFocus() || lag->error().isEmpty())
            lag->setText(r->lag ? qstr(formatDuration(*r->lag)) : QString());
        readable->setChecked(r->readable);
    });
}

void ReplicaEditor::edit(const ComponentId& id, const QString& what, const std::function<void(Replica&)>& change,
                         bool merge)
{
    const Component* c = owner();
    if (!c)
        return;
    std::vector<Replica> replicas = c->replicas;
    for (Replica& r : replicas)
        if (r.id == id)
            change(r);
    pushReplicas(std::move(replicas), tr("Set %1 of replica %2").arg(what, qstr(id.str())), merge);
}

void ReplicaEditor::pushReplicas(std::vector<Replica> replicas, const QString& text, bool merge)
{
    setReplicas(*m_document, m_owner, std::move(replicas), text, merge);
}

} // namespace firedrill::ui
