#include "HelpDocuments.h"

#include <QFile>

static void initUserDocResources()
{
    Q_INIT_RESOURCE(user_docs);
}

namespace firedrill::ui {

namespace {

/// The first "# " heading of `text`, or `fallback`.
QString titleOf(const QString& text, const QString& fallback)
{
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("# ")))
            return line.mid(2).trimmed().toString().remove(QLatin1Char('`'));
    return fallback;
}

} // namespace

QString helpText(const QString& resource)
{
    initUserDocResources();
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

std::vector<HelpDocument> helpDocuments()
{
    static const char* const pages[] = {"format", "analysis", "estimates", "montecarlo",
                                        "replay", "engine",   "drill",     "cli"};
    std::vector<HelpDocument> documents;
    for (const char* page : pages) {
        const QString resource = QStringLiteral(":/docs/%1.md").arg(QLatin1String(page));
        const QString text = helpText(resource);
        if (!text.isEmpty())
            documents.push_back({titleOf(text, QLatin1String(page)), resource});
    }
    return documents;
}

} // namespace firedrill::ui
