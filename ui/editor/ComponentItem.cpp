#include "ComponentItem.h"

#include "CanvasColors.h"
#include "EdgeItem.h"
#include "KindIcons.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace firedrill::ui {

namespace {
constexpr double kRadius = 8.0;
constexpr double kHandle = 14.0;

QColor previewColour(PreviewMark mark, const CanvasColors& colors)
{
    switch (mark) {
    case PreviewMark::Added: return colors.success;
    case PreviewMark::Removed: return colors.danger;
    case PreviewMark::Rescaled:
    case PreviewMark::Modified: return colors.warning;
    case PreviewMark::None: break;
    }
    return colors.cardBorder;
}

QString previewText(PreviewMark mark)
{
    switch (mark) {
    case PreviewMark::Added: return ComponentItem::tr("NEW");
    case PreviewMark::Removed: return ComponentItem::tr("REMOVED");
    case PreviewMark::Rescaled: return ComponentItem::tr("RESCALED");
    case PreviewMark::Modified: return ComponentItem::tr("CHANGED");
    case PreviewMark::None: break;
    }
    return {};
}
QColor phaseColour(ReplayCardState::Phase phase, const CanvasColors& colors)
{
    switch (phase) {
    case ReplayCardState::Phase::Healthy: return colors.success;
    case ReplayCardState::Phase::Degraded: return colors.warning;
    case ReplayCardState::Phase::Down: return colors.danger;
    case ReplayCardState::Phase::FailingOver: return colors.failingOver;
    case ReplayCardState::Phase::Promoted: return colors.promoted;
    case ReplayCardState::Phase::Restoring: return colors.restoring;
    }
    return colors.cardBorder;
}

QString phaseText(ReplayCardState::Phase phase)
{
    switch (phase) {
    case ReplayCardState::Phase::Healthy: return {};
    case ReplayCardState::Phase::Degraded: return ComponentItem::tr("DEGRADED");
    case ReplayCardState::Phase::Down: return ComponentItem::tr("DOWN");
    case ReplayCardState::Phase::FailingOver: return ComponentItem::tr("FAILING OVER");
    case ReplayCardState::Phase::Promoted: return ComponentItem::tr("PROMOTED");
    case ReplayCardState::Phase::Restoring: return ComponentItem::tr("RESTORING");
    }
    return {};
}
} // namespace

void ComponentItem::setReplayState(std::optional<ReplayCardState> state)
{
    const bool same = state.has_value() == m_replay.has_value() &&
                      (!state || (state->phase == m_replay->phase && state->detail == m_replay->detail));
    if (same)
        return;
    m_replay = std::move(state);
    update();
}

ComponentItem::ComponentItem(CardInfo info, QSizeF size, QGraphicsItem* parent)
    : QGraphicsObject(parent), m_info(std::move(info)), m_size(size)
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(2);
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(m_info.title.toHtmlEscaped(), m_info.subtitle.toHtmlEscaped());
    if (!m_info.figures.isEmpty())
        tip += QStringLiteral("<br>") + m_info.figures.toHtmlEscaped();
    if (!m_info.problems.isEmpty())
        tip += QStringLiteral("<hr>") + m_info.problems.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    setToolTip(tip);
}

QRectF ComponentItem::boundingRect() const
{
    return QRectF(-4, -12, m_size.width() + kHandle / 2 + 8, m_size.height() + 16);
}

QRectF ComponentItem::handleRect() const
{
    return QRectF(m_size.width() - kHandle / 2, m_size.height() / 2 - kHandle / 2, kHandle, kHandle);
}

bool ComponentItem::handleContains(QPointF scenePos) const
{
    return !isReplica() && handleRect().adjusted(-3, -3, 3, 3).contains(mapFromScene(scenePos));
}

QColor ComponentItem::bodyFill() const
{
    return isReplica() ? canvasColors().replicaFill : canvasColors().cardFill;
}

std::optional<QColor> ComponentItem::replayTint() const
{
    if (!m_replay || m_replay->phase == ReplayCardState::Phase::Healthy)
        return std::nullopt;
    const CanvasColors& colors = canvasColors();
    QColor tint = phaseColour(m_replay->phase, colors);
    tint.setAlphaF(colors.dark ? 0.26f : 0.16f);
    return tint;
}

