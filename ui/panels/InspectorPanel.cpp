#include "InspectorPanel.h"

#include "EndpointEditor.h"
#include "RegionEditor.h"
#include "ReplicaEditor.h"
#include "UnitField.h"
#include "core/io/Units.h"
#include "core/model/EnumNames.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/EndpointEditing.h"
#include "ui/document/commands/ChangeComponentField.h"
#include "ui/document/commands/SetDependencyCommand.h"
#include "ui/editor/KindIcons.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace firedrill::ui {

namespace {

ComponentId cid(const QString& id)
{
    return ComponentId(id.toStdString());
}

/// Fills `combo` with "—" (not set) and every spelling of E.
template <class E>
void fillEnum(QComboBox* combo)
{
    combo->addItem(QStringLiteral("—"), QString());
    for (const auto& entry : enumNames<E>())
        combo->addItem(QString::fromUtf8(entry.name.data(), static_cast<qsizetype>(entry.name.size())),
                       QString::fromUtf8(entry.name.data(), static_cast<qsizetype>(entry.name.size())));
}

template <class E>
std::optional<E> enumOf(const QComboBox* combo)
{
    const QString name = combo->currentData().toString();
    return name.isEmpty() ? std::nullopt : fromName<E>(name.toStdString());
}

/// A share of calls (0.3) as the percentage typed for it (30%, not 30.000000000000004%).
Percent shareAsPercent(double share)
{
    return Percent{std::round(share * 100.0 * 1e9) / 1e9};
}

} // namespace

InspectorPanel::InspectorPanel(Document* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("inspector"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(tr("Select a component on the canvas to edit it."), this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_hint);
    layout->addWidget(m_scroll);
    m_region = new RegionEditor(document, this);
    m_region->hide();
    layout->addWidget(m_region);
    connect(m_document, &Document::changed, this, &InspectorPanel::onChanged);
    showComponent({});
}

const Component* InspectorPanel::component() const
{
    return m_id.isEmpty() ? nullptr : m_document->topology().findComponent(cid(m_id));
}

UnitField* InspectorPanel::unitField(const QString& name) const
{
    for (UnitField* field : m_unitFields)
        if (field->lineEdit()->objectName() == QStringLiteral("field-%1").arg(name))
            return field;
    return nullptr;
}

void InspectorPanel::showComponent(const QString& id)
{
    if (id.isEmpty() && m_region->isVisible())
        return; // a region is being edited; a component selection replaces it
    if (!id.isEmpty()) {
        m_region->hide();
        m_region->showRegion({});
    }
    if (id == m_id && m_form)
        return;
    m_id = id;
    ++m_spinSession;
    rebuild();
}

void InspectorPanel::showRegion(const QString& id)
{
    m_region->hide();
    showComponent({});
    m_region->showRegion(id);
    m_region->setVisible(!m_region->regionId().isEmpty());
    m_hint->setVisible(!m_region->isVisible());
}

void InspectorPanel::onChanged(const ChangeEvent& event)
{
    if (!component()) {
        m_id.clear();
        rebuild();
    } else if (event.kind == ChangeEvent::Kind::Reset || event.kind == ChangeEvent::Kind::TopologyReplaced ||
               event.kind == ChangeEvent::Kind::ComponentAdded ||
               event.kind == ChangeEvent::Kind::ComponentRemoved) {
        rebuild(); // region and dependency lists may have changed
    } else if (component()->dependsOn.size() != m_dependencyCount) {
        rebuild();
    } else {
        refresh();
    }
}

void InspectorPanel::rebuild()
{
    m_refreshers.clear();
    m_unitFields.clear();
    if (QWidget* old = m_scroll->takeWidget())
        old->deleteLater(); // may be called from one of its editors' signals
    m_form = nullptr;
    const Component* c = component();
    m_hint->setVisible(!c && !m_region->isVisible());
    m_scroll->setVisible(c != nullptr);
    if (!c)
        return;
    m_form = new QWidget;
    m_layout = new QFormLayout(m_form);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(m_id.toHtmlEscaped()), m_form);
    title->setObjectName(QStringLiteral("inspectorTitle"));
    m_layout->addRow(tr("Id"), title);

    auto* name = new QLineEdit(m_form);
    name->setObjectName(QStringLiteral("field-name"));
    name->setPlaceholderText(tr("(no name)"));
    m_layout->addRow(tr("Name"), name);
    connect(name, &QLineEdit::editingFinished, this, [this, name] {
        const Component* current = component();
        const std::string value = name->text().trimmed().toStdString();
        if (current && current->name != value)
            m_document->push(new ChangeComponentField<std::string>(m_document, current->id, &Component::name, value,
                                                                   tr("Rename %1").arg(m_id)));
    });
    m_refreshers.push_back([name](const Component& comp) {
        if (!name->hasFocus())
            name->setText(qstr(comp.name));
    });
    addPlacementEditors();
    addEnumEditors();
    addCountEditors();
    addUnitEditors();
    addEngineEditors();
    addDependencies();
    addEndpoints();
    addReplicas();
    // The dock may be narrow: combo boxes shrink to a few characters instead of their longest item,
    // and rows put the field under its label when both do not fit side by side.
    for (auto* combo : m_form->findChildren<QComboBox*>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
    }
    m_layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_scroll->setWidget(m_form);
    refresh();
}

