#pragma once

#include <cstdint>
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

/// Options of `firedrill-cli analyze`.
struct AnalyzeOptions
{
    std::string file;
    std::string workload;    ///< empty: every workload
    std::string prices;      ///< price table file; empty: the built-in table
    double failoverHours = 24;
    bool pairs = false;
    bool json = false;
};

/// Options of `firedrill-cli compare`.
struct CompareOptions
{
    std::string file;
    std::string workload;
    std::string prices;
    bool pareto = false;
    bool json = false;
};

/// Prints SLA, SPOFs, cost, estimated RTO/RPO and policy verdicts.
int runAnalyze(const AnalyzeOptions& options);
/// Prints the four DR strategies side by side for a workload.
int runCompare(const CompareOptions& options);

/// Options of `firedrill-cli montecarlo`.
struct MonteCarloCommandOptions
{
    std::string file;
    std::uint64_t years = 10'000;
    std::uint64_t seed = 1;
    unsigned threads = 0; ///< 0: every hardware thread
    std::string shard;    ///< "i/n"
    bool json = false;
};

/// Options of `firedrill-cli merge`.
struct MergeOptions
{
    std::string file;
    std::vector<std::string> shards;
    bool json = false;
};

/// Runs many simulated years and prints downtime statistics.
int runMonteCarloCommand(const MonteCarloCommandOptions& options);
/// Merges Monte Carlo shard results into the statistics of one run.
int runMerge(const MergeOptions& options);

/// Options of `firedrill-cli recover`.
struct RecoverOptions
{
    std::string file;
    bool json = false;
};

/// Rolls back the unfinished save a crash left in a workspace's journal (opening it for editing once)
/// and reports which revision is intact; a workspace closed cleanly is left untouched.
int runRecover(const RecoverOptions& options);

/// Validates topology files and workspaces; prints every problem.
int runValidate(const ValidateOptions& options);
/// Converts between YAML and workspace files, chosen by extension.
int runConvert(const ConvertOptions& options);
/// Prints what a topology file or workspace contains.
int runInfo(const InfoOptions& options);

} // namespace firedrill::cli
