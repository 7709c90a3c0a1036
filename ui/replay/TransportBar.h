#pragma once

#include <QWidget>
#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;
class QMenu;

namespace firedrill::ui {

/// The replay page's transport: jump to start, step back, play / pause, step to the next event, jump to
/// the end, speed (1x to 10,000x), the clock, the run's seed and DNS cache model, and the buttons that
/// compare runs, switch to trainer mode and export.
class TransportBar : public QWidget
{
    Q_OBJECT

public:
    explicit TransportBar(QWidget* parent = nullptr);

    /// Simulated seconds per wall-clock second.
    double speed() const;
    /// Selects the speed closest to `factor`.
    void setSpeed(double factor);
    /// Shows the play button as playing (Pause) or paused (Play).
    void setPlaying(bool playing);
    /// Shows "00:12:10 / 01:00:00".
    void setClock(std::int64_t timeMs, std::int64_t durationMs);
    /// The seed for the next run.
    std::uint64_t seed() const;
    void setSeed(std::uint64_t seed);
    /// The worst-case DNS cache model for the next run.
    bool worstCaseDns() const;
    /// Whether a compared run is kept (the button's text follows).
    void setHasBaseline(bool has);
    /// The export menu (frames, CSV).
    QMenu* exportMenu() const { return m_export; }
    /// The trainer-mode toggle.
    QToolButton* trainerButton() const { return m_trainer; }

signals:
    void startRequested();
    void backRequested();
    void playToggled();
    void stepRequested();
    void endRequested();
    /// Seed or DNS model changed: the run must start again.
    void optionsChanged();
    /// "Keep as compared run" (or "Stop comparing") was clicked.
    void baselineRequested();
    void trainerToggled(bool on);

private:
    QToolButton* button(const QString& objectName, const QString& text, const QString& tip);

    QToolButton* m_play;
    QComboBox* m_speed;
    QLabel* m_clock;
    QSpinBox* m_seed;
    QCheckBox* m_worstDns;
    QToolButton* m_baseline;
    QToolButton* m_trainer;
    QMenu* m_export;
};

} // namespace firedrill::ui
