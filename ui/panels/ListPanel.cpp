#include "ListPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

ListPanel::ListPanel(const QStringList& headers, QWidget* parent) : QWidget(parent)
{
    m_list = new QTableWidget(0, static_cast<int>(headers.size()), this);
    m_list->setHorizontalHeaderLabels(headers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setShowGrid(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Wrapped text needs new row heights whenever a column changes width (the last one stretches, so
    // this includes resizing the panel).
    connect(m_list->horizontalHeader(), &QHeaderView::sectionResized, m_list,
            [this] { m_list->resizeRowsToContents(); });

    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_list);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

int ListPanel::count() const
{
    return m_list->rowCount();
}

QString ListPanel::text(int row, int column) const
{
    const QTableWidgetItem* item = m_list->item(row, column);
    return item ? item->text() : QString();
}

QString ListPanel::placeholder() const
{
    return m_placeholder->text();
}

void ListPanel::reset(const QString& placeholder)
{
    m_list->clearContents();
    m_list->setRowCount(0);
    m_placeholder->setText(placeholder);
    m_stack->setCurrentIndex(0);
}

void ListPanel::addRow(const QStringList& cells, const QIcon& icon)
{
    const int row = m_list->rowCount();
    m_list->insertRow(row);
    for (int column = 0; column < cells.size() && column < m_list->columnCount(); ++column) {
        auto* item = new QTableWidgetItem(cells[column]);
        item->setToolTip(cells[column]);
        if (column == 0 && !icon.isNull())
            item->setIcon(icon);
        m_list->setItem(row, column, item);
    }
}

void ListPanel::refresh(int maxWidth)
{
    for (int column = 0; column + 1 < m_list->columnCount(); ++column) {
        m_list->resizeColumnToContents(column);
        m_list->setColumnWidth(column, std::min(m_list->columnWidth(column) + 12, maxWidth));
    }
    m_list->resizeRowsToContents();
    m_stack->setCurrentIndex(count() > 0 ? 1 : 0);
}

} // namespace firedrill::ui
