#pragma once

namespace firedrill::ui {

/// The smallest font size the GUI uses, in points: the window is often shown on a projector.
inline constexpr double kMinimumFontPointSize = 11.0;

/// Gives the application its light, clean look: the Fusion style with its standard light palette and a
/// font of at least kMinimumFontPointSize points. Call once after creating the QApplication, before any
/// window.
void applyAppearance();

} // namespace firedrill::ui
