#include "DetailsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace firedrill::ui {

namespace {

constexpr int kMinKeyWidth = 160;
constexpr int kMaxKeyWidth = 340;

} // namespace

DetailsPanel::DetailsPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("detailsPanel"));

    m_hint = new QLabel(this);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    QFont hintFont = m_hint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.4);
    m_hint->setFont(hintFont);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_subtitle = new QLabel(this);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("propertyTable"));
    m_table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Wrapped values need new row heights whenever a column changes width.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table,
            [this] { m_table->resizeRowsToContents(); });

    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(8);
    layout->addWidget(m_table, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hint);
    m_stack->addWidget(page);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    showHint(QString());
}

void DetailsPanel::showSheet(const PropertySheet& sheet)
{
    m_title->setText(sheet.title);
    m_subtitle->setText(sheet.subtitle);
    m_subtitle->setVisible(!sheet.subtitle.isEmpty());

    m_table->clearContents();
    m_table->clearSpans();
    m_table->setRowCount(static_cast<int>(sheet.rows.size()));
    QFont headingFont = m_table->font();
    headingFont.setBold(true);
    int row = 0;
    for (const PropertyRow& property : sheet.rows) {
        auto* key = new QTableWidgetItem(property.key);
        key->setToolTip(property.key);
        if (property.heading) {
            key->setFont(headingFont);
            key->setBackground(palette().brush(QPalette::Button));
            m_table->setItem(row, 0, key);
            m_table->setSpan(row, 0, 1, 2);
        } else {
            key->setForeground(palette().brush(QPalette::PlaceholderText));
            auto* value = new QTableWidgetItem(property.value);
            value->setToolTip(property.value);
            m_table->setItem(row, 0, key);
            m_table->setItem(row, 1, value);
        }
        ++row;
    }
    fitKeyColumn();
    m_stack->setCurrentIndex(1);
}

void DetailsPanel::showHint(const QString& hint)
{
    m_hint->setText(hint);
    m_title->clear();
    m_subtitle->clear();
    m_table->clearContents();
    m_table->clearSpans();
    m_table->setRowCount(0);
    m_stack->setCurrentIndex(0);
}

QString DetailsPanel::title() const
{
    return m_title->text();
}

QString DetailsPanel::valueOf(const QString& key) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* k = m_table->item(row, 0);
        const QTableWidgetItem* v = m_table->item(row, 1);
        if (k && v && k->text() == key)
            return v->text();
    }
    return {};
}

QString DetailsPanel::hint() const
{
    return m_hint->text();
}

void DetailsPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_table->resizeRowsToContents();
}

void DetailsPanel::fitKeyColumn()
{
    int width = kMinKeyWidth;
    const QFontMetrics metrics(m_table->font());
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (const QTableWidgetItem* key = m_table->item(row, 0); key && m_table->columnSpan(row, 0) == 1)
            width = std::max(width, metrics.horizontalAdvance(key->text()) + 28);
    m_table->setColumnWidth(0, std::min(width, kMaxKeyWidth));
    m_table->resizeRowsToContents();
}

} // namespace firedrill::ui
