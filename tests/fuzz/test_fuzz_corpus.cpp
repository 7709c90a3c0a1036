// Replays the fuzzing seed corpus (and every input a fuzzer ever found) through the harnesses' checks,
// so each finding stays a regression test in the ordinary build.

#include "FuzzChecks.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

namespace {

/// Every regular file in the given folders (relative to the source tree, or absolute), sorted by path.
QStringList filesIn(const QStringList& folders)
{
    QStringList out;
    for (const QString& folder : folders) {
        const QDir dir(QDir(QStringLiteral(FIREDRILL_SOURCE_DIR)).filePath(folder));
        for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden, QDir::Name))
            if (name != QStringLiteral("README.md"))
                out << dir.filePath(name);
    }
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const std::uint8_t* bytesOf(const QByteArray& bytes)
{
    return reinterpret_cast<const std::uint8_t*>(bytes.constData());
}

/// The workspace seed folders: the committed corpus and the sample workspaces the build converts.
QStringList workspaceFolders()
{
    return {QStringLiteral("tests/fuzz/corpus/workspace"), QStringLiteral(FIREDRILL_SAMPLE_WORKSPACES_DIR)};
}

/// The YAML seed folders; the same list as tests/fuzz/run.sh.
QStringList yamlFolders()
{
    return {QStringLiteral("tests/fuzz/corpus/yaml"), QStringLiteral("resources/samples"),
            QStringLiteral("tests/data/hostile")};
}

/// The analysis-path seed folders; the same list as tests/fuzz/run.sh.
QStringList analysisFolders()
{
    return {QStringLiteral("tests/fuzz/corpus/analysis"), QStringLiteral("resources/samples")};
}

} // namespace

class TestFuzzCorpus : public QObject
{
    Q_OBJECT

private slots:
    void corpusIsThere()
    {
        QVERIFY(filesIn(yamlFolders()).size() >= 30);
        QVERIFY(filesIn(workspaceFolders()).size() >= 30);
        QVERIFY(filesIn({QStringLiteral("tests/fuzz/corpus/analysis")}).size() >= 5);
    }

    void yamlImport_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : filesIn(yamlFolders()))
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }

    void yamlImport()
    {
        QFETCH(QString, file);
        const QByteArray bytes = readAll(file);
        const std::string broken =
            firedrill::fuzz::checkYamlImport(bytesOf(bytes), static_cast<std::size_t>(bytes.size()));
        QVERIFY2(broken.empty(), broken.c_str());
    }

    void analysisPaths_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : filesIn(analysisFolders()))
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }

    void analysisPaths()
    {
        QFETCH(QString, file);
        const QByteArray bytes = readAll(file);
        const std::string broken =
            firedrill::fuzz::checkAnalysisPaths(bytesOf(bytes), static_cast<std::size_t>(bytes.size()));
        QVERIFY2(broken.empty(), broken.c_str());
    }

    void workspaceOpen_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : filesIn(workspaceFolders()))
            QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
    }

    void workspaceOpen()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = readAll(file);
        const std::filesystem::path path = dir.filePath(QStringLiteral("input.firedrill")).toStdString();
        const std::string broken = firedrill::fuzz::checkWorkspaceOpen(
            bytesOf(bytes), static_cast<std::size_t>(bytes.size()), path);
        QVERIFY2(broken.empty(), broken.c_str());
    }
};

QTEST_GUILESS_MAIN(TestFuzzCorpus)
#include "test_fuzz_corpus.moc"
