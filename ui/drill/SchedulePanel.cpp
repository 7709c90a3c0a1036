#include "SchedulePanel.h"

#include "DrillBook.h"
#include "DrillText.h"
#include "core/drill/DrillRole.h"
#include "ui/common/DisplayText.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace firedrill::ui {

namespace {

std::optional<DrillRole> roleFromText(const QString& text)
{
    const QString wanted = text.trimmed().toLower();
    for (const DrillRole role : allRoles())
        if (roleText(role).toLower() == wanted ||
            QString::fromLatin1(roleName(role).data(), static_cast<qsizetype>(roleName(role).size())) ==
                QString(wanted).replace(QLatin1Char(' '), QLatin1Char('-')))
            return role;
    return std::nullopt;
}

} // namespace

SchedulePanel::SchedulePanel(DrillBook* book, QWidget* parent) : QWidget(parent), m_book(book)
{
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<b>Schedules of this plan</b>"), this));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("scheduleList"));
    left->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    m_new = new QPushButton(tr("New schedule"), this);
    m_new->setObjectName(QStringLiteral("newSchedule"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeSchedule"));
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 2);

    auto* right = new QVBoxLayout;
    auto* form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("scheduleTitle"));
    m_start = new QDateTimeEdit(this);
    m_start->setObjectName(QStringLiteral("scheduleStart"));
    m_start->setTimeSpec(Qt::UTC);
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_start->setCalendarPopup(true);
    m_recurrence = new QLineEdit(QStringLiteral("quarterly on the first tuesday"), this);
    m_recurrence->setObjectName(QStringLiteral("scheduleRecurrence"));
    m_recurrence->setToolTip(
        tr("once · monthly on day 15 · quarterly on the first tuesday · every 2 months on the "
           "last friday · yearly on day 1 for 3 drills"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("recurrencePreview"));
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setWordWrap(true);
    m_length = new QSpinBox(this);
    m_length->setObjectName(QStringLiteral("scheduleLength"));
    m_length->setRange(15, 24 * 60);
    m_length->setSingleStep(15);
    m_length->setValue(240);
    m_length->setSuffix(tr(" min"));
    m_location = new QLineEdit(this);
    m_location->setObjectName(QStringLiteral("scheduleLocation"));
    m_location->setPlaceholderText(tr("bridge, room or call link"));
    m_participants = new QPlainTextEdit(this);
    m_participants->setObjectName(QStringLiteral("scheduleParticipants"));
    m_participants->setPlaceholderText(
        tr("One a line: Name <email>, role\nAda Lovelace <ada@example.org>, incident commander"));
    m_participants->setFixedHeight(110);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("First drill:"), m_start);
    form->addRow(tr("Repeats:"), m_recurrence);
    form->addRow(tr("Next drills:"), m_preview);
    form->addRow(tr("Length:"), m_length);
    form->addRow(tr("Where:"), m_location);
    form->addRow(tr("Participants:"), m_participants);
    right->addLayout(form);
    m_save = new QPushButton(tr("Save schedule"), this);
    m_save->setObjectName(QStringLiteral("saveSchedule"));
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    right->addLayout(saveRow);
    right->addStretch(1);
    layout->addLayout(right, 3);

    const QDate next = QDate::currentDate().addMonths(1);
    m_start->setDateTime(QDateTime(QDate(next.year(), next.month(), 1), QTime(9, 0), Qt::UTC));
    connect(m_recurrence, &QLineEdit::textChanged, this, &SchedulePanel::updatePreview);
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, &SchedulePanel::updatePreview);
    connect(m_list, &QListWidget::currentRowChanged, this, &SchedulePanel::showSchedule);
    connect(m_save, &QPushButton::clicked, this, &SchedulePanel::save);
    connect(m_remove, &QPushButton::clicked, this, &SchedulePanel::remove);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        m_editing.clear();
        m_title->setText(qstr(m_book->plan().title));
    });
    connect(m_book, &DrillBook::currentChanged, this, &SchedulePanel::refresh);
    refresh();
}

Result<std::vector<Participant>> SchedulePanel::parseParticipants(const QString& text)
{
    static const QRegularExpression email(QStringLiteral("<([^>]*)>"));
    std::vector<Participant> out;
    int line = 0;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        ++line;
        QString rest = raw.trimmed();
        if (rest.isEmpty())
            continue;
        Participant p;
        const auto m = email.match(rest);
        if (m.hasMatch()) {
            p.email = m.captured(1).trimmed().toStdString();
            rest.remove(m.capturedStart(), m.capturedLength());
        }
        const qsizetype comma = rest.lastIndexOf(QLatin1Char(','));
        if (comma >= 0) {
            const QString roleWords = rest.mid(comma + 1).trimmed();
            const auto role = roleFromText(roleWords);
            if (!role && !roleWords.isEmpty())
                return Error{"bad-participant",
                             tr("Line %1: \"%2\" is not a drill role (incident commander, dba, "
                                "network, application owner, communications, observer).")
                                 .arg(line)
                                 .arg(roleWords)
                                 .toStdString()};
            p.role = role.value_or(DrillRole::Observer);
            rest = rest.left(comma);
        }
        p.name = rest.trimmed().toStdString();
        if (p.name.empty())
            return Error{"bad-participant", tr("Line %1 has no name.").arg(line).toStdString()};
        out.push_back(std::move(p));
    }
    return out;
}

