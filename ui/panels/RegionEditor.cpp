#include "RegionEditor.h"

#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/document/RegionEditing.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>

namespace firedrill::ui {

RegionEditor::RegionEditor(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_title(new QLabel(this)), m_name(new QLineEdit(this)),
      m_zones(new QSpinBox(this)), m_pair(new QComboBox(this)), m_error(new QLabel(this)),
      m_delete(new QPushButton(tr("Delete Region"), this))
{
    setObjectName(QStringLiteral("regionEditor"));
    m_name->setObjectName(QStringLiteral("region-name"));
    m_zones->setObjectName(QStringLiteral("region-zones"));
    m_zones->setRange(0, kMaxZones);
    m_zones->setSpecialValueText(tr("none"));
    m_pair->setObjectName(QStringLiteral("region-pair"));
    m_error->setObjectName(QStringLiteral("region-error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_delete->setObjectName(QStringLiteral("region-delete"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Region"), m_title);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Zones"), m_zones);
    form->addRow(tr("Pair"), m_pair);
    form->addRow(m_error);
    form->addRow(m_delete);
    connect(m_name, &QLineEdit::editingFinished, this, &RegionEditor::apply);
    connect(m_zones, &QSpinBox::valueChanged, this, &RegionEditor::apply);
    connect(m_pair, &QComboBox::currentIndexChanged, this, &RegionEditor::apply);
    connect(m_delete, &QPushButton::clicked, this, &RegionEditor::remove);
    connect(m_document, &Document::changed, this, &RegionEditor::refresh);
}

void RegionEditor::showRegion(const QString& id)
{
    m_id = id;
    m_error->clear();
    refresh();
}

QString RegionEditor::errorText() const
{
    return m_error->text();
}

void RegionEditor::refresh()
{
    const Topology& t = m_document->topology();
    const auto it = std::find_if(t.regions.begin(), t.regions.end(),
                                 [&](const Region& r) { return qstr(r.id.str()) == m_id; });
    if (it == t.regions.end()) {
        m_id.clear();
        hide();
        return;
    }
    m_refreshing = true;
    m_title->setText(QStringLiteral("<b>%1</b>").arg(m_id.toHtmlEscaped()));
    if (!m_name->hasFocus() || m_name->text() != qstr(it->name))
        m_name->setText(qstr(it->name));
    m_zones->setValue(it->zones);
    m_pair->clear();
    m_pair->addItem(tr("(none)"), QString());
    for (const Region& r : t.regions)
        if (r.id != it->id)
            m_pair->addItem(QStringLiteral("%1 (%2)").arg(qstr(r.name), qstr(r.id.str())), qstr(r.id.str()));
    m_pair->setCurrentIndex(std::max(0, m_pair->findData(it->pair ? qstr(it->pair->str()) : QString())));
    m_refreshing = false;
}

void RegionEditor::apply()
{
    if (m_refreshing || m_id.isEmpty())
        return;
    const Topology& t = m_document->topology();
    const auto it = std::find_if(t.regions.begin(), t.regions.end(),
                                 [&](const Region& r) { return qstr(r.id.str()) == m_id; });
    if (it == t.regions.end())
        return;
    Region changed = *it;
    changed.name = m_name->text().trimmed().toStdString();
    changed.zones = m_zones->value();
    const QString pair = m_pair->currentData().toString();
    changed.pair = pair.isEmpty() ? std::nullopt : std::optional<RegionId>(RegionId(pair.toStdString()));
    const QString error = changeRegion(*m_document, changed);
    m_error->setText(error);
    if (!error.isEmpty())
        refresh(); // show the values the region still has
}

void RegionEditor::remove()
{
    const QString error = removeRegion(*m_document, m_id);
    m_error->setText(error);
}

} // namespace firedrill::ui
