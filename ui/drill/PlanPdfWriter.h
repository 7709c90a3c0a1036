#pragma once

#include "core/drill/DrillPlan.h"
#include "core/drill/DrillSchedule.h"
#include "core/drill/PlanApproval.h"
#include "core/model/Result.h"

#include <QImage>
#include <QString>
#include <chrono>
#include <vector>

namespace firedrill::ui {

/// What goes into a plan's PDF besides the plan itself.
struct PlanPdfInput
{
    DrillPlan plan;
    PlanApproval approval;
    std::vector<DrillSchedule> schedules;
    QString systemName;                   ///< the topology's name, for the title page
    QImage diagram;                       ///< the topology diagram; left out when null
    std::chrono::sys_seconds generated{}; ///< when the PDF was made (UTC)
};

/// Writes a drill plan as a printable A4 PDF through Qt's own PDF writer: a title page (plan facts, review
/// state and approver, the next scheduled drill), a table of contents with page numbers, the topology
/// diagram, the expected-timeline chart, every section of the plan's HTML export (objective, scope, roles,
/// pre-checks, the runbook steps table, success criteria, failback, communication), the audit trail and a
/// sign-off block; every page has a footer with the plan title and page number. The file is written
/// atomically (QSaveFile).
class PlanPdfWriter
{
public:
    /// Writes the PDF to `path`; the error says why it could not be written.
    static Result<void> write(const PlanPdfInput& input, const QString& path);
};

} // namespace firedrill::ui
