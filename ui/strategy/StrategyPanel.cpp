#include "StrategyPanel.h"

#include "BreakdownText.h"
#include "RecoverySettingsForm.h"
#include "StrategyAnalysis.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/editor/CanvasColors.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/document/commands/ReplaceTopologyCommand.h"
#include "ui/panels/UnitField.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>
#include <cmath>

namespace firedrill::ui {

namespace {

QString describe(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::RedeployFromBackup:
        return StrategyPanel::tr("Nothing runs in the secondary region; redeploy and restore backups there.");
    case StrategyKind::ActivePassiveDb:
        return StrategyPanel::tr("A database replica waits in the secondary region; compute is deployed on failover.");
    case StrategyKind::ActivePassiveFull:
        return StrategyPanel::tr("A scaled-down copy of everything waits in the secondary region.");
    case StrategyKind::ActiveActive:
        return StrategyPanel::tr("Both regions serve all the time, each sized for the whole load.");
    case StrategyKind::SingleRegion: break;
    }
    return {};
}

const RecoveryEstimate* regionEstimate(const StrategyOption& o)
{
    for (const auto& e : o.estimates)
        if (e.disruption == DisruptionClass::Region)
            return &e;
    return nullptr;
}

} // namespace

StrategyPanel::StrategyPanel(Document* document, WorkloadFocus* focus, StrategyAnalysis* analysis, QWidget* parent)
    : QWidget(parent), m_document(document), m_focus(focus), m_analysis(analysis)
{
    setObjectName(QStringLiteral("strategyPanel"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* body = new QWidget(scroll);
    auto* layout = new QVBoxLayout(body);
    m_title = new QLabel(body);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() + 2);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);

    m_group = new QButtonGroup(this);
    const auto& kinds = comparedStrategies();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        Strategy s;
        s.kind = kinds[i];
        auto* button = new QRadioButton(strategyTitle(s), body);
        button->setObjectName(QStringLiteral("strategy-") + enumText(kinds[i]));
        button->setToolTip(describe(kinds[i]));
        QFont bold = button->font();
        bold.setBold(true);
        button->setFont(bold);
        auto* summary = new QLabel(body);
        summary->setObjectName(QStringLiteral("summary-") + enumText(kinds[i]));
        summary->setWordWrap(true);
        summary->setIndent(24);
        summary->setTextFormat(Qt::RichText);
        m_group->addButton(button, static_cast<int>(i));
        m_buttons.push_back(button);
        m_summaries.push_back(summary);
        layout->addWidget(button);
        layout->addWidget(summary);
    }
    connect(m_group, &QButtonGroup::idClicked, this,
            [this](int id) { choose(comparedStrategies()[static_cast<std::size_t>(id)]); });

    auto* params = new QGroupBox(tr("Parameters"), body);
    auto* form = new QFormLayout(params);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_scale = new QSlider(Qt::Horizontal, params);
    m_scale->setObjectName(QStringLiteral("scaleFactor"));
    m_scale->setRange(1, 20); // 5 % steps
    m_scaleLabel = new QLabel(params);
    auto* scaleRow = new QVBoxLayout;
    scaleRow->addWidget(m_scale);
    scaleRow->addWidget(m_scaleLabel);
    form->addRow(tr("Secondary size"), scaleRow);
    connect(m_scale, &QSlider::valueChanged, this, [this](int v) { setScaleFactor(v / 20.0); });
    m_primary = new QComboBox(params);
    m_primary->setObjectName(QStringLiteral("primaryRegion"));
    m_secondary = new QComboBox(params);
    m_secondary->setObjectName(QStringLiteral("secondaryRegion"));
    for (QComboBox* combo : {m_primary, m_secondary}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(10);
    }
    form->addRow(tr("Primary region"), m_primary);
    form->addRow(tr("Secondary region"), m_secondary);
    auto regionChosen = [this](QComboBox* combo, std::optional<RegionId> Strategy::*member) {
        connect(combo, &QComboBox::activated, this, [this, combo, member](int) {
            const QString id = combo->currentData().toString();
            m_choice.*member = id.isEmpty() ? std::nullopt : std::optional(RegionId(id.toStdString()));
            updatePreview();
        });
    };
    regionChosen(m_primary, &Strategy::primary);
    regionChosen(m_secondary, &Strategy::secondary);
    m_redeploy = new UnitField(QStringLiteral("redeployTime"), [](const QString& text) {
        const auto d = parseDuration(text.toStdString());
        return d ? QString() : qstr(d.error().message);
    }, params);
    m_redeploy->lineEdit()->setPlaceholderText(tr("default"));
    form->addRow(tr("Redeploy time"), m_redeploy);
    connect(m_redeploy, &UnitField::committed, this, [this](const QString& text) {
        const auto d = parseDuration(text.toStdString());
        m_choice.redeployTime = text.isEmpty() || !d ? std::nullopt : std::optional(*d);
        updatePreview();
    });
    layout->addWidget(params);

    auto* changes = new QGroupBox(tr("Applying it changes"), body);
    auto* changesLayout = new QVBoxLayout(changes);
    m_changes = new QListWidget(changes);
    m_changes->setObjectName(QStringLiteral("strategyChanges"));
    m_changes->setWordWrap(true);
    m_changes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_changes->setResizeMode(QListView::Adjust);
    m_changes->setMinimumHeight(90);
    changesLayout->addWidget(m_changes);
    m_showPreview = new QCheckBox(tr("Show on the canvas"), changes);
    m_showPreview->setObjectName(QStringLiteral("showPreview"));
    m_showPreview->setChecked(true);
    connect(m_showPreview, &QCheckBox::toggled, this, [this] { updatePreview(); });
    m_apply = new QPushButton(tr("Apply strategy"), changes);
    m_apply->setObjectName(QStringLiteral("applyStrategy"));
    m_apply->setDefault(true);
    connect(m_apply, &QPushButton::clicked, this, &StrategyPanel::apply);
    changesLayout->addWidget(m_showPreview);
    changesLayout->addWidget(m_apply, 0, Qt::AlignRight);
    m_status = new QLabel(changes);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    changesLayout->addWidget(m_status);
    layout->addWidget(changes);

    auto* settings = new QGroupBox(tr("Recovery settings"), body);
    auto* settingsLayout = new QVBoxLayout(settings);
    m_settings = new RecoverySettingsForm(document, settings);
    settingsLayout->addWidget(m_settings);
    layout->addWidget(settings);
    layout->addStretch(1);
    scroll->setWidget(body);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(focus, &WorkloadFocus::changed, this, &StrategyPanel::onFocus);
    connect(analysis, &StrategyAnalysis::updated, this, &StrategyPanel::onFigures);
    connect(document, &Document::changed, this, [this] {
        fillRegions();
        m_settings->refresh();
        updatePreview();
    });
    onFocus();
}

