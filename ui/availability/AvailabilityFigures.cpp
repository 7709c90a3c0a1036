#include "AvailabilityFigures.h"

#include "core/io/Units.h"
#include "core/montecarlo/AvailabilityText.h"
#include "ui/common/DisplayText.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

using montecarlo::AvailabilitySummary;
using montecarlo::PolicyBreach;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// "Region outage": a disruption class as people say it.
QString disruptionTitle(DisruptionClass d)
{
    switch (d) {
    case DisruptionClass::Instance: return AvailabilityFigures::tr("Instance failure");
    case DisruptionClass::Zone: return AvailabilityFigures::tr("Zone outage");
    case DisruptionClass::Region: return AvailabilityFigures::tr("Region outage");
    case DisruptionClass::Dependency: return AvailabilityFigures::tr("Dependency outage");
    case DisruptionClass::Corruption: return AvailabilityFigures::tr("Data corruption");
    }
    return enumText(d);
}

const PolicyBreach* findBreach(const AvailabilitySummary* s, DisruptionClass d)
{
    if (!s)
        return nullptr;
    for (const auto& b : s->breaches)
        if (b.disruption == d)
            return &b;
    return nullptr;
}

/// -1 when a lower value is better and it went down (or up: +1 means worse), 0 when unchanged or unknown.
int verdict(double before, double after, bool lowerIsBetter)
{
    if (before == after)
        return 0;
    return (after < before) == lowerIsBetter ? 1 : -1;
}

} // namespace

AvailabilityFigures::AvailabilityFigures(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(18);
    m_grid->setVerticalSpacing(6);
    layout->addLayout(m_grid);
    layout->addStretch(1);
}

void AvailabilityFigures::clear()
{
    clearGrid();
}

void AvailabilityFigures::showSummary(const AvailabilitySummary& s, const AvailabilitySummary* base)
{
    clearGrid();
    const bool withBase = base != nullptr;
    int row = 0;
    addHeader(row++, withBase);
    const auto durationRow = [&](const QString& key, const QString& title, double AvailabilitySummary::* field) {
        const double now = s.*field;
        const double before = base ? base->*field : 0;
        addRow(row++, key, title, q(montecarlo::formatDowntime(now)), base ? q(montecarlo::formatDowntime(before)) : QString(),
               base ? q(montecarlo::formatDowntimeChange(now - before)) : QString(), base ? verdict(before, now, true) : 0);
    };
    durationRow(QStringLiteral("mean"), tr("Mean downtime a year"), &AvailabilitySummary::meanDowntimeMs);
    durationRow(QStringLiteral("p50"), tr("Typical year (P50)"), &AvailabilitySummary::p50DowntimeMs);
    durationRow(QStringLiteral("p95"), tr("1 year in 20 is worse than (P95)"), &AvailabilitySummary::p95DowntimeMs);
    durationRow(QStringLiteral("p99"), tr("1 year in 100 is worse than (P99)"), &AvailabilitySummary::p99DowntimeMs);
    // The change of availability is the change of mean downtime, shown above in readable units.
    addRow(row++, QStringLiteral("availability"), tr("Availability"), q(montecarlo::formatAvailability(s.availability)),
           base ? q(montecarlo::formatAvailability(base->availability)) : QString(), QString(), 0);
    addRow(row++, QStringLiteral("nines"), tr("Nines"), q(montecarlo::formatNines(s.nines)),
           base ? q(montecarlo::formatNines(base->nines)) : QString(), QString(), 0);
    addRow(row++, QStringLiteral("years"), tr("Years with any downtime"), q(montecarlo::formatShare(s.shareOfYearsWithDowntime)),
           base ? q(montecarlo::formatShare(base->shareOfYearsWithDowntime)) : QString(),
           base ? q(montecarlo::formatShareChange(s.shareOfYearsWithDowntime - base->shareOfYearsWithDowntime)) : QString(),
           base ? verdict(base->shareOfYearsWithDowntime, s.shareOfYearsWithDowntime, true) : 0);

    // Every RTO target of either run, the current design's order first.
    std::vector<PolicyBreach> targets = s.breaches;
    if (base)
        for (const auto& b : base->breaches)
            if (!findBreach(&s, b.disruption))
                targets.push_back(b);
    if (targets.empty())
        addSection(row++, tr("No recovery-time targets are set for this workload."));
    else
        addSection(row++, tr("Chance that a year breaches the recovery-time target"));
    for (const auto& t : targets) {
        const PolicyBreach* now = findBreach(&s, t.disruption);
        const PolicyBreach* before = findBreach(base, t.disruption);
        const QString key = QStringLiteral("breach.") + enumText(t.disruption);
        QString title = tr("%1 · RTO %2").arg(disruptionTitle(t.disruption), q(formatDurationReadable(t.rtoTarget)));
        if (now && before && now->rtoTarget != before->rtoTarget)
            title = tr("%1 · RTO %2 (baseline %3)")
                        .arg(disruptionTitle(t.disruption), q(formatDurationReadable(now->rtoTarget)),
                             q(formatDurationReadable(before->rtoTarget)));
        addRow(row++, key, title, now ? q(montecarlo::formatShare(now->probability)) : QStringLiteral("—"),
               base ? (before ? q(montecarlo::formatShare(before->probability)) : QStringLiteral("—")) : QString(),
               now && before ? q(montecarlo::formatShareChange(now->probability - before->probability)) : QString(),
               now && before ? verdict(before->probability, now->probability, true) : 0);
    }

    // Where this design's downtime comes from: the few largest causes (this design only).
    constexpr std::size_t kCauses = 3;
    if (!s.contributions.empty()) {
        addSection(row++, tr("Where the downtime comes from"));
        for (std::size_t i = 0; i < s.contributions.size() && i < kCauses; ++i) {
            const auto& c = s.contributions[i];
            addRow(row++, QStringLiteral("cause.%1").arg(i),
                   tr("%1 · %2 a year").arg(q(c.cause), q(montecarlo::formatDowntime(c.meanPerYearMs))),
                   q(montecarlo::formatShare(c.share)), QString(), QString(), 0);
        }
    }
}

