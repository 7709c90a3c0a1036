#include "UnitField.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace firedrill::ui {

UnitField::UnitField(const QString& name, std::function<QString(const QString&)> check, QWidget* parent)
    : QWidget(parent), m_check(std::move(check)), m_edit(new QLineEdit(this)), m_error(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit->setObjectName(QStringLiteral("field-%1").arg(name));
    m_edit->setClearButtonEnabled(true);
    m_error->setObjectName(QStringLiteral("error-%1").arg(name));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    connect(m_edit, &QLineEdit::editingFinished, this, &UnitField::finish);
}

void UnitField::setText(const QString& text)
{
    m_shown = text;
    m_edit->setText(text);
    m_edit->setStyleSheet({});
    m_error->clear();
    m_error->hide();
}

QString UnitField::text() const
{
    return m_edit->text();
}

QString UnitField::error() const
{
    return m_error->text();
}

bool UnitField::validate()
{
    const QString text = m_edit->text().trimmed();
    setError(text.isEmpty() ? QString() : m_check(text));
    return m_error->text().isEmpty();
}

void UnitField::setError(const QString& reason)
{
    if (!reason.isEmpty()) {
        m_error->setText(reason);
        m_error->show();
        m_edit->setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
        return;
    }
    m_error->clear();
    m_error->hide();
    m_edit->setStyleSheet({});
}

void UnitField::finish()
{
    if (!validate())
        return;
    const QString text = m_edit->text().trimmed();
    if (text != m_shown) {
        m_shown = text;
        emit committed(text);
    }
}

} // namespace firedrill::ui
