#pragma once

#include <QString>

#include <vector>

namespace firedrill::ui {

/// One page of the documentation bundled with the application (docs/*.md, compiled in: readable offline).
struct HelpDocument
{
    QString title;    ///< the page's first heading
    QString resource; ///< ":/docs/format.md"
};

/// The bundled pages, in reading order (the format first, the command line last).
std::vector<HelpDocument> helpDocuments();

/// The Markdown text of the bundled page `resource`, or empty when it is not bundled.
QString helpText(const QString& resource);

} // namespace firedrill::ui
