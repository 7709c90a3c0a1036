#pragma once

#include "PlanPdfWriter.h"
#include "core/model/Result.h"

#include <QString>

namespace firedrill::ui {

/// The files a drill plan can be exported to.
enum class PlanFormat { Markdown, Html, Yaml, ICalendar, Pdf };

/// Writes plans in every export format: Markdown, HTML, YAML and iCalendar through core's writers, PDF
/// through PlanPdfWriter. Files are written atomically (QSaveFile).
class PlanExport
{
public:
    /// The file name suffix of a format, e.g. "md".
    static QString suffix(PlanFormat format);
    /// The file dialog filter of a format, e.g. "Markdown (*.md)".
    static QString filter(PlanFormat format);
    /// Writes `input` (the plan, its review and its schedules) to `path` in `format`. iCalendar needs at
    /// least one schedule ("ics-nothing").
    static Result<void> write(PlanFormat format, const PlanPdfInput& input, const QString& path);
};

} // namespace firedrill::ui
