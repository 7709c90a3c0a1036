#pragma once

#include <QList>
#include <QObject>

#include "ui/editor/CardArrangement.h"

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace firedrill::ui {

class Document;
class TopologyScene;
class TopologyView;

/// The Edit and View menus of the main window: undo/redo, cut/copy/paste, delete, duplicate, select all,
/// the connect tool; zoom, fit and the canvas overlays. Actions are found by object name ("actionCopy").
class EditorActions : public QObject
{
    Q_OBJECT

public:
    /// Actions editing `document` through `scene`'s selection, with shortcuts active in `window`.
    EditorActions(Document* document, TopologyScene* scene, TopologyView* view, QWidget* window);

    /// Adds the Edit actions to `menu` (and the frequent ones to `tools`).
    void populateEditMenu(QMenu* menu, QToolBar* tools);
    /// Adds Tidy Layout and the Align / Distribute actions to `menu`.
    void populateArrangeMenu(QMenu* menu);
    /// Hands the selected cards (nothing selected: every card) back to the automatic layout, one undo step;
    /// false when none had a position.
    bool tidyLayout();
    /// Lines up the selected cards (one undo step); false when there was nothing to move.
    bool alignSelection(AlignMode mode);
    /// Adds the View actions (zoom, fit, overlays) to `menu` and `tools`.
    void populateViewMenu(QMenu* menu, QToolBar* tools);
    /// Turns every canvas overlay on or off.
    void setAllOverlays(bool on);
    /// The action with this object name, or nullptr.
    QAction* action(const QString& name) const;

    /// Puts the selected components on the clipboard as YAML; false when nothing is selected.
    bool copy();
    /// Copies the selected components, then deletes them (one undo step).
    bool cut();
    /// Adds the clipboard's components with fresh ids and selects them; false when it holds none.
    bool paste();

signals:
    /// Edit ▸ Add Region created the region `id`.
    void regionAdded(const QString& id);

private:
    QAction* addEdit(QMenu* menu, const char* name, const QString& text, const QKeySequence& key);
    void updateOverlays();

    Document* m_document;
    TopologyScene* m_scene;
    TopologyView* m_view;
    QWidget* m_window;
    QList<QAction*> m_actions;
    QList<QAction*> m_overlayActions;
};

} // namespace firedrill::ui
