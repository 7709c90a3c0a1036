// The main window's notices about how the file was opened: the message bar, the status bar, the dialog
// for a workspace held elsewhere, and Save turned off while a workspace is read-only.
#include "MainWindow.h"

#include "MessageBar.h"
#include "ui/document/Document.h"

#include <QAction>
#include <QMessageBox>
#include <QStatusBar>

namespace firedrill::ui {

void MainWindow::updateSaveAction()
{
    // A read-only workspace cannot be saved in place: Save is off, Save As (always on) makes a copy.
    if (QAction* save = m_files->action(QStringLiteral("actionSave")))
        save->setEnabled(!m_document->isReadOnly());
}

void MainWindow::showFileNotice()
{
    m_messageBar->setToolTip(m_document->readOnlyReason()); // the full reason: which file or folder, why
    if (!m_document->recoveryNote().isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Information, m_document->recoveryNote());
        return;
    }
    switch (m_document->readOnlyCause()) {
    case ReadOnlyCause::NotWritable:
        m_messageBar->showMessage(
            MessageBar::Kind::Warning,
            tr("Read-only: the file's permissions do not allow changes; use Save As to keep your edits."),
            tr("Save As…"));
        return;
    case ReadOnlyCause::HeldElsewhere:
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Read-only: this workspace is open in another Firedrill; use Save As to keep "
                                     "your edits. (%1)")
                                      .arg(m_document->readOnlyReason()),
                                  tr("Save As…"));
        return;
    case ReadOnlyCause::None: break;
    }
    m_messageBar->dismiss();
}

void MainWindow::reportRecovered(const QString& note)
{
    statusBar()->showMessage(note, 15000);
    emit workspaceRecovered(note);
}

void MainWindow::reportReadOnly(const QString& holder)
{
    if (m_document->readOnlyCause() == ReadOnlyCause::NotWritable) {
        // The message bar says it; nobody else is involved, so no dialog interrupts.
        statusBar()->showMessage(tr("Opened read-only: %1").arg(holder), 15000);
        emit openedReadOnly(holder);
        return;
    }
    const QString text = tr("Opened read-only: %1 Save is off; Save As makes a copy you can edit.").arg(holder);
    statusBar()->showMessage(text, 15000);
    emit openedReadOnly(holder);
    if (!m_errorDialogs)
        return;
    QMessageBox box(QMessageBox::Information, tr("Workspace in use"), tr("This workspace is open elsewhere."),
                    QMessageBox::Ok, this);
    box.setInformativeText(tr("%1\n\nIt opens read-only: Save is off; Save As makes a copy you can edit.").arg(holder));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

} // namespace firedrill::ui
