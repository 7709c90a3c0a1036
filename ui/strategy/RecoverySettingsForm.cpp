#include "RecoverySettingsForm.h"

#include "core/analysis/WorkloadScope.h"
#include "core/io/Units.h"
#include "core/model/ComponentKind.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/ReplaceComponentCommand.h"
#include "ui/panels/UnitField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace firedrill::ui {

namespace {

bool routes(ComponentKind kind)
{
    return kind == ComponentKind::TrafficManager || kind == ComponentKind::FrontDoor;
}

Failover& failoverOf(Component& c)
{
    if (!c.failover)
        c.failover = Failover{};
    return *c.failover;
}

Backup& backupOf(Component& c)
{
    if (!c.backup)
        c.backup = Backup{};
    return *c.backup;
}

} // namespace

RecoverySettingsForm::RecoverySettingsForm(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("recoverySettings"));
    m_layout = new QFormLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::WrapAllRows);
}

void RecoverySettingsForm::setWorkload(const QString& id)
{
    m_workload = id;
    refresh();
}

void RecoverySettingsForm::refresh()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_fields = 0;
    const Topology& t = m_document->topology();
    const Workload* w = t.findWorkload(WorkloadId(m_workload.toStdString()));
    if (!w)
        return;
    for (const Component* c : workloadComponents(t, *w))
        addComponent(*c);
    if (m_fields == 0) {
        auto* none = new QLabel(tr("This workload has no traffic manager, replicated database or backup to tune."), this);
        none->setWordWrap(true);
        m_layout->addRow(none);
    }
}

void RecoverySettingsForm::addComponent(const Component& c)
{
    const bool stores = c.failover || c.backup || !c.replicas.empty();
    if (!routes(c.kind) && !stores)
        return;
    auto* header = new QLabel(QStringLiteral("<b>%1</b> <span style='color:gray'>%2</span>")
                                  .arg(qstr(c.name.empty() ? c.id.str() : c.name).toHtmlEscaped(), kindText(c.kind)),
                              this);
    header->setWordWrap(true);
    m_layout->addRow(header);
    const QString id = qstr(c.id.str());
    if (routes(c.kind)) {
        addDuration(c, id + QStringLiteral("-dnsTtl"), tr("DNS TTL"), c.dnsTtl,
                    [](Component& x, std::optional<Duration> v) { x.dnsTtl = v; });
        const Probe probe = c.probe.value_or(Probe{});
        addDuration(c, id + QStringLiteral("-probeInterval"), tr("Probe interval"), probe.interval,
                    [probe](Component& x, std::optional<Duration> v) {
                        x.probe = x.probe.value_or(probe);
                        x.probe->interval = v.value_or(Probe{}.interval);
                    });
        addDuration(c, id + QStringLiteral("-probeTimeout"), tr("Probe timeout"), probe.timeout,
                    [probe](Component& x, std::optional<Duration> v) {
                        x.probe = x.probe.value_or(probe);
                        x.probe->timeout = v.value_or(Probe{}.timeout);
                    });
        addChoice(c, id + QStringLiteral("-probeFailures"), tr("Tolerated failures"),
                  {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")},
                  std::clamp(probe.toleratedFailures, 1, 5) - 1, [probe](Component& x, int index) {
                      x.probe = x.probe.value_or(probe);
                      x.probe->toleratedFailures = index + 1;
                  });
    }
    if (c.failover || !c.replicas.empty()) {
        const Failover f = c.failover.value_or(Failover{});
        const FailoverMode cross = f.crossRegion.value_or(FailoverMode::None);
        addChoice(c, id + QStringLiteral("-crossRegion"), tr("Cross-region failover"),
                  {tr("automatic"), tr("manual"), tr("none")}, static_cast<int>(cross), [](Component& x, int index) {
                      failoverOf(x).crossRegion = static_cast<FailoverMode>(index);
                  });
        addDuration(c, id + QStringLiteral("-decision"), tr("Decision time"), f.decision,
                    [](Component& x, std::optional<Duration> v) { failoverOf(x).decision = v; });
        addDuration(c, id + QStringLiteral("-grace"), tr("Grace period"), f.gracePeriod,
                    [](Component& x, std::optional<Duration> v) { failoverOf(x).gracePeriod = v; });
        for (std::size_t i = 0; i < c.replicas.size(); ++i) {
            const Replica& r = c.replicas[i];
            if (r.role != ReplicaRole::Secondary)
                continue;
            const QString where = regionLabel(m_document->topology(), r.region);
            addChoice(c, id + QStringLiteral("-sync-") + qstr(r.id.str()), tr("Replication to %1").arg(where),
                      {tr("synchronous"), tr("asynchronous")},
                      r.sync.value_or(ReplicationMode::Asynchronous) == ReplicationMode::Synchronous ? 0 : 1,
                      [i](Component& x, int index) {
                          if (i < x.replicas.size())
                              x.replicas[i].sync = index == 0 ? ReplicationMode::Synchronous : ReplicationMode::Asynchronous;
                      });
        }
    }
    if (c.backup || c.failover) {
        const Backup b = c.backup.value_or(Backup{});
        addDuration(c, id + QStringLiteral("-fullBackup"), tr("Full backup every"), b.full,
                    [](Component& x, std::optional<Duration> v) { backupOf(x).full = v; });
        addDuration(c, id + QStringLiteral("-logBackup"), tr("Log backup every"), b.log,
                    [](Component& x, std::optional<Duration> v) { backupOf(x).log = v; });
    }
}

void RecoverySettingsForm::addDuration(const Component& c, const QString& name, const QString& label,
                                       std::optional<Duration> value,
                                       std::function<void(Component&, std::optional<Duration>)> set)
{
    auto* field = new UnitField(name, [](const QString& text) {
        const auto parsed = parseDuration(text.toStdString());
        return parsed ? QString() : qstr(parsed.error().message);
    }, this);
    field->setText(value ? qstr(formatDuration(*value)) : QString());
    field->lineEdit()->setPlaceholderText(tr("not set"));
    m_layout->addRow(label, field);
    ++m_fields;
    const ComponentId id = c.id;
    connect(field, &UnitField::committed, this, [this, id, set, label](const QString& text) {
        const Component* current = m_document->topology().findComponent(id);
        if (!current)
            return;
        std::optional<Duration> v;
        if (!text.isEmpty()) {
            auto parsed = parseDuration(text.toStdString());
            if (!parsed)
                return;
            v = *parsed;
        }
        Component after = *current;
        set(after, v);
        push(*current, after, label);
    });
}

void RecoverySettingsForm::addChoice(const Component& c, const QString& name, const QString& label,
                                     const QStringList& choices, int current, std::function<void(Component&, int)> set)
{
    auto* combo = new QComboBox(this);
    combo->setObjectName(QStringLiteral("field-") + name);
    combo->addItems(choices);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    combo->setCurrentIndex(current);
    m_layout->addRow(label, combo);
    ++m_fields;
    const ComponentId id = c.id;
    connect(combo, &QComboBox::activated, this, [this, id, set, label](int index) {
        const Component* now = m_document->topology().findComponent(id);
        if (!now)
            return;
        Component after = *now;
        set(after, index);
        push(*now, after, label);
    });
}

void RecoverySettingsForm::push(const Component& before, const Component& after, const QString& label)
{
    if (before == after)
        return;
    m_document->push(new ReplaceComponentCommand(m_document, after,
                                                 tr("Set %1 of %2").arg(label.toLower(), qstr(after.id.str()))));
}

} // namespace firedrill::ui
