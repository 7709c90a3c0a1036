#include "RecordPanel.h"

#include "DrillBook.h"
#include "DrillText.h"
#include "core/drill/AfterActionReport.h"
#include "core/drill/RecordComparison.h"
#include "core/drill/UtcTime.h"
#include "core/io/Units.h"
#include "ui/common/DisplayText.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

enum Column { Number, Title, Expected, Started, Finished, Outcome, Note };

Result<std::optional<Duration>> optionalDuration(const QString& text, const QString& what)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::optional<Duration>{};
    auto d = parseDuration(t.toStdString());
    if (!d)
        return Error{"bad-time", QObject::tr("%1: %2").arg(what, qstr(d.error().message)).toStdString()};
    return std::optional<Duration>{*d};
}

QString durationField(const std::optional<Duration>& d)
{
    return d ? qstr(formatDuration(*d)) : QString();
}

QStringList lines(const QPlainTextEdit* edit)
{
    QStringList out;
    for (const QString& l : edit->toPlainText().split(QLatin1Char('\n')))
        if (!l.trimmed().isEmpty())
            out << l.trimmed();
    return out;
}

} // namespace

RecordPanel::RecordPanel(DrillBook* book, QWidget* parent) : QWidget(parent), m_book(book)
{
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split);
    auto* left = new QWidget(split);
    auto* form = new QVBoxLayout(left);
    form->setContentsMargins(0, 0, 0, 0);
    auto* top = new QFormLayout;
    m_chooser = new QComboBox(left);
    m_chooser->setObjectName(QStringLiteral("recordChooser"));
    m_faultStart = new QDateTimeEdit(left);
    m_faultStart->setObjectName(QStringLiteral("recordFaultStart"));
    m_faultStart->setTimeSpec(Qt::UTC);
    m_faultStart->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_faultStart->setCalendarPopup(true);
    top->addRow(tr("Record:"), m_chooser);
    top->addRow(tr("Fault injected at:"), m_faultStart);
    form->addLayout(top);
    m_steps = new QTableWidget(0, 7, left);
    m_steps->setObjectName(QStringLiteral("recordSteps"));
    m_steps->setHorizontalHeaderLabels(
        {tr("#"), tr("Step"), tr("Expected"), tr("Started"), tr("Finished"), tr("Outcome"), tr("Note")});
    m_steps->verticalHeader()->hide();
    m_steps->setWordWrap(false);
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->setColumnWidth(Number, 32);
    m_steps->setColumnWidth(Title, 260);
    m_steps->setColumnWidth(Expected, 80);
    m_steps->setColumnWidth(Started, 70);
    m_steps->setColumnWidth(Finished, 70);
    m_steps->setColumnWidth(Outcome, 90);
    m_steps->setToolTip(tr("Started and finished count from the fault, e.g. 12m or 1h5m."));
    form->addWidget(m_steps, 1);
    auto* more = new QFormLayout;
    m_rto = new QLineEdit(left);
    m_rto->setObjectName(QStringLiteral("recordRto"));
    m_rto->setPlaceholderText(tr("e.g. 47m (empty: from the recovery steps)"));
    m_rpo = new QLineEdit(left);
    m_rpo->setObjectName(QStringLiteral("recordRpo"));
    m_rpo->setPlaceholderText(tr("window of data lost, e.g. 30s"));
    m_observations = new QPlainTextEdit(left);
    m_observations->setObjectName(QStringLiteral("recordObservations"));
    m_issues = new QPlainTextEdit(left);
    m_issues->setObjectName(QStringLiteral("recordIssues"));
    m_actions = new QPlainTextEdit(left);
    m_actions->setObjectName(QStringLiteral("recordActions"));
    m_actions->setPlaceholderText(tr("One a line: title; owner; due date; done"));
    for (QPlainTextEdit* e : {m_observations, m_issues, m_actions})
        e->setFixedHeight(54);
    more->addRow(tr("Measured RTO:"), m_rto);
    more->addRow(tr("Measured RPO:"), m_rpo);
    more->addRow(tr("Observations:"), m_observations);
    more->addRow(tr("Issues found:"), m_issues);
    more->addRow(tr("Action items:"), m_actions);
    form->addLayout(more);
    m_save = new QPushButton(tr("Save record"), left);
    m_save->setObjectName(QStringLiteral("saveRecord"));
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    form->addLayout(saveRow);
    m_report = new QTextBrowser(split);
    m_report->setObjectName(QStringLiteral("afterActionReport"));
    split->addWidget(left);
    split->addWidget(m_report);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_faultStart->setDateTime(QDateTime::currentDateTimeUtc());
    connect(m_chooser, &QComboBox::currentIndexChanged, this, &RecordPanel::showRecord);
    connect(m_save, &QPushButton::clicked, this, &RecordPanel::save);
    connect(m_book, &DrillBook::currentChanged, this, &RecordPanel::refresh);
    refresh();
}

