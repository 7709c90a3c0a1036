#include "FaultDialog.h"

#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/panels/UnitField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {

/// The reason `text` is not a duration of 0 or more, or empty.
QString durationProblem(const QString& text)
{
    const auto parsed = parseDuration(text.toStdString());
    if (!parsed)
        return qstr(parsed.error().message);
    return parsed->ms < 0 ? QObject::tr("must be 0 or more") : QString();
}

/// "0.25" or "25%" as a fraction.
Result<double> parseShare(const QString& text)
{
    const QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('%'))) {
        auto n = parseNumber(t.chopped(1).trimmed().toStdString());
        if (!n)
            return n.error();
        return *n / 100.0;
    }
    return parseNumber(t.toStdString());
}

QString shareProblem(const QString& text)
{
    const auto parsed = parseShare(text);
    if (!parsed)
        return qstr(parsed.error().message);
    return *parsed < 0.0 || *parsed > 1.0 ? QObject::tr("must be between 0 and 1 (or 0% and 100%)")
                                          : QString();
}

QString multiplierProblem(const QString& text)
{
    const auto parsed = parseNumber(text.trimmed().toStdString());
    if (!parsed)
        return qstr(parsed.error().message);
    return *parsed > 0.0 ? QString() : QObject::tr("must be greater than zero");
}

} // namespace

FaultDialog::FaultDialog(const Topology& topology, qint64 durationMs, QWidget* parent)
    : QDialog(parent), m_topology(topology), m_duration(durationMs), m_targets(faultTargetChoices(topology))
{
    setObjectName(QStringLiteral("faultDialog"));
    setWindowTitle(tr("Fault"));
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    for (int i = 0; i < static_cast<int>(m_targets.size()); ++i)
        m_target->addItem(m_targets[static_cast<std::size_t>(i)].label, i);
    m_form->addRow(tr("Target:"), m_target);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_form->addRow(tr("Kind:"), m_kind);

    m_start = new UnitField(QStringLiteral("start"), durationProblem, this);
    m_start->lineEdit()->setPlaceholderText(tr("e.g. 10m"));
    m_form->addRow(tr("Starts after:"), m_start);

    auto* lengthRow = new QWidget(this);
    auto* lengthLayout = new QHBoxLayout(lengthRow);
    lengthLayout->setContentsMargins(0, 0, 0, 0);
    m_length = new UnitField(QStringLiteral("length"), durationProblem, lengthRow);
    m_length->lineEdit()->setPlaceholderText(tr("e.g. 1h 30m"));
    m_untilEnd = new QCheckBox(tr("until the end"), lengthRow);
    m_untilEnd->setObjectName(QStringLiteral("untilEndCheck"));
    lengthLayout->addWidget(m_length, 1);
    lengthLayout->addWidget(m_untilEnd, 0, Qt::AlignTop);
    m_form->addRow(tr("Lasts:"), lengthRow);

    m_latency = new UnitField(QStringLiteral("latency"), durationProblem, this);
    m_latency->lineEdit()->setPlaceholderText(tr("added response time, e.g. 2s"));
    m_form->addRow(tr("Added latency:"), m_latency);
    m_errorRate = new UnitField(QStringLiteral("errorRate"), shareProblem, this);
    m_errorRate->lineEdit()->setPlaceholderText(tr("share of failed requests, e.g. 0.5 or 50%"));
    m_form->addRow(tr("Error rate:"), m_errorRate);
    m_detectedAfter = new UnitField(QStringLiteral("detectedAfter"), durationProblem, this);
    m_detectedAfter->lineEdit()->setPlaceholderText(tr("when someone notices, e.g. 45m"));
    m_form->addRow(tr("Noticed after:"), m_detectedAfter);
    m_multiplier = new UnitField(QStringLiteral("multiplier"), multiplierProblem, this);
    m_multiplier->lineEdit()->setPlaceholderText(tr("demand multiplier, e.g. 1.5"));
    m_form->addRow(tr("Demand ×:"), m_multiplier);
    m_domain = new QSpinBox(this);
    m_domain->setObjectName(QStringLiteral("domainSpin"));
    m_domain->setToolTip(tr("Instances are placed round-robin: instance i runs in fault domain i mod the "
                            "component's fault domains"));
    m_form->addRow(tr("Fault domain:"), m_domain);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("faultMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &FaultDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_target, &QComboBox::currentIndexChanged, this, &FaultDialog::fillKinds);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &FaultDialog::updateRows);
    connect(m_untilEnd, &QCheckBox::toggled, m_length, &QWidget::setDisabled);

    fillKinds();
    setFault(m_fault);
    resize(std::max(580, sizeHint().width()), sizeHint().height());
}

void FaultDialog::setFault(const Fault& fault)
{
    m_fault = fault;
    int index = -1;
    for (int i = 0; i < static_cast<int>(m_targets.size()); ++i)
        if (m_targets[static_cast<std::size_t>(i)].target == fault.target)
            index = i;
    if (index < 0 && !fault.target.id.empty()) {
        // A target the topology no longer has: keep it selectable so the fault is not changed unasked.
        m_targets.push_back({fault.target, faultTargetName(m_topology, fault.target)});
        index = static_cast<int>(m_targets.size()) - 1;
        m_target->addItem(m_targets.back().label, index);
    }
    if (index >= 0)
        m_target->setCurrentIndex(m_target->findData(index));
    fillKinds();
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(static_cast<int>(fault.kind))));
    m_start->setText(qstr(formatDuration(fault.at)));
    m_untilEnd->setChecked(!fault.length);
    m_length->setText(fault.length ? qstr(formatDuration(*fault.length)) : QString());
    m_length->setDisabled(!fault.length);
    m_latency->setText(fault.latency ? qstr(formatDuration(*fault.latency)) : QString());
    m_errorRate->setText(fault.errorRate ? qstr(formatNumber(*fault.errorRate)) : QString());
    m_detectedAfter->setText(fault.detectedAfter ? qstr(formatDuration(*fault.detectedAfter)) : QString());
    m_multiplier->setText(fault.multiplier ? qstr(formatNumber(*fault.multiplier)) : QString());
    updateRows();
    m_domain->setValue(fault.domain.value_or(0));
}

