#include "PlanPdfWriter.h"

#include "DrillText.h"
#include "TimelineChart.h"
#include "core/drill/DrillRole.h"
#include "core/drill/PlanHtml.h"
#include "ui/common/DisplayText.h"
#include "ui/common/SafeSave.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>
#include <memory>

namespace firedrill::ui {

namespace {

constexpr int kResolution = 150; // dots per inch of the PDF's layout; text and lines stay vector
const QString kDiagramUrl = QStringLiteral("firedrill://diagram.png");
const QString kTimelineUrl = QStringLiteral("firedrill://timeline.png");

using PageList = std::vector<std::pair<QString, int>>;

QString esc(const std::string& text)
{
    return qstr(text).toHtmlEscaped();
}

QString styleSheet()
{
    return QStringLiteral(
        "body { color: #111827; }"
        "h1 { font-size: 20pt; color: #0f172a; margin-bottom: 6pt; }"
        "h2 { font-size: 14pt; color: #1e3a8a; margin-top: 14pt; margin-bottom: 6pt; }"
        "th { background-color: #e5e7eb; font-weight: bold; text-align: left; }"
        "td, th { padding: 3pt; } table { font-size: 8.5pt; }"
        ".detail { color: #4b5563; } .track { color: #6b7280; }"
        ".muted { color: #6b7280; } .kicker { color: #1e3a8a; font-size: 11pt; font-weight: bold; }");
}

/// The plan's own HTML export from its first section on, with tables given printable attributes.
QString coreSections(const DrillPlan& plan)
{
    QString html = qstr(planToHtml(plan));
    const qsizetype from = html.indexOf(QStringLiteral("<h2>"));
    const qsizetype to = html.lastIndexOf(QStringLiteral("</body>"));
    html = from < 0 || to < from ? QString() : html.mid(from, to - from);
    // The runbook tables: give the step its room and keep the times narrow.
    html.replace(
        QStringLiteral("<tr><th>#</th><th>Step</th><th>Owner</th><th>Duration</th><th>Elapsed</th>"
                       "<th>Done when</th><th>If it fails</th></tr>"),
        QStringLiteral("<tr><th width=\"4%\">#</th><th width=\"33%\">Step</th><th width=\"12%\">Owner</th>"
                       "<th width=\"9%\">Duration</th><th width=\"9%\">Elapsed</th>"
                       "<th width=\"16%\">Done when</th><th width=\"17%\">If it fails</th></tr>"));
    html.replace(QStringLiteral("<table>"),
                 QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                "style=\"border-color:#9ca3af; border-style:solid;\">"));
    return html;
}

/// Numbers every <h2> of `body` after `first` and collects the titles for the contents.
QString numberSections(QString body, int& next, QStringList& titles)
{
    static const QRegularExpression heading(QStringLiteral("<h2( style=\"[^\"]*\")?>(.*?)</h2>"));
    QString out;
    qsizetype last = 0;
    auto it = heading.globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString title = QStringLiteral("%1. %2").arg(next++).arg(m.captured(2));
        titles << title;
        out += body.mid(last, m.capturedStart() - last);
        out += QStringLiteral("<h2%1>%2</h2>").arg(m.captured(1), title);
        last = m.capturedEnd();
    }
    out += body.mid(last);
    return out;
}

QString titlePage(const PlanPdfInput& in)
{
    const DrillPlan& p = in.plan;
    QString next = QObject::tr("not scheduled");
    std::optional<std::chrono::sys_seconds> soonest;
    for (const DrillSchedule& s : in.schedules)
        for (const auto t : nextOccurrences(s, in.generated, 1))
            if (!soonest || t < *soonest)
                soonest = t;
    if (soonest)
        next = utcText(*soonest);
    const QString approver = in.approval.state() == ApprovalState::Approved ? qstr(in.approval.approvedBy())
                                                                            : QObject::tr("not approved yet");
    auto fact = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td width=\"35%\" class=\"muted\" style=\"font-size: 11pt;\">%1</td>"
                              "<td><span style=\"font-size: 11pt; font-weight: bold;\">%2</span></td></tr>")
            .arg(name, value);
    };
    QString h;
    h += QStringLiteral("<p style=\"font-size: 72pt;\">&nbsp;</p><p class=\"kicker\">%1</p>")
             .arg(QObject::tr("DISASTER-RECOVERY DRILL PLAN"));
    h += QStringLiteral("<h1 style=\"font-size: 28pt;\">%1</h1>").arg(esc(p.title));
    h += QStringLiteral("<p class=\"muted\" style=\"font-size: 12pt; margin-bottom: 30pt;\">%1</p>")
             .arg(esc(p.objective.statement));
    h += QStringLiteral(
        "<table cellspacing=\"0\" cellpadding=\"5\" width=\"100%\" style=\"font-size: 11pt;\">");
    h += fact(QObject::tr("System"), in.systemName.toHtmlEscaped());
    h += fact(QObject::tr("Workload / scenario"),
              QStringLiteral("%1 / %2").arg(esc(p.workload), esc(p.scenario)));
    h += fact(QObject::tr("Plan"), QObject::tr("%1, revision %2").arg(esc(p.id)).arg(in.approval.revision()));
    h += fact(QObject::tr("Review state"), approvalStateText(in.approval.state()));
    h += fact(QObject::tr("Approved by"), approver.toHtmlEscaped());
    h += fact(QObject::tr("Expected RTO / target"),
              QStringLiteral("%1 / %2").arg(
                  p.objective.expectedRto ? clockText(*p.objective.expectedRto) : QObject::tr("unbounded"),
                  p.objective.rtoTarget ? clockText(*p.objective.rtoTarget) : QObject::tr("none")));
    h += fact(QObject::tr("Next drill"), next);
    h += fact(QObject::tr("Runbook"),
              QObject::tr("%1 steps, %2 failback steps").arg(p.steps.size()).arg(p.rollback.size()));
    h += fact(QObject::tr("Printed"), utcText(in.generated));
    h += QStringLiteral("</table>");
    return h;
}

