#pragma once

#include <QWidget>

class QListWidget;
class QTextBrowser;

namespace firedrill::ui {

/// Help ▸ Documentation: the pages bundled with the application (the format, the analyses, the replay,
/// drills, the command line) in a list beside a reader; works offline.
class DocumentationWindow : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentationWindow(QWidget* parent = nullptr);

    /// Shows the page whose resource is `resource` (":/docs/format.md"); false when it is not bundled.
    bool showPage(const QString& resource);
    /// The reader.
    QTextBrowser* browser() const { return m_browser; }

private:
    QListWidget* m_pages = nullptr;
    QTextBrowser* m_browser = nullptr;
};

} // namespace firedrill::ui