void StrategyPanel::onFocus()
{
    const Workload* w = m_document->topology().findWorkload(WorkloadId(m_focus->id().toStdString()));
    m_choice = w && w->strategy ? *w->strategy : Strategy{};
    if (m_choice.kind == StrategyKind::SingleRegion)
        m_choice.kind = StrategyKind::RedeployFromBackup;
    m_title->setText(w ? tr("Strategy for %1").arg(labelWithId(w->name, w->id.str())) : tr("No workload"));
    setEnabled(w != nullptr);
    m_settings->setWorkload(m_focus->id());
    fillRegions();
    syncControls();
    updatePreview();
    onFigures();
}

void StrategyPanel::fillRegions()
{
    for (QComboBox* combo : {m_primary, m_secondary}) {
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("automatic"), QString());
        for (const Region& r : m_document->topology().regions)
            combo->addItem(labelWithId(r.name, r.id.str()), qstr(r.id.str()));
    }
    syncControls();
}

void StrategyPanel::syncControls()
{
    const auto& kinds = comparedStrategies();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const QSignalBlocker block(m_buttons[i]);
        m_buttons[i]->setChecked(kinds[i] == m_choice.kind);
    }
    const double factor = m_choice.scaleFactor.value_or(kDefaultScaleFactor);
    {
        const QSignalBlocker block(m_scale);
        m_scale->setValue(std::clamp(static_cast<int>(std::lround(factor * 20)), 1, 20));
    }
    m_scaleLabel->setText(tr("%1 % of primary").arg(std::lround(factor * 100)));
    m_scale->setEnabled(m_choice.kind == StrategyKind::ActivePassiveFull);
    auto select = [](QComboBox* combo, const std::optional<RegionId>& id) {
        const QSignalBlocker block(combo);
        const int index = combo->findData(id ? qstr(id->str()) : QString());
        combo->setCurrentIndex(std::max(0, index));
    };
    select(m_primary, m_choice.primary);
    select(m_secondary, m_choice.secondary);
    m_redeploy->setText(m_choice.redeployTime ? qstr(formatDuration(*m_choice.redeployTime)) : QString());
    m_redeploy->setEnabled(m_choice.kind == StrategyKind::RedeployFromBackup);
}

void StrategyPanel::choose(StrategyKind kind)
{
    m_choice.kind = kind;
    if (kind == StrategyKind::ActivePassiveFull && !m_choice.scaleFactor)
        m_choice.scaleFactor = kDefaultScaleFactor;
    if (kind != StrategyKind::ActivePassiveFull)
        m_choice.scaleFactor.reset();
    syncControls();
    updatePreview();
}