QPen ComponentItem::outlinePen(bool selected) const
{
    // Red and thick for a single point of failure; the preview's and the replay's colours win over it.
    const CanvasColors& colors = canvasColors();
    if (m_replay) {
        const bool healthy = m_replay->phase == ReplayCardState::Phase::Healthy;
        return QPen(selected ? colors.selection : phaseColour(m_replay->phase, colors), healthy ? 2.0 : 4.0);
    }
    if (m_info.preview != PreviewMark::None)
        return QPen(previewColour(m_info.preview, colors), 3.5,
                    m_info.preview == PreviewMark::Removed ? Qt::DashLine : Qt::SolidLine);
    if (m_info.spof)
        return QPen(colors.danger, selected ? 4.5 : 3.5);
    QPen outline(selected ? colors.selection : colors.cardBorder, selected ? 3.0 : 1.2);
    if (isReplica())
        outline.setStyle(Qt::DashLine);
    return outline;
}

void ComponentItem::paintFarOut(QPainter* painter, bool selected) const
{
    // Each card is a few pixels wide here: square corners, no antialiasing and solid lines look the same
    // and draw many times faster than rounded paths (a 10,000-card diagram repaints every card).
    const QRectF card(0, 0, m_size.width(), m_size.height());
    painter->setRenderHint(QPainter::Antialiasing, false); // the view turns it on for every item
    painter->fillRect(card, bodyFill());
    if (const std::optional<QColor> tint = replayTint())
        painter->fillRect(card, *tint);
    QPen outline = outlinePen(selected);
    outline.setStyle(Qt::SolidLine);
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(card);
    painter->fillRect(QRectF(0, 0, 6, m_size.height()).adjusted(1, 4, 0, -4), kindColor(m_info.kind));
}

void ComponentItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget)
{
    Q_UNUSED(widget);
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF card(0, 0, m_size.width(), m_size.height());
    const QColor accent = kindColor(m_info.kind);
    const CanvasColors& colors = canvasColors();
    // Zoomed far out (a large topology fitted to the window) the text could not be read: the card is drawn
    // as its body, outline and family stripe only, which keeps panning and zooming smooth.
    const bool detailed = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) >= kDetailLevel;
    if (!detailed) {
        paintFarOut(painter, selected);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);

    // Shadow, body (tinted by the replay phase), outline and family stripe.
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.cardShadow);
    painter->drawRoundedRect(card.translated(1.5, 2.5), kRadius, kRadius);
    painter->setBrush(bodyFill());
    painter->drawRoundedRect(card, kRadius, kRadius);
    if (const std::optional<QColor> tint = replayTint()) {
        painter->setBrush(*tint);
        painter->drawRoundedRect(card, kRadius, kRadius);
    }
    painter->setPen(outlinePen(selected));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(card, kRadius, kRadius);
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(QRectF(0, 0, 6, m_size.height()).adjusted(1, 4, 0, -4), 2, 2);

    paintKindIcon(painter, QRectF(14, 10, 32, 32), m_info.kind);

    const double left = 54;
    const double width = m_size.width() - left - 10;
    // The title at 12.5 pt, or smaller, or on two lines: names are never cut on a projector.
    QFont titleFont = painter->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(12.5);
    if (QFontMetricsF(titleFont).horizontalAdvance(m_info.title) > width)
        titleFont.setPointSizeF(11);
    painter->setFont(titleFont);
    painter->setPen(colors.cardTitle);
    const QFontMetricsF titleMetrics(titleFont);
    double y = 5;
    if (titleMetrics.horizontalAdvance(m_info.title) <= width) {
        painter->drawText(QRectF(left, y, width, 22), Qt::AlignLeft | Qt::AlignVCenter, m_info.title);
        y += 21;
    } else {
        const QRectF two(left, y + 1, width, 2 * titleMetrics.lineSpacing());
        QString shown = m_info.title;
        while (shown.size() > 4 && titleMetrics.boundingRect(two, Qt::TextWordWrap, shown).height() > two.height() + 1)
            shown = shown.left(shown.size() - 2) + QChar(0x2026);
        painter->drawText(two, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);
        y += two.height() + 1;
    }
    QFont small = painter->font();
    small.setPointSizeF(10);
    small.setBold(false);
    painter->setFont(small);
    painter->setPen(colors.cardSubtitle);
    const QFontMetricsF smallMetrics(small);
    const QString subtitle = smallMetrics.horizontalAdvance(m_info.subtitle) <= width || m_info.subtitleShort.isEmpty()
                                 ? m_info.subtitle
                                 : m_info.subtitleShort;
    painter->drawText(QRectF(left, y, width, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      smallMetrics.elidedText(subtitle, Qt::ElideRight, width));
    y += 20;
    paintFigures(painter, small, std::max(y, 46.0));
    // Problem badge in the top-right corner: red for errors, amber for warnings.
    if (m_info.errors + m_info.warnings > 0) {
        const QRectF badge(m_size.width() - 14, -8, 22, 22);
        painter->setPen(QPen(colors.cardFill, 2));
        painter->setBrush(m_info.errors > 0 ? colors.danger : colors.warning);
        painter->drawEllipse(badge);
        QFont badgeFont = small;
        badgeFont.setBold(true);
        painter->setFont(badgeFont);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, QString::number(m_info.errors > 0 ? m_info.errors : m_info.warnings));
    }

    paintPreviewBadge(painter);
    paintReplayBadge(painter);

    if (!isReplica() && (m_hovered || selected)) {
        painter->setPen(QPen(colors.selection, 2));
        painter->setBrush(colors.cardFill);
        painter->drawEllipse(handleRect());
    }
}

