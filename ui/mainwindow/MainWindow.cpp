#include "MainWindow.h"

#include "EditorActions.h"
#include "MessageBar.h"
#include "SettingsDialog.h"
#include "TopologySummary.h"
#include "core/model/Validator.h"
#include "ui/help/HelpMenu.h"
#include "ui/availability/AvailabilityView.h"
#include "ui/common/DisplayText.h"
#include "ui/common/LatestWorker.h"
#include "ui/common/SafeSave.h"
#include "ui/document/Autosave.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentEditing.h"
#include "ui/document/WorkloadFocus.h"
#include "ui/drill/DrillPlannerView.h"
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
#include "ui/panels/WorkloadsPanel.h"
#include "ui/strategy/StrategyAnalysis.h"
#include "ui/strategy/TradeOffView.h"

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
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include "ui/replay/ReplayView.h"
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <utility>

namespace firedrill::ui {

namespace {

const char* const kGeometryKey = "mainWindow/geometry";
const char* const kStateKey = "mainWindow/state";
const char* const kAutosaveKey = "editor/autosaveMinutes";

QString emptyHint()
{
    return QCoreApplication::translate("MainWindow", "Open a workspace (Ctrl+O) or start a new topology (Ctrl+N)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_document = new Document(this);
    m_focus = new WorkloadFocus(m_document, this);
    m_strategyAnalysis = new StrategyAnalysis(m_document, m_focus, this);
    m_scene = new TopologyScene(m_document, this);
    m_files = new DocumentActions(m_document, m_scene, this);
    m_autosave = new Autosave(m_document, this);
    m_autosave->setIntervalMinutes(
        QSettings().value(QLatin1String(kAutosaveKey), Autosave::kDefaultIntervalMinutes).toInt());
    connect(m_files, &DocumentActions::reverted, m_autosave, &Autosave::discard);
    connect(m_autosave, &Autosave::failed, this, [this](const QString& message) { statusBar()->showMessage(message, 15000); });
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
    m_panelTimer.setSingleShot(true);
    m_panelTimer.setInterval(0);
    connect(&m_panelTimer, &QTimer::timeout, this, &MainWindow::showTreeAndProblems);
    connect(m_scene, &TopologyScene::completed, this, [this] {
        if (std::exchange(m_panelsPending, false))
            m_panelTimer.start(); // a turn of its own
    });
    connect(m_scene, &TopologyScene::rebuilt, this, [this] {
        if (std::exchange(m_fitPending, false))
            m_view->fitToWindow();
    });
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::fileChanged, this, [this] {
        showRevisions();
        updateTitle();
        updateStatus();
        // Save As made an editable copy, or the document was closed: the read-only notice no longer holds.
        if (m_messageBar->kind() == MessageBar::Kind::Warning && !m_document->isReadOnly())
            m_messageBar->dismiss();
        if (m_document->format() == Document::Format::None)
            m_messageBar->dismiss();
    });
    connect(m_files, &DocumentActions::failed, this, &MainWindow::reportLoadError);
    connect(m_files, &DocumentActions::loading, this, [this](const QString& message) {
        if (message.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(message);
    });
    connect(m_files, &DocumentActions::opened, this, &MainWindow::showFileNotice);
    connect(m_files, &DocumentActions::reverted, this, &MainWindow::showFileNotice);
    connect(m_files, &DocumentActions::opened, this, &MainWindow::documentLoaded);
    connect(m_files, &DocumentActions::openedReadOnly, this, &MainWindow::reportReadOnly);
    connect(m_files, &DocumentActions::recovered, this, &MainWindow::reportRecovered);
    connect(m_messageBar, &MessageBar::actionTriggered, this,
            [this] { m_files->action(QStringLiteral("actionSaveAs"))->trigger(); });
    connect(m_scene, &TopologyScene::selectionIdsChanged, this, &MainWindow::onCanvasSelection);
    connect(m_scene, &TopologyScene::containerClicked, this, [this](const QString& id) { selectId(id); });
    connect(m_tree, &TopologyTree::nodeSelected, this, &MainWindow::showNode);
    connect(m_problems, &ProblemsPanel::problemClicked, this, &MainWindow::onProblemClicked);
    // Fits a 1600 × 1000 projector (and smaller screens) without scrolling off the side.
    QSize size(1600, 1000);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
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
    layout->addWidget(createPreviewBanner(centre));
    layout->addWidget(m_view, 1);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(centre, tr("Diagram"));
    m_tradeOffs = new TradeOffView(m_strategyAnalysis, m_focus, m_pages);
    m_pages->addTab(m_tradeOffs, tr("Strategies && trade-offs"));
    m_availability = new AvailabilityView(m_document, m_pages);
    m_pages->addTab(m_availability, tr("Availability over a year"));
    connect(m_focus, &WorkloadFocus::changed, m_availability, &AvailabilityView::selectWorkload);
    m_pages->addTab(new DrillPlannerView(m_document, m_pages), tr("Drill plans"));
    m_replay = new ReplayView(m_document, m_focus, m_pages);
    m_pages->addTab(m_replay, tr("Outage replay"));
    connect(m_replay, &ReplayView::trainerModeChanged, this, &MainWindow::setTrainerLayout);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);
    // The message bar sits above every page: how the file was opened matters on all of them.
    auto* shell = new QWidget(this);
    auto* shellLayout = new QVBoxLayout(shell);
    shellLayout->setContentsMargins(0, 0, 0, 0);
    shellLayout->setSpacing(0);
    m_messageBar = new MessageBar(shell);
    shellLayout->addWidget(m_messageBar);
    shellLayout->addWidget(m_pages, 1);
    setCentralWidget(shell);
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
    m_editor = new EditorActions(m_document, m_scene, m_view, this);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_editor->populateEditMenu(edit, tools);
    m_editor->populateArrangeMenu(edit->addMenu(tr("A&rrange")));
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("Pre&ferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence::Preferences});
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(m_editor, &EditorActions::regionAdded, this, [this](const QString& id) { selectId(id); });
    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_editor->populateViewMenu(view, tools);
    view->addSeparator();
    addPageActions(view);
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    populateHelpMenu(help, this);
    QAction* about = help->addAction(tr("&About Firedrill"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::setAllOverlays(bool on)
{
    m_editor->setAllOverlays(on);
}

bool MainWindow::openFile(const QString& path)
{
    if (!m_files->open(path))
        return false;
    m_hasDocument = true; // the panels already show it: the document's Reset reached them
    offerRecovery(m_document->path());
    return true;
}

bool MainWindow::offerUntitledRecovery()
{
    return offerRecovery(QString());
}

bool MainWindow::offerRecovery(const QString& documentPath)
{
    // A window killed while autosaving leaves its temporary beside the side file; whoever holds the
    // workspace now clears it (a read-only window must not: the holder may be writing it).
    if (!documentPath.isEmpty() && !m_document->isReadOnly())
        SafeSave::removeStaleTemporaries(Autosave::sidePathFor(documentPath));
    std::optional<Autosave::Recovery> found = Autosave::findRecovery(documentPath);
    if (!found || m_recoveryPolicy == RecoveryPolicy::Ignore)
        return false;
    RecoveryPolicy choice = m_recoveryPolicy;
    if (choice == RecoveryPolicy::Ask) {
        const QString what = documentPath.isEmpty() ? tr("an untitled topology")
                                                    : tr("“%1”").arg(QFileInfo(documentPath).fileName());
        QMessageBox box(QMessageBox::Question, tr("Restore unsaved changes?"),
                        tr("Firedrill found changes to %1 that were autosaved but never saved.").arg(what),
                        QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("They were autosaved %1, perhaps before Firedrill stopped unexpectedly. Restore them? "
               "Discarding deletes the autosave; the file itself is not changed either way.")
                .arg(found->savedAt.isValid() ? found->savedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                              : tr("earlier")));
        QPushButton* restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
        box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(restore);
        box.exec();
        choice = box.clickedButton() == restore ? RecoveryPolicy::Restore : RecoveryPolicy::Discard;
    }
    if (choice == RecoveryPolicy::Discard) {
        Autosave::remove(found->sidePath);
        return false;
    }
    if (documentPath.isEmpty())
        m_document->reset(found->topology, true);
    else
        m_document->restoreUnsaved(found->topology);
    m_autosave->adopt(found->sidePath);
    m_hasDocument = true;
    onDocumentChanged(true);
    statusBar()->showMessage(tr("Restored the autosaved changes; save to keep them."), 15000);
    return true;
}

bool MainWindow::closeDocument()
{
    if (!m_files->maybeSave())
        return false;
    m_autosave->discard();
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
    // A large file's tree and problems wait until its canvas is built, on later turns of the event loop,
    // so opening it is not one long stall (the summary comes from a worker meanwhile).
    if (reset && m_document->topology().components.size() >= kWorkerComponents && m_scene->isStale())
        m_panelsPending = true;
    else
        showTreeAndProblems();
    if (reset) {
        showRevisions();
        showNode(NodeRef{});
        // Once the canvas is rebuilt, on a later turn of the event loop (see TopologyScene::markStale).
        if (m_scene->isStale())
            m_fitPending = true;
        else
            m_view->fitToWindow();
    } else {
        onCanvasSelection(m_scene->selectedComponentIds());
    }
    updateTitle();
    updateStatus();
}

void MainWindow::showTreeAndProblems()
{
    m_panelTimer.stop();
    m_panelsPending = false;
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
    if (node.kind == NodeRef::Kind::Region)
        m_inspector->showRegion(node.id);
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
    if (m_document->isReadOnly())
        file += tr(" [read-only]");
    setWindowTitle(name.isEmpty() ? tr("%1 — Firedrill").arg(file) : tr("%1 — %2 — Firedrill").arg(name, file));
}

void MainWindow::updateStatus()
{
    updateSaveAction();
    if (!m_hasDocument) {
        m_countsLabel->setText(emptyHint());
        m_fileLabel->clear();
        return;
    }
    m_countsLabel->setText(statusSummary());
    const QString where = QDir::toNativeSeparators(m_document->path());
    switch (m_document->format()) {
    case Document::Format::Workspace:
        m_fileLabel->setText(m_document->readOnlyCause() == ReadOnlyCause::NotWritable
                                 ? tr("Workspace (read-only: not writable) · %1").arg(where)
                             : m_document->isReadOnly() ? tr("Workspace (read-only: open elsewhere) · %1").arg(where)
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
    settings.setValue(QLatin1String(kStateKey),
                      m_dockStateBeforePage.isEmpty() ? saveState(kSettingsVersion) : m_dockStateBeforePage);
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(savedTheme(), m_autosave->intervalMinutes(), this);
    if (dialog.exec() == QDialog::Accepted)
        applyPreferences(dialog.theme(), dialog.autosaveMinutes());
}

void MainWindow::applyPreferences(Theme theme, int autosaveMinutes)
{
    saveTheme(theme);
    applyAppearance(theme);
    m_autosave->setIntervalMinutes(autosaveMinutes);
    QSettings().setValue(QLatin1String(kAutosaveKey), m_autosave->intervalMinutes());
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_scene)
        m_scene->refreshColors();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_files->isLoading() || !m_files->maybeSave()) { // closing waits for a file being read
        event->ignore();
        return;
    }
    m_autosave->discard();
    saveWindowSettings();
    event->accept();
}

} // namespace firedrill::ui
