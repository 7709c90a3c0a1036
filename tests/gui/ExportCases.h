#pragma once

// The exports the crash and full-disk tests drive, shared by export_writer (the process that is killed)
// and test_export_crash (which checks what it left): export number N of a kind writes a topology or a
// drill plan named "Export N" through the application's own code (Document::exportYaml, PlanExport).

#include "core/drill/DrillPlanGenerator.h"
#include "core/io/TopologyFile.h"
#include "ui/document/Document.h"
#include "ui/drill/PlanExport.h"

#include <QString>
#include <QStringList>
#include <chrono>
#include <string>

namespace exportcase {

/// Every kind of export: the topology as YAML, and a drill plan as Markdown, HTML, YAML and PDF.
inline QStringList kinds()
{
    return {QStringLiteral("topology-yaml"), QStringLiteral("plan-markdown"), QStringLiteral("plan-html"),
            QStringLiteral("plan-yaml"), QStringLiteral("plan-pdf")};
}

/// The file name an export of `kind` is written to.
inline QString fileName(const QString& kind)
{
    if (kind == QStringLiteral("plan-markdown"))
        return QStringLiteral("plan.md");
    if (kind == QStringLiteral("plan-html"))
        return QStringLiteral("plan.html");
    if (kind == QStringLiteral("plan-pdf"))
        return QStringLiteral("plan.pdf");
    return kind == QStringLiteral("plan-yaml") ? QStringLiteral("plan.yaml")
                                               : QStringLiteral("topology.yaml");
}

/// The sources of every export, loaded once.
class Sources
{
public:
    Sources()
    {
        (void)m_document.open(QStringLiteral(FIREDRILL_SAMPLES_DIR "/two-region.yaml"));
        const auto gas = firedrill::loadTopologyYamlFile(FIREDRILL_SAMPLES_DIR "/gas-trading.yaml");
        if (gas.ok()) {
            auto plan = firedrill::generateDrillPlan(*gas.topology, firedrill::WorkloadId("trading"),
                                                     firedrill::ScenarioId("drill-region"));
            if (plan)
                m_input.plan = *plan;
        }
        m_input.systemName = QStringLiteral("Gas trading");
        m_input.generated = std::chrono::sys_seconds(std::chrono::seconds(1'800'000'000));
    }

    /// True when both sources loaded.
    bool ok() const { return !m_document.topology().components.empty() && !m_input.plan.steps.empty(); }

    /// Writes export number `n` of `kind` to `path` through the application's code path.
    firedrill::Result<void> write(const QString& kind, int n, const QString& path)
    {
        const std::string name = "Export " + std::to_string(n);
        if (kind == QStringLiteral("topology-yaml")) {
            firedrill::Topology topology = m_document.topology();
            topology.name = name;
            m_document.replaceTopology(topology);
            return m_document.exportYaml(path);
        }
        m_input.plan.title = name;
        if (kind == QStringLiteral("plan-markdown"))
            return firedrill::ui::PlanExport::write(firedrill::ui::PlanFormat::Markdown, m_input, path);
        if (kind == QStringLiteral("plan-html"))
            return firedrill::ui::PlanExport::write(firedrill::ui::PlanFormat::Html, m_input, path);
        if (kind == QStringLiteral("plan-yaml"))
            return firedrill::ui::PlanExport::write(firedrill::ui::PlanFormat::Yaml, m_input, path);
        return firedrill::ui::PlanExport::write(firedrill::ui::PlanFormat::Pdf, m_input, path);
    }

private:
    firedrill::ui::Document m_document;
    firedrill::ui::PlanPdfInput m_input;
};

} // namespace exportcase
