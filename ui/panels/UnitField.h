#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;

namespace firedrill::ui {

/// A line edit for a value with units ("30s", "99.95%", "3TB") and, under it, the reason in red when the
/// typed text is refused. The check comes from core/io/Units.h; nothing is committed while it fails.
class UnitField : public QWidget
{
    Q_OBJECT

public:
    /// `check` returns the reason a text is refused, or an empty string when it is fine (empty text is
    /// always fine: it means "not set").
    UnitField(const QString& name, std::function<QString(const QString&)> check, QWidget* parent = nullptr);

    /// Shows `text` without committing it; clears any error.
    void setText(const QString& text);
    /// The text typed.
    QString text() const;
    /// The reason shown in red, or empty.
    QString error() const;
    /// Checks the text typed now and shows or clears the reason, without committing; true when accepted.
    bool validate();
    /// Shows `reason` in red under the field (a check that involves other fields); empty clears it.
    void setError(const QString& reason);
    /// The line edit (named "field-<name>").
    QLineEdit* lineEdit() const { return m_edit; }

signals:
    /// Editing finished with an accepted text that differs from the last one shown.
    void committed(const QString& text);

private:
    void finish();

    std::function<QString(const QString&)> m_check;
    QLineEdit* m_edit = nullptr;
    QLabel* m_error = nullptr;
    QString m_shown;
};

} // namespace firedrill::ui