void StrategyPanel::setScaleFactor(double factor)
{
    m_choice.scaleFactor = std::clamp(factor, 0.05, 1.0);
    syncControls();
    updatePreview();
}

bool StrategyPanel::previewShown() const
{
    return m_showPreview->isChecked() && m_preview.has_value();
}

void StrategyPanel::updatePreview()
{
    const PreviewInputs inputs{m_document->generation(), m_focus->id(), m_choice, m_showPreview->isChecked(),
                               m_document->isReadOnly()};
    if (m_previewInputs == inputs)
        return;
    m_previewInputs = inputs;
    m_preview.reset();
    m_changes->clear();
    const Topology& t = m_document->topology();
    const Workload* w = t.findWorkload(WorkloadId(m_focus->id().toStdString()));
    if (!w || t.components.size() < kWorkerComponents) {
        m_worker.cancel();
        showPreview(w ? std::optional(previewStrategy(t, w->id, m_choice)) : std::nullopt);
        return;
    }
    m_status->setText(tr("Working out what applying it changes…"));
    m_apply->setEnabled(false);
    emit previewPending();
    m_worker.request([this]() -> LatestWorker::Work {
        // The inputs as they are when the worker is free (a change since has asked again).
        return [this, topology = m_document->topology(), workload = WorkloadId(m_focus->id().toStdString()),
                choice = m_choice]() -> LatestWorker::Deliver {
            auto preview = std::make_shared<Result<StrategyPreview>>(previewStrategy(topology, workload, choice));
            return [this, preview] { showPreview(std::move(*preview)); };
        };
    });
}

void StrategyPanel::showPreview(std::optional<Result<StrategyPreview>> computed)
{
    QString status;
    if (computed) {
        if (!*computed) {
            status = qstr(computed->error().message);
        } else if ((*computed)->plan.changes.empty()) {
            status = tr("This is the current design: nothing to apply.");
        } else {
            for (const TopologyChange& c : (*computed)->plan.changes)
                m_changes->addItem(qstr(c.description));
            status = tr("%1 — Apply makes them one step you can undo.")
                         .arg(countText((*computed)->plan.changes.size(), "%1 change", "%1 changes"));
            m_preview = std::move(**computed);
        }
    }
    m_status->setText(status);
    m_apply->setEnabled(m_preview.has_value() && !m_document->isReadOnly());
    if (previewShown())
        emit previewChanged(m_preview->canvas);
    else
        emit previewChanged(std::nullopt);
}

bool StrategyPanel::apply()
{
    if (!m_preview)
        return false;
    const Workload* w = m_document->topology().findWorkload(WorkloadId(m_focus->id().toStdString()));
    const QString name = w ? labelWithId(w->name, w->id.str()) : m_focus->id();
    Topology result = m_preview->plan.result;
    m_document->push(new ReplaceTopologyCommand(m_document, std::move(result),
                                                tr("Apply %1 to %2").arg(strategyTitle(m_choice), name)));
    return true;
}

void StrategyPanel::onFigures()
{
    const StrategyFigures& f = m_analysis->figures();
    const bool fresh = f.workload == m_focus->id() && f.comparison;
    const auto& kinds = comparedStrategies();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        QString text = QStringLiteral("<span style='color:gray'>%1</span>").arg(describe(kinds[i]).toHtmlEscaped());
        if (fresh && i < f.comparison->options.size()) {
            const StrategyOption& o = f.comparison->options[i];
            if (o.unavailable) {
                text += QStringLiteral("<br>") + qstr(o.unavailable->message).toHtmlEscaped();
            } else {
                const RecoveryEstimate* e = regionEstimate(o);
                QStringList parts{tr("<b>%1</b>/mo").arg(moneyText(o.monthlyCost))};
                if (e)
                    parts << tr("region RTO %1").arg(estimateText(e->rto)) << tr("RPO %1").arg(estimateText(e->rpo));
                QString verdict;
                if (!o.verdicts.empty())
                    verdict = o.compliant
                                  ? tr("<span style='color:%1'>✔ meets targets</span>").arg(canvasColors().success.name())
                                  : tr("<span style='color:%1'>✘ breaches targets</span>").arg(canvasColors().danger.name());
                if (!verdict.isEmpty())
                    parts << verdict;
                if (o.cheapestCompliant)
                    parts << tr("★ cheapest compliant");
                if (o.current)
                    parts << tr("<i>current</i>");
                text += QStringLiteral("<br>") + parts.join(QStringLiteral(" · "));
            }
        }
        m_summaries[i]->setText(text);
    }
}

} // namespace firedrill::ui
