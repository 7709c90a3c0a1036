#pragma once

#include "core/model/Topology.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace firedrill::ui {

class Document;

/// Components as YAML text for the clipboard: a topology file holding the selected components (and the
/// regions and sites they are placed in), so the text also opens in an editor or as a file.
QString componentsToYaml(const Topology& topology, const QStringList& ids);
/// The components of YAML text from componentsToYaml() (or any topology file); empty when it is none.
std::vector<Component> componentsFromYaml(const QString& text);
/// Adds `components` as one undo step: ids made unique (references between the pasted components follow),
/// references to components, regions and sites the document lacks dropped, replicas left out. Returns the
/// new ids.
QStringList pasteComponents(Document& document, std::vector<Component> components);

} // namespace firedrill::ui
