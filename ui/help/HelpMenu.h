#pragma once

class QMenu;
class QWidget;

namespace firedrill::ui {

/// Fills the Help menu of `window`: Documentation (F1, the bundled pages) and Keyboard Shortcuts
/// (Ctrl+/, read from the window's actions). About is added by the window itself.
void populateHelpMenu(QMenu* help, QWidget* window);

} // namespace firedrill::ui