void RecordPanel::refresh()
{
    const bool has = !m_book->currentId().empty();
    m_save->setEnabled(has && m_book->isWritable());
    const QSignalBlocker block(m_chooser);
    m_chooser->clear();
    int select = 0;
    for (const StoredRecord& r : m_book->records()) {
        m_chooser->addItem(
            tr("Drill of %1 (revision %2)").arg(utcText(r.record.faultStart)).arg(r.record.planRevision),
            QVariant::fromValue<qint64>(r.id));
        if (m_editing && *m_editing == r.id)
            select = m_chooser->count() - 1;
    }
    m_chooser->addItem(tr("New record"), QVariant());
    if (!m_editing)
        select = m_chooser->count() - 1;
    m_chooser->setCurrentIndex(select);
    showRecord(select);
}

void RecordPanel::showRecord(int index)
{
    const DrillRecord* record = nullptr;
    m_editing.reset();
    if (index >= 0 && index < static_cast<int>(m_book->records().size())) {
        const StoredRecord& stored = m_book->records()[static_cast<std::size_t>(index)];
        m_editing = stored.id;
        record = &stored.record;
    }
    if (record)
        m_faultStart->setDateTime(toDateTime(record->faultStart));
    m_rto->setText(record ? durationField(record->measuredRto) : QString());
    m_rpo->setText(record ? durationField(record->measuredRpo) : QString());
    m_observations->setPlainText(record ? qstr([&] {
                                              std::string all;
                                              for (const auto& o : record->observations)
                                                  all += o + "\n";
                                              return all;
                                          }())
                                              .trimmed()
                                        : QString());
    m_issues->setPlainText(record ? qstr([&] {
                                        std::string all;
                                        for (const auto& o : record->issues)
                                            all += o + "\n";
                                        return all;
                                    }())
                                        .trimmed()
                                  : QString());
    QStringList items;
    if (record)
        for (const ActionItem& a : record->actionItems)
            items << QStringLiteral("%1; %2; %3%4")
                         .arg(qstr(a.title), qstr(a.owner), a.due ? qstr(formatDate(*a.due)) : QString(),
                              a.done ? QStringLiteral("; done") : QString());
    m_actions->setPlainText(items.join(QLatin1Char('\n')));
    fillSteps(record);
    updateReport();
}

void RecordPanel::fillSteps(const DrillRecord* record)
{
    const DrillPlan& plan = m_book->plan();
    const bool has = !m_book->currentId().empty();
    m_steps->setRowCount(has ? static_cast<int>(plan.steps.size()) : 0);
    for (int r = 0; has && r < static_cast<int>(plan.steps.size()); ++r) {
        const RunbookStep& s = plan.steps[static_cast<std::size_t>(r)];
        const StepRecord* sr = nullptr;
        if (record)
            for (const StepRecord& x : record->steps)
                if (x.step == s.number)
                    sr = &x;
        auto fixed = [&](int c, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_steps->setItem(r, c, item);
        };
        fixed(Number, QString::number(s.number));
        fixed(Title, qstr(s.title));
        fixed(Expected, clockText(s.expectedElapsed));
        m_steps->setItem(r, Started, new QTableWidgetItem(sr ? durationField(sr->started) : QString()));
        m_steps->setItem(r, Finished, new QTableWidgetItem(sr ? durationField(sr->finished) : QString()));
        m_steps->setItem(r, Note, new QTableWidgetItem(sr ? qstr(sr->note) : QString()));
        // Reuse the row's outcome box: a replaced cell widget would linger until deleted later.
        auto* outcome = qobject_cast<QComboBox*>(m_steps->cellWidget(r, Outcome));
        if (!outcome) {
            outcome = new QComboBox(m_steps);
            outcome->addItem(QStringLiteral("—"), -1);
            for (const StepOutcome o : {StepOutcome::Done, StepOutcome::Failed, StepOutcome::Skipped})
                outcome->addItem(qstr(std::string(outcomeName(o))), static_cast<int>(o));
            m_steps->setCellWidget(r, Outcome, outcome);
        }
        outcome->setCurrentIndex(sr ? static_cast<int>(sr->outcome) + 1 : 0);
    }
}

