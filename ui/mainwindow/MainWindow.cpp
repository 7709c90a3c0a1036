#include "MainWindow.h"

#include "TopologySummary.h"
#include "core/model/Validator.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/editor/CardBuilder.h"
#include "ui/editor/PaletteList.h"
#include "ui/editor/TopologyScene.h"
#include "ui/editor/TopologyView.h"
#include "ui/panels/DetailsPanel.h"
#include "ui/panels/InspectorPanel.h"
#include "ui/panels/ProblemsPanel.h"
#include "ui/panels/PropertySheet.h"
#include "ui/panels/RevisionsPanel.h"
#include "ui/panels/SummaryStrip.h"
#include "ui/panels/TopologyTree.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QGraphicsItem>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

constexpr int kSettingsVersion = 2;
const char* const kGeometryKey = "mainWindow/geometry";
const char* const kStateKey = "mainWindow/state";

QString emptyHint()
{
    return QCoreApplication::translate("MainWindow", "Open a workspace (Ctrl+O) or start a new topology (Ctrl+N)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_document = new Document(this);
    m_scene = new TopologyScene(m_document, this);
    m_files = new DocumentActions(m_document, m_scene, this);
    createCentre();
    createDocks();
    createActions();

    m_countsLabel = new QLabel(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setForegroundRole(QPalette::PlaceholderText);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomIndicator"));
    m_zoomLabel->setMinimumWidth(60);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_fileLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &TopologyView::zoomChanged, this, [this](int percent) { m_zoomLabel->setText(tr("%1 %").arg(percent)); });
    m_view->resetZoom();

    connect(m_document, &Document::changed, this,
            [this](const ChangeEvent& e) { onDocumentChanged(e.kind == ChangeEvent::Kind::Reset); });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::fileChanged, this, [this] {
        showRevisions();
        updateTitle();
        updateStatus();
    });
    connect(m_files, &DocumentActions::failed, this, &MainWindow::reportLoadError);
    connect(m_files, &DocumentActions::opened, this, &MainWindow::documentLoaded);
    connect(m_scene, &TopologyScene::selectionIdsChanged, this, &MainWindow::onCanvasSelection);
    connect(m_tree, &TopologyTree::nodeSelected, this, &MainWindow::showNode);
    connect(m_problems, &ProblemsPanel::problemClicked, this, &MainWindow::onProblemClicked);
    resize(1560, 940);
    onDocumentChanged(true);
}

MainWindow::~MainWindow()
{
    // The views go before the document they show.
    qDeleteAll(findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly));
    delete takeCentralWidget();
    delete m_scene;
}

void MainWindow::createCentre()
{
    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_summary = new SummaryStrip(m_document, centre);
    m_view = new TopologyView(m_scene, centre);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setCentralWidget(centre);
}

