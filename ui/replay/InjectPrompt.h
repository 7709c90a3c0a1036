#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace firedrill::ui {

/// A pause point reached during a replay: the prompt in large type over the canvas, the clock, and a
/// Continue button the trainer presses once the team has answered.
class InjectPrompt : public QFrame
{
    Q_OBJECT

public:
    explicit InjectPrompt(QWidget* parent = nullptr);

    /// Shows `prompt` reached at `clock` ("00:11:40").
    void showPrompt(const QString& clock, const QString& prompt);
    /// The prompt shown.
    QString prompt() const;
    /// Keeps the panel centred over its parent.
    void reposition();

signals:
    void continueRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* m_clock;
    QLabel* m_text;
    QPushButton* m_continue;
};

} // namespace firedrill::ui
