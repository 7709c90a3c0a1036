#include "EditorActions.h"

#include "ui/document/ComponentClipboard.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/RegionEditing.h"
#include "ui/common/DisplayText.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGraphicsItem>
#include <QMenu>
#include <QMimeData>
#include <QToolBar>
#include <QUndoStack>

namespace firedrill::ui {

namespace {
const char* const kMimeType = "application/x-firedrill-components+yaml";
}

EditorActions::EditorActions(Document* document, TopologyScene* scene, TopologyView* view, QWidget* window)
    : QObject(window), m_document(document), m_scene(scene), m_view(view), m_window(window)
{
}

QAction* EditorActions::action(const QString& name) const
{
    for (QAction* a : m_actions)
        if (a->objectName() == name)
            return a;
    return nullptr;
}

QAction* EditorActions::addEdit(QMenu* menu, const char* name, const QString& text, const QKeySequence& key)
{
    auto* a = new QAction(text, m_window);
    a->setObjectName(QLatin1String(name));
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    menu->addAction(a);
    m_window->addAction(a);
    m_actions << a;
    return a;
}

void EditorActions::populateEditMenu(QMenu* edit, QToolBar* tools)
{
    QAction* undo = m_document->undoStack()->createUndoAction(m_window, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(m_window, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    m_actions << undo << redo;
    edit->addAction(undo);
    edit->addAction(redo);
    tools->addAction(undo);
    tools->addAction(redo);
    edit->addSeparator();
    connect(addEdit(edit, "actionCut", tr("Cu&t"), QKeySequence::Cut), &QAction::triggered, this, &EditorActions::cut);
    connect(addEdit(edit, "actionCopy", tr("&Copy"), QKeySequence::Copy), &QAction::triggered, this, &EditorActions::copy);
    connect(addEdit(edit, "actionPaste", tr("&Paste"), QKeySequence::Paste), &QAction::triggered, this,
            &EditorActions::paste);
    connect(addEdit(edit, "actionDelete", tr("&Delete"), QKeySequence::Delete), &QAction::triggered, this,
            [this] { removeComponents(*m_document, m_scene->selectedComponentIds()); });
    connect(addEdit(edit, "actionDuplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D)), &QAction::triggered,
            this, [this] { m_scene->selectIds(duplicateComponents(*m_document, m_scene->selectedComponentIds())); });
    connect(addEdit(edit, "actionSelectAll", tr("Select &All"), QKeySequence::SelectAll), &QAction::triggered, this, [this] {
        m_scene->ensureCurrent();
        for (QGraphicsItem* item : m_scene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    });
    edit->addSeparator();
    connect(addEdit(edit, "actionAddRegion", tr("Add &Region"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)),
            &QAction::triggered, this, [this] {
                const Topology& t = m_document->topology();
                for (int n = static_cast<int>(t.regions.size()) + 1;; ++n) {
                    Region region;
                    region.id = RegionId(QStringLiteral("region-%1").arg(n).toStdString());
                    region.name = tr("New region %1").arg(n).toStdString();
                    region.zones = 3;
                    if (addRegion(*m_document, region).isEmpty()) {
                        emit regionAdded(qstr(region.id.str()));
                        return;
                    }
                }
            });
    QAction* connectMode = addEdit(edit, "actionConnect", tr("C&onnect Tool"), QKeySequence(Qt::Key_C));
    connectMode->setCheckable(true);
    connectMode->setToolTip(tr("Drag from one card to another to add a dependency (C)"));
    connect(connectMode, &QAction::toggled, this, [this](bool on) {
        m_scene->setConnectMode(on);
        m_view->setDragMode(on ? QGraphicsView::NoDrag : QGraphicsView::RubberBandDrag);
    });
    tools->addAction(connectMode);
    tools->addSeparator();
}

void EditorActions::populateViewMenu(QMenu* view, QToolBar* tools)
{
    auto add = [this, view](const char* name, const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = view->addAction(text, m_view, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        m_actions << a;
        return a;
    };
    add("actionZoomIn", tr("Zoom &In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), &TopologyView::zoomIn)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    add("actionZoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, &TopologyView::zoomOut);
    tools->addAction(add("actionFit", tr("&Fit to Window"), QKeySequence(Qt::CTRL | Qt::Key_0), &TopologyView::fitToWindow));
    add("actionZoomReset", tr("Actual &Size"), QKeySequence(Qt::CTRL | Qt::Key_1), &TopologyView::resetZoom);
    view->addSeparator();
    const std::pair<const char*, QString> overlays[] = {{"actionOverlaySpofs", tr("Single Points of &Failure")},
                                                        {"actionOverlayCost", tr("&Cost per Component")},
                                                        {"actionOverlaySla", tr("&SLA per Component")},
                                                        {"actionOverlayProblems", tr("&Problems on Cards")}};
    QMenu* overlayMenu = view->addMenu(tr("&Overlays"));
    for (const auto& [name, text] : overlays) {
        QAction* a = overlayMenu->addAction(text);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + m_overlayActions.size())));
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, &EditorActions::updateOverlays);
        m_overlayActions << a;
        m_actions << a;
        tools->addAction(a);
    }
    m_overlayActions.last()->setChecked(true);
}

void EditorActions::setAllOverlays(bool on)
{
    for (QAction* a : m_overlayActions)
        a->setChecked(on);
}

void EditorActions::updateOverlays()
{
    Overlays o;
    o.spofs = m_overlayActions.value(0)->isChecked();
    o.cost = m_overlayActions.value(1)->isChecked();
    o.sla = m_overlayActions.value(2)->isChecked();
    o.problems = m_overlayActions.value(3)->isChecked();
    m_scene->setOverlays(o);
}

bool EditorActions::copy()
{
    const QString yaml = componentsToYaml(m_document->topology(), m_scene->selectedComponentIds());
    if (yaml.isEmpty())
        return false;
    auto* data = new QMimeData;
    data->setText(yaml);
    data->setData(QLatin1String(kMimeType), yaml.toUtf8());
    QApplication::clipboard()->setMimeData(data);
    return true;
}

bool EditorActions::cut()
{
    const QStringList ids = m_scene->selectedComponentIds();
    if (!copy())
        return false;
    m_document->undoStack()->beginMacro(tr("Cut %n component(s)", nullptr, static_cast<int>(ids.size())));
    removeComponents(*m_document, ids);
    m_document->undoStack()->endMacro();
    return true;
}

bool EditorActions::paste()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data)
        return false;
    const QString text = data->hasFormat(QLatin1String(kMimeType))
                             ? QString::fromUtf8(data->data(QLatin1String(kMimeType)))
                             : data->text();
    const QStringList created = pasteComponents(*m_document, componentsFromYaml(text));
    if (created.isEmpty())
        return false;
    m_scene->selectIds(created);
    return true;
}

} // namespace firedrill::ui
