#pragma once

#include <QLayout>
#include <QWidget>

#include <vector>

namespace firedrill::ui {

/// Takes `widgets` out of `layout` and hides them at once, deleting them from the event loop (one of them
/// may be the button whose click is being handled); leaves `widgets` empty.
inline void retireWidgets(std::vector<QWidget*>& widgets, QLayout* layout)
{
    for (QWidget* w : widgets) {
        w->hide();
        layout->removeWidget(w);
        w->deleteLater();
    }
    widgets.clear();
}

} // namespace firedrill::ui
