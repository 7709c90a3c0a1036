#pragma once

#include "DrillPlan.h"

#include <string>

namespace firedrill {

/// The plan as one self-contained HTML page (inline style, no scripts), with the sections of the
/// Markdown export. The markup is well-formed XML (XHTML syntax), so it can also be checked or
/// transformed by XML tools; all plan text is escaped.
std::string planToHtml(const DrillPlan& plan);

/// Escapes & < > " and ' for HTML text and attribute values.
std::string escapeHtml(const std::string& text);

} // namespace firedrill
