#include "BreakdownText.h"

#include "ui/common/DisplayText.h"

#include <QCoreApplication>
#include <QLocale>

namespace firedrill::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("firedrill::ui::BreakdownText", text);
}

} // namespace

QString disruptionText(DisruptionClass disruption)
{
    switch (disruption) {
    case DisruptionClass::Instance: return tr("Instance");
    case DisruptionClass::Zone: return tr("Zone");
    case DisruptionClass::Region: return tr("Region");
    case DisruptionClass::Dependency: return tr("Dependency");
    case DisruptionClass::Corruption: return tr("Corruption");
    }
    return {};
}

QString strategyTitle(const Strategy& strategy)
{
    switch (strategy.kind) {
    case StrategyKind::SingleRegion: return tr("Single region");
    case StrategyKind::RedeployFromBackup: return tr("Redeploy from backup");
    case StrategyKind::ActivePassiveDb: return tr("Active-passive (database)");
    case StrategyKind::ActivePassiveFull:
        return strategy.scaleFactor
                   ? tr("Active-passive (full) ×%1").arg(QLocale(QLocale::English).toString(*strategy.scaleFactor, 'g', 3))
                   : tr("Active-passive (full)");
    case StrategyKind::ActiveActive: return tr("Active-active");
    }
    return {};
}

QString estimateText(const TimeEstimate& estimate)
{
    return estimate.unbounded ? tr("unbounded") : durationText(estimate.total);
}

QString breakdownHtml(const RecoveryEstimate& estimate, bool rto, const PolicyVerdict* verdict)
{
    const TimeEstimate& e = rto ? estimate.rto : estimate.rpo;
    QString html = QStringLiteral("<p><b>%1 %2</b> — %3</p>")
                       .arg(rto ? tr("RTO") : tr("RPO"), estimateText(e).toHtmlEscaped(),
                            qstr(estimate.situation).toHtmlEscaped());
    if (!e.terms.empty()) {
        const bool sum = e.combination == "sum";
        html += QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>");
        bool first = true;
        for (const DurationTerm& term : e.terms) {
            html += QStringLiteral("<tr><td valign='top'>%1<b>%2</b><br><span style='color:gray'>%3</span></td>"
                                   "<td valign='top' align='right'><b>%4</b></td></tr>")
                        .arg(sum && !first ? QStringLiteral("+ ") : QString(), qstr(term.label).toHtmlEscaped(),
                             qstr(term.detail).toHtmlEscaped(), durationText(term.value));
            first = false;
        }
        html += QStringLiteral("<tr><td><b>= %1</b></td><td align='right'><b>%2</b></td></tr></table>")
                    .arg(rto ? tr("RTO") : tr("RPO"), estimateText(e).toHtmlEscaped());
        if (!sum)
            html += QStringLiteral("<p>%1</p>").arg(qstr(e.combination).toHtmlEscaped());
    }
    if (!rto && !e.unbounded && estimate.rpoExpected != e.total)
        html += QStringLiteral("<p>%1</p>").arg(tr("On average %1 of writes are lost.").arg(durationText(estimate.rpoExpected)));
    if (verdict && (rto ? verdict->rtoMet.has_value() : verdict->rpoMet.has_value()))
        html += QStringLiteral("<p>%1</p>").arg(qstr(verdict->summary).toHtmlEscaped());
    for (const std::string& note : e.notes)
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(qstr(note).toHtmlEscaped());
    return html;
}

} // namespace firedrill::ui
