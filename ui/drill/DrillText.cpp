#include "DrillText.h"

#include "core/drill/DrillRole.h"
#include "core/drill/UtcTime.h"
#include "core/io/Units.h"
#include "core/store/Provenance.h"

#include <QObject>
#include <QtGlobal>

namespace firedrill::ui {

QString approvalStateText(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Draft:
        return QObject::tr("Draft");
    case ApprovalState::InReview:
        return QObject::tr("In review");
    case ApprovalState::Approved:
        return QObject::tr("Approved");
    case ApprovalState::ChangesRequested:
        return QObject::tr("Changes requested");
    }
    return {};
}

QColor approvalStateColor(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Draft:
        return QColor(0x6b, 0x72, 0x80);
    case ApprovalState::InReview:
        return QColor(0x25, 0x63, 0xeb);
    case ApprovalState::Approved:
        return QColor(0x16, 0x85, 0x3e);
    case ApprovalState::ChangesRequested:
        return QColor(0xc2, 0x74, 0x0c);
    }
    return Qt::gray;
}

QString approvalActionText(ApprovalAction action)
{
    switch (action) {
    case ApprovalAction::Submit:
        return QObject::tr("Submitted for review");
    case ApprovalAction::Approve:
        return QObject::tr("Approved");
    case ApprovalAction::RequestChanges:
        return QObject::tr("Requested changes");
    case ApprovalAction::Withdraw:
        return QObject::tr("Withdrew");
    case ApprovalAction::Edit:
        return QObject::tr("Edited");
    }
    return {};
}

QString roleText(DrillRole role)
{
    const std::string_view label = roleLabel(role);
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

QString clockText(Duration d)
{
    return d.ms <= 0 ? QStringLiteral("—") : QString::fromStdString(formatDurationReadable(d));
}

QString utcText(std::chrono::sys_seconds t)
{
    return toDateTime(t).toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QDateTime toDateTime(std::chrono::sys_seconds t)
{
    return QDateTime::fromSecsSinceEpoch(t.time_since_epoch().count(), Qt::UTC);
}

std::chrono::sys_seconds fromDateTime(const QDateTime& t)
{
    return std::chrono::sys_seconds{std::chrono::seconds{t.toSecsSinceEpoch()}};
}

std::chrono::sys_seconds utcNow()
{
    return std::chrono::sys_seconds{std::chrono::seconds{QDateTime::currentSecsSinceEpoch()}};
}

QString osUserName()
{
    return QString::fromStdString(currentUserName());
}

} // namespace firedrill::ui
