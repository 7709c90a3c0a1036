#include "MainWindow.h"

#include "TopologySummary.h"
#include "ui/common/DisplayText.h"
#include "ui/document/DocumentLoader.h"
#include "ui/panels/DetailsPanel.h"
#include "ui/panels/ProblemsPanel.h"
#include "ui/panels/PropertySheet.h"
#include "ui/panels/RevisionsPanel.h"
#include "ui/panels/TopologyTree.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace firedrill::ui {

namespace {

constexpr int kSettingsVersion = 1;
const char* const kGeometryKey = "mainWindow/geometry";
const char* const kStateKey = "mainWindow/state";
const char* const kLastDirectoryKey = "files/lastDirectory";

QString emptyHint()
{
    return QCoreApplication::translate("MainWindow", "Open a workspace (Ctrl+O)");
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_details = new DetailsPanel(this);
    setCentralWidget(m_details);
    createDocks();
    createActions();

    m_countsLabel = new QLabel(this);
    m_fileLabel = new QLabel(this);
    m_fileLabel->setForegroundRole(QPalette::PlaceholderText);
    statusBar()->addWidget(m_countsLabel, 1);
    statusBar()->addPermanentWidget(m_fileLabel);

    connect(m_tree, &TopologyTree::nodeSelected, this, &MainWindow::showNode);
    resize(1360, 860);
    closeDocument();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);

    m_tree = new TopologyTree(this);
    m_treeDock = new QDockWidget(tr("Topology"), this);
    m_treeDock->setObjectName(QStringLiteral("topologyDock"));
    m_treeDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);

    m_problems = new ProblemsPanel(this);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);

    m_revisions = new RevisionsPanel(this);
    m_revisionsDock = new QDockWidget(tr("Revisions"), this);
    m_revisionsDock->setObjectName(QStringLiteral("revisionsDock"));
    m_revisionsDock->setWidget(m_revisions);
    addDockWidget(Qt::BottomDockWidgetArea, m_revisionsDock);
    tabifyDockWidget(m_problemsDock, m_revisionsDock);
    m_problemsDock->raise();

    resizeDocks({m_treeDock}, {600}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {160}, Qt::Vertical);

    connect(m_problems, &ProblemsPanel::countChanged, this, [this](int count) {
        m_problemsDock->setWindowTitle(count > 0 ? tr("Problems (%1)").arg(count) : tr("Problems"));
    });
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    QAction* closeFile = file->addAction(tr("&Close"), this, &MainWindow::closeDocument);
    closeFile->setObjectName(QStringLiteral("actionClose"));
    closeFile->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_treeDock->toggleViewAction());
    view->addAction(m_problemsDock->toggleViewAction());
    view->addAction(m_revisionsDock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Firedrill"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

bool MainWindow::openFile(const QString& path)
{
    Result<OpenedDocument> opened = openDocument(path);
    if (!opened) {
        reportLoadError(path, qstr(opened.error().message));
        return false;
    }
    m_document = std::move(opened).value();
    showDocument();
    emit documentLoaded(m_document->path);
    return true;
}

void MainWindow::closeDocument()
{
    m_document.reset();
    m_tree->clearTopology();
    m_problems->clearDiagnostics();
    m_revisions->clearRevisions();
    m_revisionsDock->setWindowTitle(tr("Revisions"));
    m_details->showHint(emptyHint());
    updateTitle();
    updateStatus();
}

void MainWindow::showDocument()
{
    m_tree->showTopology(m_document->topology);
    m_problems->showDiagnostics(m_document->diagnostics);
    const bool workspace = m_document->format == OpenedDocument::Format::Workspace;
    if (workspace)
        m_revisions->showRevisions(m_document->revisions);
    else
        m_revisions->showNotAWorkspace();
    m_revisionsDock->setWindowTitle(workspace ? tr("Revisions (%1)").arg(m_document->revisions.size())
                                              : tr("Revisions"));
    // Problems come first; a workspace without any shows its history instead.
    if (workspace && m_problems->count() == 0)
        m_revisionsDock->raise();
    else
        m_problemsDock->raise();
    showNode(NodeRef{});
    updateTitle();
    updateStatus();
}

bool MainWindow::selectId(const QString& id)
{
    return m_tree->selectId(id);
}

void MainWindow::showNode(const NodeRef& node)
{
    if (!m_document) {
        m_details->showHint(emptyHint());
        return;
    }
    PropertySheet sheet;
    if (node.kind == NodeRef::Kind::Group || node.kind == NodeRef::Kind::Zone)
        sheet = m_tree->childListSheet(node);
    else if (node.kind != NodeRef::Kind::Topology)
        sheet = buildPropertySheet(m_document->topology, node);
    if (sheet.title.isEmpty())
        sheet = buildOverviewSheet(m_document->topology, m_document->path,
                                   countSeverity(m_document->diagnostics, Severity::Warning),
                                   m_document->revisions.size());
    m_details->showSheet(sheet);
}

void MainWindow::updateTitle()
{
    if (!m_document) {
        setWindowTitle(tr("Firedrill"));
        return;
    }
    const QString name = qstr(m_document->topology.name);
    const QString file = QFileInfo(m_document->path).fileName();
    setWindowTitle(name.isEmpty() ? tr("%1 — Firedrill").arg(file)
                                  : tr("%1 — %2 — Firedrill").arg(name, file));
}

void MainWindow::updateStatus()
{
    if (!m_document) {
        m_countsLabel->setText(emptyHint());
        m_fileLabel->clear();
        return;
    }
    m_countsLabel->setText(statusSummary());
    const QString where = QDir::toNativeSeparators(m_document->path);
    m_fileLabel->setText(m_document->format == OpenedDocument::Format::Workspace
                             ? tr("Workspace (read-only) · %1").arg(where)
                             : tr("YAML · %1").arg(where));
}

QString MainWindow::statusSummary() const
{
    return m_document ? countsSummary(m_document->topology) : QString();
}

void MainWindow::chooseFile()
{
    QSettings settings;
    const QString start = settings.value(QLatin1String(kLastDirectoryKey), QDir::homePath()).toString();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open"), start,
                                     tr("Firedrill files (*.firedrill *.yaml *.yml);;Workspaces "
                                        "(*.firedrill);;YAML topologies (*.yaml *.yml);;"
                                        "All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastDirectoryKey), QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::reportLoadError(const QString& path, const QString& message)
{
    emit loadFailed(message);
    if (!m_errorDialogs)
        return;
    QMessageBox box(QMessageBox::Warning, tr("Cannot open file"),
                    tr("Could not open “%1”.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
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
    saveWindowSettings();
    event->accept();
}

} // namespace firedrill::ui
