#include "AvailabilityHeadline.h"

#include "core/montecarlo/AvailabilityText.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <cmath>

namespace firedrill::ui {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

AvailabilityHeadline::AvailabilityHeadline(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(2);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_comparison = new QLabel(this);
    m_comparison->setObjectName(QStringLiteral("comparison"));
    m_comparison->setWordWrap(true);
    m_comparison->hide();
    layout->addWidget(m_headline);
    layout->addWidget(m_comparison);
    layout->addWidget(m_detail);
    applyFonts();
    showMessage(tr("No simulation yet"), tr("Press Run to simulate many years of random failures of this design."));
}

void AvailabilityHeadline::showSummary(const montecarlo::AvailabilitySummary& s, std::uint64_t seed,
                                       const montecarlo::AvailabilitySummary* base)
{
    m_headline->setText(tr("Expected downtime %1 a year (%2)")
                            .arg(q(montecarlo::formatDowntime(s.meanDowntimeMs)), q(montecarlo::formatAvailability(s.availability))));
    m_detail->setText(tr("%1 nines · standard error ± %2 · %3 simulated years, seed %4")
                          .arg(q(montecarlo::formatNines(s.nines)), q(montecarlo::formatDowntime(s.standardErrorMs)),
                               QLocale().toString(static_cast<qulonglong>(s.years)), QString::number(seed)));
    m_comparison->setVisible(base != nullptr);
    if (!base)
        return;
    const double change = s.meanDowntimeMs - base->meanDowntimeMs;
    const QString amount = q(montecarlo::formatDowntime(std::fabs(change)));
    const QString baseline = q(montecarlo::formatDowntime(base->meanDowntimeMs));
    QString text;
    QColor colour;
    if (amount == QStringLiteral("0s")) {
        text = tr("About the same as the baseline (%1 a year)").arg(baseline);
    } else if (change < 0) {
        text = tr("%1 less downtime a year than the baseline (%2)").arg(amount, baseline);
        colour = QColor(0x2E, 0xA0, 0x4F); // a green that reads on light and dark backgrounds
    } else {
        text = tr("%1 more downtime a year than the baseline (%2)").arg(amount, baseline);
        colour = QColor(0xE0, 0x4B, 0x4B);
    }
    m_comparison->setText(text);
    QPalette p; // inherits the theme's colours unless one is set
    if (colour.isValid())
        p.setColor(QPalette::WindowText, colour);
    m_comparison->setPalette(p);
}

void AvailabilityHeadline::showMessage(const QString& headline, const QString& detail)
{
    m_headline->setText(headline);
    m_detail->setText(detail);
    m_comparison->hide();
}

void AvailabilityHeadline::applyFonts()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_headline->setFont(big);
    QFont medium = font();
    medium.setPointSizeF(medium.pointSizeF() * 1.35);
    medium.setBold(true);
    m_comparison->setFont(medium);
    QFont detail = font();
    detail.setPointSizeF(detail.pointSizeF() * 1.1);
    m_detail->setFont(detail);
}

void AvailabilityHeadline::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

} // namespace firedrill::ui
