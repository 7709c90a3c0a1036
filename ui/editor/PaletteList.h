#pragma once

#include "core/model/ComponentKind.h"

#include <QListWidget>

namespace firedrill::ui {

/// The palette: every component kind with its icon, dragged onto the canvas to create one.
class PaletteList : public QListWidget
{
    Q_OBJECT

public:
    /// The drag's MIME type; its data is the kind's file spelling ("app-service").
    static const QString kMimeType;

    explicit PaletteList(QWidget* parent = nullptr);

    /// The kind of a row.
    ComponentKind kindAt(int row) const;

signals:
    /// A kind was double-clicked or activated with Enter: add it to the selected region.
    void kindActivated(firedrill::ComponentKind kind);

protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;
};

} // namespace firedrill::ui
