#include "DocumentationWindow.h"

#include "HelpDocuments.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>

namespace firedrill::ui {

DocumentationWindow::DocumentationWindow(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("documentationWindow"));
    setWindowTitle(tr("Firedrill documentation"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(this);
    m_pages = new QListWidget(split);
    m_pages->setObjectName(QStringLiteral("documentationPages"));
    m_browser = new QTextBrowser(split);
    m_browser->setObjectName(QStringLiteral("documentationText"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setOpenLinks(false);
    split->addWidget(m_pages);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    m_pages->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
    split->setSizes({280, 720});
    layout->addWidget(split);
    for (const HelpDocument& doc : helpDocuments()) {
        auto* item = new QListWidgetItem(doc.title, m_pages);
        item->setData(Qt::UserRole, doc.resource);
    }
    connect(m_pages, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            showPage(item->data(Qt::UserRole).toString());
    });
    // A link to another bundled page ("format.md#durations") opens it here; others open outside.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.isRelative() && url.path().endsWith(QLatin1String(".md"))) {
            showPage(QStringLiteral(":/docs/%1").arg(url.path().section(QLatin1Char('/'), -1)));
            if (url.hasFragment())
                m_browser->scrollToAnchor(url.fragment());
        } else if (url.isRelative() && url.hasFragment()) {
            m_browser->scrollToAnchor(url.fragment());
        }
    });
    resize(1000, 700);
    if (m_pages->count() > 0)
        m_pages->setCurrentRow(0);
}

bool DocumentationWindow::showPage(const QString& resource)
{
    const QString text = helpText(resource);
    if (text.isEmpty())
        return false;
    m_browser->setMarkdown(text);
    for (int i = 0; i < m_pages->count(); ++i)
        if (m_pages->item(i)->data(Qt::UserRole).toString() == resource && m_pages->currentRow() != i) {
            const QSignalBlocker block(m_pages);
            m_pages->setCurrentRow(i);
        }
    return true;
}

} // namespace firedrill::ui
