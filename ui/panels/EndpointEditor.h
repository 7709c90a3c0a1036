#pragma once

#include "core/model/Component.h"

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QSpinBox;
class QGridLayout;
class QLabel;

namespace firedrill::ui {

class Document;

/// The endpoints of a traffic manager or front door in the inspector: one row each with its priority, its
/// weight and a Remove button, and a box that adds any other component. Every change is one command on the
/// document (stepping a spin box merges into one); the rows are rebuilt only when the list of targets changes.
class EndpointEditor : public QWidget
{
    Q_OBJECT

public:
    /// An editor of the endpoints of the router `routerId` in `document`.
    EndpointEditor(Document* document, const QString& routerId, QWidget* parent = nullptr);

    /// Shows `router`'s endpoints (its current state in the document).
    void show(const Component& router);

private:
    void rebuildRows(const Component& router);
    void fillAddBox(const Component& router);
    void edit(const QString& target, std::optional<int> Endpoint::*field, int value);
    void remove(const QString& target);

    Document* m_document;
    QString m_router;
    QGridLayout* m_grid = nullptr;
    QLabel* m_empty = nullptr;
    QComboBox* m_add = nullptr;
    std::vector<ComponentId> m_targets;
    std::vector<QWidget*> m_rowWidgets;
    /// The priority and weight boxes of each row, in the order of m_targets.
    std::vector<std::pair<QSpinBox*, QSpinBox*>> m_rankBoxes;
};

} // namespace firedrill::ui
