#pragma once

#include "CommandIds.h"
#include "core/model/Component.h"
#include "ui/document/Document.h"

#include <QUndoCommand>

namespace firedrill::ui {

/// Sets one field of one component, e.g. `&Component::instances`. With `merge` (spin boxes, typing),
/// successive changes of the same field of the same component become one undo step.
template <class T>
class ChangeComponentField : public QUndoCommand
{
public:
    /// Sets `member` of component `id` to `value`; `text` names the edit in the undo history.
    ChangeComponentField(Document* document, ComponentId id, T Component::*member, T value, const QString& text,
                         bool merge = false)
        : m_document(document), m_id(std::move(id)), m_member(member), m_new(std::move(value)), m_merge(merge)
    {
        if (const Component* c = document->topology().findComponent(m_id))
            m_old = (*c).*member;
        setText(text);
    }

    void undo() override { apply(m_old); }
    void redo() override { apply(m_new); }
    int id() const override { return m_merge ? CommandId::ChangeComponentField : -1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* same = dynamic_cast<const ChangeComponentField<T>*>(other);
        if (!same || !same->m_merge || same->m_id != m_id || same->m_member != m_member)
            return false;
        m_new = same->m_new;
        setObsolete(m_new == m_old);
        return true;
    }

private:
    void apply(const T& value)
    {
        const Component* current = m_document->topology().findComponent(m_id);
        if (!current)
            return;
        Component c = *current;
        c.*m_member = value;
        m_document->replaceComponent(c);
    }

    Document* m_document;
    ComponentId m_id;
    T Component::*m_member;
    T m_old{};
    T m_new;
    bool m_merge = false;
};

} // namespace firedrill::ui
