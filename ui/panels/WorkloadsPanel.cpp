#include "WorkloadsPanel.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/SetWorkloadCommand.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

constexpr StrategyKind kStrategies[] = {StrategyKind::SingleRegion, StrategyKind::RedeployFromBackup,
                                        StrategyKind::ActivePassiveDb, StrategyKind::ActivePassiveFull,
                                        StrategyKind::ActiveActive};

QDoubleSpinBox* spinBox(QWidget* parent, const char* name, double max, int decimals, const QString& suffix)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(0, max);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

WorkloadsPanel::WorkloadsPanel(Document* document, QWidget* parent) : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("workloadsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("workloadList"));
    m_list->setMaximumHeight(120);
    layout->addWidget(m_list);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("addWorkload"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteWorkload"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_form = new QWidget(this);
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 4, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("workloadName"));
    m_entry = new QComboBox(m_form);
    m_entry->setObjectName(QStringLiteral("workloadEntry"));
    m_demand = spinBox(m_form, "workloadDemand", 1e7, 0, tr(" req/s"));
    m_writes = spinBox(m_form, "workloadWrites", 100, 1, tr(" %"));
    m_degradable = new QCheckBox(tr("May run degraded"), m_form);
    m_degradable->setObjectName(QStringLiteral("workloadDegradable"));
    m_strategy = new QComboBox(m_form);
    m_strategy->setObjectName(QStringLiteral("workloadStrategy"));
    m_strategy->addItem(tr("(none)"), -1);
    for (StrategyKind kind : kStrategies)
        m_strategy->addItem(enumText(kind), static_cast<int>(kind));
    m_scale = spinBox(m_form, "workloadScale", 1, 2, QString());
    m_scale->setMinimum(0.05);
    m_scale->setSingleStep(0.05);
    m_scale->setToolTip(tr("Active-passive (full): size of the secondary relative to the primary"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Entry"), m_entry);
    form->addRow(tr("Demand"), m_demand);
    form->addRow(tr("Writes"), m_writes);
    form->addRow(QString(), m_degradable);
    form->addRow(tr("Strategy"), m_strategy);
    form->addRow(tr("Scale factor"), m_scale);
    layout->addWidget(m_form);
    layout->addStretch(1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (m_updating)
            return;
        showSelected();
        if (auto id = selectedWorkload())
            emit workloadSelected(qstr(id->str()));
    });
    connect(m_add, &QPushButton::clicked, this, &WorkloadsPanel::addWorkload);
    connect(m_delete, &QPushButton::clicked, this, &WorkloadsPanel::deleteWorkload);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        edit([this](Workload& w) { w.name = m_name->text().trimmed().toStdString(); }, false);
    });
    connect(m_entry, &QComboBox::activated, this, [this] {
        edit([this](Workload& w) { w.entry = ComponentId(m_entry->currentData().toString().toStdString()); }, false);
    });
    connect(m_demand, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit([v](Workload& w) { w.demandRps = v; }, true); });
    connect(m_writes, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit([v](Workload& w) { w.writeFraction = v / 100.0; }, true); });
    connect(m_degradable, &QCheckBox::toggled, this,
            [this](bool on) { edit([on](Workload& w) { w.degradable = on; }, false); });
    connect(m_strategy, &QComboBox::activated, this, [this] {
        const int kind = m_strategy->currentData().toInt();
        edit([kind](Workload& w) {
            if (kind < 0) {
                w.strategy.reset();
                return;
            }
            Strategy s = w.strategy.value_or(Strategy{});
            s.kind = static_cast<StrategyKind>(kind);
            if (s.kind != StrategyKind::ActivePassiveFull)
                s.scaleFactor.reset();
            w.strategy = s;
        }, false);
    });
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        edit([v](Workload& w) {
            if (w.strategy)
                w.strategy->scaleFactor = v;
        }, true);
    });
    connect(m_document, &Document::changed, this, &WorkloadsPanel::rebuild);
    rebuild();
}

std::optional<WorkloadId> WorkloadsPanel::selectedWorkload() const
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item)
        return std::nullopt;
    return WorkloadId(item->data(Qt::UserRole).toString().toStdString());
}

bool WorkloadsPanel::selectWorkload(const QString& id)
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    return false;
}

void WorkloadsPanel::rebuild()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_updating = true;
    m_list->clear();
    int select = m_list->count() > 0 ? 0 : -1;
    for (const Workload& w : m_document->topology().workloads) {
        auto* item = new QListWidgetItem(labelWithId(w.name, w.id.str()), m_list);
        item->setData(Qt::UserRole, qstr(w.id.str()));
        if (qstr(w.id.str()) == current)
            select = m_list->count() - 1;
    }
    if (select < 0 && m_list->count() > 0)
        select = 0;
    m_list->setCurrentRow(select);
    m_entry->clear();
    for (const Component& c : m_document->topology().components)
        m_entry->addItem(labelWithId(c.name, c.id.str()), qstr(c.id.str()));
    m_updating = false;
    showSelected();
}

void WorkloadsPanel::showSelected()
{
    const auto id = selectedWorkload();
    const Workload* w = id ? m_document->topology().findWorkload(*id) : nullptr;
    m_form->setEnabled(w != nullptr);
    m_delete->setEnabled(w != nullptr);
    if (!w)
        return;
    m_updating = true;
    m_name->setText(qstr(w->name));
    const int entry = m_entry->findData(qstr(w->entry.str()));
    if (entry < 0 && !w->entry.str().empty())
        m_entry->addItem(tr("%1 (missing)").arg(qstr(w->entry.str())), qstr(w->entry.str()));
    m_entry->setCurrentIndex(m_entry->findData(qstr(w->entry.str())));
    m_demand->setValue(w->demandRps);
    m_writes->setValue(w->writeFraction * 100.0);
    m_degradable->setChecked(w->degradable);
    m_strategy->setCurrentIndex(std::max(0, m_strategy->findData(w->strategy ? static_cast<int>(w->strategy->kind) : -1)));
    const bool full = w->strategy && w->strategy->kind == StrategyKind::ActivePassiveFull;
    m_scale->setEnabled(full);
    m_scale->setValue(full ? w->strategy->scaleFactor.value_or(1.0) : 1.0);
    m_updating = false;
}

template <class Edit> void WorkloadsPanel::edit(Edit&& change, bool merge)
{
    if (m_updating)
        return;
    const auto id = selectedWorkload();
    const Workload* current = id ? m_document->topology().findWorkload(*id) : nullptr;
    if (!current)
        return;
    Workload after = *current;
    change(after);
    if (after == *current)
        return;
    m_document->push(new SetWorkloadCommand(m_document, *id, after, merge));
}

void WorkloadsPanel::addWorkload()
{
    const Topology& t = m_document->topology();
    std::string id;
    for (int n = static_cast<int>(t.workloads.size()) + 1; id.empty() || t.findWorkload(WorkloadId(id)); ++n)
        id = "workload-" + std::to_string(n);
    Workload w;
    w.id = WorkloadId(id);
    w.name = tr("New workload").toStdString();
    if (!t.components.empty())
        w.entry = t.components.front().id;
    w.demandRps = 100;
    m_document->push(new SetWorkloadCommand(m_document, w.id, w));
    selectWorkload(qstr(id));
    m_name->setFocus();
    m_name->selectAll();
}

void WorkloadsPanel::deleteWorkload()
{
    if (const auto id = selectedWorkload())
        m_document->push(new SetWorkloadCommand(m_document, *id, std::nullopt));
}

} // namespace firedrill::ui
