#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace firedrill::ui {

SettingsDialog::SettingsDialog(Theme theme, int autosaveMinutes, QWidget* parent)
    : QDialog(parent), m_theme(new QComboBox(this)), m_autosave(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->addItem(tr("Follow the system"), static_cast<int>(Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(theme)));

    m_autosave->setObjectName(QStringLiteral("autosaveMinutes"));
    m_autosave->setRange(0, 120);
    m_autosave->setSuffix(tr(" min"));
    m_autosave->setSpecialValueText(tr("Off"));
    m_autosave->setValue(autosaveMinutes);
    m_autosave->setToolTip(tr("Unsaved changes are written to a side file next to the document this often; "
                              "the document itself is never overwritten."));

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Autosave every:"), m_autosave);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

Theme SettingsDialog::theme() const
{
    return static_cast<Theme>(m_theme->currentData().toInt());
}

int SettingsDialog::autosaveMinutes() const
{
    return m_autosave->value();
}

} // namespace firedrill::ui
