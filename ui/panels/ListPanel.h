#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace firedrill::ui {

/// A read-only table whose last column stretches and wraps, showing a centred placeholder text while it
/// is empty. The Problems and Revisions panels build on it.
class ListPanel : public QWidget
{
    Q_OBJECT

public:
    /// A list with the given column headers.
    explicit ListPanel(const QStringList& headers, QWidget* parent = nullptr);

    /// The table widget.
    QTableWidget* list() const { return m_list; }
    /// Number of rows.
    int count() const;
    /// The text of a cell, or a null string when there is no such cell.
    QString text(int row, int column) const;
    /// The text shown while the list is empty.
    QString placeholder() const;

protected:
    /// Removes every row and sets the text shown while empty.
    void reset(const QString& placeholder);
    /// Appends a row; `icon` goes into the first cell.
    void addRow(const QStringList& cells, const QIcon& icon = {});
    /// Sizes the columns but the last to their contents (at most `maxWidth` pixels each), fits the row
    /// heights and shows the list or the placeholder, whichever applies.
    void refresh(int maxWidth = 360);

private:
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QTableWidget* m_list = nullptr;
};

} // namespace firedrill::ui