Result<DrillRecord> RecordPanel::formRecord() const
{
    DrillRecord r;
    r.planId = m_book->currentId();
    r.planRevision = m_book->approval().revision();
    r.faultStart = fromDateTime(m_faultStart->dateTime());
    for (int row = 0; row < m_steps->rowCount(); ++row) {
        const int number = m_steps->item(row, Number)->text().toInt();
        auto started =
            optionalDuration(m_steps->item(row, Started)->text(), tr("Step %1, started").arg(number));
        auto finished =
            optionalDuration(m_steps->item(row, Finished)->text(), tr("Step %1, finished").arg(number));
        if (!started)
            return started.error();
        if (!finished)
            return finished.error();
        const auto* outcome = qobject_cast<const QComboBox*>(m_steps->cellWidget(row, Outcome));
        const int chosen = outcome ? outcome->currentData().toInt() : -1;
        const QString note = m_steps->item(row, Note)->text().trimmed();
        if (!*started && !*finished && chosen < 0 && note.isEmpty())
            continue;
        r.steps.push_back(StepRecord{number, *started, *finished,
                                     chosen < 0 ? StepOutcome::Done : static_cast<StepOutcome>(chosen),
                                     note.toStdString()});
    }
    auto rto = optionalDuration(m_rto->text(), tr("Measured RTO"));
    auto rpo = optionalDuration(m_rpo->text(), tr("Measured RPO"));
    if (!rto)
        return rto.error();
    if (!rpo)
        return rpo.error();
    r.measuredRto = *rto;
    r.measuredRpo = *rpo;
    for (const QString& l : lines(m_observations))
        r.observations.push_back(l.toStdString());
    for (const QString& l : lines(m_issues))
        r.issues.push_back(l.toStdString());
    for (const QString& l : lines(m_actions)) {
        const QStringList parts = l.split(QLatin1Char(';'));
        ActionItem a;
        a.title = parts.value(0).trimmed().toStdString();
        a.owner = parts.value(1).trimmed().toStdString();
        const QString due = parts.value(2).trimmed();
        if (!due.isEmpty()) {
            auto when = parseUtc(due.toStdString());
            if (!when)
                return Error{"bad-date", tr("Action item \"%1\": %2")
                                             .arg(qstr(a.title), qstr(when.error().message))
                                             .toStdString()};
            a.due = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(*when)};
        }
        a.done = parts.value(3).trimmed().compare(QStringLiteral("done"), Qt::CaseInsensitive) == 0;
        r.actionItems.push_back(std::move(a));
    }
    return r;
}

void RecordPanel::updateReport()
{
    if (!m_editing) {
        m_report->setMarkdown(
            m_book->currentId().empty()
                ? QString()
                : tr("## After-action report\n\nSave the record of a drill to see its report: each "
                     "step expected against actual, the RTO and RPO against the policy, and the "
                     "action items."));
        return;
    }
    for (const StoredRecord& s : m_book->records())
        if (s.id == *m_editing) {
            auto comparison = compareRecord(m_book->plan(), s.record);
            m_report->setMarkdown(comparison ? qstr(afterActionReport(m_book->plan(), s.record, *comparison))
                                             : qstr(comparison.error().message));
        }
}

void RecordPanel::save()
{
    auto r = formRecord();
    if (!r) {
        emit m_book->failed(qstr(r.error().message));
        return;
    }
    if (auto id = m_book->saveRecord(*r, m_editing))
        m_editing = *id;
    refresh();
}

} // namespace firedrill::ui
