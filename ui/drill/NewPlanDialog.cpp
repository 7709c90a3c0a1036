#include "NewPlanDialog.h"

#include "ui/common/DisplayText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace firedrill::ui {

NewPlanDialog::NewPlanDialog(const Topology& topology, QWidget* parent)
    : QDialog(parent), m_topology(topology)
{
    setWindowTitle(tr("New drill plan"));
    setObjectName(QStringLiteral("newPlanDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Firedrill writes the runbook from the workload's design and strategy and the "
                      "scenario's faults. You can edit every step afterwards."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_workload = new QComboBox(this);
    m_workload->setObjectName(QStringLiteral("newPlanWorkload"));
    for (const Workload& w : topology.workloads)
        m_workload->addItem(labelWithId(w.name, w.id.str()), qstr(w.id.str()));
    m_scenario = new QComboBox(this);
    m_scenario->setObjectName(QStringLiteral("newPlanScenario"));
    for (const Scenario& s : topology.scenarios)
        m_scenario->addItem(labelWithId(s.name, s.id.str()), qstr(s.id.str()));
    m_replay = new QCheckBox(tr("Time the steps with a simulated replay of the scenario"), this);
    m_replay->setObjectName(QStringLiteral("newPlanReplay"));
    m_replay->setChecked(true);
    form->addRow(tr("Workload:"), m_workload);
    form->addRow(tr("Scenario:"), m_scenario);
    form->addRow(QString(), m_replay);
    layout->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create plan"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_workload->count() > 0 && m_scenario->count() > 0);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, &NewPlanDialog::updateSummary);
    updateSummary();
    resize(520, sizeHint().height());
}

std::string NewPlanDialog::workload() const
{
    return m_workload->currentData().toString().toStdString();
}

std::string NewPlanDialog::scenario() const
{
    return m_scenario->currentData().toString().toStdString();
}

bool NewPlanDialog::useReplay() const
{
    return m_replay->isChecked();
}

void NewPlanDialog::updateSummary()
{
    if (m_topology.scenarios.empty()) {
        m_summary->setText(
            tr("The topology has no scenarios. Add one (a fault to rehearse) to plan a drill."));
        return;
    }
    const Scenario* s = m_topology.findScenario(ScenarioId(scenario()));
    QStringList faults;
    if (s)
        for (const Fault& f : s->faults)
            faults << faultSummary(f);
    m_summary->setText(faults.isEmpty() ? tr("The scenario has no faults.")
                                        : tr("Faults: %1").arg(faults.join(QStringLiteral("; "))));
}

} // namespace firedrill::ui
