#pragma once

#include "core/model/Result.h"

#include <QImage>
#include <QString>

namespace firedrill::ui {

class Document;

/// The topology diagram of `document` as an image for printing (up to 2,400 pixels wide, twice the
/// scene resolution for small diagrams); null when the topology draws nothing.
QImage renderTopologyImage(Document& document);

/// Writes the drill plan in `planYamlPath` (as `firedrill-cli plan --format yaml` writes it) as a PDF at
/// `outputPath`, with the diagram of the topology at `topologyPath` (YAML or workspace, opened read-only
/// when someone else holds it). What `firedrill --plan-pdf` does for `firedrill-cli plan --format pdf`.
Result<void> renderPlanPdf(const QString& planYamlPath, const QString& topologyPath, const QString& outputPath);

} // namespace firedrill::ui
