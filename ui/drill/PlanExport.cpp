#include "PlanExport.h"

#include "core/drill/ICalendarWriter.h"
#include "core/drill/PlanHtml.h"
#include "core/drill/PlanMarkdown.h"
#include "core/drill/PlanYaml.h"
#include "ui/common/SafeSave.h"

#include <QObject>

namespace firedrill::ui {

namespace {

Result<void> writeText(const QString& path, const std::string& text)
{
    auto written = SafeSave::write(path, QByteArray::fromStdString(text));
    if (!written)
        return Error{"io", QObject::tr("Could not write %1: %2")
                               .arg(path, QString::fromStdString(written.error().message))
                               .toStdString()};
    return {};
}

} // namespace

QString PlanExport::suffix(PlanFormat format)
{
    switch (format) {
    case PlanFormat::Markdown:
        return QStringLiteral("md");
    case PlanFormat::Html:
        return QStringLiteral("html");
    case PlanFormat::Yaml:
        return QStringLiteral("yaml");
    case PlanFormat::ICalendar:
        return QStringLiteral("ics");
    case PlanFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString PlanExport::filter(PlanFormat format)
{
    switch (format) {
    case PlanFormat::Markdown:
        return QObject::tr("Markdown (*.md)");
    case PlanFormat::Html:
        return QObject::tr("Web page (*.html)");
    case PlanFormat::Yaml:
        return QObject::tr("Plan YAML (*.yaml)");
    case PlanFormat::ICalendar:
        return QObject::tr("Calendar (*.ics)");
    case PlanFormat::Pdf:
        return QObject::tr("PDF (*.pdf)");
    }
    return {};
}

Result<void> PlanExport::write(PlanFormat format, const PlanPdfInput& input, const QString& path)
{
    switch (format) {
    case PlanFormat::Markdown:
        return writeText(path, planToMarkdown(input.plan));
    case PlanFormat::Html:
        return writeText(path, planToHtml(input.plan));
    case PlanFormat::Yaml:
        return writeText(path, planToYaml(input.plan));
    case PlanFormat::ICalendar: {
        if (input.schedules.empty())
            return Error{
                "ics-nothing",
                QObject::tr("The plan has no schedule yet: schedule the drill before exporting it to a "
                            "calendar.")
                    .toStdString()};
        auto ics = schedulesToICalendar(input.schedules, input.generated);
        if (!ics)
            return ics.error();
        return writeText(path, *ics);
    }
    case PlanFormat::Pdf:
        return PlanPdfWriter::write(input, path);
    }
    return Error{"io", "Unknown export format."};
}

} // namespace firedrill::ui
