#pragma once

#include "Appearance.h"

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace firedrill::ui {

/// Edit ▸ Preferences: the theme and the autosave interval. The caller reads the choices after exec() and
/// applies and remembers them.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// A dialog showing `theme` and `autosaveMinutes` (0: off).
    SettingsDialog(Theme theme, int autosaveMinutes, QWidget* parent = nullptr);

    /// The theme chosen.
    Theme theme() const;
    /// The autosave interval chosen, in minutes (0: off).
    int autosaveMinutes() const;

private:
    QComboBox* m_theme;
    QSpinBox* m_autosave;
};

} // namespace firedrill::ui
