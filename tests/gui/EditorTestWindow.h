#pragma once

#include "ui/mainwindow/DocumentActions.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

namespace firedrill::test {

/// Settings and autosave files of GUI tests stay out of the user's own.
inline void isolateTestApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("Firedrill"));
    QApplication::setApplicationName(QStringLiteral("Firedrill-test"));
}

/// A shown, active main window with no dialogs (errors are signalled, unsaved changes discarded).
inline std::unique_ptr<ui::MainWindow> makeTestWindow()
{
    auto window = std::make_unique<ui::MainWindow>();
    window->setErrorDialogsEnabled(false);
    window->setUnsavedPolicy(ui::DocumentActions::UnsavedPolicy::Discard);
    window->show();
    QApplication::setActiveWindow(window.get());
    return window;
}

} // namespace firedrill::test
