#include "BackgroundLoad.h"

#include <QEventLoop>
#include <QThread>
#include <memory>
#include <optional>

namespace firedrill::ui {

Result<LoadedDocument> loadInBackground(const QString& path)
{
    std::optional<Result<LoadedDocument>> result;
    QEventLoop loop;
    std::unique_ptr<QThread> worker(QThread::create([&result, path] { result.emplace(loadDocument(path)); }));
    // Queued to this thread: the quit arrives even when the worker finishes before exec() starts.
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    return std::move(*result);
}

} // namespace firedrill::ui