void InspectorPanel::refresh()
{
    if (const Component* c = component())
        for (const auto& refresher : m_refreshers)
            refresher(*c);
}

void InspectorPanel::addPlacementEditors()
{
    const Topology& topology = m_document->topology();
    auto* kind = new QComboBox(m_form);
    kind->setObjectName(QStringLiteral("field-kind"));
    for (ComponentKind k : allKinds())
        kind->addItem(kindIcon(k), kindText(k), static_cast<int>(k));
    m_layout->addRow(tr("Kind"), kind);
    connect(kind, &QComboBox::activated, this, [this, kind] {
        const auto value = static_cast<ComponentKind>(kind->currentData().toInt());
        if (const Component* c = component(); c && c->kind != value)
            m_document->push(new ChangeComponentField<ComponentKind>(m_document, c->id, &Component::kind, value,
                                                                     tr("Change kind of %1").arg(m_id)));
    });
    m_refreshers.push_back([kind](const Component& c) {
        const QSignalBlocker block(kind);
        kind->setCurrentIndex(kind->findData(static_cast<int>(c.kind)));
    });

    auto* region = new QComboBox(m_form);
    region->setObjectName(QStringLiteral("field-region"));
    region->addItem(tr("— none —"), QString());
    for (const Region& r : topology.regions)
        region->addItem(labelWithId(r.name, r.id.str()), qstr(r.id.str()));
    for (const Site& s : topology.sites)
        region->addItem(tr("Site: %1").arg(labelWithId(s.name, s.id.str())), QStringLiteral("site:") + qstr(s.id.str()));
    auto* zone = new QSpinBox(m_form);
    zone->setObjectName(QStringLiteral("field-zone"));
    zone->setRange(0, 9);
    zone->setSpecialValueText(tr("no particular zone"));
    m_layout->addRow(tr("Region / site"), region);
    m_layout->addRow(tr("Zone"), zone);
    auto commitPlacement = [this, region, zone] {
        const QString where = region->currentData().toString();
        Placement to;
        if (where.startsWith(QLatin1String("site:")))
            to.site = SiteId(where.mid(5).toStdString());
        else if (!where.isEmpty())
            to.region = RegionId(where.toStdString());
        if (to.region && zone->value() > 0)
            to.zone = zone->value();
        moveComponent(*m_document, m_id, to, 1000 + m_spinSession);
    };
    connect(region, &QComboBox::activated, this, commitPlacement);
    connect(zone, &QSpinBox::valueChanged, this, commitPlacement);
    m_refreshers.push_back([this, region, zone](const Component& c) {
        const QSignalBlocker b1(region), b2(zone);
        const QString key = c.region ? qstr(c.region->str()) : c.site ? QStringLiteral("site:") + qstr(c.site->str()) : QString();
        region->setCurrentIndex(std::max(0, region->findData(key)));
        const Region* r = c.region ? m_document->topology().findRegion(*c.region) : nullptr;
        zone->setMaximum(r ? r->zones : 0);
        zone->setEnabled(r && r->zones > 0);
        zone->setValue(c.zone.value_or(0));
    });
}

