#include "BackgroundLoad.h"

#include "ui/common/QueuedCall.h"

#include <QEventLoop>
#include <optional>
#include <thread>

namespace firedrill::ui {

Result<LoadedDocument> loadInBackground(const QString& path)
{
    std::optional<Result<LoadedDocument>> result;
    QEventLoop loop;
    std::thread worker([&result, &loop, path] {
        result.emplace(loadDocument(path));
        // Queued: the quit arrives even when the worker finishes before exec() starts.
        queueCall(&loop, [&loop] { loop.quit(); });
    });
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker.join(); // the result is complete and visible once the thread has ended
    return std::move(*result);
}

} // namespace firedrill::ui
