#include "StepDialog.h"

#include "DrillText.h"
#include "core/drill/DrillRole.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace firedrill::ui {

StepDialog::StepDialog(const RunbookStep& step, QWidget* parent) : QDialog(parent), m_step(step)
{
    setWindowTitle(step.title.empty() ? tr("New step") : tr("Step %1").arg(step.number));
    setObjectName(QStringLiteral("stepDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_title = new QLineEdit(qstr(step.title), this);
    m_title->setObjectName(QStringLiteral("stepTitle"));
    m_detail = new QPlainTextEdit(qstr(step.detail), this);
    m_detail->setObjectName(QStringLiteral("stepDetail"));
    m_detail->setFixedHeight(80);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("stepOwner"));
    for (const DrillRole role : allRoles()) {
        m_owner->addItem(roleText(role), static_cast<int>(role));
        if (role == step.owner)
            m_owner->setCurrentIndex(m_owner->count() - 1);
    }
    m_duration = new QLineEdit(qstr(formatDuration(step.expectedDuration)), this);
    m_duration->setObjectName(QStringLiteral("stepDuration"));
    m_elapsed = new QLineEdit(qstr(formatDuration(step.expectedElapsed)), this);
    m_elapsed->setObjectName(QStringLiteral("stepElapsed"));
    m_done = new QLineEdit(qstr(step.doneSignal), this);
    m_done->setObjectName(QStringLiteral("stepDoneSignal"));
    m_onFailure = new QLineEdit(qstr(step.onFailure), this);
    m_onFailure->setObjectName(QStringLiteral("stepOnFailure"));
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Detail:"), m_detail);
    form->addRow(tr("Owner:"), m_owner);
    form->addRow(tr("Expected duration:"), m_duration);
    form->addRow(tr("Expected elapsed:"), m_elapsed);
    form->addRow(tr("Done when:"), m_done);
    form->addRow(tr("If it fails:"), m_onFailure);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &StepDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
}

void StepDialog::tryAccept()
{
    const QString title = m_title->text().trimmed();
    if (title.isEmpty()) {
        m_error->setText(tr("A step needs a title."));
        return;
    }
    auto duration = parseDuration(m_duration->text().trimmed().toStdString());
    auto elapsed = parseDuration(m_elapsed->text().trimmed().toStdString());
    if (!duration || !elapsed) {
        m_error->setText(tr("Write times as in topology files, for example 90s, 15m or 1h30m: %1")
                             .arg(qstr((!duration ? duration.error() : elapsed.error()).message)));
        return;
    }
    m_step.title = title.toStdString();
    m_step.detail = m_detail->toPlainText().trimmed().toStdString();
    m_step.owner = static_cast<DrillRole>(m_owner->currentData().toInt());
    m_step.expectedDuration = *duration;
    m_step.expectedElapsed = *elapsed;
    m_step.doneSignal = m_done->text().trimmed().toStdString();
    m_step.onFailure = m_onFailure->text().trimmed().toStdString();
    accept();
}

} // namespace firedrill::ui
