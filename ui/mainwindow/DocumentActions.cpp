#include "DocumentActions.h"

#include "core/io/InputPath.h"
#include "core/io/TopologyFile.h"
#include "ui/common/DisplayText.h"
#include "ui/document/BackgroundLoad.h"
#include "ui/document/Document.h"
#include "ui/editor/DiagramExport.h"
#include "ui/editor/TopologyScene.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace firedrill::ui {

namespace {
const char* const kRecentKey = "files/recent";
const char* const kLastDirectoryKey = "files/lastDirectory";
constexpr int kMaxRecent = 8;
} // namespace

DocumentActions::DocumentActions(Document* document, TopologyScene* scene, QWidget* window)
    : QObject(window), m_document(document), m_scene(scene), m_window(window)
{
}

QAction* DocumentActions::add(QMenu* menu, const QString& name, const QString& text, const QKeySequence& shortcut,
                              void (DocumentActions::*slot)())
{
    QAction* a = menu->addAction(text, this, slot);
    a->setObjectName(name);
    a->setShortcut(shortcut);
    return a;
}

void DocumentActions::populateMenu(QMenu* menu)
{
    add(menu, QStringLiteral("actionNew"), tr("&New"), QKeySequence::New, &DocumentActions::triggerNew);
    add(menu, QStringLiteral("actionOpen"), tr("&Open…"), QKeySequence::Open, &DocumentActions::chooseOpen);
    m_recentMenu = menu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    updateRecentMenu();
    menu->addSeparator();
    add(menu, QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save, &DocumentActions::triggerSave);
    add(menu, QStringLiteral("actionSaveAs"), tr("Save &As…"), QKeySequence::SaveAs, &DocumentActions::chooseSaveAs);
    add(menu, QStringLiteral("actionRevert"), tr("Re&vert"), QKeySequence(Qt::Key_F5), &DocumentActions::triggerRevert);
    menu->addSeparator();
    add(menu, QStringLiteral("actionImportYaml"), tr("&Import YAML…"), QKeySequence(Qt::CTRL | Qt::Key_I),
        &DocumentActions::chooseImport);
    add(menu, QStringLiteral("actionExportYaml"), tr("&Export YAML…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
        &DocumentActions::chooseExportYaml);
    add(menu, QStringLiteral("actionExportPng"), tr("Export Diagram as &PNG…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &DocumentActions::chooseExportPng);
    add(menu, QStringLiteral("actionExportSvg"), tr("Export Diagram as S&VG…"), {}, &DocumentActions::chooseExportSvg);
}

QAction* DocumentActions::action(const QString& name) const
{
    return m_window->findChild<QAction*>(name);
}

void DocumentActions::report(const QString& title, const QString& message)
{
    emit failed(title, message);
}

QString DocumentActions::askPath(const QString& caption, const QString& filter, const QString& suffix, bool saving)
{
    QSettings settings;
    const QString start = settings.value(QLatin1String(kLastDirectoryKey), QDir::homePath()).toString();
    QString path = saving ? QFileDialog::getSaveFileName(m_window, caption, start, filter)
                          : QFileDialog::getOpenFileName(m_window, caption, start, filter);
    if (path.isEmpty())
        return {};
    if (saving && !suffix.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    settings.setValue(QLatin1String(kLastDirectoryKey), QFileInfo(path).absolutePath());
    return path;
}

bool DocumentActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    UnsavedPolicy choice = m_policy;
    if (choice == UnsavedPolicy::Ask) {
        const auto button = QMessageBox::warning(
            m_window, tr("Unsaved changes"),
            tr("The topology has unsaved changes. Save them first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = button == QMessageBox::Save      ? UnsavedPolicy::Save
                 : button == QMessageBox::Discard ? UnsavedPolicy::Discard
                                                  : UnsavedPolicy::Cancel;
    }
    if (choice == UnsavedPolicy::Save)
        return save();
    return choice == UnsavedPolicy::Discard;
}

bool DocumentActions::open(const QString& path)
{
    if (m_loading || !maybeSave())
        return false;
    auto result = load(path);
    if (!result) {
        report(tr("Cannot open file"), qstr(result.error().message));
        return false;
    }
    addRecent(m_document->path());
    if (m_document->isReadOnly())
        emit openedReadOnly(m_document->readOnlyReason());
    if (!m_document->recoveryNote().isEmpty())
        emit recovered(m_document->recoveryNote());
    emit opened(m_document->path());
    return true;
}

Result<void> DocumentActions::load(const QString& path)
{
    // The file is read on a worker thread; meanwhile the window repaints and says what it is doing.
    m_loading = true;
    QApplication::setOverrideCursor(Qt::BusyCursor);
    emit loading(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    Result<LoadedDocument> loaded = loadInBackground(path);
    QApplication::restoreOverrideCursor();
    m_loading = false;
    emit loading(QString());
    if (!loaded)
        return loaded.error();
    m_document->adopt(std::move(loaded).value());
    return {};
}

bool DocumentActions::newDocument()
{
    if (!maybeSave())
        return false;
    Topology topology;
    topology.name = tr("Untitled topology").toStdString();
    m_document->reset(topology, false);
    return true;
}

bool DocumentActions::save()
{
    if (m_document->format() != Document::Format::Workspace || m_document->isReadOnly()) {
        const QString path = askPath(tr("Save as workspace"), tr("Firedrill workspaces (*.firedrill)"),
                                     QStringLiteral("firedrill"), true);
        return !path.isEmpty() && saveAs(path);
    }
    auto result = m_document->save(m_document->pendingChangesNote());
    if (!result)
        report(tr("Cannot save"), qstr(result.error().message));
    return result.ok();
}

bool DocumentActions::saveAs(const QString& path)
{
    auto result = m_document->saveAs(path, m_document->pendingChangesNote());
    if (!result) {
        report(tr("Cannot save"), qstr(result.error().message));
        return false;
    }
    addRecent(m_document->path());
    return true;
}

bool DocumentActions::revert()
{
    if (m_document->path().isEmpty())
        return false;
    if (m_loading)
        return false;
    auto result = load(m_document->path());
    if (!result) {
        report(tr("Cannot revert"), qstr(result.error().message));
        return false;
    }
    emit reverted();
    return true;
}

bool DocumentActions::importYaml(const QString& path)
{
    if (!maybeSave())
        return false;
    if (auto regular = checkInputFile(std::filesystem::path(path.toStdU16String())); !regular) {
        report(tr("Cannot import"), qstr(regular.error().message)); // a FIFO would never finish reading
        return false;
    }
    const LoadResult loaded = loadTopologyYamlFile(std::filesystem::path(path.toStdU16String()));
    if (!loaded.topology) {
        QStringList errors;
        for (const Diagnostic& d : loaded.diagnostics)
            errors << qstr(d.format());
        report(tr("Cannot import"), errors.join(QLatin1Char('\n')));
        return false;
    }
    m_document->reset(*loaded.topology, true);
    return true;
}

bool DocumentActions::exportYaml(const QString& path)
{
    auto result = m_document->exportYaml(path);
    if (!result)
        report(tr("Cannot export"), qstr(result.error().message));
    return result.ok();
}

bool DocumentActions::exportPng(const QString& path)
{
    m_scene->ensureCurrent();
    const bool ok = exportDiagramPng(*m_scene, path);
    if (!ok)
        report(tr("Cannot export"), tr("Could not write “%1”.").arg(path));
    return ok;
}

bool DocumentActions::exportSvg(const QString& path)
{
    m_scene->ensureCurrent();
    const bool ok = exportDiagramSvg(*m_scene, path, qstr(m_document->topology().name));
    if (!ok)
        report(tr("Cannot export"), tr("Could not write “%1”.").arg(path));
    return ok;
}

QStringList DocumentActions::recentFiles() const
{
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void DocumentActions::addRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), recent);
    updateRecentMenu();
}

void DocumentActions::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()),
                                             this, [this, path] { open(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void DocumentActions::chooseOpen()
{
    const QString path = askPath(tr("Open"),
                                 tr("Firedrill files (*.firedrill *.yaml *.yml);;Workspaces (*.firedrill);;"
                                    "YAML topologies (*.yaml *.yml);;All files (*)"),
                                 {}, false);
    if (!path.isEmpty())
        open(path);
}

void DocumentActions::chooseSaveAs()
{
    const QString path =
        askPath(tr("Save as workspace"), tr("Firedrill workspaces (*.firedrill)"), QStringLiteral("firedrill"), true);
    if (!path.isEmpty())
        saveAs(path);
}

void DocumentActions::chooseImport()
{
    const QString path = askPath(tr("Import YAML"), tr("YAML topologies (*.yaml *.yml)"), {}, false);
    if (!path.isEmpty())
        importYaml(path);
}

void DocumentActions::chooseExportYaml()
{
    const QString path = askPath(tr("Export YAML"), tr("YAML topologies (*.yaml)"), QStringLiteral("yaml"), true);
    if (!path.isEmpty())
        exportYaml(path);
}

void DocumentActions::chooseExportPng()
{
    const QString path = askPath(tr("Export diagram"), tr("PNG images (*.png)"), QStringLiteral("png"), true);
    if (!path.isEmpty())
        exportPng(path);
}

void DocumentActions::chooseExportSvg()
{
    const QString path = askPath(tr("Export diagram"), tr("SVG drawings (*.svg)"), QStringLiteral("svg"), true);
    if (!path.isEmpty())
        exportSvg(path);
}

void DocumentActions::triggerSave()
{
    save();
}

void DocumentActions::triggerNew()
{
    newDocument();
}

void DocumentActions::triggerRevert()
{
    revert();
}

} // namespace firedrill::ui
