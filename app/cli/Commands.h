#pragma once

#include <string>
#include <vector>

namespace firedrill::cli {

/// Exit codes shared by every command.
enum ExitCode : int { Ok = 0, InvalidInput = 1, UsageError = 2 };

/// Options of `firedrill-cli validate`.
struct ValidateOptions
{
    std::vector<std::string> files;
    bool json = false;
    bool strict = false; ///< warnings count as failures
};

/// Options of `firedrill-cli convert`.
struct ConvertOptions
{
    std::string input;
    std::string output;
    std::string note;
    bool force = false;
    bool json = false;
};

/// Options of `firedrill-cli info`.
struct InfoOptions
{
    std::string file;
    bool json = false;
};

/// Validates topology files and workspaces; prints every problem.
int runValidate(const ValidateOptions& options);
/// Converts between YAML and workspace files, chosen by extension.
int runConvert(const ConvertOptions& options);
/// Prints what a topology file or workspace contains.
int runInfo(const InfoOptions& options);

} // namespace firedrill::cli