Result<DrillSchedule> SchedulePanel::formSchedule() const
{
    auto recurrence = parseRecurrence(m_recurrence->text().toStdString());
    if (!recurrence)
        return recurrence.error();
    auto people = parseParticipants(m_participants->toPlainText());
    if (!people)
        return people.error();
    DrillSchedule s;
    s.planId = m_book->currentId();
    s.id = m_editing;
    s.title = m_title->text().trimmed().toStdString();
    if (s.title.empty())
        s.title = m_book->plan().title;
    s.description = m_book->plan().objective.statement;
    s.start = fromDateTime(m_start->dateTime());
    s.recurrence = *recurrence;
    s.length = Duration::minutes(m_length->value());
    s.location = m_location->text().trimmed().toStdString();
    s.participants = std::move(*people);
    return s;
}

void SchedulePanel::updatePreview()
{
    auto s = formSchedule();
    if (!s) {
        m_preview->setText(QStringLiteral("<span style=\"color:#b91c1c\">%1</span>")
                               .arg(qstr(s.error().message).toHtmlEscaped()));
        return;
    }
    const auto times = nextOccurrences(*s, s->start - std::chrono::seconds{1}, 5);
    QStringList lines;
    for (const auto t : times)
        lines << toDateTime(t).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm 'UTC'"));
    m_preview->setText(lines.isEmpty() ? tr("This recurrence never falls.")
                                       : lines.join(QStringLiteral("<br/>")));
}

void SchedulePanel::refresh()
{
    const bool has = !m_book->currentId().empty();
    const bool writable = has && m_book->isWritable();
    m_save->setEnabled(writable);
    m_new->setEnabled(writable);
    m_remove->setEnabled(writable && !m_book->schedules().empty());
    const QSignalBlocker block(m_list);
    m_list->clear();
    int select = -1;
    for (const DrillSchedule& s : m_book->schedules()) {
        const auto first = firstOccurrence(s);
        m_list->addItem(QStringLiteral("%1 — %2, from %3")
                            .arg(qstr(s.title), qstr(formatRecurrence(s.recurrence)),
                                 first ? utcText(*first) : tr("never")));
        if (s.id == m_editing)
            select = m_list->count() - 1;
    }
    if (select < 0 && m_list->count() > 0)
        select = 0;
    m_list->setCurrentRow(select);
    if (select >= 0)
        showSchedule(select);
    else {
        m_editing.clear();
        m_title->setText(qstr(m_book->plan().title));
    }
    updatePreview();
}

void SchedulePanel::showSchedule(int row)
{
    if (row < 0 || row >= static_cast<int>(m_book->schedules().size()))
        return;
    const DrillSchedule& s = m_book->schedules()[static_cast<std::size_t>(row)];
    m_editing = s.id;
    m_title->setText(qstr(s.title));
    m_start->setDateTime(toDateTime(s.start));
    m_recurrence->setText(qstr(formatRecurrence(s.recurrence)));
    m_length->setValue(static_cast<int>(s.length.ms / 60000));
    m_location->setText(qstr(s.location));
    QStringList lines;
    for (const Participant& p : s.participants)
        lines << QStringLiteral("%1%2, %3")
                     .arg(qstr(p.name),
                          p.email.empty() ? QString() : QStringLiteral(" <%1>").arg(qstr(p.email)),
                          roleText(p.role).toLower());
    m_participants->setPlainText(lines.join(QLatin1Char('\n')));
}

void SchedulePanel::save()
{
    auto s = formSchedule();
    if (!s) {
        emit m_book->failed(qstr(s.error().message));
        return;
    }
    if (s->id.empty()) {
        int n = 1;
        auto taken = [&](const std::string& id) {
            for (const DrillSchedule& other : m_book->allSchedules())
                if (other.id == id)
                    return true;
            return false;
        };
        do
            s->id = m_book->currentId() + "-schedule-" + std::to_string(n++);
        while (taken(s->id));
    }
    m_editing = s->id;
    (void)m_book->saveSchedule(*s);
}

void SchedulePanel::remove()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_book->schedules().size()))
        return;
    const std::string id = m_book->schedules()[static_cast<std::size_t>(row)].id;
    m_editing.clear();
    (void)m_book->removeSchedule(id);
}

} // namespace firedrill::ui
