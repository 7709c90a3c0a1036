#include "InjectPrompt.h"

#include "ui/editor/CanvasColors.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace firedrill::ui {

InjectPrompt::InjectPrompt(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("injectPrompt"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    m_clock = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("injectText"));
    m_text->setWordWrap(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_text->setFont(big);
    QFont clockFont = font();
    clockFont.setPointSizeF(clockFont.pointSizeF() * 1.3);
    m_clock->setFont(clockFont);
    m_continue = new QPushButton(tr("Continue the replay"), this);
    m_continue->setObjectName(QStringLiteral("injectContinue"));
    m_continue->setDefault(true);
    QFont buttonFont = font();
    buttonFont.setPointSizeF(buttonFont.pointSizeF() * 1.3);
    m_continue->setFont(buttonFont);
    layout->addWidget(m_clock);
    layout->addWidget(m_text);
    layout->addWidget(m_continue, 0, Qt::AlignRight);
    connect(m_continue, &QPushButton::clicked, this, &InjectPrompt::continueRequested);
    if (parent)
        parent->installEventFilter(this);
    hide();
}

void InjectPrompt::showPrompt(const QString& clock, const QString& prompt)
{
    QPalette p = palette();
    QColor fill = p.color(QPalette::Base);
    p.setColor(QPalette::Window, fill);
    setPalette(p);
    setStyleSheet(QStringLiteral("#injectPrompt { background-color: %1; border: 4px solid %2; border-radius: 10px; }")
                      .arg(fill.name(), canvasColors().warning.name()));
    m_clock->setText(tr("Pause point at %1 — discuss with the team").arg(clock));
    m_text->setText(prompt);
    reposition();
    show();
    raise();
    m_continue->setFocus();
}

QString InjectPrompt::prompt() const
{
    return m_text->text();
}

void InjectPrompt::reposition()
{
    if (!parentWidget())
        return;
    const QSize area = parentWidget()->size();
    const int w = std::min(area.width() - 40, 900);
    setFixedWidth(std::max(200, w));
    adjustSize();
    move((area.width() - width()) / 2, std::max(10, (area.height() - height()) / 3));
}

bool InjectPrompt::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        reposition();
    return QFrame::eventFilter(watched, event);
}

} // namespace firedrill::ui
