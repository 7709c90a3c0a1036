#include "ShortcutSheet.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace firedrill::ui {

namespace {

QString plain(QString text)
{
    return text.remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed();
}

struct Row
{
    QString menu;
    QString command;
    QString keys;
};

/// Adds the rows of `menu` (and its sub-menus) under the path `path`.
void collect(const QMenu* menu, const QString& path, std::vector<Row>& rows, std::set<const QAction*>& seen)
{
    for (QAction* action : menu->actions()) {
        if (QMenu* sub = action->menu()) {
            collect(sub, path + QStringLiteral(" ▸ ") + plain(sub->title()), rows, seen);
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty() || !seen.insert(action).second)
            continue;
        QStringList keys;
        for (const QKeySequence& key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        rows.push_back({path, plain(action->text()), keys.join(QStringLiteral("  or  "))});
    }
}

} // namespace

ShortcutSheet::ShortcutSheet(QWidget* window, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    std::vector<Row> rows;
    std::set<const QAction*> seen;
    if (const auto* bar = window->findChild<QMenuBar*>())
        for (QAction* top : bar->actions())
            if (const QMenu* menu = top->menu())
                collect(menu, plain(menu->title()), rows, seen);
    // Actions that live only on the window (not in a menu), such as page switches.
    for (QAction* action : window->actions())
        if (!action->shortcuts().isEmpty() && seen.insert(action).second)
            rows.push_back({tr("Window"), plain(action->text()),
                            action->shortcut().toString(QKeySequence::NativeText)});

    m_table = new QTableWidget(static_cast<int>(rows.size()), 3, this);
    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const Row& row = rows[static_cast<std::size_t>(i)];
        m_table->setItem(i, 0, new QTableWidgetItem(row.menu));
        m_table->setItem(i, 1, new QTableWidgetItem(row.command));
        m_table->setItem(i, 2, new QTableWidgetItem(row.keys));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 560);
}

} // namespace firedrill::ui
