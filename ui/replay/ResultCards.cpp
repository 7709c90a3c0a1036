#include "ResultCards.h"

#include "core/io/Units.h"
#include "core/sim/ReplayVerdict.h"
#include "ui/common/DisplayText.h"
#include "ui/editor/CanvasColors.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <algorithm>
#include <QRegularExpression>
#include <QTextDocument>
#include <QVBoxLayout>
#include <cmath>

namespace firedrill::ui {

namespace {

QString count(double v)
{
    return QLocale(QLocale::English).toString(std::round(v), 'f', 0);
}

QColor verdictColour(sim::VerdictState state)
{
    switch (state) {
    case sim::VerdictState::Met: return canvasColors().success;
    case sim::VerdictState::Breached: return canvasColors().danger;
    case sim::VerdictState::Undecided: return canvasColors().warning;
    case sim::VerdictState::NoTarget: break;
    }
    return QColor();
}

QString verdictLine(const std::string& text, sim::VerdictState state)
{
    const QColor c = verdictColour(state);
    const QString escaped = qstr(text).toHtmlEscaped();
    return c.isValid() ? QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(c.name(), escaped)
                       : QStringLiteral("<b>%1</b>").arg(escaped);
}

const sim::WorkloadReplay* findWorkload(const sim::ReplayResult& r, const WorkloadId& id)
{
    for (const auto& w : r.workloads)
        if (w.id == id)
            return &w;
    return nullptr;
}

} // namespace

ResultCards::ResultCards(QWidget* parent) : QScrollArea(parent), m_inner(new QWidget), m_row(new QHBoxLayout(m_inner))
{
    setObjectName(QStringLiteral("resultCards"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_row->setContentsMargins(6, 6, 6, 6);
    m_row->setSpacing(10);
    m_message = new QLabel(m_inner);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_row->addWidget(m_message, 1);
    setWidget(m_inner);
}

void ResultCards::clearCards()
{
    while (m_row->count() > 1) {
        QLayoutItem* item = m_row->takeAt(1);
        if (QWidget* w = item->widget()) {
            // Not deleted at once: "Show all" rebuilds the cards from its own click.
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
}

void ResultCards::showMessage(const QString& message)
{
    m_showAll = false;
    clearCards();
    m_message->setText(message);
    m_message->show();
}

void ResultCards::showResult(const Topology& topology, const Scenario& scenario, const sim::ReplayResult& result,
                             const sim::ReplayResult* baselineResult)
{
    std::optional<sim::ReplayResult> baseline;
    if (baselineResult)
        baseline = *baselineResult;
    const sim::ReplayResult* baselinePtr = baselineResult;
    clearCards();
    auto verdicts = sim::judgeReplay(topology, scenario, result);
    if (!verdicts) {
        showMessage(qstr(verdicts.error().message));
        return;
    }
    m_message->hide();
    std::optional<std::vector<sim::WorkloadVerdict>> before;
    if (baselinePtr)
        if (auto b = sim::judgeReplay(topology, scenario, *baselinePtr); b.ok())
            before = std::move(b).value();
    // Breached and undecided workloads first, then the rest, each in topology order; with many
    // workloads only the first kMaxCards until "Show all" (a card is a few widgets of rich text).
    std::vector<const sim::WorkloadVerdict*> order;
    for (const auto& v : *verdicts)
        order.push_back(&v);
    std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
        const auto bad = [](const sim::WorkloadVerdict* v) {
            return v->rto.state == sim::VerdictState::Breached || v->rto.state == sim::VerdictState::Undecided ||
                   v->rpo.state == sim::VerdictState::Breached;
        };
        return bad(a) && !bad(b);
    });
    const std::size_t shown = m_showAll ? order.size() : std::min(order.size(), kMaxCards);
    for (std::size_t k = 0; k < shown; ++k) {
        const sim::WorkloadVerdict& v = *order[k];
        const sim::WorkloadReplay* w = findWorkload(result, v.id);
        if (!w)
            continue;
        auto* card = new QFrame(m_inner);
        card->setObjectName(QStringLiteral("resultCard-%1").arg(qstr(v.id.str())));
        card->setFrameShape(QFrame::StyledPanel);
        card->setMinimumWidth(340);
        card->setMaximumWidth(520);
        card->setAutoFillBackground(true);
        QPalette pal = card->palette();
        pal.setColor(QPalette::Window, pal.color(QPalette::Base));
        card->setPalette(pal);
        auto* layout = new QVBoxLayout(card);
        auto* title = new QLabel(QStringLiteral("<span style='font-size:large'><b>%1</b></span>")
                                     .arg(labelWithId(w->name, v.id.str()).toHtmlEscaped()),
                                 card);
        layout->addWidget(title);
        QStringList lines;
        lines << verdictLine(sim::rtoVerdictText(v), v.rto.state) << verdictLine(sim::rpoVerdictText(v), v.rpo.state);
        const double demandRps = result.duration.toSeconds() > 0 ? w->demanded / result.duration.toSeconds() : 0.0;
        lines << tr("Requests failed: %1 of %2 (availability %3%)")
                     .arg(count(w->failed), count(w->demanded),
                          QLocale(QLocale::English).toString(w->availability * 100, 'f', 3));
        if (w->degraded > 0.5)
            lines << tr("Served degraded: %1 requests (≈ %2 of full traffic)")
                         .arg(count(w->degraded),
                              qstr(formatDurationApprox(Duration{static_cast<std::int64_t>(
                                  demandRps > 0 ? std::llround(w->degraded / demandRps * 1000.0) : 0)})));
        else
            lines << tr("Never served degraded");
        lines << tr("Estimate (core analysis): RTO %1 · RPO %2")
                     .arg(v.estimateRtoUnbounded ? tr("unbounded") : qstr(formatDurationReadable(v.estimateRto)),
                          v.estimateRpoUnbounded ? tr("unbounded") : qstr(formatDurationReadable(v.estimateRpo)));
        if (!v.reason.empty())
            lines << QStringLiteral("<i>%1</i>").arg(tr("Why they differ: %1").arg(qstr(v.reason)).toHtmlEscaped());
        if (before)
            for (const auto& b : *before)
                if (b.id == v.id)
                    lines << QStringLiteral("<span style='color:gray'>%1</span>")
                                 .arg(tr("Compared run: %1; %2")
                                          .arg(qstr(sim::rtoVerdictText(b)), qstr(sim::rpoVerdictText(b)))
                                          .toHtmlEscaped());
        auto* body = new QLabel(lines.join(QStringLiteral("<br>")), card);
        body->setObjectName(QStringLiteral("resultBody"));
        body->setWordWrap(true);
        body->setTextFormat(Qt::RichText);
        layout->addWidget(body);
        layout->addStretch(1);
        m_row->addWidget(card);
    }
    if (shown < order.size()) {
        auto* more = new QPushButton(tr("Show all %1 workloads").arg(order.size()), m_inner);
        more->setObjectName(QStringLiteral("showAllResults"));
        connect(more, &QPushButton::clicked, this, [this, topology, scenario, result, baseline] {
            m_showAll = true;
            showResult(topology, scenario, result, baseline ? &*baseline : nullptr);
        });
        m_row->addWidget(more, 0, Qt::AlignVCenter);
    }
    m_row->addStretch(0);
}

int ResultCards::cardCount() const
{
    return static_cast<int>(m_inner->findChildren<QFrame*>(QRegularExpression(QStringLiteral("^resultCard-"))).size());
}

QString ResultCards::cardText(const QString& workload) const
{
    const auto* card = m_inner->findChild<QFrame*>(QStringLiteral("resultCard-") + workload);
    if (!card)
        return {};
    QString text;
    for (QLabel* l : card->findChildren<QLabel*>()) {
        QTextDocument doc;
        doc.setHtml(l->text());
        text += doc.toPlainText() + QLatin1Char('\n');
    }
    return text;
}

} // namespace firedrill::ui
