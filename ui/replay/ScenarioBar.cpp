#include "ScenarioBar.h"

#include "FaultLabels.h"
#include "FaultMenu.h"
#include "ScenarioEdits.h"
#include "core/analysis/ScenarioTemplates.h"
#include "ScenarioTimeline.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/commands/AddScenarioCommand.h"
#include "ui/document/commands/RemoveScenarioCommand.h"
#include "ui/document/commands/SetScenarioCommand.h"
#include "ui/panels/UnitField.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <array>

namespace firedrill::ui {

namespace {

QToolButton* makeButton(const QString& name, const QString& text, const QString& tip, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(tip);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

ScenarioBar::ScenarioBar(Document* document, ScenarioTimeline* timeline, QWidget* parent)
    : QWidget(parent), m_document(document), m_timeline(timeline)
{
    setObjectName(QStringLiteral("scenarioBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Scenario:"), this);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("scenarioCombo"));
    // Long scenario names do not widen the window: the list shows them whole.
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(22);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(18);
    label->setBuddy(m_combo);
    m_new = makeButton(QStringLiteral("newScenarioButton"), tr("New…"), tr("A new, empty scenario"), this);
    m_rename =
        makeButton(QStringLiteral("renameScenarioButton"), tr("Rename…"), tr("Rename this scenario"), this);
    m_delete =
        makeButton(QStringLiteral("deleteScenarioButton"), tr("Delete"), tr("Delete this scenario"), this);
    m_template = makeButton(QStringLiteral("templateButton"), tr("From template"),
                            tr("A ready-made scenario for this topology"), this);
    m_template->setPopupMode(QToolButton::InstantPopup);
    auto* templates = new QMenu(m_template);
    m_template->setMenu(templates);
    connect(templates, &QMenu::aboutToShow, this, &ScenarioBar::fillTemplates);
    m_duration = new UnitField(
        QStringLiteral("scenarioDuration"),
        [](const QString& text) {
            const auto parsed = parseDuration(text.toStdString());
            if (!parsed)
                return qstr(parsed.error().message);
            return parsed->ms > 0 ? QString() : tr("a scenario lasts longer than zero");
        },
        this);
    m_duration->lineEdit()->setToolTip(tr("How long the scenario runs, e.g. 3h or 1h 30m"));
    m_duration->lineEdit()->setMinimumWidth(
        m_duration->fontMetrics().horizontalAdvance(QStringLiteral("0000h 00m")));
    m_duration->lineEdit()->setMaximumWidth(m_duration->lineEdit()->minimumWidth() * 3 / 2);
    auto* durationLabel = new QLabel(tr("Duration:"), this);
    durationLabel->setBuddy(m_duration->lineEdit());
    m_addFault = makeButton(QStringLiteral("addFaultButton"), tr("Add fault"),
                            tr("Add a fault at the playhead, on the selected component"), this);
    m_addFault->setPopupMode(QToolButton::InstantPopup);
    auto* faults = new QMenu(m_addFault);
    static constexpr std::array kinds{FaultKind::Outage,
                                      FaultKind::Crash,
                                      FaultKind::Partition,
                                      FaultKind::Degradation,
                                      FaultKind::DependencyFailure,
                                      FaultKind::Corruption,
                                      FaultKind::Surge,
                                      FaultKind::FaultDomain};
    for (FaultKind kind : kinds) {
        QString text = faultKindText(kind);
        text[0] = text[0].toUpper();
        QAction* action = faults->addAction(text);
        action->setObjectName(QStringLiteral("addFault-%1").arg(enumText(kind)));
        connect(action, &QAction::triggered, this, [this, kind] { addFault(static_cast<int>(kind)); });
    }
    m_addFault->setMenu(faults);
    m_addInject = makeButton(QStringLiteral("addInjectButton"), tr("Add inject…"),
                             tr("Pause the replay at the playhead with a question for the team"), this);

    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_new);
    layout->addWidget(m_template);
    layout->addWidget(m_rename);
    layout->addWidget(m_delete);
    layout->addSpacing(12);
    layout->addWidget(durationLabel);
    layout->addWidget(m_duration);
    layout->addSpacing(12);
    layout->addWidget(m_addFault);
    layout->addWidget(m_addInject);
    layout->addStretch(1);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &ScenarioBar::onChosen);
    connect(m_new, &QToolButton::clicked, this, &ScenarioBar::newScenario);
    connect(m_rename, &QToolButton::clicked, this, &ScenarioBar::renameScenario);
    connect(m_delete, &QToolButton::clicked, this, &ScenarioBar::deleteScenario);
    connect(m_addInject, &QToolButton::clicked, this, &ScenarioBar::addInject);
    connect(m_duration, &UnitField::committed, this, &ScenarioBar::setDuration);
    connect(m_document, &Document::changed, this, [this](const ChangeEvent& e) {
        if (e.kind == ChangeEvent::Kind::ScenariosChanged || e.kind == ChangeEvent::Kind::Reset ||
            e.kind == ChangeEvent::Kind::TopologyReplaced)
            rebuild();
    });
    rebuild();
}

QString ScenarioBar::currentScenario() const
{
    return m_current;
}

