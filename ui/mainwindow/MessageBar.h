#pragma once

#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;
class QToolButton;

namespace firedrill::ui {

/// A bar across the top of the window that tells something about the open file without blocking the
/// user: a workspace recovered after a crash, a workspace open read-only. It may carry one action button
/// ("Save As…") and always a close button. Hidden until showMessage().
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    /// How the bar is coloured and which icon it shows.
    enum class Kind { Information, Warning };

    explicit MessageBar(QWidget* parent = nullptr);

    /// Shows `text`; a non-empty `actionText` adds a button that emits actionTriggered().
    void showMessage(Kind kind, const QString& text, const QString& actionText = {});
    /// Hides the bar (the close button does the same).
    void dismiss();

    /// The text shown (also while hidden: the last message).
    QString text() const;
    /// The kind of the last message.
    Kind kind() const { return m_kind; }
    /// The action button (hidden when the message has no action).
    QPushButton* actionButton() const { return m_action; }

signals:
    /// The action button was clicked.
    void actionTriggered();

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColours();

    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_action = nullptr;
    QToolButton* m_close = nullptr;
    Kind m_kind = Kind::Information;
};

} // namespace firedrill::ui
