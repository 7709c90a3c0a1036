#include "PoliciesPanel.h"

#include "BreakdownText.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/document/commands/SetPoliciesCommand.h"
#include "ui/panels/UnitField.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

constexpr DisruptionClass kClasses[] = {DisruptionClass::Instance, DisruptionClass::Zone, DisruptionClass::Region,
                                        DisruptionClass::Dependency, DisruptionClass::Corruption};

QString settingsKey(const PolicyPreset& preset)
{
    return QStringLiteral("policyPresets/") + qstr(preset.id);
}

} // namespace

PoliciesPanel::PoliciesPanel(Document* document, WorkloadFocus* focus, QWidget* parent)
    : QWidget(parent), m_document(document), m_focus(focus)
{
    setObjectName(QStringLiteral("policiesPanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    auto* targets = new QGroupBox(tr("Recovery targets"), this);
    auto* grid = new QGridLayout(targets);
    grid->addWidget(new QLabel(tr("<b>Disruption</b>"), targets), 0, 0);
    grid->addWidget(new QLabel(tr("<b>RTO</b>"), targets), 0, 1);
    grid->addWidget(new QLabel(tr("<b>RPO</b>"), targets), 0, 2);
    int row = 1;
    auto check = [](const QString& text) {
        const auto d = parseDuration(text.toStdString());
        return d ? QString() : qstr(d.error().message);
    };
    for (const DisruptionClass c : kClasses) {
        grid->addWidget(new QLabel(disruptionText(c), targets), row, 0, Qt::AlignTop);
        for (const bool rto : {true, false}) {
            auto* f = new UnitField(QStringLiteral("%1-%2").arg(rto ? QStringLiteral("rto") : QStringLiteral("rpo"),
                                                                enumText(c)),
                                    check, targets);
            f->lineEdit()->setPlaceholderText(tr("no target"));
            grid->addWidget(f, row, rto ? 1 : 2, Qt::AlignTop);
            connect(f, &UnitField::committed, this, [this, c, rto](const QString& text) { commit(c, rto, text); });
            (rto ? m_rto : m_rpo).push_back(f);
        }
        ++row;
    }
    layout->addWidget(targets);

    auto* presets = new QGroupBox(tr("Presets"), this);
    auto* presetLayout = new QGridLayout(presets);
    m_presets = new QComboBox(presets);
    m_presets->setObjectName(QStringLiteral("policyPreset"));
    m_presetInfo = new QLabel(presets);
    m_presetInfo->setWordWrap(true);
    m_presetInfo->setForegroundRole(QPalette::PlaceholderText);
    auto* apply = new QPushButton(tr("Apply preset"), presets);
    apply->setObjectName(QStringLiteral("applyPreset"));
    auto* save = new QPushButton(tr("Save targets as this preset"), presets);
    save->setObjectName(QStringLiteral("savePreset"));
    auto* restore = new QPushButton(tr("Restore built-in presets"), presets);
    restore->setObjectName(QStringLiteral("restorePresets"));
    presetLayout->addWidget(m_presets, 0, 0);
    presetLayout->addWidget(m_presetInfo, 1, 0);
    presetLayout->addWidget(apply, 2, 0);
    presetLayout->addWidget(save, 3, 0);
    presetLayout->addWidget(restore, 4, 0);
    layout->addWidget(presets);
    layout->addStretch(1);

    connect(apply, &QPushButton::clicked, this, [this] { applyPreset(m_presets->currentIndex()); });
    connect(save, &QPushButton::clicked, this, [this] { saveAsPreset(m_presets->currentIndex()); });
    connect(restore, &QPushButton::clicked, this, [this] {
        restoreBuiltInPresets();
        fillPresets();
    });
    connect(m_presets, &QComboBox::currentIndexChanged, this, &PoliciesPanel::showPresetInfo);
    connect(document, &Document::changed, this, &PoliciesPanel::refresh);
    connect(focus, &WorkloadFocus::changed, this, &PoliciesPanel::refresh);
    fillPresets();
    refresh();
}

std::vector<PolicyPreset> PoliciesPanel::presets()
{
    std::vector<PolicyPreset> all = builtInPolicyPresets();
    QSettings settings;
    for (PolicyPreset& p : all) {
        const QString saved = settings.value(settingsKey(p)).toString();
        if (saved.isEmpty())
            continue;
        if (auto targets = parsePolicyTargets(saved.toStdString()))
            p.targets = std::move(*targets);
    }
    return all;
}

void PoliciesPanel::restoreBuiltInPresets()
{
    QSettings settings;
    for (const PolicyPreset& p : builtInPolicyPresets())
        settings.remove(settingsKey(p));
}

void PoliciesPanel::fillPresets()
{
    const int index = std::max(0, m_presets->currentIndex());
    m_presets->clear();
    for (const PolicyPreset& p : presets())
        m_presets->addItem(qstr(p.name));
    m_presets->setCurrentIndex(index);
    showPresetInfo(index);
}

UnitField* PoliciesPanel::field(DisruptionClass disruption, bool rto) const
{
    for (std::size_t i = 0; i < std::size(kClasses); ++i)
        if (kClasses[i] == disruption)
            return (rto ? m_rto : m_rpo)[i];
    return nullptr;
}

void PoliciesPanel::refresh()
{
    const Topology& t = m_document->topology();
    const Workload* w = t.findWorkload(WorkloadId(m_focus->id().toStdString()));
    setEnabled(w != nullptr);
    m_title->setText(w ? tr("Targets for %1").arg(labelWithId(w->name, w->id.str())) : tr("No workload"));
    for (std::size_t i = 0; i < std::size(kClasses); ++i) {
        std::optional<Duration> rto, rpo;
        if (w)
            for (const Policy& p : t.policies)
                if (p.workload == w->id && p.disruption == kClasses[i]) {
                    rto = p.rto;
                    rpo = p.rpo;
                }
        for (const auto& [f, v] : {std::pair{m_rto[i], rto}, std::pair{m_rpo[i], rpo}})
            if (!f->lineEdit()->hasFocus() || f->error().isEmpty())
                f->setText(v ? qstr(formatDuration(*v)) : QString());
    }
}

void PoliciesPanel::commit(DisruptionClass disruption, bool rto, const QString& text)
{
    const Topology& t = m_document->topology();
    const Workload* w = t.findWorkload(WorkloadId(m_focus->id().toStdString()));
    if (!w)
        return;
    std::optional<Duration> value;
    if (!text.isEmpty()) {
        const auto d = parseDuration(text.toStdString());
        if (!d)
            return;
        value = *d;
    }
    std::vector<Policy> mine;
    bool found = false;
    for (const Policy& p : t.policies)
        if (p.workload == w->id)
            mine.push_back(p);
    for (Policy& p : mine)
        if (p.disruption == disruption) {
            (rto ? p.rto : p.rpo) = value;
            found = true;
        }
    if (!found && value) {
        Policy p{w->id, disruption, std::nullopt, std::nullopt};
        (rto ? p.rto : p.rpo) = value;
        mine.push_back(p);
    }
    std::erase_if(mine, [](const Policy& p) { return !p.rto && !p.rpo; });
    m_document->push(new SetPoliciesCommand(
        m_document, w->id, std::move(mine),
        tr("Set %1 %2 target of %3").arg(disruptionText(disruption).toLower(), rto ? tr("RTO") : tr("RPO"),
                                         qstr(w->id.str()))));
}

void PoliciesPanel::applyPreset(int index)
{
    const auto all = presets();
    const Workload* w = m_document->topology().findWorkload(WorkloadId(m_focus->id().toStdString()));
    if (!w || index < 0 || index >= static_cast<int>(all.size()))
        return;
    const PolicyPreset& preset = all[static_cast<std::size_t>(index)];
    m_document->push(new SetPoliciesCommand(m_document, w->id, policiesFromPreset(preset, w->id),
                                            tr("Apply %1 targets to %2").arg(qstr(preset.name), qstr(w->id.str()))));
}

void PoliciesPanel::saveAsPreset(int index)
{
    const auto all = presets();
    const Workload* w = m_document->topology().findWorkload(WorkloadId(m_focus->id().toStdString()));
    if (!w || index < 0 || index >= static_cast<int>(all.size()))
        return;
    std::vector<PolicyTarget> targets;
    for (const DisruptionClass c : kClasses)
        for (const Policy& p : m_document->topology().policies)
            if (p.workload == w->id && p.disruption == c)
                targets.push_back(PolicyTarget{c, p.rto, p.rpo});
    QSettings().setValue(settingsKey(all[static_cast<std::size_t>(index)]), qstr(policyTargetsText(targets)));
    fillPresets();
}

void PoliciesPanel::showPresetInfo(int index)
{
    const auto all = presets();
    m_presetInfo->setText(index >= 0 && index < static_cast<int>(all.size())
                              ? qstr(all[static_cast<std::size_t>(index)].description) + QStringLiteral("\n") +
                                    qstr(policyTargetsText(all[static_cast<std::size_t>(index)].targets))
                              : QString());
}

} // namespace firedrill::ui
