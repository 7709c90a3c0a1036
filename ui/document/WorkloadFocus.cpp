#include "WorkloadFocus.h"

#include "Document.h"
#include "ui/common/DisplayText.h"

namespace firedrill::ui {

WorkloadFocus::WorkloadFocus(Document* document, QObject* parent) : QObject(parent), m_document(document)
{
    connect(document, &Document::changed, this, &WorkloadFocus::follow);
    follow();
}

void WorkloadFocus::setId(const QString& id)
{
    if (id == m_id || !m_document->topology().findWorkload(WorkloadId(id.toStdString())))
        return;
    m_id = id;
    emit changed(m_id);
}

void WorkloadFocus::follow()
{
    const Topology& t = m_document->topology();
    if (!m_id.isEmpty() && t.findWorkload(WorkloadId(m_id.toStdString())))
        return;
    const QString next = t.workloads.empty() ? QString() : qstr(t.workloads.front().id.str());
    if (next == m_id)
        return;
    m_id = next;
    emit changed(m_id);
}

} // namespace firedrill::ui
