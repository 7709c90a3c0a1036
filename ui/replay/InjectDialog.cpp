#include "InjectDialog.h"

#include "core/io/Units.h"
#include "ui/common/DisplayText.h"
#include "ui/panels/UnitField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace firedrill::ui {

InjectDialog::InjectDialog(qint64 durationMs, QWidget* parent) : QDialog(parent), m_duration(durationMs)
{
    setObjectName(QStringLiteral("injectDialog"));
    setWindowTitle(tr("Inject"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    m_time = new UnitField(
        QStringLiteral("time"),
        [durationMs](const QString& text) {
            const auto parsed = parseDuration(text.toStdString());
            if (!parsed)
                return qstr(parsed.error().message);
            if (parsed->ms < 0 || parsed->ms > durationMs)
                return tr("must be within the scenario (0 to %1)").arg(durationText(Duration{durationMs}));
            return QString();
        },
        this);
    m_time->lineEdit()->setPlaceholderText(tr("e.g. 25m"));
    form->addRow(tr("Pause after:"), m_time);
    auto* promptBox = new QWidget(this);
    auto* promptLayout = new QVBoxLayout(promptBox);
    promptLayout->setContentsMargins(0, 0, 0, 0);
    m_prompt = new QPlainTextEdit(promptBox);
    m_prompt->setObjectName(QStringLiteral("promptEdit"));
    m_prompt->setPlaceholderText(
        tr("What the team is asked, e.g. \"The primary is unreachable. What do you do now?\""));
    m_prompt->setMinimumHeight(100);
    m_promptError = new QLabel(promptBox);
    m_promptError->setObjectName(QStringLiteral("promptError"));
    m_promptError->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_promptError->hide();
    promptLayout->addWidget(m_prompt);
    promptLayout->addWidget(m_promptError);
    form->addRow(tr("Prompt:"), promptBox);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &InjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

void InjectDialog::setInject(const Inject& inject)
{
    m_inject = inject;
    m_time->setText(qstr(formatDuration(inject.at)));
    m_prompt->setPlainText(qstr(inject.prompt));
}

void InjectDialog::accept()
{
    bool ok = m_time->validate();
    if (ok && m_time->text().trimmed().isEmpty()) {
        m_time->setError(tr("a time is needed"));
        ok = false;
    }
    const QString prompt = m_prompt->toPlainText().trimmed();
    m_promptError->setVisible(prompt.isEmpty());
    m_promptError->setText(prompt.isEmpty() ? tr("a prompt is needed: what should the team answer?")
                                            : QString());
    if (!ok || prompt.isEmpty())
        return;
    m_inject.at = *parseDuration(m_time->text().trimmed().toStdString());
    m_inject.prompt = prompt.toStdString();
    QDialog::accept();
}

} // namespace firedrill::ui