void ComponentItem::paintPreviewBadge(QPainter* painter) const
{
    if (m_info.preview == PreviewMark::None)
        return;
    const CanvasColors& colors = canvasColors();
    QFont font = painter->font();
    font.setPixelSize(11);
    font.setBold(true);
    const QString text = previewText(m_info.preview);
    const QFontMetricsF metrics(font);
    const QRectF badge(14, -10, metrics.horizontalAdvance(text) + 14, 20);
    painter->setPen(Qt::NoPen);
    painter->setBrush(previewColour(m_info.preview, colors));
    painter->drawRoundedRect(badge, 10, 10);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
}

void ComponentItem::paintReplayBadge(QPainter* painter) const
{
    if (!m_replay || m_replay->phase == ReplayCardState::Phase::Healthy)
        return;
    QFont font = painter->font();
    font.setPixelSize(12);
    font.setBold(true);
    const QString text = phaseText(m_replay->phase);
    const QFontMetricsF metrics(font);
    const QRectF badge(14, -11, metrics.horizontalAdvance(text) + 16, 22);
    painter->setPen(Qt::NoPen);
    painter->setBrush(phaseColour(m_replay->phase, canvasColors()));
    painter->drawRoundedRect(badge, 11, 11);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
}

void ComponentItem::paintFigures(QPainter* painter, const QFont& font, double top) const
{
    // The figures, then the overlay from a new line, flowed part by part ("×3", "SLA 99.95%") over the
    // lines left on the card, so nothing is cut in the middle of a number.
    const double firstLine = top;
    constexpr double kLine = 15.5;
    const double left = 14;
    const double right = m_size.width() - 10;
    const int maxLines = static_cast<int>((m_size.height() - firstLine - 2) / kLine);
    QFont bold = font;
    bold.setBold(true);
    const CanvasColors& colors = canvasColors();
    const QString separator = QStringLiteral(" · ");
    int line = -1;
    double x = right;
    auto flow = [&](const QString& text, const QFont& partFont, const QColor& colour) {
        if (text.isEmpty())
            return;
        const QFontMetricsF metrics(partFont);
        x = right; // each block starts on a line of its own
        for (const QString& part : text.split(separator)) {
            const double sep = x > left ? metrics.horizontalAdvance(separator) : 0.0;
            if (x + sep + metrics.horizontalAdvance(part) > right) {
                if (line + 1 >= maxLines)
                    return;
                ++line;
                x = left;
            } else if (x > left) {
                painter->setPen(colors.separator);
                painter->setFont(partFont);
                painter->drawText(QPointF(x, firstLine + line * kLine + metrics.ascent()), separator);
                x += sep;
            }
            painter->setPen(colour);
            painter->setFont(partFont);
            const QString shown = metrics.elidedText(part, Qt::ElideRight, right - x);
            painter->drawText(QPointF(x, firstLine + line * kLine + metrics.ascent()), shown);
            x += metrics.horizontalAdvance(shown);
        }
    };
    flow(m_info.figures, font, colors.cardFigures);
    if (m_replay && !m_replay->detail.isEmpty()) {
        const QColor phase = phaseColour(m_replay->phase, colors);
        flow(m_replay->detail, bold, m_replay->phase == ReplayCardState::Phase::Healthy ? colors.cardFigures : phase);
    } else {
        flow(m_info.overlay, bold, colors.overlayText);
    }
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionHasChanged)
        for (EdgeItem* edge : m_edges)
            edge->adjust();
    return QGraphicsObject::itemChange(change, value);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = true;
    update();
    QGraphicsObject::hoverEnterEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event)
{
    m_hovered = false;
    update();
    QGraphicsObject::hoverLeaveEvent(event);
}

} // namespace firedrill::ui
