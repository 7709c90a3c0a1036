#pragma once

#include "core/model/Component.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

class QPushButton;
class QVBoxLayout;

namespace firedrill::ui {

class Document;
class UnitField;

/// The replicas of a database in the inspector: one box each with its region, zone, role ("Make primary"),
/// replication mode, lag and readability, a Remove button, and "Add replica". Every change is one command
/// on the document; the boxes are rebuilt only when the list of replicas changes, otherwise refreshed.
class ReplicaEditor : public QWidget
{
    Q_OBJECT

public:
    /// An editor of the replicas of component `ownerId` in `document`.
    ReplicaEditor(Document* document, const QString& ownerId, QWidget* parent = nullptr);

    /// Shows `owner`'s replicas (its current state in the document).
    void show(const Component& owner);

private:
    void rebuild(const Component& owner);
    void addBox(const Replica& replica);
    /// Applies `change` to the replica `id` and pushes the result.
    void edit(const ComponentId& id, const QString& what, const std::function<void(Replica&)>& change,
              bool merge = false);
    void pushReplicas(std::vector<Replica> replicas, const QString& text, bool merge = false);
    const Component* owner() const;

    Document* m_document;
    QString m_owner;
    QVBoxLayout* m_boxes = nullptr;
    QPushButton* m_add = nullptr;
    std::vector<ComponentId> m_ids;
    std::vector<QWidget*> m_boxWidgets;
    std::vector<std::function<void(const Component&)>> m_refreshers;
};

} // namespace firedrill::ui
