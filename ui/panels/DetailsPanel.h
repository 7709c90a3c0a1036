#pragma once

#include "PropertySheet.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace firedrill::ui {

/// The read-only details pane: a title, a subtitle and a key/value table of the selected item's
/// properties, or a centred hint when there is nothing to show.
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget* parent = nullptr);

    /// Shows `sheet`, replacing whatever was shown.
    void showSheet(const PropertySheet& sheet);
    /// Shows only a centred hint, such as "Open a workspace (Ctrl+O)".
    void showHint(const QString& hint);

    /// The title currently shown (empty while a hint is shown).
    QString title() const;
    /// The value shown for `key`, or a null string when there is no such row.
    QString valueOf(const QString& key) const;
    /// The text of the hint label.
    QString hint() const;
    /// The property table, for tests and later for copying.
    QTableWidget* table() const { return m_table; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitKeyColumn();

    QStackedWidget* m_stack = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace firedrill::ui
