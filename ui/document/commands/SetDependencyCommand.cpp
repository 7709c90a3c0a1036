#include "SetDependencyCommand.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"

#include <algorithm>

namespace firedrill::ui {

SetDependencyCommand::SetDependencyCommand(Document* document, ComponentId from, ComponentId to,
                                           std::optional<DependencyKind> kind, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_from(std::move(from)), m_to(std::move(to)), m_new(kind)
{
    if (const Component* c = document->topology().findComponent(m_from)) {
        const auto it = std::find_if(c->dependsOn.begin(), c->dependsOn.end(),
                                     [&](const Dependency& dep) { return dep.target == m_to; });
        if (it != c->dependsOn.end()) {
            m_old = it->kind;
            m_index = static_cast<int>(it - c->dependsOn.begin());
        }
    }
    const QString pair = QStringLiteral("%1 → %2").arg(qstr(m_from.str()), qstr(m_to.str()));
    if (!m_new)
        setText(QObject::tr("Remove dependency %1").arg(pair));
    else if (!m_old)
        setText(QObject::tr("Connect %1").arg(pair));
    else
        setText(QObject::tr("Make dependency %1 %2").arg(pair, enumText(*m_new)));
}

void SetDependencyCommand::apply(const std::optional<DependencyKind>& kind, int index)
{
    const Component* current = m_document->topology().findComponent(m_from);
    if (!current)
        return;
    Component c = *current;
    auto it = std::find_if(c.dependsOn.begin(), c.dependsOn.end(), [&](const Dependency& dep) { return dep.target == m_to; });
    if (!kind) {
        if (it != c.dependsOn.end())
            c.dependsOn.erase(it);
    } else if (it != c.dependsOn.end()) {
        it->kind = *kind;
    } else {
        const auto at = std::clamp(index < 0 ? static_cast<int>(c.dependsOn.size()) : index, 0,
                                   static_cast<int>(c.dependsOn.size()));
        c.dependsOn.insert(c.dependsOn.begin() + at, Dependency{m_to, *kind});
    }
    m_document->replaceComponent(c);
}

void SetDependencyCommand::undo()
{
    apply(m_old, m_index);
}

void SetDependencyCommand::redo()
{
    apply(m_new, m_index);
}

} // namespace firedrill::ui
