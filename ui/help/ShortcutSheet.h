#pragma once

#include <QDialog>

class QTableWidget;

namespace firedrill::ui {

/// Help ▸ Keyboard Shortcuts: every action of `window` that has a shortcut, with its menu and keys, read
/// from the actions themselves (so the sheet cannot fall behind them).
class ShortcutSheet : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutSheet(QWidget* window, QWidget* parent = nullptr);

    /// The table of shortcuts (menu, command, keys).
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace firedrill::ui