QString contents(const QStringList& titles, const PageList& pages)
{
    QString h =
        QStringLiteral("<h1 style=\"page-break-before: always;\">%1</h1>").arg(QObject::tr("Contents"));
    h += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
    for (const QString& title : titles) {
        int page = 0;
        for (const auto& [name, number] : pages)
            if (name == title)
                page = number;
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\" width=\"15%\">%2</td></tr>")
                 .arg(title, page > 0 ? QString::number(page) : QStringLiteral("…"));
    }
    return h + QStringLiteral("</table>");
}

QString trailAndSignOff(const PlanPdfInput& in)
{
    QString h = QStringLiteral("<h2>%1</h2>").arg(QObject::tr("Approval audit trail"));
    if (in.approval.trail().empty())
        h += QStringLiteral("<p class=\"muted\">%1</p>")
                 .arg(QObject::tr("No review yet: the plan is a draft."));
    else {
        h += QStringLiteral(
                 "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr><th>%1</th>"
                 "<th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                 .arg(QObject::tr("Rev."), QObject::tr("When"), QObject::tr("Who"), QObject::tr("Action"),
                      QObject::tr("State"), QObject::tr("Comment"));
        for (const ApprovalEvent& e : in.approval.trail())
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>")
                     .arg(e.revision)
                     .arg(utcText(e.when), esc(e.who), approvalActionText(e.action), approvalStateText(e.to),
                          esc(e.comment));
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("<h2 style=\"page-break-before: always;\">%1</h2>").arg(QObject::tr("Sign-off"));
    h += QStringLiteral("<p>%1</p>")
             .arg(QObject::tr("By signing, each person confirms they have read this plan, agree to their "
                              "role in it, and accept the "
                              "scope and blast radius described above."));
    h += QStringLiteral(
             "<table border=\"1\" cellspacing=\"0\" cellpadding=\"12\" width=\"100%\"><tr><th width=\"26%\">"
             "%1</th><th width=\"24%\">%2</th><th width=\"32%\">%3</th><th>%4</th></tr>")
             .arg(QObject::tr("Role"), QObject::tr("Name"), QObject::tr("Signature"), QObject::tr("Date"));
    const QString approver =
        in.approval.state() == ApprovalState::Approved ? esc(in.approval.approvedBy()) : QString();
    QStringList roles{QObject::tr("Plan approver"), roleText(DrillRole::IncidentCommander)};
    for (const RoleAssignment& r : in.plan.roles)
        if (r.role != DrillRole::IncidentCommander && r.role != DrillRole::Observer)
            roles << roleText(r.role);
    roles << QObject::tr("Business owner");
    for (qsizetype i = 0; i < roles.size(); ++i)
        h += QStringLiteral(
                 "<tr><td>%1</td><td>%2</td><td>&nbsp;<br/>&nbsp;<br/>&nbsp;</td><td>&nbsp;</td></tr>")
                 .arg(roles[i], i == 0 ? approver : QString());
    return h + QStringLiteral("</table>");
}

QString documentHtml(const PlanPdfInput& in, const PageList& pages, double imageWidth, QStringList& titles)
{
    titles.clear();
    int next = 1;
    QString body;
    if (!in.diagram.isNull())
        body +=
            QStringLiteral("<h2 style=\"page-break-before: always;\">%1</h2><p class=\"muted\">%2</p>"
                           "<p align=\"center\"><img src=\"%3\" width=\"%4\"/></p>")
                .arg(QObject::tr("Topology"),
                     QObject::tr("The system as designed, with the regions, zones and components the drill "
                                 "touches."),
                     kDiagramUrl)
                .arg(qRound(imageWidth));
    body +=
        QStringLiteral(
            "<h2%1>%2</h2><p class=\"muted\">%3</p><p align=\"center\"><img src=\"%4\" width=\"%5\"/></p>")
            .arg(
                in.diagram.isNull() ? QStringLiteral(" style=\"page-break-before: always;\"") : QString(),
                QObject::tr("Expected timeline"),
                QObject::tr("When each runbook step is expected to run, counted from the start of the fault; "
                            "bars on different tracks overlap because they run in parallel."),
                kTimelineUrl)
            .arg(qRound(imageWidth));
    body += coreSections(in.plan);
    body += trailAndSignOff(in);
    body = numberSections(body, next, titles);
    return QStringLiteral("<html><body>") + titlePage(in) + contents(titles, pages) + body +
           QStringLiteral("</body></html>");
}

} // namespace