void AvailabilityFigures::clearGrid()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void AvailabilityFigures::addHeader(int row, bool withBaseline)
{
    const QStringList titles = withBaseline ? QStringList{tr("This design"), tr("Baseline"), tr("Change")}
                                            : QStringList{tr("This design")};
    for (int i = 0; i < titles.size(); ++i) {
        auto* label = new QLabel(titles[i], this);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setForegroundRole(QPalette::PlaceholderText);
        QFont f = font();
        f.setBold(true);
        label->setFont(f);
        m_grid->addWidget(label, row, 1 + i);
    }
}

void AvailabilityFigures::addRow(int row, const QString& key, const QString& title, const QString& current,
                                 const QString& baseline, const QString& change, int better)
{
    QFont valueFont = font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.2);
    auto* name = new QLabel(title, this);
    m_grid->addWidget(name, row, 0);
    const auto add = [&](const QString& text, const QString& column, int col, bool bold) {
        auto* label = new QLabel(text, this);
        label->setObjectName(key + QLatin1Char('.') + column);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QFont f = valueFont;
        f.setBold(bold);
        label->setFont(f);
        m_grid->addWidget(label, row, col);
        return label;
    };
    add(current, QStringLiteral("current"), 1, true);
    if (!baseline.isNull()) {
        add(baseline, QStringLiteral("baseline"), 2, false);
        QLabel* c = add(change, QStringLiteral("change"), 3, false);
        if (better != 0 && !change.startsWith(QStringLiteral("±"))) {
            // Green for better, red for worse: both mid tones that read on light and dark backgrounds.
            QPalette p = c->palette();
            p.setColor(QPalette::WindowText, better > 0 ? QColor(0x2E, 0xA0, 0x4F) : QColor(0xE0, 0x4B, 0x4B));
            c->setPalette(p);
        }
    }
}

void AvailabilityFigures::addSection(int row, const QString& title)
{
    auto* label = new QLabel(title, this);
    label->setWordWrap(true);
    QFont f = font();
    f.setBold(true);
    label->setFont(f);
    label->setContentsMargins(0, 12, 0, 2);
    m_grid->addWidget(label, row, 0, 1, 4);
}

} // namespace firedrill::ui
