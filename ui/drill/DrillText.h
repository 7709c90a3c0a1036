#pragma once

#include "core/drill/DrillPlan.h"
#include "core/drill/PlanApproval.h"
#include "core/model/Quantity.h"

#include <QColor>
#include <QDateTime>
#include <QString>
#include <chrono>

namespace firedrill::ui {

/// "Draft", "In review", "Approved", "Changes requested".
QString approvalStateText(ApprovalState state);
/// The badge colour of a review state (grey, blue, green, amber).
QColor approvalStateColor(ApprovalState state);
/// "Submit", "Approve", "Request changes", "Withdraw", "Edit".
QString approvalActionText(ApprovalAction action);
/// A role's label, e.g. "Incident commander".
QString roleText(DrillRole role);
/// A duration for people ("45s", "1h 40m"), "—" for zero.
QString clockText(Duration d);
/// A UTC time for display: "2027-01-05 09:00 UTC".
QString utcText(std::chrono::sys_seconds t);
/// The QDateTime (UTC) of a time point, and back.
QDateTime toDateTime(std::chrono::sys_seconds t);
/// The time point of a QDateTime, taken as UTC.
std::chrono::sys_seconds fromDateTime(const QDateTime& t);
/// Now, to the second (the GUI's clock; core takes times from its callers).
std::chrono::sys_seconds utcNow();
/// The login name of the user running Firedrill, the default "who" of approvals.
QString osUserName();

} // namespace firedrill::ui
