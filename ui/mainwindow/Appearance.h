#pragma once

#include <QString>

namespace firedrill::ui {

/// The smallest font size the GUI uses, in points: the window is often shown on a projector.
inline constexpr double kMinimumFontPointSize = 11.0;

/// The colour theme: follow the desktop, or force light or dark.
enum class Theme { System, Light, Dark };

/// The theme's settings name ("system", "light", "dark").
QString themeName(Theme theme);
/// The theme for a settings name; System for anything unknown.
Theme themeFromName(const QString& name);
/// The theme remembered in QSettings ("appearance/theme"), System by default.
Theme savedTheme();
/// Remembers `theme` in QSettings.
void saveTheme(Theme theme);
/// True when `theme` resolves to dark (System: the desktop's palette at start-up is dark).
bool isDark(Theme theme);

/// Gives the application its clean look: the Fusion style with a light or a dark palette for `theme`, and a
/// font of at least kMinimumFontPointSize points. Call after creating the QApplication, before any window;
/// calling it again switches the theme of the running application.
void applyAppearance(Theme theme = Theme::System);

} // namespace firedrill::ui