FaultTarget FaultDialog::currentTarget() const
{
    const int i = m_target->currentData().toInt();
    return i >= 0 && i < static_cast<int>(m_targets.size()) ? m_targets[static_cast<std::size_t>(i)].target
                                                            : FaultTarget{};
}

FaultKind FaultDialog::currentKind() const
{
    return static_cast<FaultKind>(m_kind->currentData().toInt());
}

void FaultDialog::fillKinds()
{
    const QVariant keep = m_kind->currentData();
    const QSignalBlocker block(m_kind);
    m_kind->clear();
    for (FaultKind kind : faultKindsFor(m_topology, currentTarget()))
        m_kind->addItem(faultKindText(kind), static_cast<int>(kind));
    const int again = m_kind->findData(keep);
    m_kind->setCurrentIndex(again >= 0 ? again : 0);
    updateRows();
}

void FaultDialog::updateRows()
{
    const FaultKind kind = currentKind();
    m_form->setRowVisible(m_latency, kind == FaultKind::Degradation);
    m_form->setRowVisible(m_errorRate, kind == FaultKind::Degradation);
    m_form->setRowVisible(m_detectedAfter, kind == FaultKind::Corruption);
    m_form->setRowVisible(m_multiplier, kind == FaultKind::Surge);
    m_form->setRowVisible(m_domain, kind == FaultKind::FaultDomain);
    // Domains 0 .. fault_domains - 1 of the target.
    const Component* c = faultTargetComponent(m_topology, currentTarget());
    m_domain->setRange(0, std::max(0, (c && c->faultDomains ? *c->faultDomains : 1) - 1));
    m_domain->setSuffix(c && c->faultDomains ? tr(" of 0–%1").arg(*c->faultDomains - 1) : QString());
}

bool FaultDialog::read(Fault& out)
{
    bool ok = true;
    m_message->hide();
    if (m_kind->count() == 0) {
        m_message->setText(tr("Nothing can be done to %1 in a scenario; choose another target.")
                               .arg(m_target->currentText()));
        m_message->show();
        return false;
    }
    out = Fault{};
    out.target = currentTarget();
    out.kind = currentKind();
    auto duration = [](UnitField* field) -> std::optional<Duration> {
        const QString t = field->text().trimmed();
        if (t.isEmpty())
            return std::nullopt;
        return *parseDuration(t.toStdString());
    };
    auto required = [&](UnitField* field, const QString& what) {
        if (!field->validate()) {
            ok = false;
            return false;
        }
        if (field->text().trimmed().isEmpty()) {
            field->setError(tr("%1 is needed").arg(what));
            ok = false;
            return false;
        }
        return true;
    };
    if (required(m_start, tr("a start time"))) {
        out.at = *duration(m_start);
        if (out.at.ms >= m_duration) {
            m_start->setError(
                tr("starts after the scenario ends (%1)").arg(durationText(Duration{m_duration})));
            ok = false;
        }
    }
    if (!m_untilEnd->isChecked() && required(m_length, tr("a length (or \"until the end\")")))
        out.length = duration(m_length);
    if (out.kind == FaultKind::Degradation) {
        if (m_latency->validate())
            out.latency = duration(m_latency);
        else
            ok = false;
        if (!m_errorRate->validate())
            ok = false;
        else if (!m_errorRate->text().trimmed().isEmpty())
            out.errorRate = *parseShare(m_errorRate->text());
        if (ok && !out.latency && !out.errorRate) {
            m_latency->setError(tr("a degradation needs an added latency or an error rate"));
            ok = false;
        }
    }
    if (out.kind == FaultKind::Corruption) {
        if (m_detectedAfter->validate())
            out.detectedAfter = duration(m_detectedAfter);
        else
            ok = false;
    }
    if (out.kind == FaultKind::Surge && required(m_multiplier, tr("a multiplier")))
        out.multiplier = *parseNumber(m_multiplier->text().trimmed().toStdString());
    if (out.kind == FaultKind::FaultDomain)
        out.domain = m_domain->value();
    return ok;
}

void FaultDialog::accept()
{
    Fault f;
    if (!read(f)) {
        // Make room for the reasons now shown under the fields.
        layout()->activate();
        resize(width(), std::max(height(), heightForWidth(width()) > 0 ? heightForWidth(width())
                                                                       : sizeHint().height()));
        return;
    }
    m_fault = f;
    QDialog::accept();
}

} // namespace firedrill::ui