void InspectorPanel::addEnumEditors()
{
    const Component* c = component();
    auto addEnum = [this]<class E>(const QString& name, const QString& label, std::optional<E> Component::*member,
                                   E /*tag*/) {
        auto* combo = new QComboBox(m_form);
        combo->setObjectName(QStringLiteral("field-%1").arg(name));
        fillEnum<E>(combo);
        m_layout->addRow(label, combo);
        connect(combo, &QComboBox::activated, this, [this, combo, member, label] {
            const std::optional<E> value = enumOf<E>(combo);
            if (const Component* current = component(); current && (*current).*member != value)
                m_document->push(new ChangeComponentField<std::optional<E>>(
                    m_document, current->id, member, value, tr("Set %1 of %2").arg(label.toLower(), m_id)));
        });
        m_refreshers.push_back([combo, member](const Component& comp) {
            const QSignalBlocker block(combo);
            const auto& value = comp.*member;
            combo->setCurrentIndex(value ? std::max(0, combo->findData(enumText(*value))) : 0);
        });
    };
    if (kindFamily(c->kind) == KindFamily::GlobalRouting || c->routing)
        addEnum(QStringLiteral("routing"), tr("Routing"), &Component::routing, RoutingMethod::Priority);
    if (c->kind == ComponentKind::StorageAccount || c->redundancy)
        addEnum(QStringLiteral("redundancy"), tr("Redundancy"), &Component::redundancy, StorageRedundancy::Lrs);
}

void InspectorPanel::addCountEditors()
{
    auto* instances = new QSpinBox(m_form);
    instances->setObjectName(QStringLiteral("field-instances"));
    instances->setRange(0, 1000);
    instances->setSpecialValueText(tr("not set"));
    m_layout->addRow(tr("Instances"), instances);
    connect(instances, &QSpinBox::valueChanged, this, [this](int value) {
        const std::optional<int> v = value > 0 ? std::optional<int>(value) : std::nullopt;
        if (const Component* c = component(); c && c->instances != v)
            m_document->push(new ChangeComponentField<std::optional<int>>(
                m_document, c->id, &Component::instances, v, tr("Set instances of %1").arg(m_id), true));
    });
    m_refreshers.push_back([instances](const Component& c) {
        const QSignalBlocker block(instances);
        instances->setValue(c.instances.value_or(0));
    });
}

template <class T>
void InspectorPanel::addUnit(const QString& name, const QString& label, std::optional<T> Component::*member,
                             std::function<Result<T>(std::string_view)> parse, std::function<std::string(T)> format,
                             std::function<QString(const T&)> limit)
{
    // A value outside its limits (docs/format.md) is refused at the field and never reaches the model.
    auto check = [parse, limit](const QString& text) {
        const auto parsed = parse(text.toStdString());
        if (!parsed)
            return qstr(parsed.error().message);
        return limit ? limit(*parsed) : QString();
    };
    auto* field = new UnitField(name, check, m_form);
    m_unitFields.push_back(field);
    m_layout->addRow(label, field);
    connect(field, &UnitField::committed, this, [this, member, parse, check, label](const QString& text) {
        std::optional<T> value;
        if (!text.isEmpty()) {
            auto parsed = parse(text.toStdString());
            if (!parsed || !check(text).isEmpty())
                return;
            value = *parsed;
        }
        if (const Component* c = component(); c && (*c).*member != value)
            m_document->push(new ChangeComponentField<std::optional<T>>(
                m_document, c->id, member, value, tr("Set %1 of %2").arg(label.toLower(), m_id)));
    });
    m_refreshers.push_back([field, member, format](const Component& c) {
        if (!field->lineEdit()->hasFocus() || field->error().isEmpty())
            field->setText(c.*member ? qstr(format(*(c.*member))) : QString());
    });
}

