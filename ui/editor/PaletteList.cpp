#include "PaletteList.h"

#include "KindIcons.h"
#include "core/model/EnumNames.h"
#include "ui/common/DisplayText.h"

#include <QMimeData>

namespace firedrill::ui {

const QString PaletteList::kMimeType = QStringLiteral("application/x-firedrill-kind");

PaletteList::PaletteList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setIconSize(QSize(28, 28));
    setSpacing(2);
    setUniformItemSizes(true);
    for (ComponentKind kind : allKinds()) {
        auto* item = new QListWidgetItem(kindIcon(kind), kindText(kind), this);
        item->setData(Qt::UserRole, static_cast<int>(kind));
        item->setToolTip(tr("Drag onto a region, zone or site to add a %1").arg(kindText(kind)));
    }
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit kindActivated(kindAt(row(item))); });
}

ComponentKind PaletteList::kindAt(int row) const
{
    const QListWidgetItem* it = item(row);
    return it ? static_cast<ComponentKind>(it->data(Qt::UserRole).toInt()) : ComponentKind::AppService;
}

QStringList PaletteList::mimeTypes() const
{
    return {kMimeType};
}

QMimeData* PaletteList::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    const std::string_view name = kindName(kindAt(row(items.first())));
    mime->setData(kMimeType, QByteArray(name.data(), static_cast<qsizetype>(name.size())));
    return mime;
}

} // namespace firedrill::ui
