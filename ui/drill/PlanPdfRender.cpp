#include "PlanPdfRender.h"

#include "PlanPdfWriter.h"
#include "core/drill/PlanYaml.h"
#include "ui/common/DisplayText.h"
#include "ui/document/Document.h"
#include "ui/editor/CanvasColors.h"
#include "ui/editor/TopologyScene.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <algorithm>
#include <chrono>

namespace firedrill::ui {

QImage renderTopologyImage(Document& document)
{
    TopologyScene scene(&document);
    const QRectF source = scene.itemsBoundingRect().adjusted(-30, -30, 30, 30);
    if (source.isEmpty())
        return {};
    const double scale = std::min(2.0, 2400.0 / source.width());
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(canvasColors().background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size() * scale), source);
    return image;
}

Result<void> renderPlanPdf(const QString& planYamlPath, const QString& topologyPath, const QString& outputPath)
{
    QFile file(planYamlPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot-read", planYamlPath.toStdString() + ": " + file.errorString().toStdString()};
    const QByteArray text = file.readAll();
    const PlanLoadResult loaded =
        readPlanYaml(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), planYamlPath.toStdString());
    if (!loaded.ok()) {
        std::string message = planYamlPath.toStdString() + ": not a drill plan";
        for (const Diagnostic& d : loaded.diagnostics)
            if (d.severity == Severity::Error) {
                message += ": " + d.message;
                break;
            }
        return Error{"bad-plan", message};
    }
    Document document;
    if (auto opened = document.open(topologyPath); !opened)
        return opened.error();
    PlanPdfInput input;
    input.plan = *loaded.plan;
    input.systemName = qstr(document.topology().name);
    if (input.systemName.isEmpty())
        input.systemName = QFileInfo(topologyPath).completeBaseName();
    input.diagram = renderTopologyImage(document);
    input.generated = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return PlanPdfWriter::write(input, outputPath);
}

} // namespace firedrill::ui