void InspectorPanel::addUnitEditors()
{
    const Component* c = component();
    const KindFamily family = kindFamily(c->kind);
    const std::function<QString(const Duration&)> zeroOrMore = [](const Duration& d) {
        return d.ms >= 0 ? QString() : tr("must be 0 or more");
    };
    const std::function<QString(const double&)> numberZeroOrMore = [](const double& v) {
        return v >= 0.0 ? QString() : tr("must be 0 or more");
    };
    addUnit<Percent>(QStringLiteral("sla"), tr("SLA"), &Component::sla, parsePercent, formatPercent,
                     [](const Percent& p) {
                         return p.value > 0.0 && p.value <= 100.0 ? QString() : tr("must be above 0% and at most 100%");
                     });
    addUnit<double>(QStringLiteral("cost"), tr("Cost (USD/month)"), &Component::cost, parseNumber, formatNumber,
                    numberZeroOrMore);
    if (family == KindFamily::Compute || family == KindFamily::RegionalRouting)
        addUnit<double>(QStringLiteral("capacity"), tr("Capacity per instance (/s)"), &Component::capacityRps,
                        parseNumber, formatNumber, numberZeroOrMore);
    addUnit<Duration>(QStringLiteral("mtbf"), tr("MTBF"), &Component::mtbf, parseDuration, formatDuration,
                      [](const Duration& d) { return d.ms > 0 ? QString() : tr("must be greater than zero"); });
    addUnit<Duration>(QStringLiteral("mttr"), tr("MTTR"), &Component::mttr, parseDuration, formatDuration, zeroOrMore);
    addUnit<Duration>(QStringLiteral("startup"), tr("Startup time"), &Component::startupTime, parseDuration,
                      formatDuration, zeroOrMore);
    if (family == KindFamily::GlobalRouting)
        addUnit<Duration>(QStringLiteral("dnsTtl"), tr("DNS TTL"), &Component::dnsTtl, parseDuration, formatDuration,
                          zeroOrMore);
    if (holdsData(c->kind)) {
        addUnit<DataSize>(QStringLiteral("size"), tr("Size"), &Component::size, parseDataSize, formatDataSize);
        addUnit<double>(QStringLiteral("writeRate"), tr("Write rate"), &Component::writeRate, parseRate, formatRate,
                        numberZeroOrMore);
        addUnit<Duration>(QStringLiteral("geoLag"), tr("Geo-replication lag"), &Component::geoLag, parseDuration,
                          formatDuration, zeroOrMore);
    }
    if (family == KindFamily::Link)
        addUnit<Duration>(QStringLiteral("latency"), tr("Latency"), &Component::latency, parseDuration, formatDuration,
                          zeroOrMore);
}

template <class S>
void InspectorPanel::addPart(const QString& name, const QString& label, std::optional<S> Component::*member,
                             std::function<QString(const QString&)> check,
                             std::function<QString(const Component&)> show,
                             std::function<std::optional<S>(std::optional<S>, const QString&)> edit)
{
    auto* field = new UnitField(name, check, m_form);
    m_unitFields.push_back(field);
    m_layout->addRow(label, field);
    connect(field, &UnitField::committed, this, [this, member, check, edit, label](const QString& text) {
        if (!check(text).isEmpty())
            return;
        const Component* c = component();
        if (!c)
            return;
        const std::optional<S> value = edit((*c).*member, text);
        if ((*c).*member != value)
            m_document->push(new ChangeComponentField<std::optional<S>>(
                m_document, c->id, member, value, tr("Set %1 of %2").arg(label.toLower(), m_id)));
    });
    m_refreshers.push_back([field, show](const Component& c) {
        if (!field->lineEdit()->hasFocus() || field->error().isEmpty())
            field->setText(show(c));
    });
}