Result<void> PlanPdfWriter::write(const PlanPdfInput& input, const QString& path)
{
    SafeSave::removeStaleTemporaries(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{"io", QObject::tr("Could not write %1: %2").arg(path, file.errorString()).toStdString()};
    {
        QPdfWriter writer(&file);
        writer.setResolution(kResolution);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(16, 16, 16, 14), QPageLayout::Millimeter);
        writer.setTitle(qstr(input.plan.title));
        writer.setCreator(QStringLiteral("Firedrill"));
        const QRect paint = writer.pageLayout().paintRectPixels(kResolution);
        const double footer = kResolution * 0.35;
        const QSizeF page(paint.width(), paint.height() - footer);
        const double imageWidth = paint.width() * 96.0 / kResolution;
        const QImage timeline = TimelineChart::render(input.plan, 1500);

        auto layOut = [&](const PageList& pages, QStringList& titles) {
            auto doc = std::make_unique<QTextDocument>();
            doc->documentLayout()->setPaintDevice(&writer);
            doc->setPageSize(page);
            doc->setDocumentMargin(0);
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPointSizeF(9.5);
            doc->setDefaultFont(font);
            doc->setDefaultStyleSheet(styleSheet());
            if (!input.diagram.isNull())
                doc->addResource(QTextDocument::ImageResource, QUrl(kDiagramUrl), input.diagram);
            doc->addResource(QTextDocument::ImageResource, QUrl(kTimelineUrl), timeline);
            doc->setHtml(documentHtml(input, pages, imageWidth, titles));
            return doc;
        };
        // First pass: find the page of each section; second pass: the same layout with the contents filled
        // in.
        QStringList titles;
        auto draft = layOut({}, titles);
        PageList pages;
        for (QTextBlock b = draft->begin(); b.isValid(); b = b.next())
            if (b.blockFormat().headingLevel() == 2) {
                const double top = draft->documentLayout()->blockBoundingRect(b).top();
                pages.emplace_back(b.text(), static_cast<int>(top / page.height()) + 1);
            }
        auto doc = layOut(pages, titles);

        QPainter painter;
        if (!painter.begin(&writer))
            return Error{"io", QObject::tr("Could not start the PDF %1.").arg(path).toStdString()};
        const int count = doc->pageCount();
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPointSizeF(7.5);
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -i * page.height());
            doc->drawContents(&painter, QRectF(0, i * page.height(), page.width(), page.height()));
            painter.restore();
            if (i == 0)
                continue;
            painter.setFont(small);
            painter.setPen(QColor(0x6b, 0x72, 0x80));
            const QRectF band(0, page.height() + footer * 0.3, page.width(), footer * 0.7);
            painter.drawLine(QPointF(0, band.top()), QPointF(page.width(), band.top()));
            const QString number = QObject::tr("Page %1 of %2").arg(i + 1).arg(count);
            const QFontMetricsF metrics(small, &writer);
            const QString left =
                metrics.elidedText(QObject::tr("%1 · revision %2 · %3")
                                       .arg(qstr(input.plan.title))
                                       .arg(input.approval.revision())
                                       .arg(approvalStateText(input.approval.state())),
                                   Qt::ElideMiddle, band.width() - metrics.horizontalAdvance(number) * 1.3);
            painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, left);
            painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter, number);
        }
        painter.end();
    }
    if (auto committed = SafeSave::commit(file); !committed)
        return Error{"io", QObject::tr("Could not write %1: %2")
                               .arg(path, QString::fromStdString(committed.error().message))
                               .toStdString()};
    return {};
}

} // namespace firedrill::ui
