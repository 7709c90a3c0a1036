#pragma once

#include "core/model/Result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace firedrill::cli {

/// The desktop application `firedrill`, run headless (offscreen) for what only Qt's print engine can do:
/// a drill plan's PDF. firedrill-cli itself links core only.
class DesktopRenderer
{
public:
    /// Finds `firedrill`: $FIREDRILL_GUI when set, else beside firedrill-cli (an installed system), else in
    /// the build tree's app/gui beside app/cli. nullopt when there is none.
    static std::optional<std::filesystem::path> locate();

    /// Runs `executable` with `arguments` and QT_QPA_PLATFORM=offscreen; fails with what it printed on
    /// standard error when it does not exit 0.
    static Result<void> run(const std::filesystem::path& executable, const std::vector<std::string>& arguments);
};

} // namespace firedrill::cli