void InspectorPanel::addEngineEditors()
{
    const Component* c = component();
    if (kindFamily(c->kind) == KindFamily::Compute || c->leaderElection) {
        // Empty: every instance works; a duration: one lease holder works, a follower takes over that long
        // after it is lost.
        addPart<LeaderElection>(
            QStringLiteral("lease"), tr("Leader lease"), &Component::leaderElection,
            [](const QString& text) {
                if (text.isEmpty())
                    return QString();
                const auto d = parseDuration(text.toStdString());
                if (!d)
                    return qstr(d.error().message);
                return d->ms > 0 ? QString()
                                 : tr("the lease must be longer than 0 (a follower takes over this long after "
                                      "the holder is lost)");
            },
            [](const Component& comp) {
                return comp.leaderElection ? qstr(formatDuration(comp.leaderElection->lease)) : QString();
            },
            [](std::optional<LeaderElection>, const QString& text) -> std::optional<LeaderElection> {
                if (text.isEmpty())
                    return std::nullopt;
                return LeaderElection{*parseDuration(text.toStdString())};
            });
    }
    if (c->dependsOn.empty() && !c->resilience)
        return;
    // Sets one field of the resilience settings; a settings block left empty is removed.
    auto setResilience = [](std::optional<Resilience> r, std::optional<double> Resilience::*field,
                            std::optional<double> value) -> std::optional<Resilience> {
        Resilience next = r.value_or(Resilience{});
        next.*field = value;
        return next == Resilience{} ? std::nullopt : std::optional<Resilience>(next);
    };
    addPart<Resilience>(
        QStringLiteral("retryBackoff"), tr("Retry backoff (×)"), &Component::resilience,
        [](const QString& text) {
            if (text.isEmpty())
                return QString();
            const auto v = parseNumber(text.toStdString());
            if (!v)
                return qstr(v.error().message);
            return *v >= 1.0 ? QString()
                             : tr("must be 1 or more (each wait is this many times the previous one)");
        },
        [](const Component& comp) {
            return comp.resilience && comp.resilience->retryBackoff ? qstr(formatNumber(*comp.resilience->retryBackoff))
                                                                    : QString();
        },
        [setResilience](std::optional<Resilience> r, const QString& text) {
            return setResilience(std::move(r), &Resilience::retryBackoff,
                                 text.isEmpty() ? std::nullopt : std::optional<double>(*parseNumber(text.toStdString())));
        });
    addPart<Resilience>(
        QStringLiteral("breakerErrorRate"), tr("Breaker opens at error rate"), &Component::resilience,
        [](const QString& text) {
            if (text.isEmpty())
                return QString();
            const auto p = parsePercent(text.toStdString());
            if (!p)
                return qstr(p.error().message);
            return p->value > 0.0 && p->value <= 100.0 ? QString() : tr("must be above 0% and at most 100% of calls");
        },
        [](const Component& comp) {
            return comp.resilience && comp.resilience->breakerErrorRate
                       ? qstr(formatPercent(shareAsPercent(*comp.resilience->breakerErrorRate)))
                       : QString();
        },
        [setResilience](std::optional<Resilience> r, const QString& text) {
            return setResilience(
                std::move(r), &Resilience::breakerErrorRate,
                text.isEmpty() ? std::nullopt
                               : std::optional<double>(parsePercent(text.toStdString())->fraction()));
        });
}

void InspectorPanel::addDependencies()
{
    const Component* c = component();
    m_dependencyCount = c->dependsOn.size();
    for (const Dependency& dep : c->dependsOn) {
        auto* row = new QWidget(m_form);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        const QString target = qstr(dep.target.str());
        auto* kind = new QComboBox(row);
        kind->setObjectName(QStringLiteral("dependency-%1").arg(target));
        kind->addItem(tr("hard"), static_cast<int>(DependencyKind::Hard));
        kind->addItem(tr("soft"), static_cast<int>(DependencyKind::Soft));
        kind->setCurrentIndex(dep.kind == DependencyKind::Hard ? 0 : 1);
        auto* remove = new QPushButton(tr("Remove"), row);
        layout->addWidget(kind, 1);
        layout->addWidget(remove);
        m_layout->addRow(tr("→ %1").arg(target), row);
        connect(kind, &QComboBox::activated, this, [this, kind, target] {
            connectComponents(*m_document, m_id, target, static_cast<DependencyKind>(kind->currentData().toInt()));
        });
        connect(remove, &QPushButton::clicked, this, [this, target] {
            m_document->push(new SetDependencyCommand(m_document, cid(m_id), cid(target), std::nullopt));
        });
    }
}

void InspectorPanel::addSection(const QString& title)
{
    auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), m_form);
    label->setContentsMargins(0, 8, 0, 0);
    m_layout->addRow(label);
}

void InspectorPanel::addEndpoints()
{
    const Component* c = component();
    if (!routesToEndpoints(*c) && c->endpoints.empty())
        return;
    addSection(tr("Endpoints"));
    auto* editor = new EndpointEditor(m_document, m_id, m_form);
    m_layout->addRow(editor);
    m_refreshers.push_back([editor](const Component& comp) { editor->show(comp); });
}

void InspectorPanel::addReplicas()
{
    const Component* c = component();
    if (!holdsData(c->kind) && c->replicas.empty())
        return;
    addSection(tr("Replicas"));
    auto* editor = new ReplicaEditor(m_document, m_id, m_form);
    m_layout->addRow(editor);
    m_refreshers.push_back([editor](const Component& comp) { editor->show(comp); });
}

} // namespace firedrill::ui