QDockWidget* MainWindow::addDock(QWidget* widget, const QString& title, const char* name, Qt::DockWidgetArea area)
{
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_palette = new PaletteList(this);
    QDockWidget* paletteDock = addDock(m_palette, tr("Palette"), "paletteDock", Qt::LeftDockWidgetArea);
    m_tree = new TopologyTree(this);
    QDockWidget* treeDock = addDock(m_tree, tr("Outline"), "topologyDock", Qt::LeftDockWidgetArea);
    tabifyDockWidget(paletteDock, treeDock);
    paletteDock->raise();

    m_inspector = new InspectorPanel(m_document, this);
    m_inspectorDock = addDock(m_inspector, tr("Inspector"), "inspectorDock", Qt::RightDockWidgetArea);
    m_details = new DetailsPanel(this);
    QDockWidget* detailsDock = addDock(m_details, tr("Details"), "detailsDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(m_inspectorDock, detailsDock);
    m_inspectorDock->raise();

    m_problems = new ProblemsPanel(this);
    m_problemsDock = addDock(m_problems, tr("Problems"), "problemsDock", Qt::BottomDockWidgetArea);
    m_revisions = new RevisionsPanel(this);
    m_revisionsDock = addDock(m_revisions, tr("Revisions"), "revisionsDock", Qt::BottomDockWidgetArea);
    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setObjectName(QStringLiteral("undoHistory"));
    m_history->setEmptyLabel(tr("<opened>"));
    QDockWidget* historyDock = addDock(m_history, tr("History"), "historyDock", Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problemsDock, m_revisionsDock);
    tabifyDockWidget(m_revisionsDock, historyDock);
    m_problemsDock->raise();

    m_palette->setMinimumWidth(200);
    m_inspector->setMinimumWidth(300);
    resizeDocks({paletteDock, m_inspectorDock}, {240, 340}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {110}, Qt::Vertical);
    connect(m_problems, &ProblemsPanel::countChanged, this, [this](int count) {
        m_problemsDock->setWindowTitle(count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
    });
    connect(m_palette, &PaletteList::kindActivated, this, [this](ComponentKind kind) {
        const Placement where = m_document->topology().regions.empty()
                                    ? Placement{}
                                    : Placement{m_document->topology().regions.front().id, std::nullopt, std::nullopt};
        m_scene->selectIds({addComponentOfKind(*m_document, kind, where)});
    });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_files->populateMenu(file);
    file->addSeparator();
    QAction* closeFile = file->addAction(tr("&Close"), this, &MainWindow::closeDocument);
    closeFile->setObjectName(QStringLiteral("actionClose"));
    closeFile->setShortcut(QKeySequence::Close);
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(m_files->action(QStringLiteral("actionNew")));
    tools->addAction(m_files->action(QStringLiteral("actionOpen")));
    tools->addAction(m_files->action(QStringLiteral("actionSave")));
    tools->addSeparator();
    createEditActions(menuBar()->addMenu(tr("&Edit")), tools);
    createViewActions(menuBar()->addMenu(tr("&View")), tools);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Firedrill"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createEditActions(QMenu* edit, QToolBar* tools)
{
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    tools->addAction(undo);
    tools->addAction(redo);
    edit->addSeparator();
    auto add = [this, edit](const char* name, const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = edit->addAction(text, this, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        return a;
    };
    add("actionDelete", tr("&Delete"), QKeySequence::Delete,
        [this] { removeComponents(*m_document, m_scene->selectedComponentIds()); });
    add("actionDuplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
        [this] { m_scene->selectIds(duplicateComponents(*m_document, m_scene->selectedComponentIds())); });
    add("actionSelectAll", tr("Select &All"), QKeySequence::SelectAll, [this] {
        for (QGraphicsItem* item : m_scene->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                item->setSelected(true);
    });
    QAction* connectMode = add("actionConnect", tr("&Connect Tool"), QKeySequence(Qt::Key_C), [] {});
    connectMode->setCheckable(true);
    connectMode->setToolTip(tr("Drag from one card to another to add a dependency (C)"));
    connect(connectMode, &QAction::toggled, this, [this](bool on) {
        m_scene->setConnectMode(on);
        m_view->setDragMode(on ? QGraphicsView::NoDrag : QGraphicsView::RubberBandDrag);
    });
    tools->addAction(connectMode);
    tools->addSeparator();
}

void MainWindow::createViewActions(QMenu* view, QToolBar* tools)
{
    auto add = [this, view](const char* name, const QString& text, const QKeySequence& key, auto slot) {
        QAction* a = view->addAction(text, m_view, slot);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
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
        a->setCheckable(true);
        connect(a, &QAction::toggled, this, &MainWindow::updateOverlays);
        m_overlayActions << a;
        tools->addAction(a);
    }
    m_overlayActions.last()->setChecked(true);
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
}

void MainWindow::setAllOverlays(bool on)
{
    for (QAction* a : m_overlayActions)
        a->setChecked(on);
}

void MainWindow::updateOverlays()
{
    Overlays o;
    o.spofs = m_overlayActions.value(0)->isChecked();
    o.cost = m_overlayActions.value(1)->isChecked();
    o.sla = m_overlayActions.value(2)->isChecked();
    o.problems = m_overlayActions.value(3)->isChecked();
    m_scene->setOverlays(o);
}

bool MainWindow::openFile(const QString& path)
{
    if (!m_files->open(path))
        return false;
    m_hasDocument = true;
    onDocumentChanged(true);
    return true;
}

bool MainWindow::closeDocument()
{
    if (!m_files->maybeSave())
        return false;
    m_document->reset(Topology{}, false);
    m_hasDocument = false;
    onDocumentChanged(true);
    return true;
}

void MainWindow::onDocumentChanged(bool reset)
{
    if (m_document->format() != Document::Format::None || !m_document->topology().components.empty() ||
        !m_document->topology().name.empty())
        m_hasDocument = true;
    const Topology& topology = m_document->topology();
    if (m_hasDocument)
        m_tree->showTopology(topology);
    else
        m_tree->clearTopology();
    // Problems: validation of the current topology, plus load-time warnings it does not repeat (unknown keys).
    std::vector<Diagnostic> problems = validate(topology);
    for (const Diagnostic& d : m_document->loadDiagnostics())
        if (std::none_of(problems.begin(), problems.end(),
                         [&](const Diagnostic& p) { return p.code == d.code && p.path == d.path; }))
            problems.push_back(d);
    if (m_hasDocument)
        m_problems->showDiagnostics(problems);
    else
        m_problems->clearDiagnostics();
    if (reset) {
        showRevisions();
        showNode(NodeRef{});
        m_view->fitToWindow();
    } else {
        onCanvasSelection(m_scene->selectedComponentIds());
    }
    updateTitle();
    updateStatus();
}

void MainWindow::showRevisions()
{
    const bool workspace = m_document->format() == Document::Format::Workspace;
    if (workspace)
        m_revisions->showRevisions(m_document->revisions());
    else if (m_hasDocument)
        m_revisions->showNotAWorkspace();
    else
        m_revisions->clearRevisions();
    m_revisionsDock->setWindowTitle(workspace ? tr("Revisions (%1)").arg(m_document->revisions().size())
                                              : tr("Revisions"));
}

bool MainWindow::selectId(const QString& id)
{
    const bool inTree = m_tree->selectId(id);
    const bool onCanvas = m_scene->card(id) != nullptr;
    if (onCanvas)
        m_scene->selectIds({id});
    return inTree || onCanvas;
}

void MainWindow::onCanvasSelection(const QStringList& ids)
{
    m_inspector->showComponent(ids.size() == 1 ? ids.front() : QString());
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    if (ids.size() == 1)
        m_tree->selectId(ids.front());
    m_syncingSelection = false;
}

void MainWindow::onProblemClicked(const QString& path)
{
    const QString component = componentOfPath(path.toStdString());
    if (!component.isEmpty()) {
        selectId(component);
        return;
    }
    static const QRegularExpression item(QStringLiteral("^\\w+\\[([^\\]]+)\\]"));
    const auto match = item.match(path);
    if (match.hasMatch())
        selectId(match.captured(1));
}

void MainWindow::showNode(const NodeRef& node)
{
    if (!m_hasDocument) {
        m_details->showHint(emptyHint());
        return;
    }
    if (!m_syncingSelection) {
        m_syncingSelection = true;
        m_scene->selectIds(node.kind == NodeRef::Kind::Component ? QStringList{node.id} : QStringList{});
        m_syncingSelection = false;
    }
    const Topology& topology = m_document->topology();
    PropertySheet sheet;
    if (node.kind == NodeRef::Kind::Group || node.kind == NodeRef::Kind::Zone)
        sheet = m_tree->childListSheet(node);
    else if (node.kind != NodeRef::Kind::Topology)
        sheet = buildPropertySheet(topology, node);
    if (sheet.title.isEmpty())
        sheet = buildOverviewSheet(topology, m_document->path(),
                                   countSeverity(m_document->loadDiagnostics(), Severity::Warning),
                                   m_document->revisions().size());
    m_details->showSheet(sheet);
}

void MainWindow::updateTitle()
{
    if (!m_hasDocument) {
        setWindowTitle(tr("Firedrill"));
        return;
    }
    const QString name = qstr(m_document->topology().name);
    QString file = m_document->path().isEmpty() ? tr("Untitled") : QFileInfo(m_document->path()).fileName();
    if (m_document->isModified())
        file += QLatin1Char('*');
    setWindowTitle(name.isEmpty() ? tr("%1 — Firedrill").arg(file) : tr("%1 — %2 — Firedrill").arg(name, file));
}

void MainWindow::updateStatus()
{
    if (!m_hasDocument) {
        m_countsLabel->setText(emptyHint());
        m_fileLabel->clear();
        return;
    }
    m_countsLabel->setText(statusSummary());
    const QString where = QDir::toNativeSeparators(m_document->path());
    switch (m_document->format()) {
    case Document::Format::Workspace:
        m_fileLabel->setText(m_document->isReadOnly() ? tr("Workspace (read-only: open elsewhere) · %1").arg(where)
                                                      : tr("Workspace · %1").arg(where));
        break;
    case Document::Format::Yaml: m_fileLabel->setText(tr("YAML · %1").arg(where)); break;
    case Document::Format::None: m_fileLabel->setText(tr("Not saved yet")); break;
    }
}

QString MainWindow::statusSummary() const
{
    return m_hasDocument ? countsSummary(m_document->topology()) : QString();
}

QString MainWindow::zoomText() const
{
    return m_zoomLabel->text();
}

void MainWindow::reportLoadError(const QString& title, const QString& message)
{
    emit loadFailed(message);
    if (!m_errorDialogs)
        return;
    QMessageBox box(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
    box.setInformativeText(message);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Firedrill"),
                       tr("<h3>Firedrill %1</h3>"
                          "<p>Disaster-recovery planning and drill console.</p>"
                          "<p>Model regions, components and workloads; compare recovery strategies; "
                          "replay outage scenarios; plan and record drills.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

void MainWindow::restoreWindowSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray(), kSettingsVersion);
}

void MainWindow::saveWindowSettings() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState(kSettingsVersion));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowSettings();
    event->accept();
}

} // namespace firedrill::ui