void ScenarioBar::setCurrentScenario(const QString& id)
{
    const int index = m_combo->findData(id);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

void ScenarioBar::setSelectedIds(const QStringList& ids)
{
    m_selection = ids;
}

void ScenarioBar::rebuild()
{
    const QString keep = m_current;
    {
        const QSignalBlocker block(m_combo);
        m_combo->clear();
        for (const Scenario& s : m_document->topology().scenarios)
            m_combo->addItem(s.name.empty() ? qstr(s.id.str()) : qstr(s.name), qstr(s.id.str()));
        const int index = m_combo->findData(keep);
        m_combo->setCurrentIndex(index >= 0 ? index : (m_combo->count() > 0 ? 0 : -1));
    }
    onChosen();
}

void ScenarioBar::onChosen()
{
    const QString id = m_combo->currentData().toString();
    m_timeline->setScenario(id);
    updateButtons();
    if (id == m_current)
        return;
    m_current = id;
    emit scenarioChanged(id);
}

void ScenarioBar::updateButtons()
{
    const bool has = !m_combo->currentData().toString().isEmpty();
    m_combo->setEnabled(m_combo->count() > 0);
    m_rename->setEnabled(has);
    m_delete->setEnabled(has);
    m_addFault->setEnabled(has);
    m_addInject->setEnabled(has);
    m_duration->setEnabled(has);
    const Scenario* s = findScenario(m_document, m_combo->currentData().toString());
    m_duration->setText(s ? qstr(formatDuration(s->duration)) : QString());
}

QString ScenarioBar::askName(const QString& title, const QString& current)
{
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("scenarioNameDialog"));
    dialog.setWindowTitle(title);
    dialog.setLabelText(tr("Name:"));
    dialog.setTextValue(current);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.textValue().trimmed();
}

void ScenarioBar::newScenario()
{
    const QString name = askName(tr("New scenario"), {});
    if (name.isEmpty())
        return;
    Scenario s;
    s.id = ScenarioId(uniqueScenarioId(m_document->topology(), name).toStdString());
    s.name = name.toStdString();
    m_document->push(new AddScenarioCommand(m_document, s));
    setCurrentScenario(qstr(s.id.str()));
}

void ScenarioBar::fillTemplates()
{
    QMenu* menu = m_template->menu();
    menu->clear();
    menu->setToolTipsVisible(true);
    // core's templates, aimed at the workload in focus (the first one when none is set).
    const Topology& t = m_document->topology();
    WorkloadId focus(m_focus.toStdString());
    if (!t.findWorkload(focus) && !t.workloads.empty())
        focus = t.workloads.front().id;
    for (const ScenarioTemplate& tpl : scenarioTemplates()) {
        QAction* action = menu->addAction(qstr(tpl.title));
        action->setObjectName(QStringLiteral("template-%1").arg(qstr(tpl.id)));
        auto made = makeScenarioFromTemplate(t, tpl.id, focus);
        if (!made) {
            // Nothing to aim it at in this topology: shown, disabled, with the reason.
            action->setEnabled(false);
            action->setToolTip(qstr(made.error().message));
            continue;
        }
        action->setToolTip(qstr(tpl.description));
        connect(action, &QAction::triggered, this, [this, scenario = std::move(made).value()] {
            m_document->push(new AddScenarioCommand(m_document, scenario));
            setCurrentScenario(qstr(scenario.id.str()));
        });
    }
}

void ScenarioBar::setFocusWorkload(const QString& id)
{
    m_focus = id;
}

void ScenarioBar::renameScenario()
{
    const Scenario* s = findScenario(m_document, m_current);
    if (!s)
        return;
    const QString name = askName(tr("Rename scenario"), qstr(s->name));
    if (name.isEmpty() || name.toStdString() == s->name)
        return;
    Scenario next = *s;
    next.name = name.toStdString();
    m_document->push(
        new SetScenarioCommand(m_document, std::move(next), tr("Rename scenario to %1").arg(name)));
}

void ScenarioBar::deleteScenario()
{
    if (findScenario(m_document, m_current))
        m_document->push(new RemoveScenarioCommand(m_document, ScenarioId(m_current.toStdString())));
}

void ScenarioBar::addFault(int kindValue)
{
    const Scenario* s = findScenario(m_document, m_current);
    if (!s)
        return;
    const auto kind = static_cast<FaultKind>(kindValue);
    const Topology& t = m_document->topology();
    const qint64 at = std::min(m_timeline->playhead(), std::max<qint64>(0, s->duration.ms - 1));
    // The first selected component this kind applies to takes the fault at once.
    for (const QString& id : m_selection) {
        const FaultTarget target{FaultTarget::Scope::Component, id.toStdString(), std::nullopt};
        if (faultKindAllowed(t, target, kind)) {
            addFaultToScenario(m_document, m_current, defaultFault(kind, target, at));
            return;
        }
    }
    // Otherwise the dialog, on the first target this kind applies to.
    FaultTarget target;
    for (const FaultTargetChoice& choice : faultTargetChoices(t))
        if (faultKindAllowed(t, choice.target, kind)) {
            target = choice.target;
            break;
        }
    FaultMenu::addWithDialog(m_document, m_current, defaultFault(kind, target, at), this);
}

void ScenarioBar::setDuration(const QString& text)
{
    const Scenario* s = findScenario(m_document, m_current);
    const auto parsed = parseDuration(text.toStdString());
    if (!s || !parsed || parsed->ms <= 0 || *parsed == s->duration) {
        updateButtons(); // an emptied field shows the length again
        return;
    }
    Scenario next = *s;
    next.duration = *parsed;
    m_document->push(new SetScenarioCommand(m_document, std::move(next),
                                            tr("Change the length of %1 to %2").arg(qstr(s->name), text)));
}

void ScenarioBar::addInject()
{
    m_timeline->addInjectAt(m_timeline->playhead());
}

} // namespace firedrill::ui
