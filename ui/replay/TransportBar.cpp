#include "TransportBar.h"

#include "core/sim/models/ReplayWorld.h"
#include "ui/common/DisplayText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSpinBox>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <cmath>

namespace firedrill::ui {

namespace {
const double kSpeeds[] = {1, 10, 60, 100, 600, 1000, 3600, 10000};
}

TransportBar::TransportBar(QWidget* parent) : QWidget(parent)
{
    // A tool bar: on a narrow screen what does not fit goes into its » menu instead of widening the window.
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(2, 0, 2, 0);
    auto* row = new QToolBar(this);
    row->setObjectName(QStringLiteral("transportToolBar"));
    row->setMovable(false);
    row->setFloatable(false);
    outer->addWidget(row);
    const auto media = [this](const QString& name, QStyle::StandardPixmap icon, const QString& text, const QString& tip) {
        QToolButton* b = button(name, text, tip);
        b->setIcon(style()->standardIcon(icon));
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        b->setIconSize(QSize(22, 22));
        b->setToolTip(text + QStringLiteral(" — ") + tip);
        return b;
    };
    row->addWidget(media(QStringLiteral("replayStart"), QStyle::SP_MediaSkipBackward, tr("Start"), tr("Back to the start (Home)")));
    row->addWidget(media(QStringLiteral("replayBack"), QStyle::SP_MediaSeekBackward, tr("Back"),
                         tr("Step back to the previous event (Left)")));
    m_play = media(QStringLiteral("replayPlay"), QStyle::SP_MediaPlay, tr("Play"), tr("Play or pause (Space)"));
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play->setMinimumWidth(96);
    row->addWidget(m_play);
    row->addWidget(media(QStringLiteral("replayStep"), QStyle::SP_MediaSeekForward, tr("Next event"),
                         tr("Step to the next event (Right)")));
    row->addWidget(media(QStringLiteral("replayEnd"), QStyle::SP_MediaSkipForward, tr("End"), tr("Jump to the end (End)")));
    connect(findChild<QToolButton*>(QStringLiteral("replayStart")), &QToolButton::clicked, this, &TransportBar::startRequested);
    connect(findChild<QToolButton*>(QStringLiteral("replayBack")), &QToolButton::clicked, this, &TransportBar::backRequested);
    connect(m_play, &QToolButton::clicked, this, &TransportBar::playToggled);
    connect(findChild<QToolButton*>(QStringLiteral("replayStep")), &QToolButton::clicked, this, &TransportBar::stepRequested);
    connect(findChild<QToolButton*>(QStringLiteral("replayEnd")), &QToolButton::clicked, this, &TransportBar::endRequested);

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("replaySpeed"));
    m_speed->setToolTip(tr("Simulated time per second"));
    for (double s : kSpeeds)
        m_speed->addItem(QStringLiteral("%1×").arg(QLocale(QLocale::English).toString(s, 'f', 0)), s);
    m_speed->setCurrentIndex(4);
    row->addWidget(m_speed);

    m_clock = new QLabel(this);
    m_clock->setObjectName(QStringLiteral("replayClock"));
    QFont mono = m_clock->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setPointSizeF(mono.pointSizeF() * 1.25);
    mono.setBold(true);
    m_clock->setFont(mono);
    m_clock->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(QStringLiteral("00:00:00 / 00:00:00")) + 16);
    row->addWidget(m_clock);
    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    row->addWidget(spacer);

    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("replaySeed"));
    m_seed->setRange(0, 999'999'999);
    m_seed->setPrefix(tr("Seed "));
    m_seed->setToolTip(tr("The run's seed (every random draw of the engine follows it)"));
    row->addWidget(m_seed);
    m_worstDns = new QCheckBox(tr("Worst-case DNS"), this);
    m_worstDns->setObjectName(QStringLiteral("replayWorstDns"));
    m_worstDns->setToolTip(tr("Every client cached its answer just before the switch: traffic moves only after the full TTL"));
    row->addWidget(m_worstDns);
    connect(m_seed, &QSpinBox::valueChanged, this, &TransportBar::optionsChanged);
    connect(m_worstDns, &QCheckBox::toggled, this, &TransportBar::optionsChanged);

    m_baseline = button(QStringLiteral("replayBaseline"), tr("Compare"),
                        tr("Keep this run and compare the next ones with it (drawn dashed, verdicts under the cards)"));
    connect(m_baseline, &QToolButton::clicked, this, &TransportBar::baselineRequested);
    row->addWidget(m_baseline);
    m_trainer = button(QStringLiteral("replayTrainer"), tr("Trainer mode"), tr("Presenter view for a room (F11)"));
    m_trainer->setCheckable(true);
    connect(m_trainer, &QToolButton::toggled, this, &TransportBar::trainerToggled);
    row->addWidget(m_trainer);
    auto* exportButton = button(QStringLiteral("replayExport"), tr("Export"), tr("Export frames or the time series"));
    m_export = new QMenu(exportButton);
    exportButton->setMenu(m_export);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    row->addWidget(exportButton);
}

QToolButton* TransportBar::button(const QString& objectName, const QString& text, const QString& tip)
{
    auto* b = new QToolButton(this);
    b->setObjectName(objectName);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont f = b->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    b->setFont(f);
    return b;
}

double TransportBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void TransportBar::setSpeed(double factor)
{
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (std::abs(std::log(m_speed->itemData(i).toDouble() / factor)) <
            std::abs(std::log(m_speed->itemData(best).toDouble() / factor)))
            best = i;
    m_speed->setCurrentIndex(best);
}

void TransportBar::setPlaying(bool playing)
{
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void TransportBar::setClock(std::int64_t timeMs, std::int64_t durationMs)
{
    m_clock->setText(qstr(sim::models::clock(timeMs) + " / " + sim::models::clock(durationMs)));
}

std::uint64_t TransportBar::seed() const
{
    return static_cast<std::uint64_t>(m_seed->value());
}

void TransportBar::setSeed(std::uint64_t seed)
{
    const QSignalBlocker block(m_seed);
    m_seed->setValue(static_cast<int>(seed));
}

bool TransportBar::worstCaseDns() const
{
    return m_worstDns->isChecked();
}

void TransportBar::setHasBaseline(bool has)
{
    m_baseline->setText(has ? tr("Stop comparing") : tr("Compare"));
}

} // namespace firedrill::ui
